import {
  BUNDLE_TABLES, BundleError, type Invitation, InvitationError, KeyFileError, createInvitation, keyFileName, readInvitation, writeBundle, writeInvitation, writeKeyFile,
  type PrivacyLevel, type WrittenBundle,
} from '@shared/bundle';
import {
  applyPlan, consolidatedDataset, emptyConsolidatedState, inspectFiles, partnerProgrammes, pinsOf, planConsolidation, totalsOnlyPartners, withConfirmedKeys, withOwnPeople, type ConsolidatedDataset,
  type ConsolidatedState, type ConsolidationPlan, type IncomingFile, type PartnerProgramme, type PartnerSlice, type RefusedFile, type TotalsOnlyPartner,
} from '@shared/consolidate';
import { exportOrgKeys, fingerprint, generateOrgKeys, importOrgKeys, type OrgKeys, type StoredOrgKeys } from '@shared/crypto';
import type { ExchangeIdentity, ImportHistory, JoinedProject, LeadProject, LinkageSecret, Organisation, PartnerSliceRow, TableName } from '@shared/model';
import { bundlePermission } from '@shared/auth/permissions';
import { withoutErased } from '@shared/people/erasure';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { erasureLedger } from './ledger';
import { ForbiddenError, requirePermission } from './permissions';
import { inspectPool } from './inspectPool';
import { selfOrgId } from './records';
import { getLinkageSecret } from './linkage';
import { SCHEMA_VERSION } from './schema';
import { getSettings } from './settings';

/** A localised refusal: the UI shows `exchange:errors.<code>` with params. */
export interface ExchangeProblem {
  code: string;
  params: Record<string, string | number>;
}

/** Maps anything thrown by the exchange domain to a code the UI translates. */
export function problemOf(e: unknown): ExchangeProblem {
  if (e instanceof BundleError || e instanceof InvitationError || e instanceof KeyFileError) return { code: e.code, params: { ...e.params } };
  if (e instanceof ForbiddenError) return { code: 'forbidden', params: {} };
  return { code: 'unexpected', params: {} };
}

export interface Identity {
  installationId: string;
  keys: OrgKeys;
  fingerprint: string;
}

/** This installation's key pair; generated and stored the first time exchange is used. */
export async function ensureIdentity(db: MrezaDb): Promise<Identity> {
  let row = (await db.exchange.get('identity')) as ExchangeIdentity | undefined;
  if (!row) {
    // Key generation is WebCrypto (not IndexedDB), so it runs before the transaction that stores it.
    const keys = await generateOrgKeys();
    const fresh: ExchangeIdentity = {
      id: 'identity', installationId: crypto.randomUUID(), keys: await exportOrgKeys(keys) as ExchangeIdentity['keys'],
      fingerprint: await fingerprint(keys.publicKeys), createdAt: new Date().toISOString(),
    };
    row = await db.transaction('rw', db.exchange, async () => {
      const existing = (await db.exchange.get('identity')) as ExchangeIdentity | undefined;
      if (existing) return existing;
      await db.exchange.add(fresh);
      return fresh;
    });
  }
  return { installationId: row.installationId, keys: await importOrgKeys(row.keys), fingerprint: row.fingerprint };
}

export async function getLeadProject(db: MrezaDb): Promise<LeadProject | undefined> {
  return (await db.exchange.get('leadProject')) as LeadProject | undefined;
}

export async function getJoinedProject(db: MrezaDb): Promise<JoinedProject | undefined> {
  return (await db.exchange.get('joinedProject')) as JoinedProject | undefined;
}

/**
 * Lead: creates the project (once). The linkage secret is made here, on the lead's service side:
 * it goes into its own row (db/linkage.ts) and into invitations, never into the project row the
 * consolidation reads.
 */
export async function createLeadProject(db: MrezaDb, actor: Actor, org: Organisation, projectName: string): Promise<LeadProject> {
  requirePermission(actor, 'keys');
  const identity = await ensureIdentity(db);
  const { projectSecret, ...invitation } = await createInvitation({ projectName, lead: { orgId: org.id, name: org.name, country: org.country }, leadKeys: identity.keys.publicKeys });
  const now = new Date().toISOString();
  const row: LeadProject = { id: 'leadProject', invitation, createdAt: now };
  const linkage: LinkageSecret = { id: 'linkage', projectId: invitation.projectId, secret: projectSecret, createdAt: now };
  return db.transaction('rw', db.exchange, db.auditLog, async () => {
    const existing = await getLeadProject(db);
    if (existing) return existing;
    await db.exchange.bulkAdd([row, linkage]);
    await db.auditLog.add(auditEntry(actor, 'create', 'exchange', invitation.projectId, '', { detail: projectName }));
    return row;
  });
}

export const MIN_PASSPHRASE = 10;

/** Lead: the invitation file's bytes (passphrase-protected), the only file that carries the linkage secret. */
export async function invitationFile(db: MrezaDb, actor: Actor, passphrase: string): Promise<Uint8Array> {
  requirePermission(actor, 'keys');
  const project = await getLeadProject(db);
  const linkage = await getLinkageSecret(db);
  if (!project || !linkage || linkage.projectId !== project.invitation.projectId) throw new BundleError('notAllowed', { reason: 'noProject' });
  return writeInvitation({ ...project.invitation, projectSecret: linkage.secret } as Invitation, passphrase);
}

/**
 * Lead: the key file for the command-line consolidation: this installation's keys, the project
 * and the partner keys pinned so far, passphrase-protected. It opens every partner export.
 */
export async function leadKeyFile(db: MrezaDb, actor: Actor, org: Organisation, passphrase: string): Promise<{ fileName: string; data: Uint8Array }> {
  requirePermission(actor, 'keys');
  const project = await getLeadProject(db);
  if (!project) throw new BundleError('notAllowed', { reason: 'noProject' });
  await ensureIdentity(db);
  const identity = (await db.exchange.get('identity')) as ExchangeIdentity;
  const state = await loadConsolidatedState(db);
  const data = await writeKeyFile(
    { project: { id: project.invitation.projectId, name: project.invitation.projectName }, lead: { orgId: org.id, name: org.name }, keys: identity.keys as StoredOrgKeys, pins: state ? pinsOf(state) : {} },
    passphrase,
  );
  return { fileName: keyFileName(project.invitation.projectName), data };
}

/** Lead: records that the key file was saved (it opens every partner export, so it is audited). */
export async function keyFileSaved(db: MrezaDb, actor: Actor, fileName: string): Promise<void> {
  requirePermission(actor, 'keys');
  await db.auditLog.add(auditEntry(actor, 'export', 'exchange', undefined, '', { detail: fileName.slice(0, 260) }));
}

/** Partner: opens the invitation and joins its project; throws InvitationError for bad files. */
export async function joinProject(db: MrezaDb, actor: Actor, bytes: Uint8Array, passphrase: string, fileName = ''): Promise<JoinedProject> {
  requirePermission(actor, 'keys');
  const invitation = await readInvitation(bytes, passphrase);
  await ensureIdentity(db);
  const row: JoinedProject = { id: 'joinedProject', invitation, joinedAt: new Date().toISOString() };
  await db.transaction('rw', db.exchange, db.auditLog, async () => {
    await db.exchange.put(row);
    await db.auditLog.add(auditEntry(actor, 'import', 'exchange', invitation.projectId, '', { detail: fileName.slice(0, 260) || invitation.projectName }));
  });
  return row;
}

/**
 * The tables a bundle is written from (own rows are picked by writeBundle), without anyone the
 * erasure ledger holds, and with a tombstone for each of them: an erased person is never sent again,
 * and the lead is told again to erase her (withoutErased).
 */
async function exportTables(db: MrezaDb): Promise<Partial<Record<TableName, unknown[]>>> {
  const names = [...new Set<TableName>([...(BUNDLE_TABLES as TableName[]), 'tombstones', 'organisations'])];
  const tables = names.map((n) => db.table(n));
  const ledger = await erasureLedger(db);
  const rows = await db.transaction('r', tables, async () => Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const))));
  return withoutErased(rows, ledger.filter((r) => r.kind === 'erased'));
}

export interface ExportOptions {
  privacy: PrivacyLevel;
  acknowledgedRisk?: boolean;
  /** Full level: the user confirmed the list of what goes. */
  confirmedFullList?: boolean;
  passphrase?: string;
  /** Preview only: not encrypted, nothing recorded. */
  dryRun?: boolean;
}

/** Partner: writes a bundle of this organisation's records for the joined project. */
export async function exportBundle(db: MrezaDb, actor: Actor, org: Organisation, opts: ExportOptions): Promise<WrittenBundle> {
  requirePermission(actor, bundlePermission(opts.privacy));
  const joined = await getJoinedProject(db);
  if (!joined) throw new BundleError('notAllowed', { reason: 'notJoined' });
  const identity = await ensureIdentity(db);
  const written = await writeBundle({
    project: { projectId: joined.invitation.projectId, projectSecret: joined.invitation.projectSecret, leadPublicKeys: joined.invitation.lead.publicKeys },
    organisation: { id: org.id, name: org.name, country: org.country, timeZone: org.timeZone },
    installationId: identity.installationId,
    keys: identity.keys,
    tables: await exportTables(db),
    privacy: opts.privacy,
    acknowledgedRisk: opts.acknowledgedRisk,
    // The figures in the bundle are suppressed like every report that leaves (Settings' threshold).
    threshold: (await getSettings(db))?.suppressionThreshold,
    confirmedFullList: opts.confirmedFullList,
    schemaVersion: SCHEMA_VERSION,
    encryptToLead: !opts.dryRun,
    ...(opts.passphrase && !opts.dryRun ? { passphrase: opts.passphrase } : {}),
  });
  if (!opts.dryRun) {
    const rows = Object.values(written.manifest.counts).reduce((a, b) => a + b, 0);
    await db.transaction('rw', db.exchange, db.auditLog, async () => {
      const updated: JoinedProject = { ...joined, lastExportAt: written.manifest.exportedAt };
      await db.exchange.put(updated);
      await db.auditLog.add(auditEntry(actor, 'export', 'exchange', written.manifest.exportId, '', { detail: written.fileName, count: rows }));
    });
  }
  return written;
}

// ---------- lead: consolidation ----------

const toSlice = (r: PartnerSliceRow): PartnerSlice => ({
  orgId: r.orgId, name: r.name, country: r.country, exportId: r.exportId, exportedAt: r.exportedAt, ...(r.fileName !== undefined ? { fileName: r.fileName } : {}),
  privacy: r.privacy, fingerprint: r.fingerprint, publicKeys: r.publicKeys as PartnerSlice['publicKeys'], indicators: r.indicators as unknown as PartnerSlice['indicators'],
  tables: r.tables as PartnerSlice['tables'], tombstones: r.tombstones,
});

const toRow = (s: PartnerSlice, projectId: string, importedAt: string): PartnerSliceRow => ({
  id: s.orgId, orgId: s.orgId, projectId, name: s.name, country: s.country, exportId: s.exportId, exportedAt: s.exportedAt,
  ...(s.fileName !== undefined ? { fileName: s.fileName.slice(0, 260) } : {}), privacy: s.privacy, fingerprint: s.fingerprint,
  publicKeys: s.publicKeys, indicators: s.indicators as unknown as Record<string, unknown>, tables: s.tables as Record<string, Array<Record<string, unknown>>>,
  tombstones: s.tombstones, importedAt,
});

export async function loadConsolidatedState(db: MrezaDb): Promise<ConsolidatedState | undefined> {
  const project = await getLeadProject(db);
  if (!project) return undefined;
  const state = emptyConsolidatedState(project.invitation.projectId);
  for (const row of await db.partnerSlices.toArray()) {
    if (row.projectId === state.projectId) state.partners[row.orgId] = toSlice(row);
  }
  return state;
}

export interface PartnerSummary {
  orgId: string;
  name: string;
  country: string;
  exportedAt: string;
  importedAt: string;
  fingerprint: string;
  privacy: PrivacyLevel;
  people: number;
}

export async function listPartners(db: MrezaDb): Promise<PartnerSummary[]> {
  const rows = await db.partnerSlices.toArray();
  return rows
    .map((r) => ({ orgId: r.orgId, name: r.name, country: r.country, exportedAt: r.exportedAt, importedAt: r.importedAt, fingerprint: r.fingerprint, privacy: r.privacy, people: r.tables.people?.length ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type { IncomingFile, RefusedFile };

export interface ImportPreview {
  state: ConsolidatedState;
  plan: ConsolidationPlan;
  refused: RefusedFile[];
}

/** Lead: opens and verifies every file, then plans (dry run). Writes nothing. */
export async function previewImport(db: MrezaDb, files: readonly IncomingFile[], opts: { passphrase?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportPreview> {
  const state = await loadConsolidatedState(db);
  if (!state) throw new BundleError('notAllowed', { reason: 'noProject' });
  const identity = await ensureIdentity(db);
  const pool = inspectPool();
  try {
    const { inputs, refused } = await inspectFiles(files, identity.keys, {
      passphrase: opts.passphrase, projectId: state.projectId, pins: pinsOf(state), schemaVersion: SCHEMA_VERSION, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      inspectOne: pool.inspectOne, concurrency: pool.concurrency,
    });
    return { state, plan: planConsolidation(state, inputs, { ownOrgId: await selfOrgId(db) }), refused };
  } finally {
    pool.close();
  }
}

export interface CommitResult {
  applied: number;
  totals: { add: number; replace: number; remove: number };
}

/**
 * Lead: writes what the dry run showed, in ONE transaction: the partners' new slices, one import
 * history row per bundle and the audit entry. A failure anywhere leaves the data as it was.
 * A new partner is written only when `hooks.confirmedKeys` holds the fingerprint the lead compared
 * with it by phone (organisation id → fingerprint); its key is pinned from then on. A new partner
 * without that confirmation is left out (the preview says so), never written on a warning.
 */
export async function commitImport(
  db: MrezaDb,
  actor: Actor,
  org: Organisation,
  preview: ImportPreview,
  hooks: { confirmedKeys?: Readonly<Record<string, string>>; beforeAudit?: () => void; onProgress?: (done: number, total: number) => void } = {},
): Promise<CommitResult> {
  requirePermission(actor, 'importBundles');
  // Confirming a partner's key pins it for good: the key holder's decision (#15).
  if (Object.keys(hooks.confirmedKeys ?? {}).length) requirePermission(actor, 'keys');
  const plan = withConfirmedKeys(preview.plan, hooks.confirmedKeys ?? {});
  const items = plan.items.filter((i) => i.status === 'apply' && i.slice);
  const confirmed = items.filter((i) => i.trust === 'firstUse');
  const totals = { add: 0, replace: 0, remove: 0 };
  if (!items.length) return { applied: 0, totals };
  const now = new Date().toISOString();
  const next = applyPlan(preview.state, plan);
  await db.transaction('rw', db.partnerSlices, db.importHistory, db.auditLog, db.exchange, async () => {
    // The state may have changed since the dry run (another window): then nothing is written.
    const current = await loadConsolidatedState(db);
    for (const item of items) {
      if (current?.partners[item.organisation.id]?.exportId !== preview.state.partners[item.organisation.id]?.exportId) throw new BundleError('notAllowed', { reason: 'stale' });
    }
    // One partner at a time, still in this one transaction: a big partner's rows take a moment to
    // store, and between two of them the window can show how far it got.
    hooks.onProgress?.(0, items.length);
    for (const [k, i] of items.entries()) {
      await db.partnerSlices.put(toRow(next.partners[i.organisation.id]!, preview.plan.projectId, now));
      hooks.onProgress?.(k + 1, items.length);
    }
    const history: ImportHistory[] = items.map((i) => ({
      id: crypto.randomUUID(), orgId: org.id, createdAt: now, updatedAt: now, kind: 'bundle', fileName: (i.fileName ?? i.exportId).slice(0, 260), at: now,
      rowsAdded: i.totals.add, rowsReplaced: i.totals.replace, rowsRemoved: i.totals.remove, recordIds: [],
    }));
    await db.importHistory.bulkAdd(history);
    for (const i of items) {
      totals.add += i.totals.add;
      totals.replace += i.totals.replace;
      totals.remove += i.totals.remove;
    }
    hooks.beforeAudit?.();
    // Who confirmed which partner key, and when: the pin is the lead's word that it compared it.
    for (const i of confirmed) await db.auditLog.add(auditEntry(actor, 'update', 'partnerSlices', i.organisation.id, 'partnerKeyConfirmed', { detail: `${i.organisation.name}: ${i.fingerprint}`.slice(0, 260) }));
    await db.auditLog.add(auditEntry(actor, 'import', 'partnerSlices', undefined, '', { detail: items.map((i) => i.fileName ?? i.organisation.name).join(', ').slice(0, 260), count: totals.add + totals.replace + totals.remove }));
  });
  return { applied: items.length, totals };
}

export async function bundleImportHistory(db: MrezaDb): Promise<ImportHistory[]> {
  return (await db.importHistory.orderBy('at').reverse().toArray()).filter((h) => h.kind === 'bundle');
}

/**
 * The partners' consolidated records, or undefined when nothing has been imported. With
 * `ownKeys` (the lead's own people's keys, from db/linkage.ts), personKey also covers them, so
 * nobody counts twice.
 */
export async function loadConsolidatedDataset(
  db: MrezaDb,
  ownKeys: () => Promise<ReadonlyMap<string, string>> = async () => new Map(),
): Promise<{ dataset: ConsolidatedDataset; names: Map<string, string>; programmes: PartnerProgramme[]; totalsOnly: TotalsOnlyPartner[] } | undefined> {
  if ((await db.partnerSlices.count()) === 0) return undefined;
  const state = await loadConsolidatedState(db);
  if (!state || !Object.keys(state.partners).length) return undefined;
  // The lead's own people's keys come from its service side, already made: no secret here.
  const dataset = withOwnPeople(consolidatedDataset(state), await ownKeys());
  return { dataset, names: new Map(Object.values(state.partners).map((p) => [p.orgId, p.name])), programmes: partnerProgrammes(state), totalsOnly: totalsOnlyPartners(state) };
}
