import type { Person } from '@shared/model';
import { copyJson } from '@shared/crypto/sealRow';
import { atRestState, type PeopleCache } from './atRest';
import type { MrezaDb } from './db';

/**
 * The decrypted people (db/atRest.ts keeps them while unlocked) for what used to read the
 * identifying indexes schema v6 dropped: search, duplicate checks, the municipality list.
 * Reading through here also subscribes a live query to the people table (a count, which reads
 * no rows), so a search on screen follows every change.
 */
export async function peopleCache(db: MrezaDb): Promise<PeopleCache> {
  await db.people.count();
  const cache = atRestState(db).people;
  if (!cache.complete) {
    // After a failed transaction, a bulk delete, or in a store never encrypted: read them all.
    // (Inside a read-write transaction the rows read do not enter the cache: use them as read.)
    const all = await db.people.toArray();
    if (!atRestState(db).cipher || cache.rows.size !== all.length) return cacheOf(all);
    cache.complete = true;
  }
  return cache;
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
