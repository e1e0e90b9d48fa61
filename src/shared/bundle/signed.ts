import { zipSync } from 'fflate';
import { z } from 'zod';
import {
  canonicalBytes,
  canonicalJson,
  concat,
  fromBase64,
  fromUtf8,
  sha256Hex,
  startsWith,
  toBase64,
  utf8,
  signBytes,
  verifyBytes,
  type Bytes,
} from '../crypto';
import { BundleError } from './errors';
import { rowCheckFor } from './rowCheck';
import { listZip, unpackEntry, type ZipEntry } from './zipEntries';

/**
 * The signed container ("MRZS") every signed Mreža file uses: the partner bundle, the mentor pack
 * and the mentor's session logs. "MRZS" ‖ version ‖ 3 reserved ‖ u32 length ‖ signature.json ‖ zip.
 * The signature covers the manifest hash and the zip hash; `context` keeps one kind of file from
 * being passed off as another.
 */
export const SIGNED_MAGIC = utf8('MRZS');
export const SIGNED_VERSION = 1;
export const SIGNED_HEADER = 12;
export const MANIFEST_ENTRY = 'manifest.json';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const signatureShape = {
  algorithm: z.literal('Ed25519'),
  signer: z.string(),
  manifestSha256: hex64,
  zipSha256: hex64,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
};
export const signatureSchemaFor = <C extends string>(context: C) => z.strictObject({ ...signatureShape, context: z.literal(context) });
export type SignatureOf<C extends string> = z.infer<ReturnType<typeof signatureSchemaFor<C>>>;

/** The bytes start like a signed container (the innermost layer of every Mreža file). */
export const isSigned = (bytes: Uint8Array): boolean => startsWith(bytes, SIGNED_MAGIC);

/** Zip entries get a fixed time so the same content gives the same bytes. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/** Zips manifest + files and signs them with `signKey` (Ed25519) under `context`. */
export async function writeSigned(input: {
  context: string;
  manifest: unknown;
  files: Record<string, Bytes>;
  signKey: CryptoKey;
  signerFingerprint: string;
}): Promise<Bytes> {
  const manifestBytes = canonicalBytes(input.manifest);
  const zip = zipSync({ [MANIFEST_ENTRY]: manifestBytes, ...input.files }, { level: 6, mtime: ZIP_TIME });
  const statement = {
    algorithm: 'Ed25519' as const,
    context: input.context,
    signer: input.signerFingerprint,
    manifestSha256: await sha256Hex(manifestBytes),
    zipSha256: await sha256Hex(zip),
  };
  const signatureBytes = canonicalBytes({ ...statement, signature: toBase64(await signBytes(input.signKey, canonicalBytes(statement))) });
  const head = new Uint8Array(new ArrayBuffer(SIGNED_HEADER));
  head.set(SIGNED_MAGIC, 0);
  head[4] = SIGNED_VERSION;
  new DataView(head.buffer).setUint32(8, signatureBytes.length);
  return concat(head, signatureBytes, zip);
}

export interface OpenedSigned<C extends string> {
  signature: SignatureOf<C>;
  manifestBytes: Uint8Array;
  /** The zip and its entries as declared (sizes bounded, nothing else unpacked yet). */
  zip: Uint8Array;
  entries: ZipEntry[];
}

/** The manifest is a few kilobytes; before the signature is checked nothing bigger is unpacked. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export function parseEntryJson(bytes: Uint8Array, code: 'damaged' | 'tampered', what: string): unknown {
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    throw new BundleError(code, { entry: what });
  }
}

/** Entries must be stored exactly as canonical JSON: a different spelling means the bytes were edited. */
export function requireCanonical(bytes: Uint8Array, value: unknown, what: string) {
  if (fromUtf8(bytes) !== canonicalJson(value)) throw new BundleError('tampered', { entry: what });
}

/**
 * Opens the container, checks the zip hash the signature statement names and unpacks the
 * manifest only (at most MAX_MANIFEST_BYTES). Every entry's declared size is checked against
 * `maxUnpackedBytes` here, but the other entries are unpacked by `unpackSigned`, once the caller
 * has verified the signature with the signer's key from the manifest (`verifySigned`).
 * Throws BundleError: notABundle (no magic), damaged, tampered, tooLargeUnpacked, newerFormat.
 */
export async function openSigned<C extends string>(
  bytes: Uint8Array,
  context: C,
  opts: { maxUnpackedBytes: number; notSignedCode?: 'notABundle' | 'damaged' },
): Promise<OpenedSigned<C>> {
  if (!startsWith(bytes, SIGNED_MAGIC)) throw new BundleError(opts.notSignedCode ?? 'notABundle');
  if (bytes.length < SIGNED_HEADER) throw new BundleError('damaged');
  if (bytes[4]! > SIGNED_VERSION) throw new BundleError('newerFormat', { part: 'container', found: bytes[4]!, supported: SIGNED_VERSION });
  if (bytes[4] !== SIGNED_VERSION || bytes[5] !== 0 || bytes[6] !== 0 || bytes[7] !== 0) throw new BundleError('damaged');
  const sigLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8);
  if (sigLength > 4096 || SIGNED_HEADER + sigLength > bytes.length) throw new BundleError('damaged');
  const sigBytes = bytes.subarray(SIGNED_HEADER, SIGNED_HEADER + sigLength);
  const zip = bytes.subarray(SIGNED_HEADER + sigLength);
  const sig = signatureSchemaFor(context).safeParse(parseEntryJson(sigBytes, 'damaged', 'signature'));
  if (!sig.success) throw new BundleError('damaged', { entry: 'signature' });
  requireCanonical(sigBytes, sig.data, 'signature');
  if ((await sha256Hex(zip)) !== sig.data.zipSha256) throw new BundleError('tampered', { entry: 'zip' });

  const entries = listZip(zip, { maxUnpackedBytes: opts.maxUnpackedBytes, smallEntries: { [MANIFEST_ENTRY]: MAX_MANIFEST_BYTES } });
  const manifestEntry = entries.find((e) => e.name === MANIFEST_ENTRY);
  if (!manifestEntry) throw new BundleError('damaged', { entry: MANIFEST_ENTRY });
  const manifestBytes = unpackEntry(zip, manifestEntry);
  if ((await sha256Hex(manifestBytes)) !== sig.data.manifestSha256) throw new BundleError('tampered', { entry: MANIFEST_ENTRY });
  return { signature: sig.data as SignatureOf<C>, manifestBytes, zip, entries };
}

/** Every entry but manifest.json, unpacked: call only after `verifySigned` has passed. */
export function unpackSigned(opened: OpenedSigned<string>): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of opened.entries) if (entry.name !== MANIFEST_ENTRY) files[entry.name] = unpackEntry(opened.zip, entry);
  return files;
}

/** The signature against the signer key the manifest states; 'tampered' when it does not hold. */
export async function verifySigned(signature: SignatureOf<string>, signerFingerprint: string, publicSignKey: string): Promise<void> {
  if (signerFingerprint !== signature.signer) throw new BundleError('tampered', { entry: 'signer' });
  const { signature: value, ...statement } = signature;
  const raw = fromBase64(value);
  if (!raw || !(await verifyBytes(publicSignKey, raw, canonicalBytes(statement)))) throw new BundleError('tampered', { entry: 'signature' });
}

/** Every listed entry present, nothing else, each with its hash. */
export async function checkEntries(files: Record<string, Uint8Array>, listed: Record<string, string>, expected: ReadonlySet<string>): Promise<void> {
  const names = Object.keys(listed);
  if (names.length !== expected.size || names.some((n) => !expected.has(n))) throw new BundleError('tampered', { entry: 'entries' });
  const present = Object.keys(files);
  if (present.length !== expected.size || present.some((n) => !expected.has(n))) throw new BundleError('tampered', { entry: 'entries' });
  for (const name of present) if ((await sha256Hex(files[name]!)) !== listed[name]) throw new BundleError('tampered', { entry: name });
}

/**
 * One NDJSON entry → validated rows: one JSON row per line, each ending in "\n", exactly `count`
 * lines, each passing `schema` (strict schemas refuse extra fields as `notAllowed`), ids unique;
 * `check` adds the caller's own rule per row. Errors name the table and line. Rows the fast check
 * (rowCheck.ts) vouches for skip zod: it passes only what zod would return unchanged.
 */
export function readNdjson(
  bytes: Uint8Array,
  table: string,
  schema: z.ZodType,
  count: number | undefined,
  opts: { entry?: string; check?: (row: Record<string, unknown>, line: number) => void } = {},
): Array<Record<string, unknown>> {
  const text = fromUtf8(bytes);
  if (text !== '' && !text.endsWith('\n')) throw new BundleError('invalidRow', { table, line: text.split('\n').length, field: '', reason: 'line' });
  const lines = text === '' ? [] : text.slice(0, -1).split('\n');
  if (lines.length !== count) throw new BundleError('tampered', { entry: opts.entry ?? table, reason: 'count' });
  const ids = new Set<string>();
  const fast = rowCheckFor(schema);
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BundleError('invalidRow', { table, line: i + 1, field: '', reason: 'json' });
    }
    const row = fast?.(value) ? (value as Record<string, unknown>) : zodRow(schema, value, table, i + 1);
    opts.check?.(row, i + 1);
    if (ids.has(String(row.id))) throw new BundleError('invalidRow', { table, line: i + 1, field: 'id', reason: 'duplicate' });
    ids.add(String(row.id));
    return row;
  });
}

function zodRow(schema: z.ZodType, value: unknown, table: string, line: number): Record<string, unknown> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = result.error.issues[0];
  const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : (issue?.path.join('.') ?? '');
  throw new BundleError('invalidRow', { table, line, field, reason: issue?.code === 'unrecognized_keys' ? 'notAllowed' : 'schema' });
}

export const ndjsonBytes = (rows: readonly unknown[]): Bytes => utf8(rows.map((r) => `${canonicalJson(r)}\n`).join(''));
