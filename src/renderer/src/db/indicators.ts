import type { MrezaDb } from './db';

/** Every table the indicators read, in one read transaction so the figures are consistent. */
export async function loadDataset(db: MrezaDb) {
  return db.transaction('r', [db.people, db.programmes, db.events, db.sessions, db.enrolments, db.attendance, db.certificates, db.matches, db.mentoringSessions, db.outcomes, db.organisations], async () => ({
    people: await db.people.toArray(),
    programmes: await db.programmes.toArray(),
    events: await db.events.toArray(),
    sessions: await db.sessions.toArray(),
    enrolments: await db.enrolments.toArray(),
    attendance: await db.attendance.toArray(),
    certificates: await db.certificates.toArray(),
    matches: await db.matches.toArray(),
    mentoringSessions: await db.mentoringSessions.toArray(),
    outcomes: await db.outcomes.toArray(),
    organisations: await db.organisations.toArray(),
  }));
}

/** Names for the drill-down list: only the people behind one number. */
export async function peopleByIds(db: MrezaDb, ids: readonly string[]) {
  return (await db.people.bulkGet([...ids])).filter((p) => p !== undefined).sort((a, b) => a.lastName.localeCompare(b.lastName));
}
