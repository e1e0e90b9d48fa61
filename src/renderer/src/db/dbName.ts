import { DEFAULT_DB_NAME } from './db';

/**
 * Which IndexedDB database holds the data. Normally `mreza`; after a restore from the screen for
 * data that will not open, a new database holds the restored copy and the one that did not open
 * is left as it was (nothing deleted: a newer Mreža, or whoever supports the NGO, may still read
 * it). The choice is kept in localStorage, beside the database, not in it: it must be readable
 * when the database is not.
 */
const STORAGE_KEY = 'mreza.databaseName';
const RESTORED_PREFIX = 'mreza-restored-';

type NameStorage = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): NameStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked: the default database
  }
}

/** The database the app opens at start. */
export function activeDbName(storage: NameStorage | undefined = browserStorage()): string {
  const name = storage?.getItem(STORAGE_KEY);
  return name && (name === DEFAULT_DB_NAME || name.startsWith(RESTORED_PREFIX)) ? name : DEFAULT_DB_NAME;
}

/** From the next start on, the app opens `name`. */
export function rememberDbName(name: string, storage: NameStorage | undefined = browserStorage()): void {
  if (!storage) throw new Error('no storage for the database name');
  storage.setItem(STORAGE_KEY, name);
}

/** A name no database of this app has had: the restored copy's. */
export function freshDbName(now = new Date()): string {
  return `${RESTORED_PREFIX}${now.getTime()}-${crypto.randomUUID().slice(0, 8)}`;
}
