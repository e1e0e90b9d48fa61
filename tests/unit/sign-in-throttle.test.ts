import { describe, expect, it } from 'vitest';
import { afterFailure, THROTTLE, waitBeforeAttempt, type ThrottleState } from '@shared/auth/throttle';

describe('sign-in throttle (fake clock)', () => {
  it('five free failures, then 30 s doubling up to 15 min', () => {
    let now = 1_000_000;
    let state: ThrottleState | undefined;
    const waits: number[] = [];
    for (let i = 1; i <= 12; i++) {
      expect(waitBeforeAttempt(state, now)).toBe(0);
      state = afterFailure(state, now);
      waits.push(waitBeforeAttempt(state, now));
      now += waits.at(-1)!; // she waits exactly as long as asked
    }
    expect(waits).toEqual([0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('the wait counts down with the clock and ends', () => {
    const t0 = 5_000_000;
    let state: ThrottleState | undefined;
    for (let i = 0; i < 5; i++) state = afterFailure(state, t0);
    expect(waitBeforeAttempt(state, t0)).toBe(30_000);
    expect(waitBeforeAttempt(state, t0 + 29_000)).toBe(1_000);
    expect(waitBeforeAttempt(state, t0 + 30_000)).toBe(0);
  });

  it('a clock set back never makes the wait longer than the maximum', () => {
    const state = { failures: 9, lockedUntil: 10 * 60 * 60_000 };
    expect(waitBeforeAttempt(state, 0)).toBe(THROTTLE.maxWaitMs);
  });
});
