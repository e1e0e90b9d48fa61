import { Dexie } from 'dexie';
import type { ImportHistory, Organisation, OrganisationDraftInput } from '@shared/model';
import type { OrgImportedRow } from '@shared/import/organisations';
import { isRegistered, organisationKey, parseOrganisationDraft, placedByEmployer } from '@shared/organisations/register';
import type { Actor } from './actor';
import { audit, auditEntry } from './audit';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';
import { selfOrgId } from './records';

/**
 * The register of organisations (employers, SMEs, public institutions, NGOs) on the organisations
 * table, beside this installation's own row and the lead's partners, which it never touches
 * (shared/organisations/register.ts isRegistered). Every entry point checks `manageOrganisations`.
 */

export type OrganisationErrorCode = 'invalid' | 'notFound';

/** A refusal the UI translates (`organisations:errors.<code>`). */
export class OrganisationError extends Error {
  constructor(readonly code: OrganisationErrorCode) {
    super(code);
    this.name = 'OrganisationError';
  }
}

export interface RegisterEntry extends Organisation {
  /** Unique people whose job outcome names this organisation as the employer. */
  placed: number;
}

/** The register with the people placed with each entry. A Dexie promise throughout, so a live query follows both tables. */
export function listRegister(db: MrezaDb, actor: Actor): Promise<RegisterEntry[]> {
  try {
    requirePermission(actor, 'manageOrganisations');
  } catch (e) {
    return Dexie.Promise.reject(e);
  }
  return Dexie.Promise.all([db.organisations.toArray(), db.outcomes.where('kind').equals('employed').toArray()]).then(([orgs, outcomes]) => {
    const placed = placedByEmployer(outcomes);
    return orgs.filter(isRegistered).map((o) => ({ ...o, placed: placed.get(o.id)?.size ?? 0 }));
  });
}

/** One entry of the register with the people placed there (their ids, for the form's list). */
export async function registerEntry(
  db: MrezaDb,
  actor: Actor,
  id: string,
): Promise<{ organisation: Organisation; placedPeople: Array<{ id: string; firstName: string; lastName: string }> } | undefined> {
  requirePermission(actor, 'manageOrganisations');
  const organisation = await db.organisations.get(id);
  if (!organisation || !isRegistered(organisation)) return undefined;
  const ids = [...(placedByEmployer(await db.outcomes.where('kind').equals('employed').toArray()).get(id) ?? [])];
  const people = (await db.people.bulkGet(ids)).filter((p) => p !== undefined);
  return { organisation, placedPeople: people.map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName })) };
}

function validDraft(input: OrganisationDraftInput) {
  const parsed = parseOrganisationDraft(input);
  if (!parsed.success) throw new OrganisationError('invalid');
  return parsed.data;
}

/** Adds an entry to the register (checked with the one schema), audit-logged in the same transaction. */
export async function createOrganisation(db: MrezaDb, actor: Actor, input: OrganisationDraftInput): Promise<Organisation> {
  requirePermission(actor, 'manageOrganisations');
  const draft = validDraft(input);
  return db.transaction('rw', [db.organisations, db.auditLog], async () => {
    const at = new Date().toISOString();
    const row: Organisation = {
      ...stripUndefined(draft),
      id: crypto.randomUUID(),
      orgId: await selfOrgId(db),
      role: 'other',
      isSelf: false,
      createdAt: at,
      updatedAt: at,
    };
    await db.organisations.add(row);
    await audit(db, actor, 'create', 'organisations', row.id, 'organisationAdded', { detail: row.name });
    return row;
  });
}

/** Changes an entry; a field left empty is cleared. This installation's own row and partners are refused. */
export async function updateOrganisation(db: MrezaDb, actor: Actor, id: string, input: OrganisationDraftInput): Promise<Organisation> {
  requirePermission(actor, 'manageOrganisations');
  const draft = validDraft(input);
  return db.transaction('rw', [db.organisations, db.auditLog], async () => {
    const current = await db.organisations.get(id);
    if (!current || !isRegistered(current)) throw new OrganisationError('notFound');
    const { sector: _s, contactPerson: _c, support: _g, supportedOn: _d, jobsCreated: _j, ...kept } = current;
    const row: Organisation = { ...kept, ...stripUndefined(draft), updatedAt: new Date().toISOString() };
    await db.organisations.put(row);
    await audit(db, actor, 'update', 'organisations', id, 'organisationChanged', { detail: row.name });
    return row;
  });
}

/** What deleting an entry takes with it, for the confirmation: the job outcomes that name it (they stay, without the employer). */
export async function deleteOrganisationEffect(db: MrezaDb, actor: Actor, id: string): Promise<{ linkedOutcomes: number }> {
  requirePermission(actor, 'manageOrganisations');
  return { linkedOutcomes: await db.outcomes.filter((o) => o.employerId === id).count() };
}

/**
 * Deletes an entry; the job outcomes that named it keep their kind and date (the person still got
 * the job) and lose the employer, in the same transaction, and the deletion is audit-logged.
 */
export async function deleteOrganisation(db: MrezaDb, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'manageOrganisations');
  await db.transaction('rw', [db.organisations, db.outcomes, db.auditLog], async () => {
    const current = await db.organisations.get(id);
    if (!current || !isRegistered(current)) throw new OrganisationError('notFound');
    const unlinked = await unlinkEmployers(db, [id]);
    await db.organisations.delete(id);
    await audit(db, actor, 'delete', 'organisations', id, 'organisationDeleted', { detail: current.name, count: unlinked });
  });
}

/** Removes these employers from the outcomes that name them (outcomes have no employer index: registers are small). */
async function unlinkEmployers(db: MrezaDb, ids: readonly string[]): Promise<number> {
  const gone = new Set(ids);
  const linked = await db.outcomes.filter((o) => o.employerId !== undefined && gone.has(o.employerId)).toArray();
  if (linked.length) {
    const at = new Date().toISOString();
    await db.outcomes.bulkPut(linked.map(({ employerId: _e, ...o }) => ({ ...o, updatedAt: at })));
  }
  return linked.length;
}

/** The register as the import's duplicate check needs it: organisationKey → name. */
export async function registerKeys(db: MrezaDb, actor: Actor): Promise<Map<string, string>> {
  requirePermission(actor, 'manageOrganisations');
  return new Map((await db.organisations.toArray()).filter(isRegistered).map((o) => [organisationKey(o), o.name] as const));
}

/**
 * Writes an import's rows in ONE transaction with its history (every new id, so it can be undone)
 * and one audit entry. All or nothing: a row the schema refuses stops the whole write.
 */
export async function commitOrganisationImport(db: MrezaDb, actor: Actor, fileName: string, rows: readonly OrgImportedRow[]): Promise<ImportHistory> {
  requirePermission(actor, 'manageOrganisations');
  const orgId = await selfOrgId(db);
  const at = new Date().toISOString();
  const organisations: Organisation[] = rows.map((r) => ({
    ...stripUndefined(validDraft(r.draft)),
    id: crypto.randomUUID(),
    orgId,
    role: 'other',
    isSelf: false,
    createdAt: at,
    updatedAt: at,
  }));
  const history: ImportHistory = {
    id: crypto.randomUUID(),
    orgId,
    kind: 'organisations',
    fileName: fileName.slice(0, 260) || 'import',
    at,
    rowsAdded: organisations.length,
    rowsReplaced: 0,
    rowsRemoved: 0,
    recordIds: organisations.map((o) => o.id),
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction('rw', [db.organisations, db.importHistory, db.auditLog], async () => {
    await db.organisations.bulkAdd(organisations);
    await db.importHistory.add(history);
    await db.auditLog.add(
      auditEntry(actor, 'import', 'organisations', history.id, 'organisationsImported', { detail: history.fileName, count: organisations.length }),
    );
  });
  return history;
}

/** The newest organisations import that has not been undone. */
export async function lastOrganisationImport(db: MrezaDb, actor: Actor): Promise<ImportHistory | undefined> {
  requirePermission(actor, 'manageOrganisations');
  const h = await db.importHistory
    .orderBy('at')
    .reverse()
    .filter((x) => x.kind === 'organisations')
    .first();
  return h && !h.undoneAt ? h : undefined;
}

/** What undoing an import would remove, for its confirmation: its entries still in the register, and the job outcomes that name them. */
export async function organisationImportUndoEffect(
  db: MrezaDb,
  actor: Actor,
  historyId: string,
): Promise<{ history: ImportHistory; organisations: number; linkedOutcomes: number } | null> {
  requirePermission(actor, 'manageOrganisations');
  const h = await db.importHistory.get(historyId);
  if (!h || h.undoneAt || h.kind !== 'organisations') return null;
  const ids = new Set((await db.organisations.bulkGet(h.recordIds)).filter((o) => o !== undefined).map((o) => o.id));
  const linkedOutcomes = await db.outcomes.filter((o) => o.employerId !== undefined && ids.has(o.employerId)).count();
  return { history: h, organisations: ids.size, linkedOutcomes };
}

/** Undoes an import: its entries go (job outcomes keep their kind and date, without the employer), in one transaction, logged. */
export async function undoOrganisationImport(db: MrezaDb, actor: Actor, historyId: string): Promise<number> {
  requirePermission(actor, 'manageOrganisations');
  return db.transaction('rw', [db.organisations, db.outcomes, db.importHistory, db.auditLog], async () => {
    const h = await db.importHistory.get(historyId);
    if (!h || h.undoneAt || h.kind !== 'organisations') return 0;
    const ids = (await db.organisations.bulkGet(h.recordIds)).filter((o) => o !== undefined && isRegistered(o)).map((o) => o!.id);
    await unlinkEmployers(db, ids);
    await db.organisations.bulkDelete(ids);
    const at = new Date().toISOString();
    await db.importHistory.put({ ...h, undoneAt: at, updatedAt: at });
    await db.auditLog.add(auditEntry(actor, 'delete', 'organisations', h.id, 'organisationsImportUndone', { detail: h.fileName, count: ids.length }));
    return ids.length;
  });
}

/** A draft's fields without the undefined ones (a cleared field is no key, not a key with undefined). */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
