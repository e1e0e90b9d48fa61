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
  return (a, b) => dir * by(a, b) || a.id.localeCompare(b.id);
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
