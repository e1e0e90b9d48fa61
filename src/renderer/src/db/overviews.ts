import { compareText } from '@shared/i18n/collation';
import type { Locale } from '@shared/i18n/locales';
import type { EventSession, Programme } from '@shared/model';
import { attendanceStats, breakdown, evaluateCompletion, holdsPlace, type Breakdown } from '@shared/programmes';
import type { MrezaDb } from './db';
import { isHeld } from '@shared/indicators/held';
import { orgToday } from './orgDay';

export interface ProgrammeOverview {
  programme: Programme;
  events: number;
  sessions: number;
  /** Unique people holding a place in any of the programme's events (the card says "enrolled people"). */
  enrolled: number;
  nextSession?: EventSession;
}

/** Programmes with their event and session counts and enrolled people, newest first. */
export async function programmeOverviews(db: MrezaDb, day?: string): Promise<ProgrammeOverview[]> {
  const today = day ?? (await orgToday(db));
  // Not orderBy('startDate'): the index would leave out programmes that have no dates yet.
  const programmes = (await db.programmes.toArray()).sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return Promise.all(
    programmes.map(async (programme) => {
      const events = await db.events.where('programmeId').equals(programme.id).toArray();
      const eventIds = events.map((e) => e.id);
      const sessions = await db.sessions.where('eventId').anyOf(eventIds).toArray();
      const placed = await db.enrolments.where('eventId').anyOf(eventIds).filter(holdsPlace).toArray();
      const enrolled = new Set(placed.map((e) => e.personId)).size;
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

export async function mentorOverviews(db: MrezaDb, locale: Locale | string = 'hr'): Promise<MentorOverview[]> {
  const mentors = await db.mentors.toArray();
  const people = new Map((await db.people.bulkGet(mentors.map((m) => m.personId))).filter((p) => p !== undefined).map((p) => [p.id, p]));
  // Paused matches keep their place, so they count towards the load too.
  const active = await db.matches.where('status').anyOf(['active', 'paused']).toArray();
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
    .sort((a, b) => compareText(locale)(a.name, b.name));
}

/**
 * Figures over one event or all the events of a programme. Every figure about people counts each
 * person once however many events she is in; enrolments (one per person and event) are their own figure.
 */
export interface ParticipationOverview {
  /** Unique people holding a place (enrolled or completed); the breakdowns add up to this. */
  people: number;
  breakdown: Breakdown;
  /** Places held: one per person and event. */
  enrolments: number;
  /** Unique people on at least one of the events' waiting lists. */
  waiting: number;
  /** Attended marks over expected marks (enrolled people × sessions held), over all the events. */
  attendanceRate: number;
  /** Unique people who met the completion rule in at least one of the events. */
  completions: number;
  /** Certificates issued (documents, not people). */
  certificates: number;
}

/** Participants of some events (one event, or every event of a programme) by gender, country, institution type and municipality, with attendance and completions. */
export async function participationOverview(db: MrezaDb, programme: Programme, eventIds: string[], day?: string): Promise<ParticipationOverview> {
  const today = day ?? (await orgToday(db));
  const sessions = await db.sessions.where('eventId').anyOf(eventIds).toArray();
  const enrolments = await db.enrolments.where('eventId').anyOf(eventIds).toArray();
  const attendance = await db.attendance
    .where('sessionId')
    .anyOf(sessions.map((s) => s.id))
    .toArray();
  const certificates = await db.certificates.where('eventId').anyOf(eventIds).count();
  const placed = enrolments.filter(holdsPlace);
  const people = (await db.people.bulkGet([...new Set(placed.map((e) => e.personId))])).filter((p) => p !== undefined);
  let attended = 0;
  let expected = 0;
  const completed = new Set<string>();
  for (const eventId of eventIds) {
    const ss = sessions.filter((s) => s.eventId === eventId);
    const who = placed.filter((e) => e.eventId === eventId).map((e) => e.personId);
    const marks = attendance.filter((a) => ss.some((s) => s.id === a.sessionId));
    // The rate counts sessions already held (held.ts, as the indicators do), so planned ones do not pull it down.
    const held = ss.filter((s) => isHeld(s, today));
    const st = attendanceStats(
      who,
      held.map((s) => s.id),
      marks,
    );
    attended += st.attended;
    expected += st.expected;
    for (const p of who) {
      const mine = new Map(marks.filter((m) => m.personId === p).map((m) => [m.sessionId, m.status]));
      if (evaluateCompletion(programme.completionRule, ss, mine).met) completed.add(p);
    }
  }
  return {
    people: people.length,
    breakdown: breakdown(people),
    enrolments: placed.length,
    waiting: new Set(enrolments.filter((e) => e.status === 'waiting').map((e) => e.personId)).size,
    attendanceRate: expected === 0 ? 0 : attended / expected,
    completions: completed.size,
    certificates,
  };
}

/** The home page's headline figures, each from an index count (no rows read). */
export async function homeFigures(db: MrezaDb): Promise<{ people: number; mentors: number; activeMatches: number; sessions: number }> {
  return {
    people: await db.people.count(),
    mentors: await db.mentors.count(),
    activeMatches: await db.matches.where('status').equals('active').count(),
    sessions: await db.mentoringSessions.count(),
  };
}
