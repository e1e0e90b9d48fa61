import type { Target } from '../model';
import type { Indicators } from './compute';
import { headline } from './report';

export interface TargetProgress {
  target: Target;
  /** The indicator's value now (a percentage for shares); null when it cannot be computed yet. */
  actual: number | null;
  /** actual ÷ target, 0 when unknown; above 1 when the target is exceeded. */
  ratio: number;
}

/** The targets that apply to what is shown: the programme's own, or the project's when no programme is chosen. */
export function applicableTargets(targets: readonly Target[], programmeId: string | undefined): Target[] {
  return targets.filter((t) => (t.programmeId ?? undefined) === programmeId);
}

export function targetProgress(indicators: Indicators, targets: readonly Target[]): TargetProgress[] {
  const values = new Map(headline(indicators));
  return targets.map((target) => {
    const actual = values.get(target.indicator) ?? null;
    return { target, actual, ratio: actual === null ? 0 : actual / target.value };
  });
}
