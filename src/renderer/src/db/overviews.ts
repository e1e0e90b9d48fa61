import type { EventSession, Programme } from '@shared/model';
import type { MrezaDb } from './db';

export interface ProgrammeOverview {
  programme: Programme;
  events: number;
  sessions: number;
  enrolled: number;
  nextSession?: EventSession;
}

/** Programmes with their event, session and enrolment counts, newest first. */
export async function programmeOverviews(db: MrezaDb, today = new Date().toISOString().slice(0, 10)): Promise<ProgrammeOverview[]> {
  // Not orderBy('startDate'): the index would leave out programmes that have no dates yet.
  const programmes = (await db.programmes.toArray()).sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return Promise.all(
    programmes.map(async (programme) => {
      const events = await db.events.where('programmeId').equals(programme.id).toArray();
      const eventIds = events.map((e) => e.id);
      const sessions = await db.sessions.where('eventId').anyOf(eventIds).toArray();
      const enrolled = await db.enrolments.where('eventId').anyOf(eventIds).filter((e) => e.status === 'enrolled' || e.status === 'completed').count();
      const nextSession = sessions.filter((s) => s.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
      return { programme, events: events.length, sessions: sessions.length, enrolled, nextSession };
    }),
  );
}

export interface MentorOverview {
  mentorId: string;
  name: string;
  municipality?: string;
  expertise: string[];
  capacity: number;
  activeMatches: number;
  active: boolean;
}

export async function mentorOverviews(db: MrezaDb): Promise<MentorOverview[]> {
  const mentors = await db.mentors.toArray();
  const people = new Map((await db.people.bulkGet(mentors.map((m) => m.personId))).filter((p) => p !== undefined).map((p) => [p.id, p]));
  const active = await db.matches.where('status').equals('active').toArray();
  return mentors
    .map((m) => {
      const p = people.get(m.personId);
      return {
        mentorId: m.id,
        name: p ? `${p.firstName} ${p.lastName}` : '—',
        municipality: p?.municipality,
        expertise: m.expertise,
        capacity: m.capacity,
        activeMatches: active.filter((x) => x.mentorId === m.id).length,
        active: m.active,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
