import type { Country } from '../model/base';

/**
 * The one rule for "today" (docs/decisions.md, "One local day"): a day is the organisation's
 * calendar day in its time zone, never the UTC date (which is yesterday between local midnight
 * and 01:00, 02:00 in summer) and never the computer's zone (a laptop set to another zone).
 */

/** The time zone of an organisation that has not chosen one, by its country. */
export const COUNTRY_TIME_ZONES: Readonly<Partial<Record<Country, string>>> = {
  HR: 'Europe/Zagreb',
  RS: 'Europe/Belgrade',
  BA: 'Europe/Sarajevo',
  SI: 'Europe/Ljubljana',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone Intl knows (IANA name such as "Europe/Zagreb", or "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The zone of the computer (for an organisation outside the four countries with no zone chosen). */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The organisation's time zone: the one chosen in Settings, else its country's, else the computer's. */
export function orgTimeZone(org: { country: string; timeZone?: string }): string {
  if (org.timeZone && isTimeZone(org.timeZone)) return org.timeZone;
  return COUNTRY_TIME_ZONES[org.country as Country] ?? systemTimeZone();
}

/**
 * The calendar day (yyyy-MM-dd) in `timeZone` at the instant `at` (default: the clock now).
 * Every "today" in Mreža comes from here: default dates, what counts as held, file names.
 */
export function localDay(timeZone: string, at: Date = new Date()): string {
  const p = wallClock(timeZone, at);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant (ISO, UTC) a local calendar day (yyyy-MM-dd) starts in `timeZone`: for filters over stored UTC times. */
export function dayStart(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // The zone's offset at that midnight; asked twice in case the first guess fell across a change.
  let at = midnightAsUtc - offsetMs(timeZone, new Date(midnightAsUtc));
  at = midnightAsUtc - offsetMs(timeZone, new Date(at));
  return new Date(at).toISOString();
}

function wallClock(timeZone: string, at: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  return out;
}

/** How far the zone's wall clock is ahead of UTC at `at`. */
function offsetMs(timeZone: string, at: Date): number {
  const w = wallClock(timeZone, at);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}
