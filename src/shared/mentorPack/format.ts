import { z } from 'zod';
import { country, id, isoDateTime, TABLE_SCHEMAS } from '../model';
import { packRule, type PackTable } from './policy';

/** docs/bundle-format.md, "Mentor pack and session logs", is the reference. */
export const PACK_FORMAT = 'mreza-mentor-pack';
export const LOGS_FORMAT = 'mreza-mentor-logs';
/** 2: the manifest may say which of her session logs reached the coordinator (`logsReceived`). */
export const PACK_FORMAT_VERSION = 2;
export const LOGS_FORMAT_VERSION = 1;
export const PACK_SIGNATURE_CONTEXT = 'mreza-mentor-pack-signature-v1' as const;
export const LOGS_SIGNATURE_CONTEXT = 'mreza-mentor-logs-signature-v1' as const;
export const packEntry = (table: PackTable) => `data/${table}.ndjson`;
export const LOGS_ENTRY = 'data/mentoringSessions.ndjson';
/** Packs and logs are small; anything bigger is not ours. */
export const MAX_UNPACKED = 64 * 1024 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const b64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const signer = z.strictObject({ publicKeys: z.strictObject({ sign: b64Key, encrypt: b64Key }), fingerprint: z.string().regex(/^(\d{5} ){7}\d{5}$/) });

export const packManifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.number().int().min(1),
  packId: id,
  createdAt: isoDateTime,
  organisation: z.strictObject({ id, name: z.string().min(1).max(200), country, town: z.string().min(1).max(120) }),
  signer,
  mentor: z.strictObject({ id, name: z.string().min(1).max(220) }),
  /**
   * The newest of her session-logs files the coordinator has imported (its id and the time her
   * Mreža wrote it): every log she had written or changed by then is home. Absent when none has.
   */
  logsReceived: z.strictObject({ exportId: id, exportedAt: isoDateTime }).optional(),
  counts: z.record(z.string(), z.number().int().min(0)),
  entries: z.record(z.string(), hex64),
});
export type PackManifest = z.infer<typeof packManifestSchema>;

export const logsManifestSchema = z.strictObject({
  format: z.literal(LOGS_FORMAT),
  formatVersion: z.number().int().min(1),
  packId: id,
  mentorId: id,
  organisationId: id,
  installationId: z.string().min(1).max(100),
  exportId: id,
  exportedAt: isoDateTime,
  signer,
  counts: z.strictObject({ mentoringSessions: z.number().int().min(0) }),
  entries: z.record(z.string(), hex64),
});
export type LogsManifest = z.infer<typeof logsManifestSchema>;

type AnyObject = z.ZodObject<z.ZodRawShape>;
const cache = new Map<PackTable, z.ZodType>();

/** A pack row: the table's schema with only the fields the policy lets travel, strictly. */
export function packRowSchema(table: PackTable): z.ZodType {
  const cached = cache.get(table);
  if (cached) return cached;
  const base = TABLE_SCHEMAS[table] as unknown as AnyObject;
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [field, schema] of Object.entries(base.shape)) if (packRule(table, field) !== 'drop') shape[field] = schema;
  const schema = z.strictObject(shape);
  cache.set(table, schema);
  return schema;
}

/** A returned session log: the full session schema, strictly (the mentor's own notes travel home). */
export const logRowSchema = (TABLE_SCHEMAS.mentoringSessions as unknown as AnyObject).strict();
