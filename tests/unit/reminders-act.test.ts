import { describe, expect, it } from 'vitest';
import type { Match, MentoringSession } from '@shared/model';
import { REMINDER_ACTIONS, pruneSnoozes, reminderKey, reminders, snoozeForPlan, snoozeUntil } from '@shared/mentoring';

/* Issue 17 part 4: reminders that act, can be snoozed, and disappear when done. */
const base = { id: '', orgId: '', createdAt: '', updatedAt: '' };
const MATCH = '11111111-1111-4111-8111-111111111111';
const match = (over: Partial<Match> = {}): Match => ({
  ...base,
  id: MATCH,
  mentorId: 'm1',
  menteeId: 'p1',
  status: 'active',
  startedOn: '2026-01-05',
  ...over,
});
const session = (date: string, over: Partial<MentoringSession> = {}): MentoringSession => ({
  ...base,
  id: `22222222-2222-4222-8222-${date.replaceAll('-', '').padStart(12, '0')}`,
  matchId: MATCH,
  date,
  minutes: 60,
  mode: 'inPerson',
  services: ['businessCounselling'],
  ...over,
});
const today = '2026-03-02';
const kinds = (m: Match[], s: MentoringSession[], day = today, snoozes = {}) => reminders(m, s, day, 4, snoozes).map((r) => r.kind);

describe('reminders that act', () => {
  it('a stale pair: logging a session removes the reminder', () => {
    const before = [session('2026-01-10')];
    expect(kinds([match()], before)).toContain('stale');
    expect(kinds([match()], [...before, session(today)])).not.toContain('stale');
  });

  it('"plan one" answers it until the planned day has passed; unconfirmed, it is back the day after', () => {
    const s = [session('2026-01-10'), session('2026-03-09', { status: 'planned' })];
    const stale = reminders([match()], s, today, 4).find((r) => r.kind === 'stale')!;
    const snoozes = { [reminderKey(stale)]: snoozeForPlan('2026-03-09') };
    expect(kinds([match()], s, today, snoozes)).not.toContain('stale');
    expect(kinds([match()], s, '2026-03-09', snoozes)).not.toContain('stale');
    expect(kinds([match()], s, '2026-03-10', snoozes)).toContain('stale');
    // Held on the day (confirmed), it is gone for good.
    expect(kinds([match()], [session('2026-01-10'), session('2026-03-09')], '2026-03-10', snoozes)).not.toContain('stale');
  });

  it('a check-in on the pair removes "is this pair working?"; closing the pair removes every reminder of it', () => {
    const s = [session('2026-02-20')];
    expect(kinds([match()], s)).toEqual(['check']);
    expect(kinds([match({ checks: [{ date: today, working: 'partly' }] })], s)).toEqual([]);
    expect(kinds([match({ status: 'closed' })], [session('2026-01-10', { followUpOn: '2026-02-01' })])).toEqual([]);
  });

  it('snoozed: hidden until the date, back on that day; snoozing one reminder hides no other', () => {
    const s = [session('2026-01-10', { followUpOn: '2026-02-01' })];
    const all = reminders([match()], s, today, 4);
    expect(all.map((r) => r.kind)).toEqual(['followUp', 'stale', 'check']);
    const stale = all.find((r) => r.kind === 'stale')!;
    const until = snoozeUntil(today, 'week');
    expect(until).toBe('2026-03-09');
    const snoozes = { [reminderKey(stale)]: until };
    expect(kinds([match()], s, today, snoozes)).toEqual(['followUp', 'check']);
    expect(kinds([match()], s, '2026-03-08', snoozes)).toEqual(['followUp', 'check']);
    expect(kinds([match()], s, '2026-03-09', snoozes)).toEqual(['followUp', 'stale', 'check']);
  });

  it('keys are plain ids: kind and the record id, nothing about the person', () => {
    const [f, st, c] = reminders([match()], [session('2026-01-10', { followUpOn: '2026-02-01' })], today, 4);
    expect([f, st, c].map((r) => reminderKey(r!))).toEqual([`followUp:${session('2026-01-10').id}`, `stale:${MATCH}`, `check:${MATCH}`]);
  });

  it('a snooze until a chosen day must be after today; past snoozes are dropped when stored', () => {
    expect(snoozeUntil(today, '2026-04-01')).toBe('2026-04-01');
    expect(snoozeUntil(today, today)).toBeNull();
    expect(snoozeUntil(today, '2026-02-01')).toBeNull();
    expect(snoozeUntil(today, 'not a date')).toBeNull();
    expect(pruneSnoozes({ 'stale:a': '2026-03-02', 'check:b': '2026-03-03' }, today)).toEqual({ 'check:b': '2026-03-03' });
  });

  it('every reminder offers its own action, each with the permission it needs from the permission table', () => {
    expect(REMINDER_ACTIONS.stale.map((a) => a.action)).toEqual(['logSession', 'planSession']);
    expect(REMINDER_ACTIONS.check.map((a) => a.action)).toEqual(['checkIn', 'closePair']);
    expect(REMINDER_ACTIONS.followUp.map((a) => a.action)).toEqual(['markDone', 'logSession']);
    expect(REMINDER_ACTIONS.check.every((a) => a.permission === 'editRecords')).toBe(true);
    expect(REMINDER_ACTIONS.stale.every((a) => a.permission === 'logMentoring')).toBe(true);
  });
});
