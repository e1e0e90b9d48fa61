import { BundleError, InvitationError, KeyFileError } from '@shared/bundle';
import { problemOf, type Problem } from '@shared/problem';
import { ForbiddenError } from '../../../db/permissions';

/** A localised refusal: the UI shows `exchange:errors.<code>` with params. */
export type ExchangeProblem = Problem;

/** Anything thrown by the exchange domain as the code the UI translates ('unexpected' for the rest). */
export function exchangeProblemOf(e: unknown): ExchangeProblem {
  // A refusal by role reads as such, not as an unexpected failure.
  if (e instanceof ForbiddenError) return { code: 'forbidden', params: {} };
  return problemOf(e, [BundleError, InvitationError, KeyFileError]);
}

/** An action's answer: its value, or the refusal the screen shows (never a thrown error). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ExchangeProblem };

/** Runs a step; anything it throws becomes the localised refusal the screen shows. */
export async function attempt<T>(step: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (e) {
    return { ok: false, problem: exchangeProblemOf(e) };
  }
}
