import { computeIndicators, type Indicators } from '../indicators/compute';
import type { Dataset } from '../indicators/dataset';
import { protectIndicators } from '../indicators/protectIndicators';
import type { CellState } from '../indicators/suppression';
import type { IndicatorsFile } from './format';

/** The default threshold of a bundle's indicators when the writer does not say (Settings' default). */
export const DEFAULT_BUNDLE_THRESHOLD = 5;

/**
 * A count shown only as a range a threshold wide: 0 as 0, 1..t−1 as [1, t−1], otherwise the
 * multiple of t below it up to the next. One more or one fewer person rarely moves it, and it
 * never says more than "about so many".
 */
export function countRange(n: number, threshold: number): { from: number; to: number } {
  if (n <= 0) return { from: 0, to: 0 };
  const t = Math.max(1, threshold);
  if (n < t) return { from: 1, to: t - 1 };
  const from = Math.floor(n / t) * t;
  return { from, to: from + t - 1 };
}

/**
 * indicators.json of a bundle (format version 2). The figures count only the records that may
 * leave (`dataset` is the partner's own data after consentScope: people without consent to
 * share, and everything of theirs, are not in it), so subtracting the rows a bundle carries from
 * its figures leaves nobody. They are small-cell suppressed with the one routine of every report:
 * a hidden figure is null and `hidden` says why. People without consent travel only as a count
 * range, never broken down.
 */
export function bundleIndicatorsFile(
  dataset: Dataset,
  opts: { asOf: string; threshold?: number; withheldPeople: number; appVersion?: string },
): IndicatorsFile {
  const threshold = opts.threshold ?? DEFAULT_BUNDLE_THRESHOLD;
  const indicators = computeIndicators(dataset, {}, opts.asOf, { drilldown: false }).indicators;
  const protection = protectIndicators(indicators, threshold, { byMonth: true });
  const hidden: Record<string, Exclude<CellState, 'shown'>> = {};
  for (const [id, state] of protection.state) if (state !== 'shown') hidden[id] = state;
  return {
    ...(opts.appVersion !== undefined ? { appVersion: opts.appVersion } : {}),
    asOf: opts.asOf,
    threshold,
    hidden,
    withheld: countRange(opts.withheldPeople, threshold),
    indicators: withHiddenNull(indicators, hidden) as IndicatorsFile['indicators'],
  };
}

/** The indicators with every hidden figure replaced by null (cell paths as in protectIndicators.ts). */
function withHiddenNull(i: Indicators, hidden: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out = JSON.parse(JSON.stringify(i)) as Record<string, Record<string, unknown>>;
  for (const id of Object.keys(hidden)) {
    const [section, field, ...rest] = id.split('.');
    const group = out[section!]!;
    if (rest.length === 0) {
      group[field!] = null;
      continue;
    }
    // Breakdown keys may contain dots (a municipality "Sv. Nedelja"): the key is the rest.
    const key = rest.join('.');
    const cell = (group[field!] as Array<{ key: string; count: number | null }>).find((c) => c.key === key);
    if (cell) cell.count = null;
  }
  if (hidden['reach.byGender.woman']) out.reach!.women = null;
  return out;
}
