import {
  MentorPackError,
  logsReceivedOf,
  mentorKeyOf,
  planReturn,
  readMentorLogs,
  writeMentorPack,
  type OpenedLogs,
  type ReturnPlan,
  type WrittenMentorPack,
} from '@shared/mentorPack';
import { mentorPacksSettingsSchema, type ImportHistory, type IssuedMentorPack, type MentoringSession, type Organisation } from '@shared/model';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { requireAll, requirePermission } from './permissions';
import { ensureIdentity } from './exchange';
import { selfOrgId } from './records';

/** Coordinator side of mentor packs: write a pack for one mentor, take her session logs back. */

export async function getIssuedPacks(db: MrezaDb): Promise<IssuedMentorPack[]> {
  const parsed = mentorPacksSettingsSchema.safeParse(await db.table('settings').get('mentorPacks'));
  return parsed.success ? parsed.data.packs : [];
}

async function putIssuedPacks(db: MrezaDb, packs: IssuedMentorPack[]): Promise<void> {
  await db.table('settings').put(mentorPacksSettingsSchema.parse({ key: 'mentorPacks', packs }));
}

export async function exportMentorPack(
  db: MrezaDb,
  actor: Actor,
  org: Organisation,
  mentorId: string,
  passphrase: string,
  opts: { iterations?: number } = {},
): Promise<WrittenMentorPack> {
  requirePermission(actor, 'exportList');
  const identity = await ensureIdentity(db);
  const source = await db.transaction('r', [db.people, db.consents, db.mentors, db.matches, db.menteeProfiles, db.mentoringSessions], async () => {
    const matches = await db.matches.where('mentorId').equals(mentorId).toArray();
    const matchIds = matches.map((m) => m.id);
    return {
      people: await db.people.toArray(),
      consents: await db.consents.toArray(),
      mentors: (await db.mentors.bulkGet([mentorId])).filter((m) => !!m),
      matches,
      menteeProfiles: await db.menteeProfiles.toArray(),
      mentoringSessions: await db.mentoringSessions.where('matchId').anyOf(matchIds).toArray(),
    };
  });
  // Tells her Mreža which of her logs arrived, so it can let go of mentees this pack no longer carries.
  const logsReceived = logsReceivedOf(await getIssuedPacks(db), mentorId);
  const written = await writeMentorPack({ source, mentorId, organisation: org, keys: identity.keys, passphrase, iterations: opts.iterations, logsReceived });
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const packs = await getIssuedPacks(db);
    // Her key, once pinned, carries over to every later pack for her.
    const mentorKey = mentorKeyOf(packs, mentorId);
    const issued: IssuedMentorPack = {
      packId: written.manifest.packId,
      mentorId,
      matchIds: written.matchIds,
      createdAt: written.manifest.createdAt,
      ...(mentorKey ? { mentorKey } : {}),
    };
    await putIssuedPacks(db, [...packs, issued]);
    await db.auditLog.add(
      auditEntry(actor, 'export', 'mentors', mentorId, 'mentorPackExported', { detail: written.fileName, count: written.manifest.counts.matches }),
    );
  });
  return written;
}

export interface LogsPreview {
  fileName: string;
  logs: OpenedLogs;
  plan: ReturnPlan;
}

async function localLogs(db: MrezaDb, logs: OpenedLogs): Promise<Map<string, MentoringSession>> {
  const rows = await db.mentoringSessions.bulkGet(logs.sessions.map((s) => s.id));
  return new Map(rows.filter((r) => !!r).map((r) => [r.id, r]));
}

/** The dry run: opens, verifies and plans one session-logs file. Writes nothing; throws MentorPackError. */
export async function previewMentorLogs(db: MrezaDb, file: { fileName: string; data: Uint8Array }): Promise<LogsPreview> {
  const identity = await ensureIdentity(db);
  const logs = await readMentorLogs(file.data, identity.keys);
  const plan = planReturn({ packs: await getIssuedPacks(db), logs, local: await localLogs(db, logs), orgId: await selfOrgId(db) });
  return { fileName: file.fileName, logs, plan };
}

/**
 * Writes what the dry run showed in ONE transaction: the logs, the pinned key and last export
 * of the pack, an import history row and the audit entry. If anything changed since the dry run
 * the plan is made again inside the transaction and, when it differs, nothing is written (stale).
 */
export async function commitMentorLogs(
  db: MrezaDb,
  actor: Actor,
  preview: LogsPreview,
  hooks: { beforeAudit?: () => void } = {},
): Promise<{ written: number }> {
  requireAll(actor, 'logMentoring');
  if (preview.plan.status === 'alreadyImported') return { written: 0 };
  const tables = [db.mentoringSessions, db.settings, db.importHistory, db.auditLog, db.organisations];
  return db.transaction('rw', tables, async () => {
    const packs = await getIssuedPacks(db);
    const plan = planReturn({ packs, logs: preview.logs, local: await localLogs(db, preview.logs), orgId: await selfOrgId(db) });
    if (plan.status !== 'apply' || JSON.stringify(plan.items) !== JSON.stringify(preview.plan.items)) throw new MentorPackError('stale');
    const now = new Date().toISOString();
    await db.mentoringSessions.bulkPut(plan.writes);
    await putIssuedPacks(
      db,
      packs.map((p) =>
        p.packId === plan.packId
          ? {
              ...p,
              mentorKey: p.mentorKey ?? { fingerprint: plan.fingerprint, publicKeys: plan.publicKeys },
              lastReturn: { exportId: plan.exportId, exportedAt: plan.exportedAt, importedAt: now, fileSha256: plan.fileSha256 },
            }
          : p,
      ),
    );
    const history: ImportHistory = {
      id: crypto.randomUUID(),
      orgId: await selfOrgId(db),
      createdAt: now,
      updatedAt: now,
      kind: 'mentorLogs',
      fileName: preview.fileName.slice(0, 260) || plan.exportId,
      at: now,
      rowsAdded: plan.totals.add,
      rowsReplaced: plan.totals.replace,
      rowsRemoved: 0,
      recordIds: plan.writes.map((w) => w.id),
    };
    await db.importHistory.add(history);
    hooks.beforeAudit?.();
    await db.auditLog.add(
      auditEntry(actor, 'import', 'mentoringSessions', plan.packId, 'mentorLogsImported', {
        detail: preview.fileName.slice(0, 260),
        count: plan.writes.length,
      }),
    );
    return { written: plan.writes.length };
  });
}

export async function mentorLogsHistory(db: MrezaDb): Promise<ImportHistory[]> {
  return (await db.importHistory.orderBy('at').reverse().toArray()).filter((h) => h.kind === 'mentorLogs');
}
