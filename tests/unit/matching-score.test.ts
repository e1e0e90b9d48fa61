import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '@shared/model';
import { proposeMatches, scorePair, suggest, type MenteeInput, type MentorInput } from '@shared/matching';

const mentor = (over: Partial<MentorInput> = {}): MentorInput => ({
  id: 'm1',
  personId: 'pm1',
  gender: 'woman',
  municipality: 'Čakovec',
  region: 'Međimurje',
  expertise: ['businessPlan', 'finance', 'marketing'],
  sectors: ['tourism'],
  languages: ['hr', 'hu'],
  remote: true,
  capacity: 3,
  load: 0,
  active: true,
  ...over,
});
const mentee = (over: Partial<MenteeInput> = {}): MenteeInput => ({
  id: 'p1',
  municipality: 'cakovec',
  region: 'Međimurje',
  sector: 'Tourism',
  needs: ['businessPlan', 'finance', 'marketing', 'legal'],
  languages: ['hu', 'hr'],
  remote: false,
  mentorGender: 'any',
  avoidPersonIds: [],
  ...over,
});

describe('scoring and reasons', () => {
  it('scores by the weights and says why, as i18n keys with parameters (never English text)', () => {
    const s = scorePair(mentor(), mentee());
    expect(s.eligible).toBe(true);
    // 3 of 4 needs (30) + sector (15) + same municipality despite diacritics (15) + speaks her preferred language (10).
    expect(s.score).toBe(30 + 15 + 15 + 10);
    expect(s.reasons).toEqual([
      { key: 'reasons.needs', params: { count: 3, total: 4 } },
      { key: 'reasons.sector', params: { sector: 'Tourism' } },
      { key: 'reasons.sameMunicipality', params: { municipality: 'cakovec' } },
      { key: 'reasons.speaks', params: { language: 'hu' } },
    ]);
    const list = suggest(mentee(), [mentor()]);
    expect(list[0]!.reasons.at(-1)).toEqual({ key: 'reasons.freePlaces', params: { count: 3 } });
  });

  it('uses the weights from Settings', () => {
    const w = { ...DEFAULT_WEIGHTS, needs: 0, language: 50 };
    expect(scorePair(mentor(), mentee(), w).score).toBe(15 + 15 + 50);
  });

  it('same region, or both remote, when not in the same town', () => {
    const s = scorePair(mentor({ municipality: 'Prelog' }), mentee({ remote: true }));
    expect(s.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(['reasons.sameRegion', 'reasons.remote']));
  });

  it('hard rules: paused, no common language, preference, conflict of interest, full', () => {
    expect(scorePair(mentor({ active: false }), mentee()).blocked).toEqual([{ key: 'blocked.paused' }]);
    expect(scorePair(mentor({ languages: ['sl'] }), mentee()).blocked).toEqual([{ key: 'blocked.noLanguage' }]);
    expect(scorePair(mentor({ gender: 'man' }), mentee({ mentorGender: 'woman' })).blocked).toEqual([{ key: 'blocked.preference.woman' }]);
    expect(scorePair(mentor(), mentee({ avoidPersonIds: ['pm1'] })).blocked).toEqual([{ key: 'blocked.conflict' }]);
    const [full] = suggest(mentee(), [mentor({ load: 3 })]);
    expect(full!.eligible).toBe(false);
    expect(full!.blocked).toContainEqual({ key: 'blocked.full' });
  });

  it('ranks suggestions best first, excluded mentors last', () => {
    const list = suggest(mentee(), [mentor({ id: 'a', expertise: ['legal'] }), mentor({ id: 'b' }), mentor({ id: 'c', active: false })]);
    expect(list.map((s) => s.mentorId)).toEqual(['b', 'a', 'c']);
  });
});

const AREAS = ['businessPlan', 'finance', 'marketing', 'legal', 'digital', 'psychosocial', 'sector'] as const;
const arbMentor = (j: number) =>
  fc
    .record({
      gender: fc.constantFrom('woman', 'man'),
      municipality: fc.constantFrom('A', 'B', 'C'),
      expertise: fc.subarray([...AREAS]),
      languages: fc.subarray(['hr', 'hu', 'sl', 'en'], { minLength: 1 }),
      remote: fc.boolean(),
      capacity: fc.integer({ min: 0, max: 3 }),
      load: fc.integer({ min: 0, max: 2 }),
      active: fc.boolean(),
    })
    .map((m): MentorInput => ({ ...m, id: `m${j}`, personId: `pm${j}`, sectors: [], region: undefined }));
const arbMentee = (i: number) =>
  fc
    .record({
      municipality: fc.constantFrom('A', 'B', 'C'),
      needs: fc.subarray([...AREAS]),
      languages: fc.subarray(['hr', 'hu', 'sl', 'en'], { minLength: 1 }),
      remote: fc.boolean(),
      mentorGender: fc.constantFrom('any' as const, 'woman' as const, 'man' as const),
      avoid: fc.subarray(['pm0', 'pm1', 'pm2', 'pm3']),
    })
    .map(({ avoid, ...x }): MenteeInput => ({ ...x, id: `p${i}`, avoidPersonIds: avoid }));

describe('"match all" never breaks a hard rule', () => {
  it('on random instances, both objectives, with fixed pairs kept', () => {
    fc.assert(
      fc.property(
        fc.tuple(...[0, 1, 2, 3].map(arbMentor)),
        fc.tuple(...[0, 1, 2, 3, 4, 5, 6].map(arbMentee)),
        fc.constantFrom('score' as const, 'count' as const),
        fc.boolean(),
        (mentors, mentees, objective, withFixed) => {
          const fixed = withFixed ? [{ menteeId: 'p0', mentorId: 'm0' }] : [];
          const p = proposeMatches(mentees, mentors, { objective, fixed });
          const per = new Map<string, number>();
          for (const pair of p.pairs) {
            per.set(pair.mentorId, (per.get(pair.mentorId) ?? 0) + 1);
            if (pair.fixed) continue;
            const m = mentors.find((x) => x.id === pair.mentorId)!;
            const e = mentees.find((x) => x.id === pair.menteeId)!;
            expect(scorePair(m, e).eligible).toBe(true);
          }
          for (const m of mentors) expect(per.get(m.id) ?? 0).toBeLessThanOrEqual(Math.max(0, m.capacity - m.load) + (withFixed && m.id === 'm0' ? 1 : 0));
          if (withFixed) expect(p.pairs).toContainEqual(expect.objectContaining({ menteeId: 'p0', mentorId: 'm0', fixed: true }));
          expect(new Set(p.pairs.map((x) => x.menteeId)).size).toBe(p.pairs.length);
          expect(p.pairs.length + p.unmatched.length).toBe(mentees.length);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
