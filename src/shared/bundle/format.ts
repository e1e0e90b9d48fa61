import { z } from 'zod';
import { country, id, isoDate, isoDateTime, SERVICES, TABLE_SCHEMAS } from '../model';
import { AGE_BANDS } from '../indicators/compute';
import { signatureSchemaFor, type SignatureOf } from './signed';
import { AGE_BAND_FIELD, fieldRule, PRIVACY_LEVELS, PSEUDO_KEY_FIELD, type BundleTable, type PrivacyLevel } from './privacy';

/**
 * The bundle format (docs/bundle-format.md is the reference for other tools). Version 2: no free
 * text and an age band instead of the birth year at the pseudonymised level, confidential notes at
 * no level, services only under consent. The lead reads this version only: a bundle of version 1
 * was written under the old rules, so the partner is asked to update Mreža and export again.
 */
export const BUNDLE_FORMAT = 'mreza-bundle';
/**
 * 2: indicators.json counts only people whose records may leave, small-cell suppressed (hidden
 * figures null, `hidden`, `threshold`, `withheld`). Version 1 counted everyone in the clear,
 * and carried free text and birth years at the pseudonymised level (docs/privacy.md).
 */
export const BUNDLE_FORMAT_VERSION = 2;
/** The oldest format a lead accepts: older bundles must be written again with an updated Mreža. */
export const OLDEST_BUNDLE_FORMAT_VERSION = 2;
export const SIGNATURE_CONTEXT = 'mreza-bundle-signature-v1' as const;

export const INDICATORS_ENTRY = 'indicators.json';
export const TOMBSTONES_ENTRY = 'tombstones.ndjson';
export const dataEntry = (table: BundleTable) => `data/${table}.ndjson`;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const b64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  projectId: id,
  organisation: z.strictObject({ id, name: z.string().min(1).max(200), country }),
  installationId: z.string().min(1).max(100),
  exportId: id,
  exportedAt: isoDateTime,
  privacy: z.enum(PRIVACY_LEVELS),
  signer: z.strictObject({ publicKeys: z.strictObject({ sign: b64Key, encrypt: b64Key }), fingerprint: z.string().regex(/^(\d{5} ){7}\d{5}$/) }),
  /** The day the indicator tables were computed for (the partner's "today"). */
  indicatorsAsOf: isoDate,
  /** Lines per NDJSON entry, by table name; "tombstones" for tombstones.ndjson. */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** SHA-256 (hex) of every entry of the zip other than manifest.json. */
  entries: z.record(z.string(), hex64),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** signature.json of a bundle (the signed container itself is in signed.ts). */
export const signatureSchema = signatureSchemaFor(SIGNATURE_CONTEXT);
export type BundleSignature = SignatureOf<typeof SIGNATURE_CONTEXT>;

/**
 * indicators.json (format version 2): the partner's indicator tables at export (computeIndicators,
 * no filter) over the records that may leave only, small-cell suppressed (bundle/indicatorsFile.ts).
 * A hidden figure is null; `hidden` names it by path with why ('small' or 'secondary').
 */
const count = z.number().int().min(0).nullable();
const breakdown = z.array(z.object({ key: z.string(), count }));
export const indicatorsFileSchema = z.object({
  /**
   * The Mreža version that wrote the bundle (optional, added within format 2). It lives here, not
   * in the strict manifest, because every format-2 reader drops unknown fields of indicators.json
   * but refuses them in manifest.json: a partner's newer Mreža must stay readable by the lead's.
   */
  appVersion: z
    .string()
    .max(64)
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/)
    .optional(),
  asOf: isoDate,
  threshold: z.number().int().min(1).max(100),
  hidden: z.record(z.string(), z.enum(['small', 'secondary'])),
  /** People without consent to share, only as a range (e.g. 5–9). */
  withheld: z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  indicators: z.looseObject({
    reach: z.looseObject({ total: count, byGender: breakdown }),
    training: z.looseObject({ sessions: z.number() }),
    mentoring: z.looseObject({ sessions: z.number() }),
    outcomes: z.looseObject({ byKind: breakdown }),
  }),
});
export type IndicatorsFile = z.infer<typeof indicatorsFileSchema>;

type AnyObject = z.ZodObject<z.ZodRawShape>;
const rowSchemaCache = new Map<string, z.ZodType>();

/** Special-category lists that the writer empties when no consent covers them. */
const WITHHELD_ALLOWED: Partial<Record<BundleTable, Record<string, z.ZodType>>> = {
  mentoringSessions: { services: z.array(z.enum(SERVICES)) },
};

/**
 * The schema a bundle row of `table` must satisfy at `level`, strictly (a field that should not be
 * there is refused, not silently dropped):
 * - full: the table's schema from TABLE_SCHEMAS without the confidential notes (+ pseudoKey on people);
 * - pseudonymised: the same schema with the dropped fields left out (so they are not required)
 *   (+ pseudoKey and ageBand on people).
 * Person ids are UUIDs at both levels (pseudonymous ids are shaped as UUID v8).
 */
export function bundleRowSchema(table: BundleTable, level: Exclude<PrivacyLevel, 'aggregate'>): z.ZodType {
  const cacheKey = `${table}:${level}`;
  const cached = rowSchemaCache.get(cacheKey);
  if (cached) return cached;
  const base = TABLE_SCHEMAS[table] as unknown as AnyObject;
  const extra = table === 'people' ? { [PSEUDO_KEY_FIELD]: hex64, ...(level === 'pseudonymised' ? { [AGE_BAND_FIELD]: z.enum(AGE_BANDS) } : {}) } : {};
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [field, fieldSchema] of Object.entries(base.shape)) {
    const rule = fieldRule(table, field);
    if (rule === 'never' || (level === 'pseudonymised' && rule === 'drop')) continue;
    shape[field] = (rule === 'specialCategory' && WITHHELD_ALLOWED[table]?.[field]) || fieldSchema;
  }
  const schema = z.strictObject({ ...shape, ...extra });
  rowSchemaCache.set(cacheKey, schema);
  return schema;
}

export const tombstoneRowSchema = TABLE_SCHEMAS.tombstones;
