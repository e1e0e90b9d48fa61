import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from 'dexie';
import type { Person } from '@shared/model';
import { AT_REST_STORE, ENCRYPTION_MARKER_KEY, isSealedTable, SEALED_FIELD } from '@shared/model/protectedFields';
import { AT_REST_NONCE_BYTES, AtRestTamperedError, type AtRestCipher } from '@shared/crypto/atRestCipher';
import { copyJson, isSealed, joinRow, openSecret, rowAad, sealRow, secretPart, type Row } from '@shared/crypto/sealRow';

/**
 * Encryption at rest, in one layer: a Dexie DBCore middleware (registered in createDb) that seals
 * every field model/protectedFields.ts does not keep plain before a row reaches IndexedDB, and
 * opens it on every read (get, getMany, query, cursors, so `modify` and `each` work too). Call
 * sites see plain rows and never know. Without the data key (locked) a sealed row cannot be
 * read (LockedError) and a row with anything to seal cannot be written. The key arrives and
 * leaves through db/dataKey.ts.
 */

export type AtRestErrorCode = 'locked' | 'wrongKey' | 'backupRequired';

/** Refusals the UI translates (`common:atRest.<code>`). */
export class AtRestError extends Error {
  constructor(readonly code: AtRestErrorCode) {
    super(
      code === 'locked'
        ? 'The data is locked: sign in to read or change it'
        : code === 'wrongKey'
          ? 'This key does not open this data store'
          : 'A backup must be taken before the data is encrypted',
    );
    this.name = code === 'locked' ? 'LockedError' : 'AtRestError';
  }
}
/** A sealed row was read, or a row with fields to seal written, while no data key is set. */
export class LockedError extends AtRestError {
  constructor() {
    super('locked');
  }
}

/**
 * The decrypted people, kept while unlocked: the search, the duplicate checks and the list read
 * them instead of opening 50,000 rows again, and the middleware keeps them in step with every
 * write. `complete` once every stored person is in (setDataKey builds it); a failed transaction
 * or a bulk delete empties it and the next search builds it again.
 */
export interface PeopleCache {
  rows: Map<string, { nonce: Uint8Array; person: Person }>;
  byNameKey: Map<string, Set<string>>;
  complete: boolean;
}

export interface AtRestState {
  cipher: AtRestCipher | null;
  /** While a restore switches the store to a backup's data key (db/dataKey.ts rekeyWithin): the key rows are still sealed with. */
  previous?: AtRestCipher | undefined;
  /** The store carries the encryption marker: plain text is never written again. */
  marked: boolean;
  people: PeopleCache;
  /** Run before an unencrypted store is encrypted, with the data still readable: takes the backup. */
  beforeEncrypting?: (() => Promise<void>) | undefined;
  /** Every person as stored (sealed), read below this layer: needs no key. Set by the people table's layer. */
  readStoredPeople?: ((trans: DBCoreTransaction) => Promise<unknown[]>) | undefined;
  /** Opens stored people straight into the cache (no copies for a caller). */
  openIntoCache?: ((stored: readonly unknown[]) => Promise<void>) | undefined;
  /** The data key as a non-extractable WebCrypto key, for opening many rows at once (unlock). */
  webKey?: CryptoKey | undefined;
  /** Writes to the people table so far: tells whether `prefetch` is still what is stored. */
  peopleWrites: number;
  /** The sealed people read while locked (ciphertext only), so unlocking only has to open them. */
  prefetch?: { writes: number; rows: Promise<unknown[]> } | undefined;
}

const states = new WeakMap<Dexie, AtRestState>();

export function newPeopleCache(): PeopleCache {
  return { rows: new Map(), byNameKey: new Map(), complete: false };
}

export function atRestState(db: Dexie): AtRestState {
  const state = states.get(db);
  if (!state) throw new Error('at-rest: this database was not made by createDb');
  return state;
}

export function initAtRest(db: Dexie): AtRestState {
  const state: AtRestState = { cipher: null, marked: false, people: newPeopleCache(), peopleWrites: 0 };
  states.set(db, state);
  db.use(atRestMiddleware(state));
  return state;
}

/** Reads the marker when the store opens (before any other query runs; `vip` is Dexie's opening handle). */
export async function loadMarker(state: AtRestState, vip: Dexie): Promise<void> {
  state.marked = (await vip.table(AT_REST_STORE).get(ENCRYPTION_MARKER_KEY)) !== undefined;
}

/** Every person as stored (sealed), read below this layer: needs no key. */
export function readStoredPeople(db: Dexie): Promise<unknown[]> {
  const state = atRestState(db);
  return db.transaction('r', db.table('people'), (tx) => state.readStoredPeople!(tx.idbtrans as unknown as DBCoreTransaction));
}

/**
 * While locked (at start, after a lock), reads the people as stored: ciphertext, useless without
 * the key, but then unlocking (behind the passphrase's key derivation) only has to open them.
 * Writes to people in between make it stale, and unlocking reads them again.
 */
export function prefetchStoredPeople(db: Dexie): void {
  const state = atRestState(db);
  if (!state.marked || state.cipher || !state.readStoredPeople) return;
  const rows = readStoredPeople(db);
  rows.catch(() => undefined);
  state.prefetch = { writes: state.peopleWrites, rows };
}

// ------------------------------------------------------------------------------------------
// The people cache

/** Cached people are frozen: whoever is handed one (the list) cannot change the cache by mistake. */
function frozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) frozen(v);
  return Object.freeze(value);
}

function cacheSet(cache: PeopleCache, nonce: Uint8Array, person: Person): void {
  frozen(person);
  const old = cache.rows.get(person.id);
  if (old && old.person.nameKey !== person.nameKey) cache.byNameKey.get(old.person.nameKey)?.delete(person.id);
  cache.rows.set(person.id, { nonce, person });
  let ids = cache.byNameKey.get(person.nameKey);
  if (!ids) cache.byNameKey.set(person.nameKey, (ids = new Set()));
  ids.add(person.id);
}

function cacheDelete(cache: PeopleCache, id: string): void {
  const old = cache.rows.get(id);
  if (!old) return;
  cache.byNameKey.get(old.person.nameKey)?.delete(id);
  cache.rows.delete(id);
}

export function cacheReset(cache: PeopleCache): void {
  cache.rows.clear();
  cache.byNameKey.clear();
  cache.complete = false;
}

function sameNonce(a: Uint8Array, sealed: Uint8Array): boolean {
  for (let i = 0; i < 12; i++) if (a[i] !== sealed[i]) return false;
  return true;
}

// ------------------------------------------------------------------------------------------
// The middleware

const isVersionChange = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';
const isReadOnly = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'readonly';

function atRestMiddleware(state: AtRestState): Middleware<DBCore> {
  // Transactions whose abort must empty the people cache (it was updated as their writes succeeded).
  const watched = new WeakSet<object>();
  const watchAbort = (trans: DBCoreTransaction) => {
    const t = trans as unknown as IDBTransaction;
    if (watched.has(t) || typeof t.addEventListener !== 'function') return;
    watched.add(t);
    t.addEventListener('abort', () => cacheReset(state.people));
  };

  return {
    stack: 'dbcore',
    name: 'AtRest',
    // Outermost: every middleware below (Dexie's cache and observability) sees only stored rows.
    level: 20,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!isSealedTable(name)) return table;
          return atRestTable(table, name, state, watchAbort);
        },
      };
    },
  };
}

/** Opens with the key held, or during a switch of keys with the key the row was sealed with. */
function openWithEither(state: AtRestState, cipher: AtRestCipher, table: string, id: unknown, sealed: Uint8Array): Row {
  try {
    return openSecret(cipher, table, id, sealed);
  } catch (e) {
    if (!(e instanceof AtRestTamperedError) || !state.previous) throw e;
    return openSecret(state.previous, table, id, sealed);
  }
}

function atRestTable(table: DBCoreTable, name: string, state: AtRestState, watchAbort: (t: DBCoreTransaction) => void): DBCoreTable {
  const keyPath = table.schema.primaryKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`at-rest: ${name} needs a single primary key path`);
  const isPeople = name === 'people';

  const seal = (row: Row, trans: DBCoreTransaction): Row => {
    if (!state.cipher) {
      if (!secretPart(name, row)) return row;
      // Plain text only in schema upgrades of a store never encrypted (an installation from before
      // this layer): they run before anyone can sign in, and the first sign-in encrypts it all.
      if (!state.marked && isVersionChange(trans)) return row;
      throw new LockedError();
    }
    return sealRow(state.cipher, name, row[keyPath], row);
  };

  const open = (stored: unknown, trans: DBCoreTransaction): unknown => {
    if (!isSealed(stored)) return stored;
    const cipher = state.cipher;
    if (!cipher) throw new LockedError();
    const id = stored[keyPath];
    const sealed = stored[SEALED_FIELD];
    if (isPeople) {
      const hit = state.people.rows.get(id as string);
      if (hit && sameNonce(hit.nonce, sealed)) return copyJson(hit.person);
    }
    const row = joinRow(stored, openWithEither(state, cipher, name, id, sealed));
    // Only what a committed read saw goes into the cache (a read-write transaction may still fail).
    if (isPeople && isReadOnly(trans)) cacheSet(state.people, sealed.slice(0, 12), copyJson(row) as Person);
    return row;
  };

  if (isPeople) {
    state.readStoredPeople = async (trans) =>
      (
        await table.query({
          trans,
          values: true,
          query: { index: table.schema.primaryKey, range: { type: 3 /* DBCoreRangeType.Any */, lower: undefined, upper: undefined } },
        })
      ).result as unknown[];
    state.openIntoCache = async (rows) => {
      const cipher = state.cipher;
      if (!cipher) throw new LockedError();
      const todo: Array<Row & { [SEALED_FIELD]: Uint8Array }> = [];
      for (const stored of rows) {
        if (!isSealed(stored)) {
          cacheSet(state.people, new Uint8Array(12), copyJson(stored) as Person);
          continue;
        }
        const hit = state.people.rows.get(stored[keyPath] as string);
        if (!hit || !sameNonce(hit.nonce, stored[SEALED_FIELD])) todo.push(stored);
      }
      const webKey = state.webKey;
      if (!webKey) {
        for (const s of todo) cacheSet(state.people, s[SEALED_FIELD].slice(0, 12), joinRow(s, openSecret(cipher, name, s[keyPath], s[SEALED_FIELD])) as Person);
        return;
      }
      // Unlock opens every person: WebCrypto's AES-GCM (native, on the browser's own threads) is
      // faster for a batch than the synchronous cipher, and the output is the same standard GCM.
      const decoder = new TextDecoder('utf-8', { fatal: true });
      for (let i = 0; i < todo.length; i += 4096) {
        const chunk = todo.slice(i, i + 4096);
        const plain = await Promise.all(
          chunk.map((s) => {
            const sealed = s[SEALED_FIELD];
            const params = {
              name: 'AES-GCM',
              iv: sealed.subarray(0, AT_REST_NONCE_BYTES) as Uint8Array<ArrayBuffer>,
              additionalData: rowAad(name, s[keyPath]) as Uint8Array<ArrayBuffer>,
            };
            return crypto.subtle.decrypt(params, webKey, sealed.subarray(AT_REST_NONCE_BYTES) as Uint8Array<ArrayBuffer>).then(
              (b) => b,
              () => null,
            );
          }),
        );
        if (state.cipher !== cipher) throw new LockedError(); // locked meanwhile
        chunk.forEach((s, j) => {
          const bytes = plain[j];
          if (!bytes) throw new AtRestTamperedError();
          cacheSet(state.people, s[SEALED_FIELD].slice(0, 12), joinRow(s, JSON.parse(decoder.decode(bytes)) as Row) as Person);
        });
      }
    };
  }

  const wrapCursor = (cursor: DBCoreCursor, trans: DBCoreTransaction): DBCoreCursor => {
    let lastStored: unknown = undefined;
    let lastOpened: unknown = undefined;
    // IDBCursor's own getters need the real cursor as `this`: forward them (as Dexie's virtual index does).
    return Object.create(cursor, {
      key: { get: () => cursor.key },
      primaryKey: { get: () => cursor.primaryKey },
      value: {
        get: () => {
          const stored: unknown = cursor.value;
          if (stored !== lastStored || lastOpened === undefined) {
            lastStored = stored;
            lastOpened = open(stored, trans);
          }
          return lastOpened;
        },
      },
    }) as DBCoreCursor;
  };

  // Promise chains, not async functions: Dexie follows its transaction across `.then` of the
  // layer below (as its own middlewares do); extra native awaits here made transactions commit early.
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') {
        let values: Row[];
        try {
          values = (req.values as Row[]).map((v) => seal(v, req.trans));
        } catch (e) {
          return Promise.reject(e);
        }
        // Dexie's change descriptions carry plain values; nothing below this layer needs them.
        const { changeSpec: _c, updates: _u, ...rest } = req as DBCoreMutateRequest & { changeSpec?: unknown; updates?: unknown };
        return table.mutate({ ...rest, values } as DBCoreMutateRequest).then((res) => {
          if (isPeople) state.peopleWrites++;
          if (isPeople && state.cipher) {
            watchAbort(req.trans);
            values.forEach((stored, i) => {
              if (res.failures[i]) return;
              const sealed = stored[SEALED_FIELD];
              if (sealed instanceof Uint8Array) cacheSet(state.people, sealed.slice(0, 12), copyJson(req.values[i]) as Person);
            });
          }
          return res;
        });
      }
      return table.mutate(req).then((res) => {
        if (isPeople) {
          state.peopleWrites++;
          if (req.type === 'delete') req.keys.forEach((k) => cacheDelete(state.people, k as string));
          else cacheReset(state.people);
        }
        return res;
      });
    },
    get: (req) => table.get(req).then((r) => open(r, req.trans)),
    getMany: (req) => table.getMany(req).then((rows) => rows.map((r) => open(r, req.trans))),
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map((r) => open(r, req.trans)) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (cursor && req.values !== false ? wrapCursor(cursor, req.trans) : cursor)),
  };
}

// ------------------------------------------------------------------------------------------
// For `npm run bench` (src/renderer/src/bench/hooks.ts), which seeds straight into IndexedDB and
// measures against raw reads: the rows as this layer stores them, and stored rows opened without
// the cache (the reference "raw getAll + decrypt").

export function sealedForStore(db: Dexie, table: string, rows: readonly Row[]): Row[] {
  const { cipher } = atRestState(db);
  const keyPath = db.table(table).schema.primKey.keyPath as string;
  if (!cipher || !isSealedTable(table)) return [...rows];
  return rows.map((r) => sealRow(cipher, table, r[keyPath], r));
}

export function openedFromStore(db: Dexie, table: string, stored: readonly unknown[]): unknown[] {
  const { cipher } = atRestState(db);
  const keyPath = db.table(table).schema.primKey.keyPath as string;
  return stored.map((s) => {
    if (!isSealed(s)) return s;
    if (!cipher) throw new LockedError();
    return joinRow(s, openSecret(cipher, table, s[keyPath], s[SEALED_FIELD]));
  });
}
