import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '../../src/shared/model';
import {
  attendanceStats,
  breakdown,
  certificatePrefix,
  evaluateCompletion,
  nextCertificateNumbers,
  DEFAULT_SHEET_LAYOUT,
  paginateSignInSheet,
  planEnrolment,
  promotions,
  summariseEvaluations,
  waitingList,
  withdrawAndPromote,
} from '../../src/shared/programmes';

const sessions = ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id }));
const marks = (...st: Array<AttendanceStatus | undefined>) => new Map(st.flatMap((s, i) => (s ? [[`s${i + 1}`, s] as const] : [])));

describe('completion rules', () => {
  it('minimum share: present and late count, excused and absent do not', () => {
    const rule = { type: 'minShare', minShare: 0.8 } as const;
    expect(evaluateCompletion(rule, sessions, marks('present', 'late', 'present', 'present', 'absent'))).toMatchObject({ attended: 4, total: 5, met: true });
    expect(evaluateCompletion(rule, sessions, marks('present', 'excused', 'present', 'present', 'absent')).met).toBe(false);
    expect(evaluateCompletion(rule, sessions, marks()).met).toBe(false);
    expect(evaluateCompletion(rule, [], marks()).met).toBe(false);
    // 3 of 4 sessions against a 75% rule, exactly on the line.
    expect(evaluateCompletion({ type: 'minShare', minShare: 0.75 }, sessions.slice(0, 4), marks('present', 'present', 'late')).met).toBe(true);
  });

  it('compulsory sessions: every named session attended, others optional', () => {
    const rule = { type: 'compulsory' as const, sessionIds: ['s1', 's5'] };
    expect(evaluateCompletion(rule, sessions, marks('present', undefined, undefined, undefined, 'late')).met).toBe(true);
    const r = evaluateCompletion(rule, sessions, marks('present', 'present', 'present', 'present', 'excused'));
    expect(r.met).toBe(false);
    expect(r.missing).toEqual(['s5']);
    // A compulsory list naming no session of this event cannot be met.
    expect(evaluateCompletion({ type: 'compulsory', sessionIds: ['other'] }, sessions, marks('present')).met).toBe(false);
  });
});

describe('enrolment and the waiting list', () => {
  const ids = Array.from({ length: 25 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);

  it('25 people for 20 places: 20 enrolled, 5 waiting in order', () => {
    const plan = planEnrolment([], ids, 20);
    expect(plan.added.filter((a) => a.status === 'enrolled')).toHaveLength(20);
    expect(plan.added.filter((a) => a.status === 'waiting').map((a) => [a.personId, a.waitPosition])).toEqual([
      ['p21', 0],
      ['p22', 1],
      ['p23', 2],
      ['p24', 3],
      ['p25', 4],
    ]);
  });

  it('skips people already enrolled or waiting; re-enrols the withdrawn; appends to the list', () => {
    const existing = [
      { id: 'e1', personId: 'a', status: 'enrolled' as const },
      { id: 'e2', personId: 'b', status: 'waiting' as const, waitPosition: 3 },
      { id: 'e3', personId: 'c', status: 'withdrawn' as const },
    ];
    const plan = planEnrolment(existing, ['a', 'b', 'c', 'd', 'd'], 1);
    expect(plan.alreadyEnrolled).toEqual(['a', 'b']);
    expect(plan.added).toEqual([
      { personId: 'c', status: 'waiting', waitPosition: 4 },
      { personId: 'd', status: 'waiting', waitPosition: 5 },
    ]);
    expect(planEnrolment(existing, ['x'], undefined).added[0]!.status).toBe('enrolled');
  });

  it('a withdrawal moves the first waiting person up, and only as many as places free', () => {
    const enrolments = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, personId: `p${i}`, status: 'enrolled' as const })),
      { id: 'w-b', personId: 'wb', status: 'waiting' as const, waitPosition: 1 },
      { id: 'w-a', personId: 'wa', status: 'waiting' as const, waitPosition: 0 },
    ];
    expect(waitingList(enrolments).map((e) => e.id)).toEqual(['w-a', 'w-b']);
    expect(withdrawAndPromote(enrolments, 'e3', 20)).toEqual([
      { id: 'e3', status: 'withdrawn' },
      { id: 'w-a', status: 'enrolled' },
    ]);
    // Withdrawing someone who waits frees no place.
    expect(withdrawAndPromote(enrolments, 'w-a', 20)).toEqual([{ id: 'w-a', status: 'withdrawn' }]);
    expect(withdrawAndPromote(enrolments, 'nobody', 20)).toEqual([]);
    // A larger capacity moves several up.
    expect(promotions(enrolments, 25)).toEqual(['w-a', 'w-b']);
  });
});

describe('attendance statistics', () => {
  it('counts per session and person and the overall rate over people × sessions', () => {
    const s = attendanceStats(
      ['a', 'b'],
      ['s1', 's2'],
      [
        { sessionId: 's1', personId: 'a', status: 'present' },
        { sessionId: 's1', personId: 'b', status: 'late' },
        { sessionId: 's2', personId: 'a', status: 'excused' },
        { sessionId: 's2', personId: 'zz', status: 'present' },
      ],
    );
    expect(s.bySession.get('s1')).toEqual({ present: 1, late: 1, excused: 0, absent: 0, unmarked: 0 });
    expect(s.bySession.get('s2')).toEqual({ present: 0, late: 0, excused: 1, absent: 0, unmarked: 1 });
    expect(s.byPerson.get('a')).toMatchObject({ present: 1, excused: 1 });
    expect([s.attended, s.expected, s.rate]).toEqual([2, 4, 0.5]);
    expect(attendanceStats([], [], []).rate).toBe(0);
  });
});

describe('certificate numbering', () => {
  it('runs per programme, never reuses a number, with a clean prefix', () => {
    expect(certificatePrefix({ kind: 'badge' })).toBe('BADGE');
    expect(certificatePrefix({ kind: 'crossBorder', projectCode: '2SoKroG' })).toBe('2SOKROG');
    expect(certificatePrefix({ kind: 'other', certificatePrefix: 'Žene čk' })).toBe('ZENE-CK');
    expect(nextCertificateNumbers('BADGE', 2026, [], 2)).toEqual([
      { sequence: 1, number: 'BADGE-2026-001' },
      { sequence: 2, number: 'BADGE-2026-002' },
    ]);
    expect(nextCertificateNumbers('BADGE', 2026, [{ sequence: 7, number: 'BADGE-2026-007' }, { number: 'BADGE-2025-012' }], 1)[0]!.number).toBe(
      'BADGE-2026-013',
    );
  });
});

describe('sign-in sheet pagination', () => {
  const layout = { rowsPerPage: 16, trainerBlockRows: 5, blankRows: 3 };
  it('numbers rows across pages and puts the trainers after the last row', () => {
    const pages = paginateSignInSheet(
      Array.from({ length: 20 }, (_, i) => i),
      layout,
    );
    expect(pages).toHaveLength(2);
    expect(pages[0]!.rows.map((r) => r.n)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(pages[1]!.rows.map((r) => r.n)).toEqual([17, 18, 19, 20, 21, 22, 23]);
    expect(pages[1]!.rows.slice(4).every((r) => r.row === undefined)).toBe(true);
    expect(pages.map((p) => p.trainers)).toEqual([false, true]);
  });
  it('never leaves the trainers alone on a page: the last names and the walk-in rows go over with them (#17 part 6)', () => {
    const pages = paginateSignInSheet(
      Array.from({ length: 13 }, (_, i) => i),
      layout,
    );
    expect(pages.map((p) => [p.rows.length, p.trainers])).toEqual([
      [11, false],
      [5, true],
    ]);
    expect(pages[1]!.rows.map((r) => [r.n, r.row])).toEqual([
      [12, 11],
      [13, 12],
      [14, undefined],
      [15, undefined],
      [16, undefined],
    ]);
    expect(paginateSignInSheet([], layout)).toEqual([{ page: 1, rows: [{ n: 1 }, { n: 2 }, { n: 3 }], trainers: true }]);
  });
  it('for any number of people: pages fit, rows run 1…n without a gap, and the trainers sign beside names', () => {
    for (const l of [DEFAULT_SHEET_LAYOUT, layout, { rowsPerPage: 6, trainerBlockRows: 5, blankRows: 3 }]) {
      for (let n = 0; n <= 80; n++) {
        const pages = paginateSignInSheet(
          Array.from({ length: n }, (_, i) => i),
          l,
        );
        const numbers = pages.flatMap((p) => p.rows.map((r) => r.n));
        expect(numbers, `${n} people`).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
        expect(
          pages.flatMap((p) => p.rows.flatMap((r) => (r.row === undefined ? [] : [r.row]))),
          `${n} people`,
        ).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
        for (const p of pages) expect(p.rows.length + (p.trainers ? l.trainerBlockRows : 0), `${n} people, page ${p.page}`).toBeLessThanOrEqual(l.rowsPerPage);
        const signing = pages.filter((p) => p.trainers);
        expect(signing).toHaveLength(1);
        expect(signing[0], `${n} people`).toBe(pages.at(-1));
        if (n > 0)
          expect(
            signing[0]!.rows.some((r) => r.row !== undefined),
            `${n} people`,
          ).toBe(true);
      }
    }
  });
});

describe('overviews and evaluation', () => {
  it('counts unique people by gender, country, institution type and municipality', () => {
    const b = breakdown([
      { id: '1', gender: 'woman', country: 'HR', institutionType: 'socialWorkCentre', municipality: 'Čakovec' },
      { id: '1', gender: 'woman', country: 'HR', institutionType: 'socialWorkCentre', municipality: 'Čakovec' },
      { id: '2', gender: 'notStated', country: 'SI', municipality: 'Celje' },
      { id: '3', gender: 'man', country: 'SI', institutionType: 'employmentOffice', municipality: ' ' },
    ]);
    expect(b.total).toBe(3);
    expect(b.gender).toEqual({ woman: 1, man: 1, otherOrNotStated: 1 });
    expect(b.country).toEqual({ HR: 1, SI: 2 });
    expect(b.institutionType).toEqual({ socialWorkCentre: 1, unknown: 1, employmentOffice: 1 });
    expect(b.municipality).toEqual({ Čakovec: 1, Celje: 1, unknown: 1 });
  });
  it('counts a municipality typed in two scripts as one place (the overview and the evidence pack)', () => {
    const b = breakdown([
      { id: '1', gender: 'woman', country: 'RS', municipality: 'Младеновац' },
      { id: '2', gender: 'woman', country: 'RS', municipality: 'Mladenovac' },
      { id: '3', gender: 'woman', municipality: 'mladenovac' },
    ]);
    expect(b.municipality).toEqual({ Mladenovac: 3 });
  });
  it('averages each question over the answers given', () => {
    const s = summariseEvaluations([{ scores: { content: 5, trainers: 4 } }, { scores: { content: 4 } }, { scores: { content: 4, usefulness: 2 } }]);
    expect(s.responses).toBe(3);
    expect(s.averages).toEqual({ content: 4.33, trainers: 4, organisation: null, usefulness: 2 });
    expect(s.overall).toBe(3.44);
    expect(summariseEvaluations([]).overall).toBeNull();
  });
});
