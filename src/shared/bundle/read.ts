import { z } from 'zod';
import { own, sha256Hex, type Bytes, CryptoError, envelopeRecipient, isEnvelope, openFromRecipient, fingerprint, type OrgKeys, isPassphraseBox, openWithPassphrase, passphraseBoxType } from '../crypto';
import { BundleError } from './errors';
import {
  BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, bundleRowSchema, dataEntry, INDICATORS_ENTRY, indicatorsFileSchema, manifestSchema, SIGNATURE_CONTEXT,
  TOMBSTONES_ENTRY, tombstoneRowSchema, type BundleManifest, type IndicatorsFile,
} from './format';
import { checkEntries, MANIFEST_ENTRY, openSigned, parseEntryJson as parseJson, readNdjson, requireCanonical, verifySigned } from './signed';
import type { Row } from './pseudonymise';
import { tablesAt, type BundleTable } from './privacy';

export interface InspectOptions {
  /** For passphrase-protected bundles. */
  passphrase?: string;
  /** The lead's project: a bundle of any other project is refused (otherProject). */
  projectId?: string;
  /** Pinned signer fingerprints by organisation id (trust on first use). */
  pins?: Readonly<Record<string, string>>;
  /** Refuse signers that are not pinned yet (unknownSigner) instead of reporting trust 'firstUse'. */
  requireKnownSigner?: boolean;
  /** The reader's schema version: bundles written by a newer schema are refused (newerFormat). */
  schemaVersion?: number;
  /** Upper bound of the unpacked size (default 1 GiB). */
  maxUnpackedBytes?: number;
}

export interface InspectedBundle {
  manifest: BundleManifest;
  /** The signer's fingerprint, for the UI to show and the lead to compare over the phone. */
  fingerprint: string;
  /** 'pinned': the key already pinned for this organisation; 'firstUse': not pinned yet: confirm. */
  trust: 'pinned' | 'firstUse';
  encryption: { toLead: boolean; passphrase: boolean };
  /** Validated rows (schema output) per table that travelled at this privacy level. */
  tables: Partial<Record<BundleTable, Row[]>>;
  tombstones: Row[];
  indicators: IndicatorsFile;
  /** SHA-256 of the whole file as received, for the import history. */
  fileSha256: string;
}

const MAX_UNPACKED = 1024 * 1024 * 1024;

/**
 * Opens, verifies and validates a bundle at the lead. Throws BundleError only (any other failure
 * on bad input becomes 'damaged'); returns nothing until every check has passed.
 */
export async function inspectBundle(bytes: Uint8Array, leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'> | null, opts: InspectOptions = {}): Promise<InspectedBundle> {
  try {
    return await inspect(bytes, leadKeys, opts);
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError('damaged', { cause: e instanceof Error ? e.name : typeof e });
  }
}

async function inspect(input: Uint8Array, leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'> | null, opts: InspectOptions): Promise<InspectedBundle> {
  const fileSha256 = await sha256Hex(input);
  let bytes: Bytes = own(input);
  const encryption = { toLead: false, passphrase: false };

  if (isPassphraseBox(bytes)) {
    const type = passphraseBoxType(bytes);
    if (bytes.length >= 6 && type !== 'bundle') throw new BundleError('notABundle', type ? { contentType: type } : {});
    if (opts.passphrase === undefined) throw new BundleError('passphraseRequired');
    bytes = await open(() => openWithPassphrase(bytes, opts.passphrase!, 'bundle'), 'passphrase');
    encryption.passphrase = true;
  }
  if (isEnvelope(bytes)) {
    if (!leadKeys) throw new BundleError('wrongRecipient', { recipient: envelopeRecipient(bytes) ?? '' });
    bytes = await open(() => openFromRecipient(bytes, leadKeys, 'bundle'), 'envelope');
    encryption.toLead = true;
  }
  const { signature: sig, manifestBytes, files } = await openSigned(bytes, SIGNATURE_CONTEXT, {
    maxUnpackedBytes: opts.maxUnpackedBytes ?? MAX_UNPACKED,
    notSignedCode: encryption.toLead || encryption.passphrase ? 'damaged' : 'notABundle',
  });
  const manifestJson = parseJson(manifestBytes, 'tampered', MANIFEST_ENTRY);
  const head = z.object({ format: z.string(), formatVersion: z.number(), schemaVersion: z.number() }).safeParse(manifestJson);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw new BundleError('notABundle');
  if (head.data.formatVersion > BUNDLE_FORMAT_VERSION) throw new BundleError('newerFormat', { part: 'format', found: head.data.formatVersion, supported: BUNDLE_FORMAT_VERSION });
  // An older Mreža wrote it under rules the lead no longer accepts (free text, birth years): the
  // partner updates and exports again.
  if (head.data.formatVersion < BUNDLE_FORMAT_VERSION) throw new BundleError('olderFormat', { found: head.data.formatVersion, supported: BUNDLE_FORMAT_VERSION });
  const parsedManifest = manifestSchema.safeParse(manifestJson);
  if (!parsedManifest.success) throw new BundleError('damaged', { entry: MANIFEST_ENTRY, field: parsedManifest.error.issues[0]?.path.join('.') ?? '' });
  const manifest = parsedManifest.data;
  requireCanonical(manifestBytes, manifest, MANIFEST_ENTRY);

  // Who signed: the key stated in the manifest, its fingerprint, and the signature itself.
  const signerFingerprint = await fingerprint(manifest.signer.publicKeys).catch(() => {
    throw new BundleError('tampered', { entry: 'signer' });
  });
  if (signerFingerprint !== manifest.signer.fingerprint) throw new BundleError('tampered', { entry: 'signer' });
  await verifySigned(sig, signerFingerprint, manifest.signer.publicKeys.sign);

  // Only now is the manifest the partner's word: check it against what the lead expects.
  if (opts.schemaVersion !== undefined && manifest.schemaVersion > opts.schemaVersion) {
    throw new BundleError('newerFormat', { part: 'schema', found: manifest.schemaVersion, supported: opts.schemaVersion });
  }
  if (opts.projectId !== undefined && manifest.projectId !== opts.projectId) throw new BundleError('otherProject', { found: manifest.projectId, expected: opts.projectId });
  const pinned = opts.pins?.[manifest.organisation.id];
  if (pinned !== undefined && pinned !== signerFingerprint) {
    throw new BundleError('signerChanged', { organisation: manifest.organisation.name, expected: pinned, found: signerFingerprint });
  }
  if (pinned === undefined && opts.requireKnownSigner) throw new BundleError('unknownSigner', { organisation: manifest.organisation.name, found: signerFingerprint });

  // Exactly the entries the manifest lists, each with its hash.
  const tables = tablesAt(manifest.privacy);
  const expected = new Set<string>([INDICATORS_ENTRY, ...(manifest.privacy === 'aggregate' ? [] : [TOMBSTONES_ENTRY, ...tables.map(dataEntry)])]);
  await checkEntries(files, manifest.entries, expected);
  const countKeys = Object.keys(manifest.counts);
  const expectedCounts = manifest.privacy === 'aggregate' ? [] : [...tables, 'tombstones'];
  if (countKeys.length !== expectedCounts.length || countKeys.some((k) => !expectedCounts.includes(k))) throw new BundleError('tampered', { entry: 'counts' });

  const indicatorsJson = parseJson(files[INDICATORS_ENTRY]!, 'damaged', INDICATORS_ENTRY);
  const indicators = indicatorsFileSchema.safeParse(indicatorsJson);
  if (!indicators.success) throw new BundleError('invalidRow', { table: 'indicators', line: 1, field: indicators.error.issues[0]?.path.join('.') ?? '', reason: 'schema' });

  const orgId = manifest.organisation.id;
  const readLines = (entry: string, table: string, schema: z.ZodType, check?: (row: Row, line: number) => void): Row[] =>
    readNdjson(files[entry]!, table, schema, manifest.counts[table], {
      entry,
      check: (row, line) => {
        if (row.orgId !== orgId) throw new BundleError('invalidRow', { table, line, field: 'orgId', reason: 'otherOrganisation' });
        check?.(row as Row, line);
      },
    }) as Row[];

  const out: Partial<Record<BundleTable, Row[]>> = {};
  let tombstones: Row[] = [];
  if (manifest.privacy !== 'aggregate') {
    for (const table of tables) out[table] = readLines(dataEntry(table), table, bundleRowSchema(table, manifest.privacy));
    tombstones = readLines(TOMBSTONES_ENTRY, 'tombstones', tombstoneRowSchema);
  }
  return { manifest, fingerprint: signerFingerprint, trust: pinned === undefined ? 'firstUse' : 'pinned', encryption, tables: out, tombstones, indicators: indicators.data, fileSha256 };
}

async function open(fn: () => Promise<Bytes>, layer: 'passphrase' | 'envelope'): Promise<Bytes> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof CryptoError)) throw new BundleError('damaged');
    switch (e.code) {
      case 'wrongPassphrase':
        throw new BundleError('wrongPassphrase');
      case 'wrongRecipient':
        throw new BundleError('wrongRecipient', e.params);
      case 'newerFormat':
        throw new BundleError('newerFormat', { part: layer, ...e.params });
      case 'notAContainer':
        throw new BundleError('notABundle', e.params);
      default:
        throw new BundleError('damaged');
    }
  }
}
