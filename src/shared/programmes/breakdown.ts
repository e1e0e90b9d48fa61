import { municipalityGrouper } from '../gazetteer';
import type { Person } from '../model';

export interface Breakdown {
  total: number;
  gender: Record<string, number>;
  country: Record<string, number>;
  institutionType: Record<string, number>;
  municipality: Record<string, number>;
}

const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

/** Unique people by gender (women, men, other/not stated), country, institution type and municipality. */
export function breakdown(people: Array<Pick<Person, 'id' | 'gender' | 'country' | 'institutionType' | 'municipality'>>): Breakdown {
  const seen = new Set<string>();
  const placeOf = municipalityGrouper();
  const out: Breakdown = { total: 0, gender: { woman: 0, man: 0, otherOrNotStated: 0 }, country: {}, institutionType: {}, municipality: {} };
  for (const p of people) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.total++;
    bump(out.gender, p.gender === 'woman' || p.gender === 'man' ? p.gender : 'otherOrNotStated');
    bump(out.country, p.country ?? 'unknown');
    bump(out.institutionType, p.institutionType ?? 'unknown');
    bump(out.municipality, placeOf(p.municipality, p.country) ?? 'unknown');
  }
  return out;
}

/** Entries sorted by count, largest first, then by key. */
export const sortedEntries = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
