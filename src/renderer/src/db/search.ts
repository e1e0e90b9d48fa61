import { foldForSearch } from '@shared/i18n/transliterate';
import { can } from '@shared/auth/permissions';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { readablePeople } from './permissions';

export interface SearchHit {
  kind: 'person' | 'programme';
  id: string;
  label: string;
  detail?: string;
}

/**
 * The header's search: people by name (diacritics- and script-insensitive, so "cesar" finds
 * "Česar" and "petrovic" finds "Петровић") and programmes by title. Stops at `limit` hits.
 */
export async function searchEverything(db: MrezaDb, actor: Actor, query: string, limit = 8): Promise<SearchHit[]> {
  const q = foldForSearch(query).trim();
  if (q.length < 2) return [];
  const words = q.split(/\s+/);
  // People only for who may read them (a mentor: her mentees); programmes for everyone.
  const allowed = can(actor.role, 'readPeople') ? await readablePeople(db, actor) : new Set<string>();
  const people = await db.people
    .filter((p) => (!allowed || allowed.has(p.id)) && words.every((w) => p.nameKey.includes(w)))
    .limit(limit)
    .toArray();
  const hits: SearchHit[] = people.map((p) => ({ kind: 'person', id: p.id, label: `${p.firstName} ${p.lastName}`, detail: p.municipality }));
  if (hits.length < limit) {
    const programmes = await db.programmes
      .filter((p) => words.every((w) => foldForSearch(p.title).includes(w)))
      .limit(limit - hits.length)
      .toArray();
    hits.push(...programmes.map((p): SearchHit => ({ kind: 'programme', id: p.id, label: p.title })));
  }
  return hits;
}

/** People whose folded name contains every word of the query, for pickers; by last name. */
export async function searchPeople(db: MrezaDb, actor: Actor, query: string, opts: { kind?: 'beneficiary' | 'professional'; limit?: number } = {}) {
  const allowed = await readablePeople(db, actor);
  const words = foldForSearch(query).trim().split(/\s+/).filter(Boolean);
  return db.people
    .orderBy('lastName')
    .filter((p) => (!allowed || allowed.has(p.id)) && !p.anonymised && (!opts.kind || p.kind === opts.kind) && words.every((w) => p.nameKey.includes(w)))
    .limit(opts.limit ?? 50)
    .toArray();
}
