import { consentDraftSchema, type Consent, type ImportHistory } from '@shared/model';
import { planSharingBasis, sharingConsentDraft, withheldReasons, type SharingBasis, type SharingPlan, type WithheldReasons } from '@shared/people/sharing';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { requireAll, requirePermission } from './permissions';
import { selfOrgId } from './records';

/** A basis the form let through that the consent schema refuses (no date, no notice version…). */
export class SharingError extends Error {
  readonly code = 'invalidBasis';
  constructor() {
    super('invalid sharing basis');
    this.name = 'SharingError';
  }
}

/** The label of a bulk recording in the import history (it has no file). */
const BATCH_LABEL = 'sharing-basis';

async function consentsByPerson(db: MrezaDb, personIds: readonly string[]): Promise<Map<string, Consent[]>> {
  const byPerson = new Map<string, Consent[]>();
  for (const c of await db.consents
    .where('personId')
    .anyOf([...personIds])
    .toArray()) {
    const list = byPerson.get(c.personId) ?? [];
    list.push(c);
    byPerson.set(c.personId, list);
  }
  return byPerson;
}

async function planFor(db: MrezaDb, personIds: readonly string[]): Promise<SharingPlan> {
  const people = (await db.people.bulkGet([...personIds])).filter((p) => p !== undefined);
  const consents = await consentsByPerson(
    db,
    people.map((p) => p.id),
  );
  return planSharingBasis(people, (id) => consents.get(id) ?? []);
}

/** What recording a sharing basis for these people would do (for the confirmation), writing nothing. */
export async function sharingBasisPlan(db: MrezaDb, actor: Actor, personIds: readonly string[]): Promise<SharingPlan> {
  requireAll(actor, 'editPeople');
  return db.transaction('r', [db.people, db.consents], () => planFor(db, personIds));
}

/**
 * Records, in one transaction, a basis for sharing with the lead for every one of these people who
 * has none (those who share already, objected or are anonymised are left as they are): one consent
 * row each (sharing only, recorded by the actor), a batch entry with their ids so it can be undone,
 * and one audit entry with the count (never names). Returns the batch (null when nobody needed it).
 */
export async function recordSharingBasis(
  db: MrezaDb,
  actor: Actor,
  personIds: readonly string[],
  basis: SharingBasis,
): Promise<{ batch: ImportHistory | null; plan: SharingPlan }> {
  requireAll(actor, 'editPeople');
  const checked = consentDraftSchema.safeParse(sharingConsentDraft(basis, actor.userName));
  if (!checked.success) throw new SharingError();
  const draft = checked.data;
  const orgId = await selfOrgId(db);
  return db.transaction('rw', [db.people, db.consents, db.importHistory, db.auditLog], async () => {
    const plan = await planFor(db, personIds);
    if (!plan.record.length) return { batch: null, plan };
    const at = new Date().toISOString();
    const consents: Consent[] = plan.record.map((personId) => ({ ...draft, id: crypto.randomUUID(), orgId, personId, createdAt: at, updatedAt: at }));
    const batch: ImportHistory = {
      id: crypto.randomUUID(),
      orgId,
      kind: 'sharingBasis',
      fileName: BATCH_LABEL,
      at,
      rowsAdded: consents.length,
      rowsReplaced: 0,
      rowsRemoved: 0,
      recordIds: consents.map((c) => c.id),
      createdAt: at,
      updatedAt: at,
    };
    await db.consents.bulkAdd(consents);
    await db.importHistory.add(batch);
    await db.auditLog.add(auditEntry(actor, 'create', 'consents', batch.id, 'sharingBasisRecorded', { count: consents.length }));
    return { batch, plan };
  });
}

/** The newest bulk recording of a sharing basis that has not been undone. */
export async function lastSharingBasis(db: MrezaDb): Promise<ImportHistory | undefined> {
  return db.importHistory
    .orderBy('at')
    .reverse()
    .filter((h) => h.kind === 'sharingBasis')
    .first()
    .then((h) => (h && !h.undoneAt ? h : undefined));
}

/**
 * Undoes a bulk recording: the consent rows it added go, so each person is back where she was
 * before it. A row withdrawn since stays (it records that she objected after). Logged with the count.
 */
export async function undoSharingBasis(db: MrezaDb, actor: Actor, batchId: string): Promise<number> {
  requireAll(actor, 'editPeople');
  return db.transaction('rw', [db.consents, db.importHistory, db.auditLog], async () => {
    const h = await db.importHistory.get(batchId);
    if (!h || h.kind !== 'sharingBasis' || h.undoneAt) return 0;
    const rows = (await db.consents.bulkGet(h.recordIds)).filter((c) => c !== undefined && !c.withdrawnAt);
    await db.consents.bulkDelete(rows.map((c) => c!.id));
    const at = new Date().toISOString();
    await db.importHistory.put({ ...h, undoneAt: at, updatedAt: at });
    await db.auditLog.add(auditEntry(actor, 'delete', 'consents', h.id, 'sharingBasisUndone', { count: rows.length }));
    return rows.length;
  });
}

export interface WithheldBreakdown extends WithheldReasons {
  /** People erased here whose erasure the next export tells the lead about. */
  erased: number;
}

/** Partner: why the people an export leaves at home stay there, and how many erasures it carries. Counts only. */
export async function withheldBreakdown(db: MrezaDb, actor: Actor): Promise<WithheldBreakdown> {
  requirePermission(actor, 'readReports');
  return db.transaction('r', [db.people, db.consents, db.tombstones, db.organisations], async () => {
    const orgId = await selfOrgId(db);
    const people = await db.people.where('orgId').equals(orgId).toArray();
    const consents = await consentsByPerson(
      db,
      people.map((p) => p.id),
    );
    const reasons = withheldReasons(people, (id) => consents.get(id) ?? []);
    const erased = await db.tombstones
      .where('orgId')
      .equals(orgId)
      .filter((t) => t.table === 'people')
      .count();
    return { ...reasons, erased };
  });
}
