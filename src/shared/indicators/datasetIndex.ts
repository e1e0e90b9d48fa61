import { SERVICES } from '../model';
import type { Dataset } from './dataset';
import { isPlanned } from './held';

/**
 * What does not depend on the filter, built once per data set: a filter change on 150,000 people
 * and 600,000 session logs must answer in a blink, so it works on positions and typed arrays
 * (the session logs sorted by day, binary-searched per period) instead of objects and strings.
 */
export interface DatasetIndex {
  orgCountry: Map<string, string>;
  eventProgramme: Map<string, string>;
  sessionById: Map<string, Dataset['sessions'][number]>;
  /** Position of each person in ds.people. */
  personIndex: Map<string, number>;
  /** Per match: the mentee's position in ds.people, or -1 when unknown. */
  matchMentee: Int32Array;
  /** Position of each match in ds.matches. */
  matchIndex: Map<string, number>;
  logs: LogColumns;
}

/** The session logs as columns sorted by day; `source` points back into ds.mentoringSessions. */
export interface LogColumns {
  /** yyyymmdd; 0 for a log without a valid date or still planned (sorted first, never in a period). */
  day: Int32Array;
  /** Position in ds.matches, or -1 when the match is unknown. */
  match: Int32Array;
  minutes: Float64Array;
  /** One bit per SERVICES entry. */
  services: Uint8Array;
  source: Int32Array;
}

/** "2026-03-05" (or a longer ISO date-time) → 20260305; anything else → 0. */
export function dayNumber(date: string | undefined): number {
  if (!date || date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = date.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/** 20260305 → "2026-03". */
export const monthOfDay = (day: number): string => `${Math.floor(day / 10000)}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}`;

/** The bit of each service in LogColumns.services. */
export const SERVICE_BIT: ReadonlyMap<string, number> = new Map(SERVICES.map((s, i) => [s, 1 << i]));

/** First position whose day is ≥ `day`. */
export function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function logColumns(ds: Dataset, matchIndex: Map<string, number>): LogColumns {
  const logs = ds.mentoringSessions;
  const n = logs.length;
  // (day, position) packed in one double so the engine's native numeric sort does the work:
  // days < 2^27 and positions < 2^26 fit in 53 bits.
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const keys = new Float64Array(n);
  // A planned log is never held (held.ts), so it gets day 0 like a log without a date.
  for (let i = 0; i < n; i++) keys[i] = (isPlanned(logs[i]!) ? 0 : dayNumber(logs[i]!.date)) * scale + i;
  keys.sort();
  const cols: LogColumns = {
    day: new Int32Array(n),
    match: new Int32Array(n),
    minutes: new Float64Array(n),
    services: new Uint8Array(n),
    source: new Int32Array(n),
  };
  for (let p = 0; p < n; p++) {
    const i = keys[p]! % scale;
    const log = logs[i]!;
    cols.source[p] = i;
    cols.day[p] = (keys[p]! - i) / scale;
    cols.match[p] = matchIndex.get(log.matchId) ?? -1;
    cols.minutes[p] = log.minutes;
    let mask = 0;
    for (const s of log.services) mask |= SERVICE_BIT.get(s) ?? 0;
    cols.services[p] = mask;
  }
  return cols;
}

const cache = new WeakMap<Dataset, DatasetIndex>();

export function datasetIndex(ds: Dataset): DatasetIndex {
  let found = cache.get(ds);
  if (!found) {
    const personIndex = new Map(ds.people.map((p, i) => [p.id, i]));
    const matchIndex = new Map(ds.matches.map((m, i) => [m.id, i]));
    found = {
      orgCountry: new Map(ds.organisations.map((o) => [o.id, o.country])),
      eventProgramme: new Map(ds.events.map((e) => [e.id, e.programmeId])),
      sessionById: new Map(ds.sessions.map((s) => [s.id, s])),
      personIndex,
      matchIndex,
      matchMentee: Int32Array.from(ds.matches, (m) => personIndex.get(m.menteeId) ?? -1),
      logs: logColumns(ds, matchIndex),
    };
    cache.set(ds, found);
  }
  return found;
}

/** Per person position, a dense id of the key that makes people unique (see IndicatorFilter.personKey). */
export interface PersonKeys {
  keyOfPerson: Int32Array;
  count: number;
}
const keysCache = new WeakMap<Dataset, { keyOf: ((id: string) => string) | undefined; keys: PersonKeys }>();

export function personKeys(ds: Dataset, keyOf: ((id: string) => string) | undefined): PersonKeys {
  const found = keysCache.get(ds);
  if (found && found.keyOf === keyOf) return found.keys;
  const ids = new Map<string, number>();
  const keyOfPerson = Int32Array.from(ds.people, (p) => {
    const key = keyOf ? keyOf(p.id) : p.id;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
  const keys = { keyOfPerson, count: ids.size };
  keysCache.set(ds, { keyOf, keys });
  return keys;
}
