import { describe, expect, it } from 'vitest';
import { summarise } from '@shared/indicators/summary';
import type { Match, MentoringSession, Outcome, Person } from '@shared/model';

let n = 0;
const base = () => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, orgId: '00000000-0000-4000-8000-000000000000', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
const person = (kind: Person['kind'], gender: Person['gender']): Person => ({ ...base(), kind, gender, firstName: 'A', lastName: 'B', targetGroups: [], nameKey: 'a b', anonymised: false });
const match = (status: Match['status']): Match => ({ ...base(), mentorId: base().id, menteeId: base().id, status });
const session = (minutes: number): MentoringSession => ({ ...base(), matchId: base().id, date: '2026-04-01', minutes, mode: 'online', services: ['businessCounselling'] });
const outcome = (kind: Outcome['kind']): Outcome => ({ ...base(), personId: base().id, kind, date: '2026-05-01' });

describe('summarise', () => {
  it('counts people, women, active matches, sessions, hours and outcomes', () => {
    const people = [
      person('beneficiary', 'woman'),
      person('beneficiary', 'woman'),
      person('beneficiary', 'woman'),
      person('beneficiary', 'man'),
      person('beneficiary', 'notStated'),
      person('professional', 'woman'),
      person('professional', 'man'),
      person('professional', 'other'),
    ];
    const matches = [match('active'), match('active'), match('proposed'), match('paused'), match('closed')];
    const sessions = [session(45), session(60), session(90), session(20)];
    const outcomes = [outcome('employed'), outcome('qualification'), outcome('selfEmployed')];

    expect(summarise(people, matches, sessions, outcomes)).toEqual({
      beneficiaries: 5,
      professionals: 3,
      women: 4,
      womenShare: 0.5,
      activeMatches: 2,
      mentoringSessions: 4,
      mentoringHours: 3.6, // 215 minutes = 3.583… h, one decimal
      outcomes: 3,
    });
  });

  it('rounds hours to one decimal', () => {
    expect(summarise([], [], [session(50)], []).mentoringHours).toBe(0.8);
    expect(summarise([], [], [session(60), session(60), session(1)], []).mentoringHours).toBe(2);
    expect(summarise([], [], [session(3)], []).mentoringHours).toBe(0.1);
  });

  it('has no women share before anyone is reached, and zeros elsewhere', () => {
    expect(summarise([], [], [], [])).toEqual({ beneficiaries: 0, professionals: 0, women: 0, womenShare: null, activeMatches: 0, mentoringSessions: 0, mentoringHours: 0, outcomes: 0 });
    expect(summarise([person('professional', 'man')], [], [], []).womenShare).toBe(0);
    expect(summarise([person('beneficiary', 'woman')], [], [], []).womenShare).toBe(1);
  });
});
