import { problemOf, type ExchangeProblem } from '../../../db/exchange';

/** An action's answer: its value, or the refusal the screen shows (never a thrown error). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ExchangeProblem };

/** Runs a step; anything it throws becomes the localised refusal the screen shows. */
export async function attempt<T>(step: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}
