import { compareText } from '@shared/i18n/collation';
import type { Locale } from '@shared/i18n/locales';
import type { z } from 'zod';
import {
  DEFAULT_MENTORING_SETTINGS,
  type CHECK_ANSWERS,
  mentoringSettingsSchema,
  reminderSnoozesSchema,
  type Closure,
  type Match,
  type MatchStatus,
  type MenteeProfile,
  type Mentor,
  type MentoringSession,
  type MentoringSettings,
  type Person,
  type menteeProfileSchema,
  type mentorSchema,
  type mentoringSessionSchema,
} from '@shared/model';
import { isHeld } from '@shared/indicators/held';
import type { MenteeInput, MentorInput, ProposedPair } from '@shared/matching';
import { businessDetailsProblem } from '@shared/people/outcomes';
import {
  OCCUPIES_PLACE,
  mentorStats,
  outcomeFromClosure,
  pruneSnoozes,
  reminderKey,
  reminders,
  transition,
  type Reminder,
  type ReminderSnoozes,
} from '@shared/mentoring';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { orgToday } from './orgDay';
import { PeopleError } from './people';
import { ForbiddenError, readablePeople, requireAll, requireMatchAccess, requirePermission } from './permissions';
import { createRecord, deleteRecord, selfOrg, updateRecord } from './records';

const fullName = (p?: Person) => (p ? `${p.firstName} ${p.lastName}` : '—');

/** Matches no mentor record: a mentor user without one sees nothing. */
const NO_MENTOR = '00000000-0000-0000-0000-000000000000';

/** The mentor whose rows the actor may read: whichever was asked (or all), or for a mentor only her own; a viewer none. */
function readableMentor(actor: Actor, asked?: string): string | undefined {
  if (requirePermission(actor, 'readPeople') === 'all') return asked;
  return actor.mentorId ?? NO_MENTOR;
}

/* ---------- settings ---------- */

export async function getMentoringSettings(db: MrezaDb): Promise<MentoringSettings> {
  const row = (await db.table('settings').get('mentoring')) as unknown;
  const parsed = mentoringSettingsSchema.safeParse(row);
  return parsed.success ? parsed.data : DEFAULT_MENTORING_SETTINGS;
}

export async function saveMentoringSettings(db: MrezaDb, actor: Actor, changes: Partial<Omit<MentoringSettings, 'key'>>): Promise<MentoringSettings> {
  requirePermission(actor, 'manageSettings');
  return db.transaction('rw', db.settings, async () => {
    const next = mentoringSettingsSchema.parse({ ...(await getMentoringSettings(db)), ...changes, key: 'mentoring' });
    await db.table('settings').put(next);
    return next;
  });
}

/* ---------- profiles ---------- */

type MentorDraft = Omit<z.input<typeof mentorSchema>, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;
type MenteeDraft = Omit<z.input<typeof menteeProfileSchema>, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

export async function saveMentor(db: MrezaDb, actor: Actor, draft: MentorDraft, id?: string): Promise<Mentor> {
  if (id) return updateRecord(db, actor, 'mentors', id, draft);
  const existing = await db.mentors.where('personId').equals(draft.personId).first();
  if (existing) return updateRecord(db, actor, 'mentors', existing.id, draft);
  return createRecord(db, actor, 'mentors', draft);
}

/** One needs profile per person: updates hers if there is one. */
export async function saveMenteeProfile(db: MrezaDb, actor: Actor, draft: MenteeDraft): Promise<MenteeProfile> {
  const existing = await db.menteeProfiles.where('personId').equals(draft.personId).first();
  if (existing) return updateRecord(db, actor, 'menteeProfiles', existing.id, draft);
  return createRecord(db, actor, 'menteeProfiles', draft);
}

export interface MentorRow {
  mentor: Mentor;
  person?: Person;
  name: string;
  load: number;
}

export interface MenteeRow {
  profile: MenteeProfile;
  person?: Person;
  name: string;
  /** Her match that is proposed, active or paused, if any. */
  current?: Match;
}

async function occupying(db: MrezaDb): Promise<Match[]> {
  return db.matches
    .where('status')
    .anyOf([...OCCUPIES_PLACE, 'proposed'])
    .toArray();
}

export async function mentorRows(db: MrezaDb, actor: Actor, only?: string, locale: Locale | string = 'hr'): Promise<MentorRow[]> {
  const onlyMentorId = readableMentor(actor, only);
  const mentors = onlyMentorId ? (await db.mentors.bulkGet([onlyMentorId])).filter((m): m is Mentor => !!m) : await db.mentors.toArray();
  const people = await db.people.bulkGet(mentors.map((m) => m.personId));
  const matches = (await occupying(db)).filter((m) => OCCUPIES_PLACE.includes(m.status));
  return mentors
    .map((mentor, i) => ({ mentor, person: people[i], name: fullName(people[i]), load: matches.filter((x) => x.mentorId === mentor.id).length }))
    .sort((a, b) => compareText(locale)(a.name, b.name));
}

export async function menteeRows(db: MrezaDb, actor: Actor, locale: Locale | string = 'hr'): Promise<MenteeRow[]> {
  const allowed = await readablePeople(db, actor);
  const profiles = (await db.menteeProfiles.toArray()).filter((p) => !allowed || allowed.has(p.personId));
  const people = await db.people.bulkGet(profiles.map((p) => p.personId));
  const matches = await occupying(db);
  return profiles
    .map((profile, i) => ({ profile, person: people[i], name: fullName(people[i]), current: matches.find((m) => m.menteeId === profile.personId) }))
    .sort((a, b) => compareText(locale)(a.name, b.name));
}

export function toMentorInput(r: MentorRow): MentorInput {
  const { mentor, person } = r;
  return {
    id: mentor.id,
    personId: mentor.personId,
    gender: person?.gender,
    municipality: person?.municipality,
    region: mentor.region,
    expertise: mentor.expertise,
    sectors: mentor.sectors,
    languages: mentor.languages,
    remote: mentor.remote,
    capacity: mentor.capacity,
    load: r.load,
    active: mentor.active,
  };
}

export function toMenteeInput(r: MenteeRow): MenteeInput {
  const { profile, person } = r;
  return {
    id: profile.personId,
    municipality: person?.municipality,
    region: profile.region,
    sector: profile.sector,
    needs: profile.needs,
    languages: profile.languages,
    remote: profile.remote,
    mentorGender: profile.mentorGender,
    avoidPersonIds: profile.avoidPersonIds,
  };
}

/* ---------- matches ---------- */

/** Saves the accepted pairs of a proposal as matches, all or nothing. */
export async function acceptPairs(
  db: MrezaDb,
  actor: Actor,
  pairs: readonly Pick<ProposedPair, 'menteeId' | 'mentorId' | 'score'>[],
  status: 'proposed' | 'active' = 'active',
): Promise<Match[]> {
  requireAll(actor, 'editRecords');
  const today = await orgToday(db);
  return db.transaction('rw', [db.matches, db.auditLog, db.organisations], async () => {
    const busy = new Set((await occupying(db)).map((m) => m.menteeId));
    const out: Match[] = [];
    for (const p of pairs) {
      if (busy.has(p.menteeId)) continue;
      out.push(
        await createRecord(db, actor, 'matches', {
          mentorId: p.mentorId,
          menteeId: p.menteeId,
          status,
          score: p.score,
          proposedOn: today,
          startedOn: status === 'active' ? today : undefined,
        }),
      );
      busy.add(p.menteeId);
    }
    return out;
  });
}

/**
 * Moves a match along its lifecycle. Closing writes the participant's outcome record in the same
 * transaction, only when the closure names an outcome the coordinator chose (see outcomeFromClosure).
 */
export async function setMatchStatus(db: MrezaDb, actor: Actor, matchId: string, to: MatchStatus, closure?: Closure, day?: string): Promise<Match> {
  requireAll(actor, 'editRecords');
  const on = day ?? (await orgToday(db));
  return db.transaction('rw', [db.matches, db.outcomes, db.auditLog, db.organisations], async () => {
    const match = await db.matches.get(matchId);
    if (!match) throw new Error(`match ${matchId} not found`);
    let finalClosure = closure;
    if (to === 'closed' && closure) {
      const problem = businessDetailsProblem(closure.outcome, closure, (await selfOrg(db)).country);
      if (problem) throw new PeopleError(problem);
      const outcome = outcomeFromClosure(closure);
      if (outcome) {
        const row = await createRecord(db, actor, 'outcomes', { personId: match.menteeId, date: on, ...outcome });
        finalClosure = { ...closure, outcomeId: row.id };
      }
    }
    return updateRecord(db, actor, 'matches', matchId, transition(match, to, on, finalClosure));
  });
}

export async function updateMatch(db: MrezaDb, actor: Actor, matchId: string, changes: Partial<Pick<Match, 'goals' | 'checks'>>): Promise<Match> {
  return updateRecord(db, actor, 'matches', matchId, changes);
}

export interface MatchRow {
  match: Match;
  mentorName: string;
  menteeName: string;
  sessions: number;
  lastSession?: string;
}

export async function matchRows(
  db: MrezaDb,
  actor: Actor,
  asked: { mentorId?: string; menteeId?: string } = {},
  locale: Locale | string = 'hr',
): Promise<MatchRow[]> {
  const opts = { ...asked, mentorId: readableMentor(actor, asked.mentorId) };
  let matches = opts.mentorId ? await db.matches.where('mentorId').equals(opts.mentorId).toArray() : await db.matches.toArray();
  if (opts.menteeId) matches = matches.filter((m) => m.menteeId === opts.menteeId);
  const mentors = await db.mentors.bulkGet(matches.map((m) => m.mentorId));
  const people = await db.people.bulkGet([...matches.map((m) => m.menteeId), ...mentors.map((m) => m?.personId ?? '')]);
  const sessions = await db.mentoringSessions
    .where('matchId')
    .anyOf(matches.map((m) => m.id))
    .toArray();
  const order: Record<MatchStatus, number> = { active: 0, proposed: 1, paused: 2, closed: 3 };
  const today = await orgToday(db);
  return matches
    .map((match, i) => {
      const held = sessions.filter((s) => s.matchId === match.id && isHeld(s, today));
      return {
        match,
        menteeName: fullName(people[i]),
        mentorName: fullName(people[matches.length + i]),
        sessions: held.length,
        lastSession: held
          .map((s) => s.date)
          .sort()
          .at(-1),
      };
    })
    .sort((a, b) => order[a.match.status] - order[b.match.status] || compareText(locale)(a.menteeName, b.menteeName));
}

/* ---------- sessions ---------- */

type SessionDraft = Omit<z.input<typeof mentoringSessionSchema>, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

export async function logSession(db: MrezaDb, actor: Actor, draft: SessionDraft): Promise<MentoringSession> {
  return createRecord(db, actor, 'mentoringSessions', draft);
}

/** Corrects a session log (every field of the form; a field left empty is cleared). */
export async function updateSession(db: MrezaDb, actor: Actor, sessionId: string, draft: SessionDraft): Promise<MentoringSession> {
  const cleared = { time: undefined, status: undefined, topics: undefined, note: undefined, nextSteps: undefined, followUpOn: undefined };
  return updateRecord(db, actor, 'mentoringSessions', sessionId, { ...cleared, ...draft });
}

/** Removes a session log entered by mistake (audited; the next bundle no longer carries it). */
export async function deleteSession(db: MrezaDb, actor: Actor, sessionId: string): Promise<void> {
  await deleteRecord(db, actor, 'mentoringSessions', sessionId);
}

export async function markFollowUpDone(db: MrezaDb, actor: Actor, sessionId: string): Promise<void> {
  await updateRecord(db, actor, 'mentoringSessions', sessionId, { followUpDone: true });
}

export interface SessionRow {
  session: MentoringSession;
  match: Match;
  mentorName: string;
  menteeName: string;
}

/** Sessions, newest first, per mentor, mentee and period (inclusive days). */
export async function sessionRows(
  db: MrezaDb,
  actor: Actor,
  opts: { mentorId?: string; menteeId?: string; from?: string; to?: string } = {},
): Promise<SessionRow[]> {
  const rows = await matchRows(db, actor, { mentorId: opts.mentorId, menteeId: opts.menteeId });
  const byId = new Map(rows.map((r) => [r.match.id, r]));
  const sessions = await db.mentoringSessions
    .where('matchId')
    .anyOf([...byId.keys()])
    .filter((s) => (!opts.from || s.date >= opts.from) && (!opts.to || s.date <= opts.to))
    .toArray();
  return sessions
    .map((session) => {
      const r = byId.get(session.matchId)!;
      return { session, match: r.match, mentorName: r.mentorName, menteeName: r.menteeName };
    })
    .sort((a, b) => b.session.date.localeCompare(a.session.date) || b.session.createdAt.localeCompare(a.session.createdAt));
}

/* ---------- reminders ---------- */

export interface ReminderRow {
  reminder: Reminder;
  mentorName: string;
  menteeName: string;
}

/** The snoozed reminders (key → the day each shows again). */
export async function getReminderSnoozes(db: MrezaDb): Promise<ReminderSnoozes> {
  const parsed = reminderSnoozesSchema.safeParse((await db.table('settings').get('reminderSnoozes')) as unknown);
  return parsed.success ? parsed.data.snoozes : {};
}

/**
 * Hides a reminder until `until` (a day after today, shared/mentoring snoozeUntil). Who may log
 * sessions for the pair may snooze its reminders: a mentor only her own pairs', a viewer none.
 */
export async function snoozeReminder(db: MrezaDb, actor: Actor, reminder: Reminder, until: string): Promise<void> {
  await requireMatchAccess(db, actor, 'logMentoring', reminder.matchId);
  if (reminder.kind === 'followUp' && (await db.mentoringSessions.get(reminder.sessionId))?.matchId !== reminder.matchId)
    throw new ForbiddenError('logMentoring', actor.role);
  const today = await orgToday(db);
  await db.transaction('rw', db.settings, async () => {
    const snoozes = { ...pruneSnoozes(await getReminderSnoozes(db), today), [reminderKey(reminder)]: until };
    await db.table('settings').put(reminderSnoozesSchema.parse({ key: 'reminderSnoozes', snoozes }));
  });
}

/** "Is this pair working?": the coordinator's answer of today, added to the pair's checks. */
export async function addPairCheck(db: MrezaDb, actor: Actor, matchId: string, working: (typeof CHECK_ANSWERS)[number]): Promise<Match> {
  requireAll(actor, 'editRecords');
  const date = await orgToday(db);
  return db.transaction('rw', [db.matches, db.auditLog, db.organisations], async () => {
    const match = await db.matches.get(matchId);
    if (!match) throw new Error(`match ${matchId} not found`);
    return updateRecord(db, actor, 'matches', matchId, { checks: [...(match.checks ?? []), { date, working }] });
  });
}

export async function mentoringReminders(db: MrezaDb, actor: Actor, opts: { mentorId?: string; today?: string } = {}): Promise<ReminderRow[]> {
  const settings = await getMentoringSettings(db);
  const snoozes = await getReminderSnoozes(db);
  const rows = (await matchRows(db, actor, { mentorId: opts.mentorId })).filter((r) => r.match.status === 'active');
  const sessions = await db.mentoringSessions
    .where('matchId')
    .anyOf(rows.map((r) => r.match.id))
    .toArray();
  const byId = new Map(rows.map((r) => [r.match.id, r]));
  return reminders(
    rows.map((r) => r.match),
    sessions,
    opts.today ?? (await orgToday(db)),
    settings.staleWeeks,
    snoozes,
  ).map((reminder) => ({ reminder, mentorName: byId.get(reminder.matchId)!.mentorName, menteeName: byId.get(reminder.matchId)!.menteeName }));
}

/* ---------- figures ---------- */

/** How many mentors and mentee profiles there are (the page shows a start screen while both are 0). */
export async function mentoringCounts(db: MrezaDb): Promise<{ mentors: number; mentees: number }> {
  return { mentors: await db.mentors.count(), mentees: await db.menteeProfiles.count() };
}

/** Each mentor's load and activity as of `day` (the mentors tab). */
export async function allMentorStats(db: MrezaDb, day: string): Promise<ReturnType<typeof mentorStats>> {
  return mentorStats(await db.matches.toArray(), await db.mentoringSessions.toArray(), undefined, undefined, day);
}
