import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '../model';

/**
 * A backup is the whole data store as gzip-compressed JSON. Restoring validates every row
 * against the same zod schemas the forms use, so a damaged or foreign file is refused whole.
 */
export const BACKUP_FORMAT = 'mreza-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type SnapshotTables = { [T in TableName]: unknown[] };
export interface Snapshot {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  createdAt: string;
  tables: SnapshotTables;
}

export type BackupErrorCode = 'notBackup' | 'newerFormat' | 'newerSchema' | 'invalidRow';

/** A refusal the UI can translate: `backup:errors.<code>` with `params`. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`backup ${code} ${JSON.stringify(params)}`);
    this.name = 'BackupError';
  }
}

export function encodeBackup(snapshot: Snapshot): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(snapshot)), { level: 6 });
}

const header = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

/** Reads and fully validates a backup file; throws BackupError and never returns half a file. */
export function decodeBackup(bytes: Uint8Array, currentSchemaVersion: number): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(gunzipSync(bytes)));
  } catch {
    throw new BackupError('notBackup');
  }
  const head = header.safeParse(parsed);
  if (!head.success) throw new BackupError('notBackup');
  if (head.data.formatVersion > BACKUP_FORMAT_VERSION) throw new BackupError('newerFormat');
  if (head.data.schemaVersion > currentSchemaVersion) {
    throw new BackupError('newerSchema', { found: head.data.schemaVersion, supported: currentSchemaVersion });
  }
  const tables = {} as SnapshotTables;
  for (const table of TABLE_NAMES) {
    // The schema's output is what gets stored: rows from older files get the defaults they lack.
    tables[table] = (head.data.tables[table] ?? []).map((row, index) => {
      const result = TABLE_SCHEMAS[table].safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new BackupError('invalidRow', { table, row: index + 1, field: issue?.path.join('.') ?? '' });
      }
      return result.data;
    });
  }
  return { ...head.data, format: BACKUP_FORMAT, tables };
}
