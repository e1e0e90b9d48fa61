import type { Person } from '@shared/model';
import { copyJson } from '@shared/crypto/sealRow';
import { atRestState, type PeopleCache } from './atRest';
import { fillPeopleCache } from './dataKey';
import type { MrezaDb } from './db';

/**
 * The decrypted people (db/atRest.ts keeps them while unlocked) for what used to read the
 * identifying indexes schema v7 dropped: search, duplicate checks, the municipality list.
 * Reading through here also subscribes a live query to the people table (a count, which reads
 * no rows), so a search on screen follows every change.
 */
export async function peopleCache(db: MrezaDb): Promise<PeopleCache> {
  await db.people.count();
  const state = atRestState(db);
  // A store never encrypted has no key and keeps no cache: the people as read.
  if (!state.cipher) return cacheOf(await db.people.toArray());
  // After a failed transaction or a bulk delete: read them all again.
  if (!state.people.complete) await fillPeopleCache(db);
  if (!state.people.complete) return cacheOf(await db.people.toArray()); // a damaged row: fail where it is read
  return state.people;
}

/** A cache built from rows read (a store never encrypted keeps no cache: it has no key). */
function cacheOf(people: Person[]): PeopleCache {
  const cache: PeopleCache = { rows: new Map(), byNameKey: new Map(), complete: true };
  for (const p of people) {
    cache.rows.set(p.id, { nonce: new Uint8Array(12), person: p });
    let ids = cache.byNameKey.get(p.nameKey);
    if (!ids) cache.byNameKey.set(p.nameKey, (ids = new Set()));
    ids.add(p.id);
  }
  return cache;
}

/** Copies out (the cache's own objects never leave it). */
export function copyPeople(people: Iterable<Person>): Person[] {
  return [...people].map((p) => copyJson(p));
}
