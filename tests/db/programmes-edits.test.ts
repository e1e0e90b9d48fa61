import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ATTENDANCE_STATUSES, EVALUATION_QUESTIONS, type AttendanceStatus, type EvaluationQuestion } from '../../src/shared/model';
import { createRecord } from '../../src/renderer/src/db/records';
import { enrolPeople, saveEvent, saveProgramme } from '../../src/renderer/src/db/programmes';
import {
  commentEvaluation,
  cycleAttendance,
  markAttendance,
  scoreEvaluation,
  type ProgrammeActionContext,
} from '../../src/renderer/src/features/programmes/actions';
import { withSetUpDb } from '../fixtures/testDb';

async function event(ctx: ProgrammeActionContext, people: number, sessions: number) {
  const { db, actor } = ctx;
  const ids: string[] = [];
  for (let i = 0; i < people; i++)
    ids.push((await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: `Ana${i}`, lastName: 'Horvat', gender: 'woman', country: 'HR' })).id);
  const programme = await saveProgramme(db, actor, { kind: 'badge', title: 'BADGE Čakovec' });
  const ev = await saveEvent(
    db,
    actor,
    { programmeId: programme.id, kind: 'workshop', title: 'Ciklus' },
    Array.from({ length: sessions }, (_, i) => ({
      date: `2026-03-${String(10 + i).padStart(2, '0')}`,
      start: '17:00',
      end: '19:00',
      town: 'Čakovec',
      country: 'HR' as const,
    })),
  );
  await enrolPeople(db, actor, ev.id, ids, '2026-03-01');
  const sessionIds = (await db.sessions.where('eventId').equals(ev.id).sortBy('date')).map((s) => s.id);
  return { eventId: ev.id, people: ids, sessions: sessionIds };
}

type Edit =
  | { kind: 'mark'; p: number; s: number; status: AttendanceStatus | null }
  | { kind: 'cycle'; p: number; s: number }
  | { kind: 'score'; p: number; q: EvaluationQuestion; score: number | null }
  | { kind: 'comment'; p: number; text: string };

const P = 3;
const S = 2;
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), p: fc.nat(P - 1), s: fc.nat(S - 1), status: fc.constantFrom(...ATTENDANCE_STATUSES, null) }),
  fc.record({ kind: fc.constant('cycle' as const), p: fc.nat(P - 1), s: fc.nat(S - 1) }),
  fc.record({
    kind: fc.constant('score' as const),
    p: fc.nat(P - 1),
    q: fc.constantFrom(...EVALUATION_QUESTIONS),
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('comment' as const), p: fc.nat(P - 1), text: fc.constantFrom('', 'Odlično', '  Korisno, hvala ', 'Предавачи одлични') }),
);

describe('attendance and evaluation edits through the programmes actions', () => {
  it('property: after any sequence of edits, fired as fast as a user clicks, every cell holds the last value chosen', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ctx = { db, actor };
      const ev = await event(ctx, P, S);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 40 }), async (steps) => {
          await db.attendance.clear();
          await db.evaluations.clear();
          const marks = new Map<string, AttendanceStatus>();
          const scores = Array.from({ length: P }, () => new Map<EvaluationQuestion, number>());
          const comments: Array<string | undefined> = Array.from({ length: P }, () => undefined);
          let burst: Array<Promise<unknown>> = [];
          for (const [e, wait] of steps) {
            // Each edit is fired without waiting for the one before (a burst of clicks and keys);
            // now and then the user pauses until everything is saved.
            if (e.kind === 'mark' || e.kind === 'cycle') {
              const key = `${e.s}|${e.p}`;
              const current = marks.get(key);
              const next =
                e.kind === 'mark' ? e.status : ATTENDANCE_STATUSES[(current ? ATTENDANCE_STATUSES.indexOf(current) + 1 : 0) % ATTENDANCE_STATUSES.length]!;
              if (next) marks.set(key, next);
              else marks.delete(key);
              burst.push(
                e.kind === 'mark'
                  ? markAttendance(ctx, ev.sessions[e.s]!, ev.people[e.p]!, e.status)
                  : cycleAttendance(ctx, ev.sessions[e.s]!, ev.people[e.p]!),
              );
            } else if (e.kind === 'score') {
              if (e.score === null) scores[e.p]!.delete(e.q);
              else scores[e.p]!.set(e.q, e.score);
              burst.push(scoreEvaluation(ctx, ev.eventId, ev.people[e.p]!, e.q, e.score));
            } else {
              comments[e.p] = e.text.trim() || undefined;
              burst.push(commentEvaluation(ctx, ev.eventId, ev.people[e.p]!, e.text));
            }
            if (wait) {
              await Promise.all(burst);
              burst = [];
            }
          }
          await Promise.all(burst);

          const storedMarks = new Map(
            (await db.attendance.toArray()).map((a) => [`${ev.sessions.indexOf(a.sessionId)}|${ev.people.indexOf(a.personId)}`, a.status]),
          );
          expect(storedMarks).toEqual(marks);
          const evaluations = await db.evaluations.where('eventId').equals(ev.eventId).toArray();
          for (let p = 0; p < P; p++) {
            const stored = evaluations.filter((x) => x.personId === ev.people[p]);
            expect(stored.length).toBeLessThanOrEqual(1);
            expect(stored[0]?.scores ?? {}).toEqual(Object.fromEntries(scores[p]!));
            expect(stored[0]?.comment).toBe(comments[p]);
          }
        }),
        { numRuns: 60 },
      );
    });
  }, 120_000);
  it('the first click on 1★ of an empty row saves 1; a score outside 1–5 is refused with the schema error and changes nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ctx = { db, actor };
      const ev = await event(ctx, 1, 1);
      const pid = ev.people[0]!;
      expect(await scoreEvaluation(ctx, ev.eventId, pid, 'content', 1)).toMatchObject({ scores: { content: 1 } });
      expect((await db.evaluations.toArray()).map((e) => e.scores)).toEqual([{ content: 1 }]);
      for (const bad of [0, 6, 2.5]) {
        const err = await scoreEvaluation(ctx, ev.eventId, pid, 'trainers', bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ZodError);
        // The issue names the question, so the screen can say which score was not saved.
        expect((err as ZodError).issues[0]!.path).toEqual(['scores', 'trainers']);
      }
      expect((await db.evaluations.toArray()).map((e) => e.scores)).toEqual([{ content: 1 }]);
      // The row's queue goes on after a refused edit.
      await scoreEvaluation(ctx, ev.eventId, pid, 'trainers', 4);
      expect((await db.evaluations.toArray()).map((e) => e.scores)).toEqual([{ content: 1, trainers: 4 }]);
    });
  });

  it('a star, then a comment and Tab straight away: both are kept; clearing everything removes the response', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ctx = { db, actor };
      const ev = await event(ctx, 1, 1);
      const pid = ev.people[0]!;
      const clicks = [1, 2, 3, 4, 5, 3].map((v, i) => scoreEvaluation(ctx, ev.eventId, pid, i % 2 ? 'usefulness' : 'content', v));
      await Promise.all([...clicks, commentEvaluation(ctx, ev.eventId, pid, '  Vrlo korisno ')]);
      expect(await db.evaluations.toArray()).toEqual([expect.objectContaining({ scores: { content: 5, usefulness: 3 }, comment: 'Vrlo korisno' })]);
      await Promise.all([
        scoreEvaluation(ctx, ev.eventId, pid, 'content', null),
        scoreEvaluation(ctx, ev.eventId, pid, 'usefulness', null),
        commentEvaluation(ctx, ev.eventId, pid, ' '),
      ]);
      expect(await db.evaluations.count()).toBe(0);
    });
  });

  it('Space pressed three times fast moves a mark three statuses on, from the stored mark', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ctx = { db, actor };
      const ev = await event(ctx, 1, 1);
      await markAttendance(ctx, ev.sessions[0]!, ev.people[0]!, 'present');
      await Promise.all([0, 1, 2].map(() => cycleAttendance(ctx, ev.sessions[0]!, ev.people[0]!)));
      expect((await db.attendance.toArray()).map((a) => a.status)).toEqual(['absent']);
    });
  });
});
