import { inflateSync } from 'fflate';
import { fromUtf8 } from '../crypto';
import { BundleError } from './errors';

/**
 * The zip inside a signed container, read without trusting what it declares. fflate's
 * `unzipSync` reserves each entry's declared size before anything is checked, so a crafted
 * bundle could make the reader allocate gigabytes before its signature was even looked at. Here
 * the central directory is read first and every declared size is bounded (per entry, in total,
 * and by what deflate can produce from the bytes present) before any byte is decompressed; the
 * caller unpacks only the manifest before the signature is verified, and the rest after.
 *
 * Only the plain zips Mreža writes are accepted (fflate `zipSync`): no zip64, no encryption, no
 * archive comment, entries stored or deflated, one after another without overlap.
 */

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  /** Where the entry's local header and its compressed bytes are in the zip. */
  offset: number;
  start: number;
  compressedSize: number;
  /** What the zip says the entry unpacks to (checked against the limits, never trusted further). */
  size: number;
}

/** Deflate turns one input byte into at most 1032 output bytes (RFC 1951: 258 bytes per 2 bits, rounded up). */
const MAX_DEFLATE_RATIO = 1032;
const MAX_ENTRIES = 256;
const EOCD = 22;
const CENTRAL = 46;
const LOCAL = 30;

const damaged = (reason: string) => new BundleError('damaged', { entry: 'zip', reason });

/** The limit in MiB, for messages. */
const mib = (bytes: number) => Math.max(1, Math.round(bytes / (1024 * 1024)));

/**
 * The zip's entries with their declared sizes, refused ('tooLargeUnpacked') when any entry or their
 * total exceeds `maxUnpackedBytes`, or an entry named in `smallEntries` exceeds its own bound.
 * Decompresses nothing.
 */
export function listZip(zip: Uint8Array, limits: { maxUnpackedBytes: number; smallEntries?: Readonly<Record<string, number>> }): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (zip.length < EOCD) throw damaged('end');
  const end = zip.length - EOCD;
  if (view.getUint32(end, true) !== 0x06054b50) throw damaged('end');
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (
    view.getUint16(end + 4, true) !== 0 ||
    view.getUint16(end + 6, true) !== 0 ||
    view.getUint16(end + 8, true) !== count ||
    view.getUint16(end + 20, true) !== 0
  )
    throw damaged('end');
  if (count > MAX_ENTRIES) throw damaged('entries');
  if (cdOffset + cdSize !== end) throw damaged('directory');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let impossible = false;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL > end || view.getUint32(at, true) !== 0x02014b50) throw damaged('directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    // Bit 0: encrypted; bit 3: sizes after the data; bit 11 (UTF-8 names) is fine.
    if ((flags & ~0x0800) !== 0 || (method !== 0 && method !== 8)) throw damaged('method');
    const next = at + CENTRAL + nameLength + extraLength + commentLength;
    if (next > end) throw damaged('directory');
    const name = fromUtf8(zip.subarray(at + CENTRAL, at + CENTRAL + nameLength));
    if (names.has(name)) throw damaged('duplicate');
    names.add(name);
    at = next;

    // Sizes first: nothing is allocated for an entry that could not be accepted anyway.
    const bound = limits.smallEntries?.[name] ?? limits.maxUnpackedBytes;
    total += size;
    if (size > bound || total > limits.maxUnpackedBytes) throw new BundleError('tooLargeUnpacked', { limitMb: mib(Math.min(bound, limits.maxUnpackedBytes)) });
    // An entry can only unpack to what deflate makes of the bytes present (judged after all sizes,
    // so a file that declares too much is told so whatever else is wrong with it).
    if (method === 0 ? size !== compressedSize : size > compressedSize * MAX_DEFLATE_RATIO + 1024) impossible = true;

    if (local + LOCAL > cdOffset || view.getUint32(local, true) !== 0x04034b50) throw damaged('local');
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const start = local + LOCAL + localName + localExtra;
    if (start + compressedSize > cdOffset || fromUtf8(zip.subarray(local + LOCAL, local + LOCAL + localName)) !== name) throw damaged('local');
    entries.push({ name, method: method as 0 | 8, offset: local, start, compressedSize, size });
  }
  if (at !== end) throw damaged('directory');
  if (impossible) throw damaged('size');
  // Entries one after another: overlapping entries are how zip bombs multiply their output.
  const inOrder = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < inOrder.length; i++) if (inOrder[i - 1]!.start + inOrder[i - 1]!.compressedSize > inOrder[i]!.offset) throw damaged('overlap');
  return entries;
}

/** One entry's bytes: exactly the declared size (already bounded by listZip), or 'damaged'. */
export function unpackEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = zip.subarray(entry.start, entry.start + entry.compressedSize);
  if (entry.method === 0) return data.slice();
  let out: Uint8Array;
  try {
    // Into a buffer of the declared size: longer data is cut there (and then fails its hash).
    out = inflateSync(data, { out: new Uint8Array(entry.size) });
  } catch {
    throw damaged('inflate');
  }
  if (out.length !== entry.size) throw damaged('size');
  return out;
}
