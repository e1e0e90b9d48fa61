import { collatorFor } from '../i18n/collation';
import type { Locale } from '../i18n/locales';
import { municipalityKey } from '../gazetteer';
import { foldForSearch } from '../i18n/transliterate';
import type { Person } from '../model';

export interface PeopleFilter {
  query?: string;
  kind?: Person['kind'];
  gender?: Person['gender'];
  municipality?: string;
  targetGroup?: Person['targetGroups'][number];
  /** Only these people (e.g. enrolled in a programme); undefined means no restriction. */
  ids?: ReadonlySet<string>;
  /** Only people with (true) or without (false) a recorded outcome, given their ids. */
  hasOutcome?: boolean;
  outcomeIds?: ReadonlySet<string>;
}

export type PeopleSortKey = 'name' | 'kind' | 'gender' | 'municipality' | 'birthYear' | 'updatedAt';
export interface PeopleSort {
  key: PeopleSortKey;
  desc?: boolean;
}

/** The query as folded words: "Ćesar  ana" → ["cesar", "ana"]; Cyrillic folds to Latin. */
export function queryWords(query: string | undefined): string[] {
  return foldForSearch(query ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/** The predicate the list applies; every word of the query must appear in the folded name. */
export function peopleMatcher(f: PeopleFilter): (p: Person) => boolean {
  const words = queryWords(f.query);
  const municipality = f.municipality ? municipalityKey(f.municipality) : '';
  return (p) =>
    (!f.kind || p.kind === f.kind) &&
    (!f.gender || p.gender === f.gender) &&
    (!municipality || municipalityKey(p.municipality) === municipality) &&
    (!f.targetGroup || p.targetGroups.includes(f.targetGroup)) &&
    (!f.ids || f.ids.has(p.id)) &&
    (f.hasOutcome === undefined || !f.outcomeIds || f.outcomeIds.has(p.id) === f.hasOutcome) &&
    words.every((w) => p.nameKey.includes(w));
}

/** Names and places in the UI language's alphabetical order (i18n/collation.ts). */
export function comparePeople(sort: PeopleSort, locale: Locale | string = 'hr'): (a: Person, b: Person) => number {
  const collator = collatorFor(locale);
  const dir = sort.desc ? -1 : 1;
  const by = (a: Person, b: Person): number => {
    switch (sort.key) {
      case 'name':
        return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
      case 'kind':
        return a.kind.localeCompare(b.kind);
      case 'gender':
        return a.gender.localeCompare(b.gender);
      case 'municipality':
        return collator.compare(a.municipality ?? '', b.municipality ?? '');
      case 'birthYear':
        return (a.birthYear ?? 0) - (b.birthYear ?? 0);
      case 'updatedAt':
        return a.updatedAt.localeCompare(b.updatedAt);
    }
  };
  return (a, b) => dir * by(a, b) || byId(a, b);
}

/** Ties by id in code-unit order: ids are opaque, and a locale's collation would only cost time. */
function byId(a: Person, b: Person): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The list sorted as `comparePeople` orders it, fast enough for unlock with 50,000 people (#15):
 * each distinct name or place is ranked once with the collator (a few thousand comparisons of
 * texts instead of ~800,000), then people are sorted by those ranks. Returns a new array.
 */
export function sortPeople(people: readonly Person[], sort: PeopleSort, locale: Locale | string = 'hr'): Person[] {
  if (sort.key !== 'name' && sort.key !== 'municipality') return [...people].sort(comparePeople(sort, locale));
  const rank = textRanks(
    people.flatMap((p) => (sort.key === 'name' ? [p.lastName, p.firstName] : [p.municipality ?? ''])),
    locale,
  );
  const dir = sort.desc ? -1 : 1;
  const keyed = people.map((p) =>
    sort.key === 'name' ? { p, first: rank.get(p.lastName)!, second: rank.get(p.firstName)! } : { p, first: rank.get(p.municipality ?? '')!, second: 0 },
  );
  keyed.sort((a, b) => dir * (a.first - b.first || a.second - b.second) || byId(a.p, b.p));
  return keyed.map((k) => k.p);
}

/** Each distinct text's place in the collation; texts the collator holds equal share a rank. */
function textRanks(texts: readonly string[], locale: Locale | string): Map<string, number> {
  const collator = collatorFor(locale);
  const distinct = [...new Set(texts)].sort(collator.compare);
  const rank = new Map<string, number>();
  distinct.forEach((t, i) => rank.set(t, i > 0 && collator.compare(distinct[i - 1]!, t) === 0 ? rank.get(distinct[i - 1]!)! : i));
  return rank;
}

/** The export columns: the list as the user filtered it, without special-category data unless asked. */
export const EXPORT_COLUMNS = [
  'lastName',
  'firstName',
  'kind',
  'gender',
  'birthYear',
  'municipality',
  'country',
  'phone',
  'email',
  'employmentStatus',
  'educationLevel',
  'institution',
  'jobTitle',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export function exportRows(
  people: readonly Person[],
  header: (c: ExportColumn) => string,
  value: (c: ExportColumn, p: Person) => string | number | undefined,
): Array<Array<string | number | undefined>> {
  return [EXPORT_COLUMNS.map(header), ...people.map((p) => EXPORT_COLUMNS.map((c) => value(c, p)))];
}
