import { Dexie } from 'dexie';
import { ZodError } from 'zod';
import { sameResponse } from '@shared/import/evaluations';
import { TABLE_SCHEMAS, type Evaluation, type ImportHistory, type Programme, type QuestionSet } from '@shared/model';
import {
  currentQuestionSet,
  defaultQuestionSet,
  FIRST_FORM,
  formKey,
  planQuestionSetChange,
  responseIssues,
  summariseForm,
  type FormSummary,
  type QuestionSetDraft,
} from '@shared/programmes';
import { audit, auditEntry } from './audit';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';
import { selfOrgId } from './records';

const stamp = () => new Date().toISOString();

/** What a response holds besides its record fields. */
export interface ResponseDraft {
  personId?: string;
  scores: Record<string, number>;
  answers?: Record<string, string>;
  comment?: string;
  receivedAt?: string;
}

/**
 * A response that does not fit its form, as the schema would say it (so the screens show it as
 * every other refused value): the path names the question.
 */
export function checkAgainstForm(form: QuestionSetDraft, r: ResponseDraft, allowEmpty = false): void {
  const issues = responseIssues(form, r).filter((i) => !(allowEmpty && i.code === 'empty'));
  if (!issues.length) return;
  throw new ZodError(
    issues.map((i) =>
      i.code === 'outOfScale'
        ? {
            code: 'too_big' as const,
            origin: 'number' as const,
            maximum: form.scaleMax,
            inclusive: true,
            path: ['scores', i.key!],
            message: 'outOfScale',
            input: r.scores[i.key!],
          }
        : { code: 'custom' as const, path: i.key ? ['scores', i.key] : [], message: i.code, input: undefined },
    ),
  );
}

/** The form a programme's new responses answer: its newest version, else its kind's default (not stored yet). */
async function formOfProgramme(db: MrezaDb, programme: Programme): Promise<{ set?: QuestionSet; form: QuestionSetDraft }> {
  const set = currentQuestionSet(await db.questionSets.where('programmeId').equals(programme.id).toArray(), programme.id);
  return { set, form: set ?? defaultQuestionSet(programme.kind) };
}

/**
 * The programme's current form as a stored row: the default is written as version 1 the first
 * time a response needs it, so that response's meaning is kept. Call inside a transaction that
 * holds questionSets and auditLog.
 */
export async function storedCurrentSet(db: MrezaDb, actor: Actor, programme: Programme): Promise<QuestionSet> {
  const { set, form } = await formOfProgramme(db, programme);
  if (set) return set;
  const now = stamp();
  const row = TABLE_SCHEMAS.questionSets.parse({
    id: crypto.randomUUID(),
    orgId: await selfOrgId(db),
    createdAt: now,
    updatedAt: now,
    programmeId: programme.id,
    version: 1,
    ...form,
  });
  await db.questionSets.add(row);
  await audit(db, actor, 'create', 'questionSets', row.id, 'v1');
  return row;
}

/** The form of a stored response: its question set, or the first form for rows from before sets. */
export function formOfResponse(r: Pick<Evaluation, 'questionSetId'>, sets: ReadonlyMap<string, QuestionSet>): QuestionSetDraft {
  return (r.questionSetId && sets.get(r.questionSetId)) || FIRST_FORM;
}

export interface EvaluationForms {
  programme: Programme;
  /** The form new responses answer (the default until a first response or edit stores it). */
  form: QuestionSetDraft;
  /** Its stored row, absent while it is still the default. */
  current?: QuestionSet;
  /** Whether the current form has responses (then a change makes a new version). */
  frozen: boolean;
}

/** A programme's evaluation form, for the question editor and for entering responses. */
export function loadEvaluationForm(db: MrezaDb, actor: Actor, programmeId: string): Promise<EvaluationForms | null> {
  requirePermission(actor, 'enterEvaluations');
  return db.programmes.get(programmeId).then(async (programme) => {
    if (!programme) return null;
    const { set, form } = await formOfProgramme(db, programme);
    const frozen = set ? (await db.evaluations.where('questionSetId').equals(set.id).count()) > 0 : false;
    return { programme, form, current: set, frozen };
  });
}

/**
 * Saves a changed form for a programme (coordinator's wording, questions added or removed, the
 * scale). While no response uses the current version it is rewritten; once one does, the change
 * is written as the next version and every earlier response keeps its own.
 */
export async function saveQuestionSet(db: MrezaDb, actor: Actor, programmeId: string, draft: QuestionSetDraft): Promise<QuestionSet> {
  requirePermission(actor, 'enterEvaluations');
  return db.transaction('rw', [db.programmes, db.questionSets, db.evaluations, db.auditLog, db.organisations], async () => {
    const programme = await db.programmes.get(programmeId);
    if (!programme) throw new Error(`programme ${programmeId} not found`);
    const { set: current } = await formOfProgramme(db, programme);
    const used = current ? await db.evaluations.where('questionSetId').equals(current.id).count() : 0;
    const plan = planQuestionSetChange(current, used);
    const now = stamp();
    const row = TABLE_SCHEMAS.questionSets.parse({
      id: plan.mode === 'update' ? current!.id : crypto.randomUUID(),
      orgId: plan.mode === 'update' ? current!.orgId : await selfOrgId(db),
      createdAt: plan.mode === 'update' ? current!.createdAt : now,
      updatedAt: now,
      programmeId,
      version: plan.version,
      scaleMax: draft.scaleMax,
      questions: draft.questions.map((q) => ({ key: q.key, kind: q.kind, ...(q.text?.trim() ? { text: q.text.trim() } : {}) })),
    });
    await db.questionSets.put(row);
    await audit(db, actor, plan.mode === 'update' ? 'update' : 'create', 'questionSets', row.id, `v${row.version}`);
    return row;
  });
}

async function eventProgramme(db: MrezaDb, eventId: string): Promise<Programme> {
  const event = await db.events.get(eventId);
  const programme = event && (await db.programmes.get(event.programmeId));
  if (!programme) throw new Error(`event ${eventId} not found`);
  return programme;
}

const TABLES = (db: MrezaDb) => [db.events, db.programmes, db.questionSets, db.evaluations, db.auditLog, db.organisations, db.importHistory];

function responseRow(orgId: string, eventId: string, questionSetId: string, r: ResponseDraft, now: string): Evaluation {
  return TABLE_SCHEMAS.evaluations.parse({ id: crypto.randomUUID(), orgId, createdAt: now, updatedAt: now, eventId, questionSetId, ...clean(r) });
}

/** Empty answers are no answers (a cleared cell). */
function clean(r: ResponseDraft): ResponseDraft {
  const answers = Object.fromEntries(Object.entries(r.answers ?? {}).filter(([, v]) => v.trim()));
  return {
    ...(r.personId ? { personId: r.personId } : {}),
    scores: r.scores,
    ...(Object.keys(answers).length ? { answers } : {}),
    ...(r.comment?.trim() ? { comment: r.comment } : {}),
    ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}),
  };
}

/**
 * Adds one response (a paper form, anonymous unless a participant is named) on the programme's
 * current form. A score outside the scale or an answer to no question of the form is refused
 * with a ZodError naming the question, and nothing is written.
 */
export async function addResponse(db: MrezaDb, actor: Actor, eventId: string, draft: ResponseDraft): Promise<Evaluation> {
  requirePermission(actor, 'enterEvaluations');
  return db.transaction('rw', TABLES(db), async () => {
    const programme = await eventProgramme(db, eventId);
    const set = await storedCurrentSet(db, actor, programme);
    checkAgainstForm(set, clean(draft));
    const row = responseRow(await selfOrgId(db), eventId, set.id, draft, stamp());
    await db.evaluations.add(row);
    await audit(db, actor, 'create', 'evaluations', row.id, '', { detail: row.personId ? 'named' : 'anonymous' });
    return row;
  });
}

/**
 * Replaces what a response says (its scores and answers, the participant it is linked to), checked
 * against the form it was given on. A response left with nothing is removed.
 */
export async function updateResponse(db: MrezaDb, actor: Actor, id: string, draft: ResponseDraft): Promise<Evaluation | null> {
  requirePermission(actor, 'enterEvaluations');
  return db.transaction('rw', TABLES(db), async () => {
    const current = await db.evaluations.get(id);
    if (!current) throw new Error(`evaluation ${id} not found`);
    const set = current.questionSetId ? await db.questionSets.get(current.questionSetId) : undefined;
    const r = clean({ ...draft, comment: draft.comment ?? current.comment, receivedAt: current.receivedAt });
    checkAgainstForm(set ?? FIRST_FORM, r, true);
    if (!Object.keys(r.scores).length && !r.answers && !r.comment) {
      await db.evaluations.delete(id);
      await audit(db, actor, 'delete', 'evaluations', id);
      return null;
    }
    const { personId: _p, answers: _a, comment: _c, ...rest } = current;
    const row = TABLE_SCHEMAS.evaluations.parse({ ...rest, ...r, updatedAt: stamp() });
    await db.evaluations.put(row);
    await audit(db, actor, 'update', 'evaluations', id);
    return row;
  });
}

export async function deleteResponse(db: MrezaDb, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'enterEvaluations');
  await db.transaction('rw', [db.evaluations, db.auditLog], async () => {
    if (!(await db.evaluations.get(id))) return;
    await db.evaluations.delete(id);
    await audit(db, actor, 'delete', 'evaluations', id);
  });
}

export interface ResponseImportResult {
  added: number;
  /** Rows already stored from an earlier import of the same file (same timestamp and answers). */
  duplicates: number;
}

/**
 * Imports the good rows of an online form's export on the programme's current form, in one
 * transaction: all or nothing. Rows stored before (the same export imported again) are skipped.
 */
export async function importResponses(db: MrezaDb, actor: Actor, eventId: string, fileName: string, drafts: ResponseDraft[]): Promise<ResponseImportResult> {
  requirePermission(actor, 'enterEvaluations');
  return db.transaction('rw', TABLES(db), async () => {
    const programme = await eventProgramme(db, eventId);
    const set = await storedCurrentSet(db, actor, programme);
    const stored = await db.evaluations.where('eventId').equals(eventId).toArray();
    const orgId = await selfOrgId(db);
    const now = stamp();
    const rows: Evaluation[] = [];
    let duplicates = 0;
    for (const d of drafts) {
      const r = clean(d);
      checkAgainstForm(set, r);
      if (stored.some((s) => sameResponse(s, r)) || rows.some((s) => sameResponse(s, r))) {
        duplicates++;
        continue;
      }
      rows.push(responseRow(orgId, eventId, set.id, r, now));
    }
    await db.evaluations.bulkAdd(rows);
    await db.importHistory.add(
      TABLE_SCHEMAS.importHistory.parse({
        id: crypto.randomUUID(),
        orgId,
        createdAt: now,
        updatedAt: now,
        kind: 'evaluations',
        fileName,
        at: now,
        rowsAdded: rows.length,
        recordIds: rows.map((r) => r.id),
      }),
    );
    await audit(db, actor, 'import', 'evaluations', eventId, '', { count: rows.length, detail: fileName.slice(0, 260) });
    return { added: rows.length, duplicates };
  });
}

/** An event's responses with the forms they answer, for entering and correcting them (not for viewers: answers are in words). */
export function loadEventResponses(db: MrezaDb, actor: Actor, eventId: string): Promise<{ responses: Evaluation[]; sets: Map<string, QuestionSet> }> {
  requirePermission(actor, 'enterEvaluations');
  return db.evaluations
    .where('eventId')
    .equals(eventId)
    .toArray()
    .then(async (responses) => {
      const ids = [...new Set(responses.map((r) => r.questionSetId).filter((x): x is string => !!x))];
      const sets = (await db.questionSets.bulkGet(ids)).filter((s): s is QuestionSet => !!s);
      return {
        responses: responses.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
        sets: new Map(sets.map((s) => [s.id, s])),
      };
    });
}

export interface FormSummaryGroup {
  /** The question set id, or 'first' for rows from before question sets. */
  key: string;
  version: number | null;
  form: QuestionSetDraft;
  summary: FormSummary;
  current: boolean;
  named: number;
}

/**
 * Per form an event's (or a programme's) responses answered, the summary per question: counts,
 * means, distributions. No names, no answers in words: for everyone who may read summaries.
 * The current form comes first; older versions after it, newest first.
 */
export function loadEvaluationSummaries(db: MrezaDb, actor: Actor, scope: { eventIds: string[]; programmeId: string }): Promise<FormSummaryGroup[]> {
  requirePermission(actor, 'readEvaluationSummaries');
  return Dexie.Promise.all([
    db.evaluations.where('eventId').anyOf(scope.eventIds).toArray(),
    db.questionSets.where('programmeId').equals(scope.programmeId).toArray(),
  ]).then(([responses, sets]) => {
    const byId = new Map(sets.map((s) => [s.id, s]));
    const current = currentQuestionSet(sets, scope.programmeId);
    const groups = new Map<string, Evaluation[]>();
    for (const r of responses) groups.set(formKey(r), [...(groups.get(formKey(r)) ?? []), r]);
    return [...groups]
      .map(([key, rs]) => {
        const set = byId.get(key);
        const form = formOfResponse(rs[0]!, byId);
        return {
          key,
          version: set?.version ?? null,
          form,
          summary: summariseForm(form, rs),
          current: key === current?.id,
          named: rs.filter((r) => r.personId).length,
        };
      })
      .sort((a, b) => Number(b.current) - Number(a.current) || (b.version ?? 0) - (a.version ?? 0));
  });
}

/**
 * The newest online-form import into this event that has not been undone and still has rows here
 * (the import history every importer writes: its ids make the undo).
 */
export async function lastEvaluationImport(db: MrezaDb, actor: Actor, eventId: string): Promise<ImportHistory | undefined> {
  requirePermission(actor, 'enterEvaluations');
  const here = new Set((await db.evaluations.where('eventId').equals(eventId).primaryKeys()) as string[]);
  if (!here.size) return undefined;
  const imports = await db.importHistory
    .orderBy('at')
    .reverse()
    .filter((h) => h.kind === 'evaluations' && !h.undoneAt && h.recordIds.some((id) => here.has(id)))
    .first();
  return imports;
}

/** What undoing an import would remove, for its confirmation: the file and how many of its responses are still stored. */
export async function evaluationImportUndoEffect(db: MrezaDb, actor: Actor, historyId: string): Promise<{ history: ImportHistory; responses: number } | null> {
  requirePermission(actor, 'enterEvaluations');
  const h = await db.importHistory.get(historyId);
  if (!h || h.undoneAt || h.kind !== 'evaluations') return null;
  const responses = (await db.evaluations.bulkGet(h.recordIds)).filter((r) => r !== undefined).length;
  return { history: h, responses };
}

/** Undoes an online-form import: its responses go (typed ones stay), in one transaction; the history entry is marked undone and the undo logged. */
export async function undoEvaluationImport(db: MrezaDb, actor: Actor, historyId: string): Promise<number> {
  requirePermission(actor, 'enterEvaluations');
  return db.transaction('rw', [db.evaluations, db.importHistory, db.auditLog], async () => {
    const h = await db.importHistory.get(historyId);
    if (!h || h.undoneAt || h.kind !== 'evaluations') return 0;
    const ids = (await db.evaluations.bulkGet(h.recordIds)).filter((r) => r !== undefined).map((r) => r.id);
    await db.evaluations.bulkDelete(ids);
    const at = new Date().toISOString();
    await db.importHistory.put({ ...h, undoneAt: at, updatedAt: at });
    await db.auditLog.add(auditEntry(actor, 'delete', 'evaluations', h.id, 'evaluationsImportUndone', { detail: h.fileName, count: ids.length }));
    return ids.length;
  });
}
