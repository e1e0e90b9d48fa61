import type { MrezaDb } from './db';

/**
 * The seam between sign-in and encryption at rest: sign-in hands the unwrapped data key here and
 * locking drops it; the encryption layer of db/ is the only reader. Keyed by database so tests can
 * hold several stores at once.
 */
const keys = new WeakMap<MrezaDb, Uint8Array>();

export async function setDataKey(db: MrezaDb, key: Uint8Array): Promise<void> {
  keys.set(db, key);
}

export function dropDataKey(db: MrezaDb): void {
  keys.delete(db);
}

export function getDataKey(db: MrezaDb): Uint8Array | undefined {
  return keys.get(db);
}
