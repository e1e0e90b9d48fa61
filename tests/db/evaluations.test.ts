import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  addResponse,
  deleteResponse,
  evaluationImportUndoEffect,
  importResponses,
  lastEvaluationImport,
  loadEvaluationForm,
  loadEvaluationSummaries,
  loadEventResponses,
  saveQuestionSet,
  undoEvaluationImport,
  updateResponse,
  type ResponseDraft,
} from '../../src/renderer/src/db/evaluations';
import { saveEvaluation, saveEvent, saveProgramme } from '../../src/renderer/src/db/programmes';
import { withSetUpDb } from '../fixtures/testDb';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import type { Actor } from '../../src/renderer/src/db/actor';

async function moduleEvent(db: MrezaDb, actor: Actor, kind: 'badge' | 'crossBorder' = 'crossBorder') {
  const programme = await saveProgramme(db, actor, {
    kind,
    title: 'Socijalna aktivacija',
    partnerOrgIds: [],
    completionRule: { type: 'minShare', minShare: 0.8 },
  });
  const event = await saveEvent(db, actor, { programmeId: programme.id, kind: 'module', number: 2, title: 'Uloga mentora', trainers: [] }, [
    { date: '2026-10-06', start: '09:00', end: '15:00', town: 'Čakovec', country: 'HR' },
  ]);
  return { programme, event, scope: { eventIds: [event.id], programmeId: programme.id } };
}

describe('evaluations in the data store', () => {
  it('a stack of anonymous forms: each response stored without a person, on the programme’s default form; the summary per question', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { programme, event, scope } = await moduleEvent(db, actor);
      const before = await loadEvaluationForm(db, actor, programme.id);
      expect(before?.current).toBeUndefined();
      expect(before?.form.questions.map((q) => q.key)).toContain('applicability');
      for (const [content, trainers] of <Array<[number, number]>>[
        [5, 4],
        [4, 4],
        [3, 5],
      ])
        await addResponse(db, actor, event.id, { scores: { content, trainers }, answers: { suggestions: content === 3 ? 'Više primjera iz prakse' : '' } });
      const { responses } = await loadEventResponses(db, actor, event.id);
      expect(responses).toHaveLength(3);
      expect(responses.every((r) => r.personId === undefined)).toBe(true);
      // The default form was stored as version 1 with the first response, and is now frozen.
      const form = await loadEvaluationForm(db, actor, programme.id);
      expect(form?.current?.version).toBe(1);
      expect(form?.frozen).toBe(true);
      expect(new Set(responses.map((r) => r.questionSetId))).toEqual(new Set([form!.current!.id]));
      expect(responses.filter((r) => r.answers).map((r) => r.answers)).toEqual([{ suggestions: 'Više primjera iz prakse' }]);
      const [group] = await loadEvaluationSummaries(db, actor, scope);
      expect(group!.summary.responses).toBe(3);
      expect(group!.summary.questions.find((q) => q.question.key === 'content')).toMatchObject({ count: 3, mean: 4, distribution: [0, 0, 1, 1, 1] });
      expect(group!.summary.questions.find((q) => q.question.key === 'suggestions')).toMatchObject({ count: 1 });
    });
  });

  it('a score outside the form’s scale or an answer to no question is refused with the question named, and nothing is written', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { event } = await moduleEvent(db, actor);
      const log = await db.auditLog.count();
      for (const scores of [{ content: 6 }, { content: 0 }, { nonsense: 3 }] as Array<Record<string, number>>) {
        const err = await addResponse(db, actor, event.id, { scores }).catch((e: unknown) => e);
        expect(err, JSON.stringify(scores)).toBeInstanceOf(ZodError);
        expect((err as ZodError).issues[0]!.path).toEqual(['scores', Object.keys(scores)[0]]);
      }
      expect(await db.evaluations.count()).toBe(0);
      expect(await db.questionSets.count()).toBe(0);
      expect(await db.auditLog.count()).toBe(log);
    });
  });

  it('changing a form with responses makes a new version; old responses keep their wording and scale, and are summarised apart', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { programme, event, scope } = await moduleEvent(db, actor);
      await addResponse(db, actor, event.id, { scores: { content: 5 } });
      const v1 = (await loadEvaluationForm(db, actor, programme.id))!.current!;
      const v2 = await saveQuestionSet(db, actor, programme.id, {
        scaleMax: 7,
        questions: [
          { key: 'content', kind: 'scale', text: 'Koliko vam je modul bio koristan u radu?' },
          { key: 'q2', kind: 'text', text: 'Što biste promijenili?' },
        ],
      });
      expect(v2.version).toBe(2);
      expect(v2.id).not.toBe(v1.id);
      expect(await db.questionSets.get(v1.id)).toEqual(v1);
      // Not yet answered: a further change rewrites version 2 in place.
      const v2b = await saveQuestionSet(db, actor, programme.id, { ...v2, scaleMax: 6 });
      expect([v2b.id, v2b.version, v2b.scaleMax]).toEqual([v2.id, 2, 6]);
      await addResponse(db, actor, event.id, { scores: { content: 6 }, answers: { q2: 'Više vremena' } });
      const groups = await loadEvaluationSummaries(db, actor, scope);
      expect(groups.map((g) => [g.version, g.current, g.summary.responses, g.form.scaleMax])).toEqual([
        [2, true, 1, 6],
        [1, false, 1, 5],
      ]);
      // An old response is corrected on its own form: 6 is outside its 1–5.
      const old = (await db.evaluations.where('questionSetId').equals(v1.id).first())!;
      await expect(updateResponse(db, actor, old.id, { scores: { content: 6 } })).rejects.toBeInstanceOf(ZodError);
      expect((await updateResponse(db, actor, old.id, { scores: { content: 2 } }))?.scores).toEqual({ content: 2 });
      // Cleared of every answer, a response is gone; deleting is explicit too.
      expect(await updateResponse(db, actor, old.id, { scores: {} })).toBeNull();
      const last = (await db.evaluations.toArray())[0]!;
      await deleteResponse(db, actor, last.id);
      expect(await db.evaluations.count()).toBe(0);
    });
  });

  it('a named response (a participant’s, from the event’s list) stays named and joins the same summary', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { event, scope } = await moduleEvent(db, actor, 'badge');
      const personId = crypto.randomUUID();
      await saveEvaluation(db, actor, event.id, personId, { scores: { content: 4, confidence: 5 } });
      await addResponse(db, actor, event.id, { scores: { content: 2 } });
      const [group] = await loadEvaluationSummaries(db, actor, scope);
      expect(group!.named).toBe(1);
      expect(group!.summary.questions.find((q) => q.question.key === 'content')).toMatchObject({ count: 2, mean: 3 });
      // The participant's row is on the BADGE form: "confidence" is one of its questions.
      expect((await db.evaluations.where('personId').equals(personId).first())?.scores).toEqual({ content: 4, confidence: 5 });
    });
  });

  it('an online form’s export imported twice adds its responses once; the import is in the history', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { event } = await moduleEvent(db, actor);
      const rows: ResponseDraft[] = [
        { scores: { content: 5, trainers: 4 }, receivedAt: '2026/10/06 3:14:33 PM GMT+2' },
        { scores: { content: 3 }, answers: { suggestions: 'Kraće pauze' }, receivedAt: '2026/10/06 3:20:01 PM GMT+2' },
      ];
      expect(await importResponses(db, actor, event.id, 'Evaluacija modula 2.csv', rows)).toEqual({ added: 2, duplicates: 0 });
      expect(await importResponses(db, actor, event.id, 'Evaluacija modula 2.csv', rows)).toEqual({ added: 0, duplicates: 2 });
      expect(await db.evaluations.count()).toBe(2);
      expect((await db.importHistory.toArray()).map((h) => `${h.kind} ${h.rowsAdded}`).sort()).toEqual(['evaluations 0', 'evaluations 2']);
      // One bad row refuses the whole call (the screen imports only rows it has read as good).
      await expect(importResponses(db, actor, event.id, 'x.csv', [{ scores: { content: 9 } }])).rejects.toBeInstanceOf(ZodError);
      expect(await db.evaluations.count()).toBe(2);
    });
  });

  it('the last online-form import of an event can be undone: its rows go, typed forms stay, the undo is logged', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const { event } = await moduleEvent(db, actor);
      const other = await moduleEvent(db, actor);
      expect(await lastEvaluationImport(db, actor, event.id)).toBeUndefined();
      const typed = await addResponse(db, actor, event.id, { scores: { content: 2 } });
      await importResponses(db, actor, event.id, 'Evaluacija modula 2.csv', [
        { scores: { content: 5 } },
        { scores: { content: 4 } },
        { scores: { content: 3 } },
      ]);
      await importResponses(db, actor, other.event.id, 'drugi.csv', [{ scores: { content: 1 } }]);
      const last = await lastEvaluationImport(db, actor, event.id);
      expect(last?.fileName).toBe('Evaluacija modula 2.csv');
      // The confirmation names the file and how many responses go.
      expect(await evaluationImportUndoEffect(db, actor, last!.id)).toMatchObject({ responses: 3, history: { fileName: 'Evaluacija modula 2.csv' } });
      expect(await undoEvaluationImport(db, actor, last!.id)).toBe(3);
      expect((await db.evaluations.where('eventId').equals(event.id).toArray()).map((r) => r.id)).toEqual([typed.id]);
      expect(await db.evaluations.where('eventId').equals(other.event.id).count()).toBe(1);
      expect(await lastEvaluationImport(db, actor, event.id)).toBeUndefined();
      expect(await undoEvaluationImport(db, actor, last!.id)).toBe(0);
      const log = await db.auditLog.toArray();
      expect(log.some((e) => e.summary === 'evaluationsImportUndone' && e.count === 3 && e.detail === 'Evaluacija modula 2.csv')).toBe(true);
      // The same file can be imported again after an undo.
      expect(await importResponses(db, actor, event.id, 'Evaluacija modula 2.csv', [{ scores: { content: 5 } }])).toEqual({ added: 1, duplicates: 0 });
    });
  });
});
