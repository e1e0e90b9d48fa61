import { describe, expect, it } from 'vitest';
import type { Match, MentoringSession } from '@shared/model';
import {
  canTransition,
  closureFromChoices,
  mentorStats,
  NO_CLOSE_CHOICES,
  outcomeFromClosure,
  plannedSessionsIcs,
  reminders,
  transition,
  TransitionError,
} from '@shared/mentoring';

const base = { id: '', orgId: '', createdAt: '', updatedAt: '' };
const match = (id: string, over: Partial<Match> = {}): Match => ({
  ...base,
  id,
  mentorId: 'm1',
  menteeId: `p-${id}`,
  status: 'active',
  startedOn: '2026-01-05',
  ...over,
});
const session = (matchId: string, date: string, over: Partial<MentoringSession> = {}): MentoringSession => ({
  ...base,
  id: `${matchId}-${date}`,
  matchId,
  date,
  minutes: 60,
  mode: 'online',
  services: ['businessCounselling'],
  ...over,
});

describe('match lifecycle', () => {
  it('goes proposed → active → paused → active → closed, with dates', () => {
    expect(transition({ status: 'proposed' }, 'active', '2026-02-01')).toMatchObject({ status: 'active', startedOn: '2026-02-01' });
    expect(transition({ status: 'active', startedOn: '2026-02-01' }, 'paused', '2026-03-01')).toEqual({ status: 'paused', pausedOn: '2026-03-01' });
    expect(transition({ status: 'paused', startedOn: '2026-02-01' }, 'active', '2026-03-10')).toMatchObject({ status: 'active', startedOn: '2026-02-01' });
    const closure = { reason: 'goalsMet' as const, rating: 5, outcome: 'businessRegistered' as const, legalForm: 'obrt' as const, jobsCreated: 2 };
    expect(transition({ status: 'active' }, 'closed', '2026-06-01', closure)).toEqual({ status: 'closed', closedOn: '2026-06-01', closure });
  });

  it('refuses moves the lifecycle does not allow, and closing an active match without a closure', () => {
    expect(canTransition('closed', 'active')).toBe(false);
    expect(canTransition('proposed', 'paused')).toBe(false);
    expect(() => transition({ status: 'closed' }, 'active', '2026-01-01')).toThrow(TransitionError);
    expect(() => transition({ status: 'active' }, 'closed', '2026-01-01')).toThrow(/closure/);
    expect(transition({ status: 'proposed' }, 'closed', '2026-01-01')).toMatchObject({ status: 'closed' });
  });

  it('a closure feeds the participant outcome', () => {
    expect(outcomeFromClosure({ reason: 'goalsMet', rating: 5, outcome: 'businessRegistered', legalForm: 'jdoo', jobsCreated: 3 })).toEqual({
      kind: 'businessRegistered',
      legalForm: 'jdoo',
      jobsCreated: 3,
    });
    expect(outcomeFromClosure({ reason: 'goalsMet', outcome: 'selfEmployed', jobsCreated: 1 })).toEqual({ kind: 'selfEmployed', jobsCreated: 1 });
    expect(outcomeFromClosure({ reason: 'goalsMet', outcome: 'businessRegistered' })).toEqual({ kind: 'businessRegistered' });
    expect(outcomeFromClosure({ reason: 'menteeWithdrew' })).toBeUndefined();
    expect(outcomeFromClosure({ reason: 'menteeWithdrew', outcome: 'none' })).toBeUndefined();
    expect(outcomeFromClosure({ reason: 'goalsMet', rating: 4, outcome: 'employed', jobsCreated: 0 })).toEqual({ kind: 'employed' });
    expect(outcomeFromClosure({ reason: 'menteeWithdrew', rating: 2, outcome: 'droppedOut', jobsCreated: 0 })).toBeUndefined();
  });
});

describe('reminders', () => {
  const today = '2026-03-02';
  it('the close dialog starts with nothing chosen, and only what is chosen goes into the closure', () => {
    expect(NO_CLOSE_CHOICES).toEqual({ reason: null, rating: null, outcome: null, legalForm: null, jobsCreated: null });
    // Without a reason there is nothing to close with.
    expect(closureFromChoices(NO_CLOSE_CHOICES)).toBeUndefined();
    expect(closureFromChoices({ ...NO_CLOSE_CHOICES, reason: 'menteeWithdrew' })).toEqual({ reason: 'menteeWithdrew' });
    expect(outcomeFromClosure(closureFromChoices({ ...NO_CLOSE_CHOICES, reason: 'menteeWithdrew' })!)).toBeUndefined();
    // A legal form or jobs typed before switching to an outcome that is not a business do not stick.
    expect(closureFromChoices({ reason: 'goalsMet', rating: 0, outcome: 'employed', legalForm: 'doo', jobsCreated: 2 })).toEqual({
      reason: 'goalsMet',
      outcome: 'employed',
    });
    expect(closureFromChoices({ reason: 'goalsMet', rating: 5, outcome: 'businessRegistered', legalForm: 'sp', jobsCreated: 0 })).toEqual({
      reason: 'goalsMet',
      rating: 5,
      outcome: 'businessRegistered',
      legalForm: 'sp',
      jobsCreated: 0,
    });
  });

  it('follow-ups due, active matches without a session for N weeks, and the first check', () => {
    const matches = [match('a'), match('b'), match('c', { startedOn: '2026-02-20' }), match('d', { status: 'closed' })];
    const sessions = [
      session('a', '2026-02-23', { followUpOn: '2026-03-01' }),
      session('a', '2026-02-10', { followUpOn: '2026-03-01', followUpDone: true }),
      session('b', '2026-01-10'),
      session('b', '2026-03-20', { status: 'planned' }),
      session('d', '2026-01-01', { followUpOn: '2026-01-02' }),
    ];
    const r = reminders(matches, sessions, today, 4);
    expect(r).toEqual([
      { kind: 'followUp', matchId: 'a', sessionId: 'a-2026-02-23', due: '2026-03-01', overdueDays: 1 },
      { kind: 'stale', matchId: 'b', lastSession: '2026-01-10', weeks: 7 },
      { kind: 'check', matchId: 'a' },
      { kind: 'check', matchId: 'b' },
    ]);
    // N comes from Settings: with 8 weeks, b is not stale yet.
    expect(reminders(matches, sessions, today, 8).some((x) => x.kind === 'stale')).toBe(false);
    // An active match with no session at all counts from its start.
    expect(reminders([match('e', { startedOn: '2026-01-01' })], [], today, 4)).toEqual([{ kind: 'stale', matchId: 'e', lastSession: undefined, weeks: 8 }]);
  });
});

describe('stats and calendar', () => {
  it('hours and service counts per mentor over a period', () => {
    const matches = [match('a'), match('b', { mentorId: 'm2' })];
    const sessions = [
      session('a', '2026-01-10', { services: ['businessCounselling', 'legalAdvice'], minutes: 90 }),
      session('a', '2026-02-10'),
      session('a', '2026-02-11', { status: 'planned' }),
      session('b', '2026-03-10'),
    ];
    const s = mentorStats(matches, sessions, '2026-01-01', '2026-02-28', '2026-03-31');
    expect(s.get('m1')).toMatchObject({
      sessions: 2,
      minutes: 150,
      mentees: 1,
      services: { businessCounselling: 2, legalAdvice: 1, psychosocialSupport: 0, education: 0 },
    });
    expect(s.has('m2')).toBe(false);
  });

  it('planned sessions export to .ics in UTC, without confidential notes', () => {
    const ics = plannedSessionsIcs([
      { session: { id: 's1', date: '2026-07-01', time: '10:00', minutes: 90, mode: 'online', topics: 'Poslovni plan' }, title: 'Mentoring', country: 'HR' },
    ]);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20260701T080000Z');
    expect(ics).toContain('DTEND:20260701T093000Z');
    expect(ics).toContain('UID:s1@mreza');
  });
});
