/**
 * Issue 17 part 4: reminders that act. Each button's write, through the feature's actions module:
 * logging a session removes the stale reminder, a plan answers it until its day, a check-in and
 * closing answer "is this pair working?", a snooze hides a reminder until its day, and who may do
 * what follows the permission table (a viewer and another mentor are refused).
 */
import 'fake-indexeddb/auto';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/renderer/src/db/permissions';
import { acceptPairs, getReminderSnoozes, logSession, mentoringReminders, saveMentor } from '../../src/renderer/src/db/mentoring';
import { orgToday } from '../../src/renderer/src/db/orgDay';
import { createRecord } from '../../src/renderer/src/db/records';
import type { Actor } from '../../src/renderer/src/db/actor';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import {
  SnoozeDateError,
  checkInOnPair,
  closePair,
  reminderActionsFor,
  sessionSavedFromReminder,
  snooze,
} from '../../src/renderer/src/features/mentoring/actions/reminders';
import { withSetUpDb } from '../fixtures/testDb';

const day = (d: string, n: number) => format(addDays(parseISO(d), n), 'yyyy-MM-dd');

/** An active pair started ten weeks ago with one session nine weeks ago: stale and due a check. */
async function stalePair(db: MrezaDb, actor: Actor) {
  const today = await orgToday(db);
  const person = (firstName: string, kind: 'beneficiary' | 'professional') =>
    createRecord(db, actor, 'people', { kind, firstName, lastName: 'Horvat', gender: 'woman' });
  const vesna = await person('Vesna', 'professional');
  const ana = await person('Ana', 'beneficiary');
  const mentor = await saveMentor(db, actor, { personId: vesna.id, expertise: ['businessPlan'], languages: ['hr'], capacity: 2 });
  const [match] = await acceptPairs(db, actor, [{ menteeId: ana.id, mentorId: mentor.id, score: 1 }]);
  await db.matches.update(match!.id, { startedOn: day(today, -70) });
  await logSession(db, actor, { matchId: match!.id, date: day(today, -63), minutes: 60, mode: 'inPerson', services: ['businessCounselling'] });
  return { today, match: match!, mentor };
}
const kinds = async (db: MrezaDb, actor: Actor, today?: string) => (await mentoringReminders(db, actor, today ? { today } : {})).map((r) => r.reminder.kind);
const find = async (db: MrezaDb, actor: Actor, kind: string) => (await mentoringReminders(db, actor)).find((r) => r.reminder.kind === kind)!.reminder;

describe('reminders that act', () => {
  it('logging a session from the stale reminder removes it', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { today, match } = await stalePair(db, actor);
      expect(await kinds(db, actor)).toEqual(['stale', 'check']);
      const stale = await find(db, actor, 'stale');
      expect(reminderActionsFor(actor.role, stale)).toEqual(['logSession', 'planSession']);
      const s = await logSession(db, actor, { matchId: match.id, date: today, minutes: 45, mode: 'phone', services: ['psychosocialSupport'] });
      await sessionSavedFromReminder(db, actor, stale, s);
      expect(await kinds(db, actor)).toEqual(['check']);
    });
  });

  it('planning one from it hides it until the planned day has passed, then it is back', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { today, match } = await stalePair(db, actor);
      const stale = await find(db, actor, 'stale');
      const planned = await logSession(db, actor, {
        matchId: match.id,
        date: day(today, 5),
        status: 'planned',
        minutes: 60,
        mode: 'inPerson',
        services: ['businessCounselling'],
      });
      await sessionSavedFromReminder(db, actor, stale, planned);
      expect(await kinds(db, actor)).toEqual(['check']);
      expect(await kinds(db, actor, day(today, 5))).toEqual(['check']);
      expect(await kinds(db, actor, day(today, 6))).toEqual(['stale', 'check']);
    });
  });

  it('a snooze hides it until its day and it returns on that day; a day not after today is refused', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { today } = await stalePair(db, actor);
      const stale = await find(db, actor, 'stale');
      expect(await snooze(db, actor, stale, 'week')).toBe(day(today, 7));
      expect(await kinds(db, actor)).toEqual(['check']);
      expect(await kinds(db, actor, day(today, 6))).toEqual(['check']);
      expect(await kinds(db, actor, day(today, 7))).toEqual(['stale', 'check']);
      const check = await find(db, actor, 'check');
      expect(await snooze(db, actor, check, day(today, 20))).toBe(day(today, 20));
      expect(await kinds(db, actor)).toEqual([]);
      await expect(snooze(db, actor, check, today)).rejects.toBeInstanceOf(SnoozeDateError);
      // Stored under plain keys: the kind and a record id, a day, nothing else.
      expect(Object.keys(await getReminderSnoozes(db))).toEqual([`stale:${stale.matchId}`, `check:${check.matchId}`]);
    });
  });

  it('checking in on the pair, or closing it, answers "is this pair working?"', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await stalePair(db, actor);
      const check = await find(db, actor, 'check');
      expect(reminderActionsFor(actor.role, check)).toEqual(['checkIn', 'closePair']);
      await checkInOnPair(db, actor, check, 'partly');
      expect(await kinds(db, actor)).toEqual(['stale']);
      expect((await db.matches.get(check.matchId))!.checks).toEqual([{ date: await orgToday(db), working: 'partly' }]);
      await closePair(db, actor, check, { reason: 'menteeWithdrew' });
      expect(await kinds(db, actor)).toEqual([]);
    });
  });

  it('a viewer sees no action and is refused; a mentor acts on her own pairs only and cannot check in or close', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { mentor } = await stalePair(db, actor);
      const stale = await find(db, actor, 'stale');
      const viewer: Actor = { userName: 'Vida', role: 'viewer' };
      expect(reminderActionsFor('viewer', stale)).toEqual([]);
      await expect(snooze(db, viewer, stale, 'week')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(checkInOnPair(db, viewer, stale, 'yes')).rejects.toBeInstanceOf(ForbiddenError);
      const own: Actor = { userName: 'Vesna', role: 'mentor', mentorId: mentor.id };
      const other: Actor = { userName: 'Druga', role: 'mentor', mentorId: '33333333-3333-4333-8333-333333333333' };
      expect(reminderActionsFor('mentor', stale)).toEqual(['logSession', 'planSession']);
      expect(reminderActionsFor('mentor', await find(db, actor, 'check'))).toEqual([]);
      await expect(snooze(db, other, stale, 'week')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(checkInOnPair(db, own, stale, 'yes')).rejects.toBeInstanceOf(ForbiddenError);
      await snooze(db, own, stale, 'week');
      expect(await kinds(db, own)).toEqual(['check']);
    });
  });
});
