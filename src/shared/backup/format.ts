import { Gunzip, gzipSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { separateLinkageSecret, TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '../model';

/**
 * A backup is the whole data store as gzip-compressed JSON. Restoring validates every row
 * against the same zod schemas the forms use, so a damaged or foreign file is refused whole.
 * Since format 2 every backup Mreža writes is this, encrypted (sealed.ts); a plain format-1 file
 * from before is still read.
 */
export const BACKUP_FORMAT = 'mreza-backup';
export const BACKUP_FORMAT_VERSION = 2;

export type SnapshotTables = { [T in TableName]: unknown[] };
export interface Snapshot {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  createdAt: string;
  tables: SnapshotTables;
}

export type BackupErrorCode =
  | 'notBackup'
  | 'newerFormat'
  | 'newerSchema'
  | 'invalidRow'
  /** An encrypted backup whose data key this installation does not hold: ask for a passphrase or the recovery key. */
  | 'needsKey'
  /** Neither the passphrase nor the recovery key given opens it. */
  | 'wrongKey'
  /** Its header asks for KDF parameters other than the ones fixed in code. */
  | 'kdfNotAllowed'
  /** Writing an encrypted backup needs the data key, held only while someone is signed in. */
  | 'locked';

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

/** More than this unpacked cannot be one JavaScript string anyway (V8's limit is just under 512 MiB). */
export const MAX_BACKUP_UNPACKED = 512 * 1024 * 1024;

/**
 * gunzip that grows its output with the data actually inflated, then checks the trailer. fflate's
 * gunzipSync allocates whatever size the file's last four bytes claim, so a truncated or damaged
 * file made it reserve up to 4 GiB before failing (~180 ms and a memory spike per file; on a small
 * machine, a crash instead of a clear refusal).
 */
function gunzipBounded(bytes: Uint8Array, max = MAX_BACKUP_UNPACKED): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > max) throw new BackupError('notBackup');
    chunks.push(chunk);
  });
  gunzip.push(bytes, true);
  let out = chunks[0] ?? new Uint8Array();
  if (chunks.length > 1) {
    out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
  }
  // The gzip trailer (CRC-32 and size of the data) must be there and match: a cut file is refused.
  if (bytes.length < 18) throw new BackupError('notBackup');
  const trailer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 8);
  if (trailer.getUint32(4, true) !== total >>> 0 || trailer.getUint32(0, true) !== crc32(out)) throw new BackupError('notBackup');
  return out;
}

let CRC_TABLE: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  if (CRC_TABLE === undefined) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads and fully validates a backup file; throws BackupError and never returns half a file. */
export function decodeBackup(bytes: Uint8Array, currentSchemaVersion: number): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(gunzipBounded(bytes)));
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
    // A lead's backup from before the linkage secret left its project row: move it out first.
    const rows = table === 'exchange' ? separateLinkageSecret(head.data.tables[table] ?? []) : (head.data.tables[table] ?? []);
    tables[table] = rows.map((row, index) => {
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
