/**
 * When a session (a training session or a mentoring session) counts as held: the one rule every
 * figure of held sessions uses (docs/indicators.md, "Held"). `today` is the organisation's local
 * day (src/shared/calendar/localDay.ts), computed by the caller so the figures stay reproducible.
 */

/** A session still marked planned was never confirmed as held, whatever its day. */
export const isPlanned = (session: { status?: string }): boolean => session.status === 'planned';

/** Held: not planned, and its local day has come (today or earlier). A date-time counts by its day. */
export function isHeld(session: { date: string; status?: string }, today: string): boolean {
  return !isPlanned(session) && session.date.slice(0, 10) <= today;
}

/** The part of a period in which sessions can have been held: it ends today at the latest. */
export function heldPeriod(period: { from?: string; to?: string }, today: string): { from?: string; to: string } {
  const to = !period.to || period.to > today ? today : period.to;
  return period.from ? { from: period.from, to } : { to };
}
