import { municipalityKey } from '../gazetteer';
import { personNameKey } from './nameKey';

export interface DuplicateFields {
  firstName: string;
  lastName: string;
  birthYear?: number | undefined;
  municipality?: string | undefined;
}

/**
 * Two records are the same person when their folded names (diacritics and script ignored, so
 * "Ana Petrović" = "Ана Петровић" = "ana petrovic"), birth years and municipalities (by
 * municipalityKey, as the cross-partner key compares them: "Grad Zagreb" = "Zagreb") agree. First
 * and last name may be swapped ("Petrović Ana"). A missing birth year or municipality on either
 * side does not prevent a match.
 */
export function isSamePerson(a: DuplicateFields, b: DuplicateFields): boolean {
  const ka = personNameKey(a);
  const kb = personNameKey(b);
  const swapped = personNameKey({ firstName: b.lastName, lastName: b.firstName });
  if (ka !== kb && ka !== swapped) return false;
  if (a.birthYear !== undefined && b.birthYear !== undefined && a.birthYear !== b.birthYear) return false;
  const ma = municipalityKey(a.municipality);
  const mb = municipalityKey(b.municipality);
  return !ma || !mb || ma === mb;
}

/** The name keys under which a duplicate may be stored (as typed and with the names swapped). */
export function candidateNameKeys(p: Pick<DuplicateFields, 'firstName' | 'lastName'>): string[] {
  return [...new Set([personNameKey(p), personNameKey({ firstName: p.lastName, lastName: p.firstName })])];
}

/** Groups rows that are the same person (within one file): returns, per index, the first index it duplicates. */
export function duplicatesWithin<T extends DuplicateFields>(rows: readonly T[]): Map<number, number> {
  const byKey = new Map<string, number[]>();
  const out = new Map<number, number>();
  rows.forEach((r, i) => {
    const key = [...candidateNameKeys(r)].sort()[0] as string;
    const earlier = byKey.get(key) ?? [];
    const match = earlier.find((j) => isSamePerson(rows[j] as T, r));
    if (match !== undefined) out.set(i, match);
    earlier.push(i);
    byKey.set(key, earlier);
  });
  return out;
}
