import type { Consent, ImportHistory, Person } from '@shared/model';
import type { ColumnMapping } from '@shared/import/headers';
import type { ImportedRow } from '@shared/import/people';
import { importedConsents } from '@shared/import/sharing';
import { duplicatesWithin } from '@shared/people/duplicates';
import { personNameKey } from '@shared/people/nameKey';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { orgToday } from './orgDay';
import { checkNewPerson, storedDuplicates } from './people';
import { requirePermission } from './permissions';
import { selfOrgId } from './records';

/** The mapping the user confirmed last time for files with these headers. */
export async function rememberedMapping(db: MrezaDb, signature: string): Promise<ColumnMapping | undefined> {
  return (await db.importMappings.get(signature))?.mapping as ColumnMapping | undefined;
}

export async function rememberMapping(db: MrezaDb, signature: string, mapping: ColumnMapping): Promise<void> {
  await db.importMappings.put({ id: signature, mapping, updatedAt: new Date().toISOString() });
}

export interface DuplicateHit {
  row: number;
  existing?: Pick<Person, 'id' | 'firstName' | 'lastName' | 'birthYear' | 'municipality'>;
  /** Another row of the same file this one repeats. */
  sameAsRow?: number;
}

/**
 * Rows that repeat a stored person or an earlier row of the file, by the same rule as a person
 * typed in (storedDuplicates) and within the file (duplicatesWithin).
 */
export async function findImportDuplicates(db: MrezaDb, rows: readonly ImportedRow[]): Promise<DuplicateHit[]> {
  const drafts = rows.map((r) => r.draft);
  const stored = await storedDuplicates(db, drafts);
  const within = duplicatesWithin(drafts);
  const hits: DuplicateHit[] = [];
  rows.forEach((r, i) => {
    const existing = stored[i]![0];
    const earlier = within.get(i);
    if (existing)
      hits.push({
        row: r.row,
        existing: {
          id: existing.id,
          firstName: existing.firstName,
          lastName: existing.lastName,
          birthYear: existing.birthYear,
          municipality: existing.municipality,
        },
      });
    else if (earlier !== undefined) hits.push({ row: r.row, sameAsRow: rows[earlier]!.row });
  });
  return hits;
}

/** The notice version recorded with consents that came in an import. */
export const IMPORTED_NOTICE = 'import';

/** The user stopped the import while it was writing; the transaction was rolled back. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

export interface CommitImportOptions {
  /** Aborting it stops the write: the transaction rolls back and nothing is stored. */
  signal?: AbortSignal | undefined;
  /** People written so far of all, after each slice (inside the transaction, so not yet final). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Rows per bulkAdd: small enough that progress moves and a cancel is seen within a moment. */
const WRITE_SLICE = 1000;

/**
 * Writes the valid rows in ONE transaction (people and their consents with bulkAdd, the import
 * history with every new id so it can be undone, one audit entry). All or nothing: a failure or
 * a cancel (opts.signal) before the transaction commits leaves nothing, not even an audit entry.
 */
export async function commitImport(
  db: MrezaDb,
  actor: Actor,
  fileName: string,
  rows: readonly ImportedRow[],
  opts: CommitImportOptions = {},
): Promise<ImportHistory> {
  requirePermission(actor, 'editPeople');
  const { signal, onProgress } = opts;
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new ImportCancelled();
  };
  stopIfCancelled();
  const orgId = await selfOrgId(db);
  const today = await orgToday(db);
  const at = new Date().toISOString();
  const people: Person[] = new Array(rows.length);
  const consents: Consent[] = [];
  /** consentsUpTo[i]: how many consents belong to people[0..i). */
  const consentsUpTo: number[] = [0];
  rows.forEach((r, i) => {
    const id = crypto.randomUUID();
    // The checks of a person typed in (createPerson), so a row the preview let through cannot store what the form would refuse.
    // Sharing with the lead only where the file says so (its own row when the file dates it apart).
    const { main, sharing } = importedConsents(r, { notice: IMPORTED_NOTICE, today, recordedBy: actor.userName });
    const { draft, consentDraft } = checkNewPerson(r.draft, main);
    people[i] = { ...draft, id, orgId, createdAt: at, updatedAt: at, nameKey: personNameKey(draft), anonymised: false };
    const mine = [consentDraft, sharing].filter((c) => c !== undefined);
    consentsUpTo[i + 1] = consentsUpTo[i]! + mine.length;
    for (const c of mine) consents.push({ ...c, id: crypto.randomUUID(), orgId, personId: id, createdAt: at, updatedAt: at });
  });
  const history: ImportHistory = {
    id: crypto.randomUUID(),
    orgId,
    kind: 'people',
    fileName: fileName.slice(0, 260) || 'import',
    at,
    rowsAdded: people.length,
    rowsReplaced: 0,
    rowsRemoved: 0,
    recordIds: [...people.map((p) => p.id), ...consents.map((c) => c.id)],
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction('rw', [db.people, db.consents, db.importHistory, db.auditLog], async () => {
    for (let from = 0; from < people.length; from += WRITE_SLICE) {
      // Throwing here aborts the transaction: every slice written so far is rolled back.
      stopIfCancelled();
      const to = Math.min(people.length, from + WRITE_SLICE);
      await db.people.bulkAdd(people.slice(from, to));
      if (consentsUpTo[to]! > consentsUpTo[from]!) await db.consents.bulkAdd(consents.slice(consentsUpTo[from], consentsUpTo[to]));
      onProgress?.(to, people.length);
    }
    stopIfCancelled();
    await db.importHistory.add(history);
    await db.auditLog.add(
      auditEntry(actor, 'import', 'people', history.id, 'peopleImported', { detail: history.fileName.slice(0, 260), count: people.length }),
    );
  });
  return history;
}

/** The newest people import that has not been undone. */
export async function lastPeopleImport(db: MrezaDb): Promise<ImportHistory | undefined> {
  return db.importHistory
    .orderBy('at')
    .reverse()
    .filter((h) => h.kind === 'people')
    .first()
    .then((h) => (h && !h.undoneAt ? h : undefined));
}

/**
 * What undoing an import would remove, for its confirmation: the people it added who are still in
 * the registry, and the records linked to them since (enrolments, attendance, mentoring…; the
 * consents that came with the file are not counted again). Null when there is nothing to undo.
 */
export async function importUndoEffect(db: MrezaDb, historyId: string): Promise<{ history: ImportHistory; people: number; linked: number } | null> {
  return db.transaction('r', db.tables, async () => {
    const h = await db.importHistory.get(historyId);
    if (!h || h.undoneAt) return null;
    const own = new Set(h.recordIds);
    const personIds = (await db.people.bulkGet(h.recordIds)).filter((p) => p !== undefined).map((p) => p.id);
    let linked = 0;
    for (const t of db.tables.filter((t) => t.name !== 'people' && t.name !== 'auditLog' && t.schema.idxByName.personId !== undefined)) {
      linked += ((await t.where('personId').anyOf(personIds).primaryKeys()) as string[]).filter((k) => !own.has(k)).length;
    }
    const mentorIds = (await db.mentors.where('personId').anyOf(personIds).primaryKeys()) as string[];
    const matchIds = new Set([
      ...((await db.matches.where('menteeId').anyOf(personIds).primaryKeys()) as string[]),
      ...((mentorIds.length ? await db.matches.where('mentorId').anyOf(mentorIds).primaryKeys() : []) as string[]),
    ]);
    linked += matchIds.size;
    if (matchIds.size)
      for (const t of db.tables.filter((t) => t.schema.idxByName.matchId !== undefined))
        linked += await t
          .where('matchId')
          .anyOf([...matchIds])
          .count();
    return { history: h, people: personIds.length, linked };
  });
}

/**
 * Undoes an import: the people it added go, with everything linked to them since (consents,
 * enrolments…), in one transaction; the history entry is marked undone and the undo is logged.
 */
export async function undoImport(db: MrezaDb, actor: Actor, historyId: string): Promise<number> {
  requirePermission(actor, 'editPeople');
  return db.transaction('rw', db.tables, async () => {
    const h = await db.importHistory.get(historyId);
    if (!h || h.undoneAt) return 0;
    const personIds = (await db.people.bulkGet(h.recordIds)).filter((p) => p !== undefined).map((p) => p.id);
    const linked = db.tables.filter((t) => t.name !== 'people' && t.name !== 'auditLog' && t.schema.idxByName.personId !== undefined);
    for (const t of linked) await t.where('personId').anyOf(personIds).delete();
    const mentorIds = (await db.mentors.where('personId').anyOf(personIds).primaryKeys()) as string[];
    const matchIds = [
      ...((await db.matches.where('menteeId').anyOf(personIds).primaryKeys()) as string[]),
      ...((mentorIds.length ? await db.matches.where('mentorId').anyOf(mentorIds).primaryKeys() : []) as string[]),
    ];
    if (matchIds.length) {
      for (const t of db.tables.filter((t) => t.schema.idxByName.matchId !== undefined)) await t.where('matchId').anyOf(matchIds).delete();
      await db.matches.bulkDelete(matchIds);
    }
    await db.people.bulkDelete(personIds);
    await db.consents.bulkDelete(h.recordIds);
    await db.importHistory.put({ ...h, undoneAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    await db.auditLog.add(auditEntry(actor, 'delete', 'people', h.id, 'peopleImportUndone', { detail: h.fileName, count: personIds.length }));
    return personIds.length;
  });
}
