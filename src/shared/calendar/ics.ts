import { createEvents, type EventAttributes } from 'ics';
import type { Country } from '../model';

/** The IANA time zone a session's local times are in, by the country it is held in. */
export const COUNTRY_TIME_ZONES: Record<Country, string> = {
  HR: 'Europe/Zagreb',
  RS: 'Europe/Belgrade',
  BA: 'Europe/Sarajevo',
  SI: 'Europe/Ljubljana',
  other: 'Europe/Zagreb',
};

const parts = (d: Date, timeZone: string) => {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const o = Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
  return Date.UTC(Number(o.year), Number(o.month) - 1, Number(o.day), Number(o.hour), Number(o.minute), Number(o.second));
};

/**
 * The UTC instant of a wall-clock time in a time zone ("2026-03-29", "09:00", Europe/Zagreb →
 * 07:00Z, the day summer time starts). Uses the zone's offset at that instant, found by two
 * corrections so it is right on both sides of a daylight-saving change.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - (parts(new Date(wall), timeZone) - wall);
  guess = wall - (parts(new Date(guess), timeZone) - guess);
  return new Date(guess);
}

export interface CalendarSession {
  id: string;
  date: string;
  start: string;
  end: string;
  country: Country;
  title: string;
  description?: string;
  location?: string;
  organiser?: string;
}

const utcArray = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/**
 * An iCalendar file with one VEVENT per session. Times are written in UTC, computed from the
 * session's local time in its country's zone, so every calendar shows them right whatever its
 * own zone and on either side of a daylight-saving change. UIDs are stable per session, so
 * importing an updated file updates the events instead of duplicating them.
 */
export function buildIcs(sessions: CalendarSession[], productId = 'mreza/programmes'): string {
  if (sessions.length === 0) throw new Error('no sessions');
  const events: EventAttributes[] = sessions.map((s) => {
    const zone = COUNTRY_TIME_ZONES[s.country];
    return {
      uid: `${s.id}@mreza`,
      title: s.title,
      description: s.description,
      location: s.location,
      start: utcArray(zonedTimeToUtc(s.date, s.start, zone)),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: utcArray(zonedTimeToUtc(s.date, s.end, zone)),
      endInputType: 'utc',
      endOutputType: 'utc',
      productId,
    };
  });
  const { error, value } = createEvents(events, { productId });
  if (error || !value) throw error ?? new Error('ics failed');
  return value;
}
