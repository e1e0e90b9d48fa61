import { z } from 'zod';

/**
 * Failed sign-in attempts, per user: the first five are free; then each failure makes the next
 * attempt wait 30 s, doubling up to 15 min. Stored in the database, so restarting the app does
 * not start over. Pure: the clock is passed in.
 */
export const THROTTLE = { freeFailures: 5, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 } as const;

export const throttleStateSchema = z.object({ failures: z.number().int().min(0), lockedUntil: z.number().int().min(0).optional() });
export type ThrottleState = z.infer<typeof throttleStateSchema>;

export const NO_FAILURES: ThrottleState = { failures: 0 };

/** How long (ms) before the next attempt is allowed; 0 = now. */
export function waitBeforeAttempt(state: ThrottleState | undefined, now: number): number {
  if (!state?.lockedUntil) return 0;
  // A clock set back by hours must not lock someone out for hours: the wait never exceeds the maximum.
  return Math.max(0, Math.min(state.lockedUntil - now, THROTTLE.maxWaitMs));
}

export function afterFailure(state: ThrottleState | undefined, now: number): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  if (failures < THROTTLE.freeFailures) return { failures };
  const wait = Math.min(THROTTLE.firstWaitMs * 2 ** (failures - THROTTLE.freeFailures), THROTTLE.maxWaitMs);
  return { failures, lockedUntil: now + wait };
}
