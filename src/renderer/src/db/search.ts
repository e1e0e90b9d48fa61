import { foldForSearch } from '@shared/i18n/transliterate';
import type { MrezaDb } from './db';

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
export async function searchEverything(db: MrezaDb, query: string, limit = 8): Promise<SearchHit[]> {
  const q = foldForSearch(query).trim();
  if (q.length < 2) return [];
  const words = q.split(/\s+/);
  const people = await db.people
    .filter((p) => words.every((w) => p.nameKey.includes(w)))
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
export async function searchPeople(db: MrezaDb, query: string, opts: { kind?: 'beneficiary' | 'professional'; limit?: number } = {}) {
  const words = foldForSearch(query).trim().split(/\s+/).filter(Boolean);
  return db.people
    .orderBy('lastName')
    .filter((p) => !p.anonymised && (!opts.kind || p.kind === opts.kind) && words.every((w) => p.nameKey.includes(w)))
    .limit(opts.limit ?? 50)
    .toArray();
}
