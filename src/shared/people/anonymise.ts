import type { Person } from '../model';

/** Five-year band: 1984 → 1980, 1987 → 1985; what statistics need and no more. */
export function birthYearBand(year: number | undefined): number | undefined {
  return year === undefined ? undefined : year - (year % 5);
}

export const ANONYMOUS_NAME = '—';

/**
 * The statistical shadow of a person: kind, gender, birth-year band, municipality, country,
 * employment and education stay; names, contacts, institution, job title and notes go; target
 * groups stay only while a consent covers special-category data.
 */
export function anonymisedPerson(p: Person, specialConsent: boolean, now: string): Person {
  return {
    id: p.id,
    orgId: p.orgId,
    createdAt: p.createdAt,
    updatedAt: now,
    kind: p.kind,
    firstName: ANONYMOUS_NAME,
    lastName: ANONYMOUS_NAME,
    gender: p.gender,
    ...(p.birthYear !== undefined ? { birthYear: birthYearBand(p.birthYear) } : {}),
    ...(p.municipality ? { municipality: p.municipality } : {}),
    ...(p.country ? { country: p.country } : {}),
    ...(p.employmentStatus ? { employmentStatus: p.employmentStatus } : {}),
    ...(p.educationLevel ? { educationLevel: p.educationLevel } : {}),
    ...(p.institutionType ? { institutionType: p.institutionType } : {}),
    targetGroups: specialConsent ? p.targetGroups : [],
    nameKey: '',
    anonymised: true,
  };
}
