import { compareText } from '@shared/i18n/collation';
import type { Locale } from '@shared/i18n/locales';
import { BundleError, keyFileName, writeKeyFile, type PrivacyLevel } from '@shared/bundle';
import { DEFAULT_BUNDLE_THRESHOLD } from '@shared/bundle/indicatorsFile';
import {
  applyPlan,
  emptyConsolidatedState,
  inspectFiles,
  pinsOf,
  planBundleImport,
  withConfirmedKeys,
  type ConsolidatedState,
  type BundleImportPlan,
  type IncomingFile,
  type PartnerSlice,
  type RefusedFile,
} from '@shared/consolidate';
import type { StoredOrgKeys } from '@shared/crypto';
import type { ExchangeIdentity, ImportHistory, Organisation, PartnerSliceRow } from '@shared/model';
import { inspectPool } from '../workers/inspectPool';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';
import { ensureIdentity, getLeadProject } from './exchange';
import { selfOrgId } from './records';
import { SCHEMA_VERSION } from './schema';

/** Lead: the partners' slices as stored, and bringing in new bundles (dry run, then one write). */

/** A stored row as the slice consolidation holds (PartnerSlice is the row less where and when it was stored). */
const toSlice = ({ id: _id, projectId: _project, importedAt: _at, indicators, tables, ...rest }: PartnerSliceRow): PartnerSlice => ({
  ...rest,
  // The bundle reader checked both when the slice came in; the row schema keeps them as plain rows.
  indicators: indicators as unknown as PartnerSlice['indicators'],
  tables: tables as PartnerSlice['tables'],
});

const toRow = (s: PartnerSlice, projectId: string, importedAt: string): PartnerSliceRow => ({
  ...s,
  ...(s.fileName !== undefined ? { fileName: s.fileName.slice(0, 260) } : {}),
  id: s.orgId,
  projectId,
  indicators: s.indicators as unknown as PartnerSliceRow['indicators'],
  tables: s.tables as PartnerSliceRow['tables'],
  importedAt,
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
  /** People the partner left out for lack of a basis to share, as its bundle said (a range); null if it did not. */
  withheld: { from: number; to: number } | null;
  threshold: number;
  /** The Mreža version that wrote the partner's last bundle; null from a bundle that did not say (before 0.1.0's updates). */
  appVersion: string | null;
}

export async function listPartners(db: MrezaDb, locale: Locale | string = 'hr'): Promise<PartnerSummary[]> {
  const rows = await db.partnerSlices.toArray();
  return rows
    .map((r) => {
      // Checked by the bundle reader when it was imported (format version 2 always carries both).
      const file = r.indicators as { withheld?: { from: number; to: number }; threshold?: number; appVersion?: string };
      return {
        orgId: r.orgId,
        name: r.name,
        country: r.country,
        exportedAt: r.exportedAt,
        importedAt: r.importedAt,
        fingerprint: r.fingerprint,
        privacy: r.privacy,
        people: r.tables.people?.length ?? 0,
        withheld: file.withheld ?? null,
        threshold: file.threshold ?? DEFAULT_BUNDLE_THRESHOLD,
        appVersion: file.appVersion ?? null,
      };
    })
    .sort((a, b) => compareText(locale)(a.name, b.name));
}

export type { IncomingFile, RefusedFile };

export interface BundleImportPreview {
  state: ConsolidatedState;
  plan: BundleImportPlan;
  refused: RefusedFile[];
}

/** Lead: opens and verifies every file, then plans (dry run). Writes nothing. */
export async function previewBundleImport(
  db: MrezaDb,
  files: readonly IncomingFile[],
  opts: { passphrase?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<BundleImportPreview> {
  const state = await loadConsolidatedState(db);
  if (!state) throw new BundleError('notAllowed', { reason: 'noProject' });
  const identity = await ensureIdentity(db);
  const pool = inspectPool();
  try {
    const { inputs, refused } = await inspectFiles(files, identity.keys, {
      passphrase: opts.passphrase,
      projectId: state.projectId,
      pins: pinsOf(state),
      schemaVersion: SCHEMA_VERSION,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      inspectOne: pool.inspectOne,
      concurrency: pool.concurrency,
    });
    return { state, plan: planBundleImport(state, inputs, { ownOrgId: await selfOrgId(db) }), refused };
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
export async function commitBundleImport(
  db: MrezaDb,
  actor: Actor,
  org: Organisation,
  preview: BundleImportPreview,
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
      if (current?.partners[item.organisation.id]?.exportId !== preview.state.partners[item.organisation.id]?.exportId)
        throw new BundleError('notAllowed', { reason: 'stale' });
    }
    // One partner at a time, still in this one transaction: a big partner's rows take a moment to
    // store, and between two of them the window can show how far it got.
    hooks.onProgress?.(0, items.length);
    for (const [k, i] of items.entries()) {
      await db.partnerSlices.put(toRow(next.partners[i.organisation.id]!, preview.plan.projectId, now));
      hooks.onProgress?.(k + 1, items.length);
    }
    const history: ImportHistory[] = items.map((i) => ({
      id: crypto.randomUUID(),
      orgId: org.id,
      createdAt: now,
      updatedAt: now,
      kind: 'bundle',
      fileName: (i.fileName ?? i.exportId).slice(0, 260),
      at: now,
      rowsAdded: i.totals.add,
      rowsReplaced: i.totals.replace,
      rowsRemoved: i.totals.remove,
      recordIds: [],
    }));
    await db.importHistory.bulkAdd(history);
    for (const i of items) {
      totals.add += i.totals.add;
      totals.replace += i.totals.replace;
      totals.remove += i.totals.remove;
    }
    hooks.beforeAudit?.();
    // Who confirmed which partner key, and when: the pin is the lead's word that it compared it.
    for (const i of confirmed)
      await db.auditLog.add(
        auditEntry(actor, 'update', 'partnerSlices', i.organisation.id, 'partnerKeyConfirmed', {
          detail: `${i.organisation.name}: ${i.fingerprint}`.slice(0, 260),
        }),
      );
    await db.auditLog.add(
      auditEntry(actor, 'import', 'partnerSlices', undefined, '', {
        detail: items
          .map((i) => i.fileName ?? i.organisation.name)
          .join(', ')
          .slice(0, 260),
        count: totals.add + totals.replace + totals.remove,
      }),
    );
  });
  return { applied: items.length, totals };
}

export async function bundleImportHistory(db: MrezaDb): Promise<ImportHistory[]> {
  return (await db.importHistory.orderBy('at').reverse().toArray()).filter((h) => h.kind === 'bundle');
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
    {
      project: { id: project.invitation.projectId, name: project.invitation.projectName },
      lead: { orgId: org.id, name: org.name },
      keys: identity.keys as StoredOrgKeys,
      pins: state ? pinsOf(state) : {},
    },
    passphrase,
  );
  return { fileName: keyFileName(project.invitation.projectName), data };
}

/** Lead: records that the key file was saved (it opens every partner export, so it is audited). */
export async function keyFileSaved(db: MrezaDb, actor: Actor, fileName: string): Promise<void> {
  requirePermission(actor, 'keys');
  await db.auditLog.add(auditEntry(actor, 'export', 'exchange', undefined, '', { detail: fileName.slice(0, 260) }));
}
