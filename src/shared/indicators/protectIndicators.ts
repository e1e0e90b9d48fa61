import type { Breakdown, Indicators } from './compute';
import { protect, relationOf, type CellState, type Protection, type ProtectionModel, type Relation } from './suppression';

/**
 * The indicators as a suppression model (suppression.ts): every count of people is a cell named
 * by its path ("reach.byGender.woman"), with the relations a reader of the report knows. The
 * summary's "women" is the same cell as the gender table's "woman", and every exclusive
 * breakdown's total row is "reach.total", so one figure is never hidden in one place and shown
 * in another.
 */

/** Breakdowns of everyone reached (each sums to, covers or is part of reach.total). */
const REACH_BREAKDOWNS = ['byGender', 'byAgeBand', 'byMunicipality', 'byCountry', 'byTargetGroup', 'byPartner'] as const;

/** The path of a breakdown's cell. */
export function cellPath(prefix: string, key: string): string {
  return `${prefix}.${key}`;
}

/** Headline ids that are another cell under a second name. */
const ALIASES: Record<string, string> = { 'reach.women': 'reach.byGender.woman' };
export const cellId = (id: string): string => ALIASES[id] ?? id;

/** Headline counts of people that are protected (not counts of sessions, hours or shares). */
export const PROTECTED_HEADLINE = [
  'reach.total',
  'reach.beneficiaries',
  'reach.professionals',
  'reach.women',
  'training.participants',
  'training.completions',
  'training.certificates',
  'outcomes.smesSupported',
  'outcomes.placedWithEmployers',
  'referrals.made',
  'referrals.accepted',
  'referrals.completed',
];

export function indicatorModel(i: Indicators, opts: { byMonth?: boolean } = {}): ProtectionModel {
  const cells = new Map<string, number>();
  const relations: Relation[] = [];
  const add = (id: string, value: number) => cells.set(id, value);
  const breakdown = (prefix: string, data: Breakdown) => {
    for (const c of data) add(cellPath(prefix, c.key), c.count);
    return data.map((c) => cellPath(prefix, c.key));
  };
  const relate = (total: string, parts: string[]) => {
    const r = parts.length ? relationOf(total, parts, cells) : null;
    if (r) relations.push(r);
  };

  add('reach.total', i.reach.total);
  add('reach.beneficiaries', i.reach.beneficiaries);
  add('reach.professionals', i.reach.professionals);
  relate('reach.total', ['reach.beneficiaries', 'reach.professionals']);
  for (const b of REACH_BREAKDOWNS) relate('reach.total', breakdown(`reach.${b}`, i.reach[b]));
  if (opts.byMonth) relate('reach.total', breakdown('reach.byMonth', i.reach.byMonth));
  add('training.participants', i.training.participants);
  relate('reach.total', ['training.participants']);
  // Only training reaches people through a programme.
  relate('training.participants', breakdown('reach.byProgramme', i.reach.byProgramme));
  relate('reach.total', breakdown('mentoring.servicesByPeople', i.mentoring.servicesByPeople));
  // Counted among people in scope rather than people reached, and sessions: no relation we report.
  breakdown('mentoring.servicesBySessions', i.mentoring.servicesBySessions);
  breakdown('outcomes.byKind', i.outcomes.byKind);
  add('training.completions', i.training.completions);
  add('training.certificates', i.training.certificates);
  add('outcomes.smesSupported', i.outcomes.smesSupported);
  // People placed are a count of people; the jobs SMEs opened count jobs, like sessions (not protected).
  add('outcomes.placedWithEmployers', i.outcomes.placedWithEmployers ?? 0);
  // Referrals: each count is the sum of its kinds (a referral has one kind). Counts of referrals,
  // but few referrals to legal aid in a small town point at a person as surely as few people do.
  if (i.referrals)
    for (const step of ['made', 'accepted', 'completed'] as const) {
      add(`referrals.${step}`, i.referrals[step]);
      relate(`referrals.${step}`, breakdown(`referrals.${step}ByKind`, i.referrals[`${step}ByKind`]));
    }
  return { cells, relations, ratios: [{ id: 'reach.womenShare', numerator: 'reach.byGender.woman', denominator: 'reach.total' }] };
}

/** The indicators' protection at `threshold` (see suppression.ts). */
export function protectIndicators(i: Indicators, threshold: number, opts: { byMonth?: boolean } = {}): Protection {
  return protect(indicatorModel(i, opts), threshold);
}

/** A figure's state, by indicator path or headline id; figures that are not protected are shown. */
export function stateOf(p: Protection, id: string): CellState {
  return p.state.get(cellId(id)) ?? 'shown';
}
