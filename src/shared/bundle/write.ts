import { localDay, orgTimeZone } from '../calendar/localDay';
import { TABLE_SCHEMAS, type TableName } from '../model';
import { EMPTY_DATASET, type Dataset } from '../indicators/dataset';
import {
  canonicalBytes,
  canonicalJson,
  fromBase64,
  sha256Hex,
  utf8,
  type Bytes,
  fingerprint,
  type OrgKeys,
  type PublicKeys,
  sealToRecipient,
  sealWithPassphrase,
} from '../crypto';
import { BundleError } from './errors';
import { bundleFileName } from './fileName';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  dataEntry,
  INDICATORS_ENTRY,
  SIGNATURE_CONTEXT,
  TOMBSTONES_ENTRY,
  type BundleManifest,
  type IndicatorsFile,
} from './format';
import { writeSigned } from './signed';
import { consentScope, tablesInScope } from './consentScope';
import { bundleIndicatorsFile } from './indicatorsFile';
import { prepareRecords, type Row } from './pseudonymise';
import { tablesAt, type PrivacyLevel } from './privacy';

export type LocalTables = Partial<Record<TableName, readonly unknown[]>>;

export interface WriteBundleInput {
  /** From the invitation the partner imported. */
  project: { projectId: string; projectSecret: string; leadPublicKeys: PublicKeys };
  organisation: { id: string; name: string; country: BundleManifest['organisation']['country']; timeZone?: string };
  installationId: string;
  /** The partner's own keys; the bundle is signed with keys.sign.privateKey. */
  keys: OrgKeys;
  /** The partner's tables as stored (rows of other organisations are left out). */
  tables: LocalTables;
  privacy?: PrivacyLevel;
  /** Required (true) for the full level: the user was warned and chose it. */
  acknowledgedRisk?: boolean;
  /** Also required (true) for the full level: the user confirmed the list of what goes (FULL_LEVEL_DISCLOSURE). */
  confirmedFullList?: boolean;
  /** The Dexie schema version of the writing installation. */
  schemaVersion: number;
  now?: Date;
  /** Small-cell threshold of indicators.json (the partner's Settings; default 5). */
  threshold?: number;
  /** The day indicators are computed for and the file is named by (yyyy-MM-dd); default: the organisation's local day at `now`. */
  today?: string;
  /** Encrypt to the lead (default true). */
  encryptToLead?: boolean;
  /** Also wrap in a passphrase container. */
  passphrase?: string;
  passphraseIterations?: number;
  exportId?: string;
  /** The writing Mreža's version, carried in indicators.json so the lead sees who should update. */
  appVersion?: string;
}

export interface WrittenBundle {
  bytes: Uint8Array;
  fileName: string;
  manifest: BundleManifest;
  /** People kept out of the record tables and the indicators for lack of consent to share. */
  withheldPeople: number;
}

/** The rows `computeIndicators` needs, from stored tables. */
export function datasetOf(tables: Partial<Record<string, readonly unknown[]>>): Dataset {
  const ds = {} as Record<keyof Dataset, unknown[]>;
  for (const key of Object.keys(EMPTY_DATASET) as Array<keyof Dataset>) ds[key] = [...(tables[key] ?? [])];
  return ds as unknown as Dataset;
}

const ndjson = (rows: readonly unknown[]): Bytes => utf8(rows.map((r) => `${canonicalJson(r)}\n`).join(''));

export async function writeBundle(input: WriteBundleInput): Promise<WrittenBundle> {
  const level = input.privacy ?? 'pseudonymised';
  if (level === 'full' && input.acknowledgedRisk !== true) throw new BundleError('notAllowed', { reason: 'acknowledgedRisk' });
  if (level === 'full' && input.confirmedFullList !== true) throw new BundleError('notAllowed', { reason: 'confirmedFullList' });
  const secret = fromBase64(input.project.projectSecret);
  if (!secret || secret.length !== 32) throw new BundleError('notAllowed', { reason: 'projectSecret' });
  const now = input.now ?? new Date();
  const today = input.today ?? localDay(orgTimeZone(input.organisation), now);
  const orgId = input.organisation.id;

  // Own rows only, each checked against its schema (a bad row is caught here, not at the lead).
  const own: Partial<Record<TableName, Row[]>> = {};
  for (const [table, rows] of Object.entries(input.tables) as Array<[TableName, readonly unknown[]]>) {
    const schema = TABLE_SCHEMAS[table];
    if (!schema) continue;
    const out: Row[] = [];
    rows.forEach((row, index) => {
      if ((row as Row | null)?.orgId !== orgId) return;
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        throw new BundleError('invalidRow', { table, line: index + 1, field: parsed.error.issues[0]?.path.join('.') ?? '', reason: 'export' });
      }
      out.push(parsed.data as Row);
    });
    own[table] = out;
  }

  // The figures follow the same consent decision as the rows, at every level (even aggregate
  // bundles, so an aggregate and a record bundle of the same day differ by nobody).
  const scope = consentScope(own);
  const withheldPeople = scope.dropped.get('people')!.size;
  const indicatorsFile: IndicatorsFile = bundleIndicatorsFile(datasetOf(tablesInScope(own, scope)), {
    asOf: today,
    threshold: input.threshold,
    withheldPeople,
    appVersion: input.appVersion,
  });
  const files: Record<string, Bytes> = { [INDICATORS_ENTRY]: canonicalBytes(indicatorsFile) };
  const counts: Record<string, number> = {};
  if (level !== 'aggregate') {
    const prepared = await prepareRecords({ tables: own, tombstones: own.tombstones ?? [], level, projectSecret: secret, orgId, today, scope });
    for (const table of tablesAt(level)) {
      files[dataEntry(table)] = ndjson(prepared.tables[table]);
      counts[table] = prepared.tables[table].length;
    }
    files[TOMBSTONES_ENTRY] = ndjson(prepared.tombstones);
    counts.tombstones = prepared.tombstones.length;
  }
  const entries: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) entries[name] = await sha256Hex(bytes);

  const signerFingerprint = await fingerprint(input.keys.publicKeys);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: input.schemaVersion,
    projectId: input.project.projectId,
    organisation: { id: orgId, name: input.organisation.name, country: input.organisation.country },
    installationId: input.installationId,
    exportId: input.exportId ?? crypto.randomUUID(),
    exportedAt: now.toISOString(),
    privacy: level,
    signer: { publicKeys: { sign: input.keys.publicKeys.sign, encrypt: input.keys.publicKeys.encrypt }, fingerprint: signerFingerprint },
    indicatorsAsOf: today,
    counts,
    entries,
  };
  let bytes: Bytes = await writeSigned({ context: SIGNATURE_CONTEXT, manifest, files, signKey: input.keys.sign.privateKey, signerFingerprint });

  if (input.encryptToLead !== false) bytes = await sealToRecipient(bytes, input.project.leadPublicKeys, 'bundle');
  if (input.passphrase !== undefined) bytes = await sealWithPassphrase(bytes, input.passphrase, 'bundle', { iterations: input.passphraseIterations });
  return { bytes, fileName: bundleFileName(input.organisation.name, today), manifest, withheldPeople };
}
