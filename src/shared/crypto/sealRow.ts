import { isPlainField, isPlainRow, SEALED_FIELD } from '../model/protectedFields';
import type { AtRestCipher } from './atRestCipher';
import { fromUtf8, utf8 } from './bytes';

/**
 * One stored row ↔ one row as the app sees it. The fields the policy (model/protectedFields.ts)
 * does not keep plain go, as JSON, into one AES-GCM value in `_sealed`, bound (as AAD) to the
 * table and the row's primary key so a sealed value cannot be moved to another row unnoticed.
 */
export type Row = Record<string, unknown>;

/**
 * The fields of `row` that must be sealed, or null when there are none. Undefined values are absent
 * and empty strings stay plain (they say nothing), so a row with nothing to hide needs no key.
 */
export function secretPart(table: string, row: Row): Row | null {
  if (isPlainRow(table, row)) return null;
  let secret: Row | null = null;
  for (const key in row) {
    const value = row[key];
    if (value === undefined || value === '' || key === SEALED_FIELD || isPlainField(table, key)) continue;
    (secret ??= {})[key] = value;
  }
  return secret;
}

/**
 * What IndexedDB refuses to store (a function, a symbol) is refused here too, as IndexedDB would
 * (DataCloneError), instead of JSON leaving it out without a word: a bad write fails whole.
 */
function cloneable(_key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new DOMException('at-rest: a value cannot be stored', 'DataCloneError');
  return value;
}

const encoder = new TextEncoder();
const aadPrefixes = new Map<string, Uint8Array>();

/**
 * The additional data that binds a sealed row to its table and key: the UTF-8 of
 * `mreza-at-rest/1␀<table>␀<key>`. Keys are ASCII (UUIDs), copied byte by byte: unlock opens
 * 50,000 people, and a TextEncoder call per row was a tenth of its time.
 */
export function rowAad(table: string, primaryKey: unknown): Uint8Array {
  const key = String(primaryKey);
  let prefix = aadPrefixes.get(table);
  if (!prefix) aadPrefixes.set(table, (prefix = encoder.encode(`mreza-at-rest/1\u0000${table}\u0000`)));
  const out = new Uint8Array(prefix.length + key.length);
  out.set(prefix);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(`mreza-at-rest/1\u0000${table}\u0000${key}`);
    out[prefix.length + i] = c;
  }
  return out;
}

/** The row as stored: its plain fields and `_sealed`; the row itself when nothing needs sealing. */
export function sealRow(cipher: AtRestCipher, table: string, primaryKey: unknown, row: Row): Row {
  const secret = secretPart(table, row);
  if (!secret) return row;
  const stored: Row = {};
  for (const key in row) if (!(key in secret) && row[key] !== undefined && key !== SEALED_FIELD) stored[key] = row[key];
  stored[SEALED_FIELD] = cipher.seal(utf8(JSON.stringify(secret, cloneable)), rowAad(table, primaryKey));
  return stored;
}

/** The sealed fields of a stored row, decrypted (throws AtRestTamperedError when changed or under another key). */
export function openSecret(cipher: AtRestCipher, table: string, primaryKey: unknown, sealed: Uint8Array): Row {
  return JSON.parse(fromUtf8(cipher.open(sealed, rowAad(table, primaryKey)))) as Row;
}

/** A stored row's plain fields joined with its opened secret: the row as it was written. */
export function joinRow(stored: Row, secret: Row): Row {
  const row: Row = {};
  for (const key in stored) if (key !== SEALED_FIELD) row[key] = stored[key];
  for (const key in secret) row[key] = secret[key];
  return row;
}

export function isSealed(stored: unknown): stored is Row & { [SEALED_FIELD]: Uint8Array } {
  return typeof stored === 'object' && stored !== null && (stored as Row)[SEALED_FIELD] instanceof Uint8Array;
}

/** A deep copy of JSON-like data (rows): cheaper than structuredClone for small flat records. */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value instanceof Uint8Array) return value.slice() as T;
  const out: Row = {};
  for (const key in value) out[key] = copyJson((value as Row)[key]);
  return out as T;
}
