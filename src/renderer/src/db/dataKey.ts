import { TABLE_NAMES } from '@shared/model';
import { AT_REST_STORE, ENCRYPTION_MARKER_KEY, isSealedTable } from '@shared/model/protectedFields';
import { AtRestCipher, AtRestTamperedError } from '@shared/crypto/atRestCipher';
import { isSealed, secretPart, type Row } from '@shared/crypto/sealRow';
import { utf8 } from '@shared/crypto';
import { AtRestError, atRestState, cacheReset, LockedError, prefetchStoredPeople, readStoredPeople } from './atRest';
import type { MrezaDb } from './db';
import { moveLinkageSecret } from './linkage';

/**
 * The seam between sign-in and encryption at rest: sign-in hands the unwrapped data key here and
 * locking drops it; the encryption layer of db/ (db/atRest.ts) is the only reader. Keyed by
 * database so tests can hold several stores at once.
 */
const keys = new WeakMap<MrezaDb, Uint8Array>();

/** What the marker row holds: a known text sealed with the data key, so a wrong key is refused at once. */
const CHECK_TEXT = 'mreza-at-rest key check';
const MARKER_AAD = utf8(`mreza-at-rest/1\u0000${AT_REST_STORE}\u0000${ENCRYPTION_MARKER_KEY}`);

/** The one row of the `atRest` store. */
export interface EncryptionMarker {
  key: typeof ENCRYPTION_MARKER_KEY;
  format: 'mreza-at-rest';
  version: 1;
  check: Uint8Array;
  encryptedAt: string;
}

/**
 * Unlock: checks the key against the store's marker (a wrong key throws AtRestError 'wrongKey'
 * and changes nothing), then, on a store that was never encrypted (an installation from before
 * this layer, or a fresh one), has the backup taken (`onBeforeEncrypting`) and seals every row in
 * one transaction (all or nothing) and marks the store; finally builds the decrypted people cache.
 */
export async function setDataKey(db: MrezaDb, key: Uint8Array): Promise<void> {
  const state = atRestState(db);
  if (!db.isOpen()) await db.open();
  const cipher = new AtRestCipher(key);
  const marker = (await db.table(AT_REST_STORE).get(ENCRYPTION_MARKER_KEY)) as EncryptionMarker | undefined;
  if (marker) {
    try {
      if (new TextDecoder().decode(cipher.open(marker.check, MARKER_AAD)) !== CHECK_TEXT) throw new AtRestTamperedError();
    } catch (e) {
      cipher.dispose();
      if (e instanceof AtRestTamperedError) throw new AtRestError('wrongKey');
      throw e;
    }
  }
  if (state.cipher && state.cipher !== cipher) state.cipher.dispose();
  state.cipher = cipher;
  state.webKey = globalThis.crypto?.subtle ? await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']) : undefined;
  keys.set(db, key);
  cacheReset(state.people);
  try {
    if (!marker) await encryptStore(db, cipher);
    state.marked = true;
    // Data migrations that need the key run here (the store's upgrades run before anyone signs in).
    await moveLinkageSecret(db);
    await fillPeopleCache(db);
  } catch (e) {
    dropDataKey(db);
    throw e;
  }
}

/** Reads every person once (opening each), which fills the people cache the middleware keeps. */
export async function fillPeopleCache(db: MrezaDb): Promise<void> {
  const state = atRestState(db);
  const pre = state.prefetch;
  state.prefetch = undefined;
  let rows = pre && pre.writes === state.peopleWrites ? await pre.rows.catch(() => null) : null;
  if (!rows || pre?.writes !== state.peopleWrites) rows = await readStoredPeople(db);
  try {
    await state.openIntoCache!(rows);
    state.people.complete = true;
  } catch (e) {
    // A damaged row must not keep anyone out: it fails where it is read, and the cache is built then.
    if (!(e instanceof AtRestTamperedError)) throw e;
  }
}

/** Lock: forgets the key and every decrypted cache; sealed rows cannot be read until the next unlock. */
export function dropDataKey(db: MrezaDb): void {
  const state = atRestState(db);
  state.cipher?.dispose();
  state.cipher = null;
  state.webKey = undefined;
  cacheReset(state.people);
  keys.delete(db);
  prefetchStoredPeople(db);
}

export function getDataKey(db: MrezaDb): Uint8Array | undefined {
  return keys.get(db);
}

/**
 * What the app runs before a store from before encryption is encrypted (main.tsx: a safety copy
 * through the platform's backup folder). Without it, such a store is not encrypted
 * (AtRestError 'backupRequired') rather than changed without a backup.
 */
export function onBeforeEncrypting(db: MrezaDb, takeBackup: (() => Promise<void>) | undefined): void {
  atRestState(db).beforeEncrypting = takeBackup;
}

/** Rows stored with fields in plain text that the policy seals, table by table. */
async function plainRows(db: MrezaDb): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  await db.transaction('r', db.tables, async () => {
    for (const name of TABLE_NAMES) {
      if (!isSealedTable(name)) continue;
      const rows = ((await db.table(name).toArray()) as Row[]).filter((r) => !isSealed(r) && secretPart(name, r));
      if (rows.length) out.set(name, rows);
    }
  });
  return out;
}

/**
 * Migration (#15 item 8): the backup first (with the data readable, so it holds everything), then
 * every row rewritten through the encryption layer and the marker, in one transaction.
 */
async function encryptStore(db: MrezaDb, cipher: AtRestCipher): Promise<void> {
  const state = atRestState(db);
  if ((await plainRows(db)).size > 0) {
    if (!state.beforeEncrypting) throw new AtRestError('backupRequired');
    await state.beforeEncrypting();
  }
  await db.transaction('rw', db.tables, async () => {
    for (const [name, rows] of await plainRows(db)) await db.table(name).bulkPut(rows);
    await db.table(AT_REST_STORE).put(markerFor(cipher));
  });
}

function markerFor(cipher: AtRestCipher): EncryptionMarker {
  return {
    key: ENCRYPTION_MARKER_KEY,
    format: 'mreza-at-rest',
    version: 1,
    check: cipher.seal(utf8(CHECK_TEXT), MARKER_AAD),
    encryptedAt: new Date().toISOString(),
  };
}

/**
 * A restore that adopts a backup's data key (another installation's keyring): inside the
 * restore's read-write transaction (which must include the `keep` tables and the marker store),
 * re-seals the rows of `keep` that stay (the audit log only grows) under `key` and marks the store
 * with it; the tables the restore replaces are written under `key` anyway. Until the transaction
 * ends, rows open with either key. Then `rekeyCommitted` or, if it failed, `rekeyAborted`.
 */
export async function rekeyWithin(db: MrezaDb, key: Uint8Array, keep: readonly string[]): Promise<void> {
  const state = atRestState(db);
  const old = state.cipher;
  if (!old) throw new LockedError();
  const cipher = new AtRestCipher(key);
  const rows = new Map<string, unknown[]>();
  for (const name of keep) rows.set(name, await db.table(name).toArray());
  state.previous = old;
  state.cipher = cipher;
  cacheReset(state.people);
  for (const [name, list] of rows) if (list.length) await db.table(name).bulkPut(list);
  await db.table(AT_REST_STORE).put(markerFor(cipher));
}

/** The switch of keys committed: the new key is the one held (and its caches built). */
export async function rekeyCommitted(db: MrezaDb, key: Uint8Array): Promise<void> {
  const state = atRestState(db);
  state.previous?.dispose();
  state.previous = undefined;
  state.webKey = globalThis.crypto?.subtle ? await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']) : undefined;
  keys.set(db, key);
  cacheReset(state.people);
  await fillPeopleCache(db);
}

/** The switch of keys rolled back with its transaction: the old key is the one held again. */
export function rekeyAborted(db: MrezaDb): void {
  const state = atRestState(db);
  if (!state.previous) return;
  state.cipher?.dispose();
  state.cipher = state.previous;
  state.previous = undefined;
  cacheReset(state.people);
}
