import { collatorFor } from '../i18n/collation';
import { canonicalMunicipality, municipalityKey } from '../gazetteer';
import { foldForSearch } from '../i18n/transliterate';
import { organisationDraftSchema, type Organisation, type OrganisationDraft, type OrganisationDraftInput, type Outcome } from '../model';

/**
 * The register of organisations a project works with (employers, SMEs, public institutions, NGOs):
 * every organisation row that is neither this installation's own nor a project partner.
 */
export function isRegistered(o: Pick<Organisation, 'isSelf' | 'role'>): boolean {
  return !o.isSelf && o.role === 'other';
}

/** The outcome kinds that are a job with an employer, and so may name it ("employed at"). */
export const EMPLOYER_OUTCOME_KINDS = ['employed'] as const;

export function takesEmployer(kind: string | undefined): boolean {
  return (EMPLOYER_OUTCOME_KINDS as readonly (string | undefined)[]).includes(kind);
}

/** Why an outcome of this kind cannot name this employer, or null. */
export function employerProblem(
  kind: string | undefined,
  employerId: string | undefined,
  employer: Pick<Organisation, 'isSelf' | 'role'> | undefined,
): 'employerNotForKind' | 'employerNotFound' | null {
  if (employerId === undefined) return null;
  if (!takesEmployer(kind)) return 'employerNotForKind';
  if (!employer || !isRegistered(employer)) return 'employerNotFound';
  return null;
}

/**
 * A form's or a row's draft, checked with the one schema and with its municipality in the
 * gazetteer's canonical form (the country from it when none was chosen).
 */
export function parseOrganisationDraft(input: OrganisationDraftInput): ReturnType<typeof organisationDraftSchema.safeParse> {
  const parsed = organisationDraftSchema.safeParse(input);
  if (!parsed.success) return parsed;
  const town = canonicalMunicipality(parsed.data.town, parsed.data.country === 'other' ? undefined : parsed.data.country) ?? parsed.data.town;
  return { ...parsed, data: { ...parsed.data, town } };
}

/** The key two entries of the register are "the same organisation" by: folded name and municipality. */
export function organisationKey(o: Pick<OrganisationDraft, 'name' | 'town'>): string {
  return `${foldForSearch(o.name)
    .replace(/[.,"'„“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}|${municipalityKey(o.town)}`;
}

export interface RegisterFilter {
  query?: string;
  kind?: string | null;
  /** A municipality's key (municipalityKey), as the filter offers them. */
  municipality?: string | null;
}

/** Entries that match the search (name, sector, contact, municipality; any script, no diacritics) and filters, sorted by name in the locale's order. */
export function filterRegister<T extends Pick<Organisation, 'name' | 'kind' | 'town' | 'sector' | 'contactPerson'>>(
  rows: readonly T[],
  filter: RegisterFilter,
  locale?: string,
): T[] {
  const words = foldForSearch(filter.query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const collator = collatorFor(locale ?? 'hr');
  return rows
    .filter((o) => !filter.kind || o.kind === filter.kind)
    .filter((o) => !filter.municipality || municipalityKey(o.town) === filter.municipality)
    .filter((o) => {
      if (!words.length) return true;
      const text = foldForSearch([o.name, o.sector, o.contactPerson, o.town].filter(Boolean).join(' '));
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The municipalities the register's entries are in, once each (by key), for the filter. */
export function registerMunicipalities(rows: readonly Pick<Organisation, 'town'>[]): Array<{ key: string; name: string }> {
  const seen = new Map<string, string>();
  for (const o of rows) {
    const key = municipalityKey(o.town);
    if (key && !seen.has(key)) seen.set(key, o.town);
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}

/** People placed with each employer: unique people whose job outcome names it ("employed at"). */
export function placedByEmployer(outcomes: readonly Pick<Outcome, 'personId' | 'kind' | 'employerId'>[]): Map<string, Set<string>> {
  const placed = new Map<string, Set<string>>();
  for (const o of outcomes) {
    if (!o.employerId || !takesEmployer(o.kind)) continue;
    let people = placed.get(o.employerId);
    if (!people) placed.set(o.employerId, (people = new Set()));
    people.add(o.personId);
  }
  return placed;
}
