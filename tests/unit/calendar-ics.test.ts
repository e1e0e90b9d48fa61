import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, zonedTimeToUtc, type CalendarSession } from '../../src/shared/calendar/ics';

/** Parses with ical.js (an independent parser) and returns each VEVENT's start/end as UTC ISO strings. */
function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, location: e.location, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() };
  });
}

const session = (id: string, date: string, country: CalendarSession['country'], start = '09:00', end = '15:00'): CalendarSession => ({
  id,
  date,
  start,
  end,
  country,
  title: 'Modul 3 – Celje',
  location: 'Celjski dom, Celje',
});

describe('wall-clock time to UTC', () => {
  it.each([
    // Summer time starts on the last Sunday of March (2026-03-29) and ends on the last Sunday of October (2026-10-25).
    ['2026-03-28', '09:00', 'Europe/Zagreb', '2026-03-28T08:00:00.000Z'],
    ['2026-03-29', '09:00', 'Europe/Zagreb', '2026-03-29T07:00:00.000Z'],
    ['2026-03-29', '01:30', 'Europe/Belgrade', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '03:30', 'Europe/Sarajevo', '2026-03-29T01:30:00.000Z'],
    ['2026-10-24', '09:00', 'Europe/Ljubljana', '2026-10-24T07:00:00.000Z'],
    ['2026-10-25', '09:00', 'Europe/Ljubljana', '2026-10-25T08:00:00.000Z'],
    ['2019-11-06', '09:00', 'Europe/Zagreb', '2019-11-06T08:00:00.000Z'],
    ['2019-07-01', '23:45', 'Europe/Belgrade', '2019-07-01T21:45:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, utc) => {
    expect(zonedTimeToUtc(date, time, zone).toISOString()).toBe(utc);
  });
});

describe('.ics export', () => {
  it('parses back with ical.js with the right instants on both sides of the March change', () => {
    const text = buildIcs([session('a', '2026-03-27', 'HR'), session('b', '2026-03-30', 'RS'), session('c', '2026-03-30', 'BA', '17:00', '19:30')]);
    const events = parse(text);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      uid: 'a@mreza',
      summary: 'Modul 3 – Celje',
      location: 'Celjski dom, Celje',
      start: '2026-03-27T08:00:00.000Z',
      end: '2026-03-27T14:00:00.000Z',
    });
    expect(events[1]).toMatchObject({ start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T13:00:00.000Z' });
    expect(events[2]).toMatchObject({ start: '2026-03-30T15:00:00.000Z', end: '2026-03-30T17:30:00.000Z' });
  });

  it('parses back right across the October change (Module 2, 6 Nov 2019, Čakovec; Module 3, 5 Dec 2019, Celje)', () => {
    const events = parse(
      buildIcs([session('x', '2019-10-26', 'SI'), session('y', '2019-10-28', 'SI'), session('m2', '2019-11-06', 'HR'), session('m3', '2019-12-05', 'SI')]),
    );
    expect(events.map((e) => e.start)).toEqual([
      '2019-10-26T07:00:00.000Z',
      '2019-10-28T08:00:00.000Z',
      '2019-11-06T08:00:00.000Z',
      '2019-12-05T08:00:00.000Z',
    ]);
  });

  it('writes a valid calendar with stable UIDs and UTC times', () => {
    const text = buildIcs([session('s1', '2026-06-01', 'HR')]);
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text).toContain('UID:s1@mreza');
    expect(text).toMatch(/DTSTART:20260601T070000Z/);
    expect(() => buildIcs([])).toThrow();
  });
});
