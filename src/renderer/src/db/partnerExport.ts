import { BUNDLE_TABLES, BundleError, writeBundle, type PrivacyLevel, type WrittenBundle } from '@shared/bundle';
import { bundlePermission } from '@shared/auth/permissions';
import { withoutErased } from '@shared/people/erasure';
import type { JoinedProject, Organisation, TableName } from '@shared/model';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { erasureLedger } from './ledger';
import { requirePermission } from './permissions';
import { ensureIdentity, getJoinedProject } from './exchange';
import { SCHEMA_VERSION } from './schema';
import { getSettings } from './settings';
import { APP_VERSION } from '../appVersion';

/**
 * The tables a bundle is written from (own rows are picked by writeBundle), without anyone the
 * erasure ledger holds, and with a tombstone for each of them: an erased person is never sent again,
 * and the lead is told again to erase her (withoutErased).
 */
async function exportTables(db: MrezaDb): Promise<Partial<Record<TableName, unknown[]>>> {
  const names = [...new Set<TableName>([...(BUNDLE_TABLES as TableName[]), 'tombstones', 'organisations'])];
  const tables = names.map((n) => db.table(n));
  const ledger = await erasureLedger(db);
  const rows = await db.transaction('r', tables, async () =>
    Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const))),
  );
  return withoutErased(
    rows,
    ledger.filter((r) => r.kind === 'erased'),
  );
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
    // Which Mreža wrote it: the lead's list shows it, so both sides see who should update.
    ...(APP_VERSION !== undefined ? { appVersion: APP_VERSION } : {}),
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
