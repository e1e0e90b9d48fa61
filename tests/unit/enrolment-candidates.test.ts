import { describe, expect, it } from 'vitest';
import { candidateKind, defaultCandidateFilter, matchesCandidateFilter } from '@shared/programmes';

/* Issue 17 part 5: a BADGE cycle's candidates are filtered by kind (participant, mentor, professional) and target group. */
const ana = { id: 'ana', kind: 'beneficiary' as const, targetGroups: ['roma' as const] };
const iva = { id: 'iva', kind: 'beneficiary' as const, targetGroups: ['singleParent' as const, 'longTermUnemployed' as const] };
const mentor = { id: 'mara', kind: 'beneficiary' as const, targetGroups: [] };
const mentorPro = { id: 'jelena', kind: 'professional' as const, targetGroups: [] };
const pro = { id: 'mojca', kind: 'professional' as const, targetGroups: [] };
const people = [ana, iva, mentor, mentorPro, pro];
const mentors = new Set(['mara', 'jelena']);
const ids = (f: Parameters<typeof matchesCandidateFilter>[1]) => people.filter((p) => matchesCandidateFilter(p, f, mentors)).map((p) => p.id);

describe('enrolment candidates', () => {
  it('each person is one kind: a mentor is a mentor whatever her record says, else a professional or a participant', () => {
    expect(people.map((p) => candidateKind(p, mentors))).toEqual(['participant', 'participant', 'mentor', 'mentor', 'professional']);
  });
  it('filters by kind, by target group, and by both', () => {
    expect(ids({})).toEqual(['ana', 'iva', 'mara', 'jelena', 'mojca']);
    expect(ids({ kind: 'participant' })).toEqual(['ana', 'iva']);
    expect(ids({ kind: 'mentor' })).toEqual(['mara', 'jelena']);
    expect(ids({ kind: 'professional' })).toEqual(['mojca']);
    expect(ids({ targetGroup: 'longTermUnemployed' })).toEqual(['iva']);
    expect(ids({ kind: 'participant', targetGroup: 'roma' })).toEqual(['ana']);
    expect(ids({ kind: 'professional', targetGroup: 'roma' })).toEqual([]);
  });
  it('a BADGE cycle starts with participants only (mentors and professionals are not its audience); other programmes with everyone', () => {
    expect(defaultCandidateFilter('badge')).toEqual({ kind: 'participant' });
    expect(defaultCandidateFilter('crossBorder')).toEqual({});
    expect(defaultCandidateFilter('seminarSeries')).toEqual({});
  });
});
