import { foldForSearch } from '@shared/i18n/transliterate';
import { can } from '@shared/auth/permissions';
import { matchesCandidateFilter, type CandidateFilter } from '@shared/programmes/candidates';
import type { Locale } from '@shared/i18n/locales';
import type { Person } from '@shared/model';
import { sortPeople } from '@shared/people/list';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { readablePeople } from './permissions';
import { copyPeople, peopleCache } from './peopleCache';

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
export async function searchEverything(db: MrezaDb, actor: Actor, query: string, limit = 8, locale: Locale | string = 'hr'): Promise<SearchHit[]> {
  const q = foldForSearch(query).trim();
  if (q.length < 2) return [];
  const words = q.split(/\s+/);
  // People only for who may read them (a mentor: her mentees), by name in the UI language's order; programmes for everyone.
  const allowed = can(actor.role, 'readPeople') ? await readablePeople(db, actor) : new Set<string>();
  const found = [...(await peopleCache(db)).rows.values()]
    .map((e) => e.person)
    .filter((p) => (!allowed || allowed.has(p.id)) && words.every((w) => p.nameKey.includes(w)));
  const people = copyPeople(sortPeople(found, { key: 'name' }, locale).slice(0, limit));
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

/** People whose folded name contains every word of the query, for pickers; by name in the UI language's alphabetical order. */
export async function searchPeople(
  db: MrezaDb,
  actor: Actor,
  query: string,
  opts: { kind?: 'beneficiary' | 'professional'; limit?: number; where?: (p: Person) => boolean; locale?: Locale | string } = {},
) {
  const allowed = await readablePeople(db, actor);
  const words = foldForSearch(query).trim().split(/\s+/).filter(Boolean);
  const found = [...(await peopleCache(db)).rows.values()]
    .map((e) => e.person)
    .filter(
      (p) =>
        (!allowed || allowed.has(p.id)) &&
        !p.anonymised &&
        (!opts.kind || p.kind === opts.kind) &&
        (!opts.where || opts.where(p)) &&
        words.every((w) => p.nameKey.includes(w)),
    );
  // The people list's one sort (i18n/collation.ts): "Čačić" before "Ćosić" before "Dukić", Cyrillic in azbuka order.
  return copyPeople(sortPeople(found, { key: 'name' }, opts.locale ?? 'hr').slice(0, opts.limit ?? 50));
}

/** Who can be enrolled in an event, by name, kind (participant, mentor, professional) and target group. */
export async function enrolmentCandidates(db: MrezaDb, actor: Actor, query: string, filter: CandidateFilter, limit = 300, locale: Locale | string = 'hr') {
  // Mentors by the plain personId index: no row needs decrypting to know who is one.
  const mentorPersonIds = new Set((await db.mentors.orderBy('personId').keys()).map(String));
  return searchPeople(db, actor, query, { limit, locale, where: (p) => matchesCandidateFilter(p, filter, mentorPersonIds) });
}
