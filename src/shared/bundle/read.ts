import { z } from 'zod';
import {
  own,
  sha256Hex,
  type Bytes,
  CryptoError,
  envelopeRecipient,
  isDamagedEnvelopeFor,
  isEnvelope,
  openFromRecipient,
  fingerprint,
  type OrgKeys,
  isPassphraseBox,
  openWithPassphrase,
  passphraseBoxType,
} from '../crypto';
import { BundleError } from './errors';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  OLDEST_BUNDLE_FORMAT_VERSION,
  bundleRowSchema,
  dataEntry,
  INDICATORS_ENTRY,
  indicatorsFileSchema,
  manifestSchema,
  SIGNATURE_CONTEXT,
  TOMBSTONES_ENTRY,
  tombstoneRowSchema,
  type BundleManifest,
  type IndicatorsFile,
} from './format';
import {
  checkEntries,
  isSigned,
  MANIFEST_ENTRY,
  openSigned,
  parseEntryJson as parseJson,
  readNdjson,
  requireCanonical,
  unpackSigned,
  verifySigned,
} from './signed';
import type { Row } from './pseudonymise';
import { tablesAt, type BundleTable } from './privacy';

export interface InspectOptions {
  /** For passphrase-protected bundles. */
  passphrase?: string;
  /** The lead's project: a bundle of any other project is refused (otherProject). */
  projectId?: string;
  /** Pinned signer fingerprints by organisation id (each confirmed by the lead, by phone). */
  pins?: Readonly<Record<string, string>>;
  /** Further fingerprints the caller trusts for organisations not pinned yet (the command line's --trusted file). */
  trusted?: ReadonlySet<string>;
  /** Refuse signers that are neither pinned nor trusted (unknownSigner) instead of reporting trust 'firstUse'. */
  requireKnownSigner?: boolean;
  /** The reader's schema version: bundles written by a newer schema are refused (newerFormat). */
  schemaVersion?: number;
  /** Upper bound of the unpacked size, checked on the sizes the zip declares before unpacking (default 1 GiB). */
  maxUnpackedBytes?: number;
}

export interface InspectedBundle {
  manifest: BundleManifest;
  /** The signer's fingerprint, for the UI to show and the lead to compare over the phone. */
  fingerprint: string;
  /** 'pinned': the key pinned for this organisation; 'trusted': in `trusted`; 'firstUse': neither: confirm it by phone. */
  trust: 'pinned' | 'trusted' | 'firstUse';
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
export async function inspectBundle(
  bytes: Uint8Array,
  leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'> | null,
  opts: InspectOptions = {},
): Promise<InspectedBundle> {
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
  if (!isEnvelope(bytes)) {
    // Signed but not encrypted to the lead: anyone who handled the file could read it. Refused
    // before anything inside is looked at; the partner exports again (Mreža always encrypts).
    if (isSigned(bytes)) throw new BundleError('notEncrypted');
    // A bundle for us whose first bytes were damaged is damage, not "another kind of file".
    if (encryption.passphrase || (leadKeys && (await isDamagedEnvelopeFor(bytes, leadKeys, 'bundle')))) throw new BundleError('damaged');
    throw new BundleError('notABundle');
  }
  if (!leadKeys) throw new BundleError('wrongRecipient', { recipient: envelopeRecipient(bytes) ?? '' });
  bytes = await open(() => openFromRecipient(bytes, leadKeys, 'bundle'), 'envelope');
  encryption.toLead = true;
  const opened = await openSigned(bytes, SIGNATURE_CONTEXT, { maxUnpackedBytes: opts.maxUnpackedBytes ?? MAX_UNPACKED, notSignedCode: 'damaged' });
  const { signature: sig, manifestBytes } = opened;
  const manifestJson = parseJson(manifestBytes, 'tampered', MANIFEST_ENTRY);
  const head = z.object({ format: z.string(), formatVersion: z.number(), schemaVersion: z.number() }).safeParse(manifestJson);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw new BundleError('notABundle');
  if (head.data.formatVersion > BUNDLE_FORMAT_VERSION)
    throw new BundleError('newerFormat', { part: 'format', found: head.data.formatVersion, supported: BUNDLE_FORMAT_VERSION });
  // Older bundles carried unsuppressed figures of everyone and, pseudonymised, free text and birth
  // years: the partner updates and exports again.
  if (head.data.formatVersion < OLDEST_BUNDLE_FORMAT_VERSION)
    throw new BundleError('olderFormat', { found: head.data.formatVersion, supported: OLDEST_BUNDLE_FORMAT_VERSION });
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
  // Only a whole, signed zip is unpacked (its declared sizes were bounded by openSigned).
  const files = unpackSigned(opened);

  // Only now is the manifest the partner's word: check it against what the lead expects.
  if (opts.schemaVersion !== undefined && manifest.schemaVersion > opts.schemaVersion) {
    throw new BundleError('newerFormat', { part: 'schema', found: manifest.schemaVersion, supported: opts.schemaVersion });
  }
  if (opts.projectId !== undefined && manifest.projectId !== opts.projectId)
    throw new BundleError('otherProject', { found: manifest.projectId, expected: opts.projectId });
  const pinned = opts.pins?.[manifest.organisation.id];
  if (pinned !== undefined && pinned !== signerFingerprint) {
    throw new BundleError('signerChanged', { organisation: manifest.organisation.name, expected: pinned, found: signerFingerprint });
  }
  const trust = pinned !== undefined ? 'pinned' : opts.trusted?.has(signerFingerprint) ? 'trusted' : 'firstUse';
  if (trust === 'firstUse' && opts.requireKnownSigner)
    throw new BundleError('unknownSigner', { organisation: manifest.organisation.name, found: signerFingerprint });

  // Exactly the entries the manifest lists, each with its hash.
  const tables = tablesAt(manifest.privacy);
  const expected = new Set<string>([INDICATORS_ENTRY, ...(manifest.privacy === 'aggregate' ? [] : [TOMBSTONES_ENTRY, ...tables.map(dataEntry)])]);
  await checkEntries(files, manifest.entries, expected);
  const countKeys = Object.keys(manifest.counts);
  const expectedCounts = manifest.privacy === 'aggregate' ? [] : [...tables, 'tombstones'];
  if (countKeys.length !== expectedCounts.length || countKeys.some((k) => !expectedCounts.includes(k))) throw new BundleError('tampered', { entry: 'counts' });

  const indicatorsJson = parseJson(files[INDICATORS_ENTRY]!, 'damaged', INDICATORS_ENTRY);
  const indicators = indicatorsFileSchema.safeParse(indicatorsJson);
  if (!indicators.success)
    throw new BundleError('invalidRow', { table: 'indicators', line: 1, field: indicators.error.issues[0]?.path.join('.') ?? '', reason: 'schema' });

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
  return { manifest, fingerprint: signerFingerprint, trust, encryption, tables: out, tombstones, indicators: indicators.data, fileSha256 };
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
      case 'tooCostly':
        throw new BundleError('tooCostly', e.params);
      default:
        throw new BundleError('damaged');
    }
  }
}
