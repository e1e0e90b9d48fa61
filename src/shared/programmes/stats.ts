import { ATTENDANCE_STATUSES, type Attendance, type AttendanceStatus } from '../model';
import { ATTENDED } from './completion';

export type StatusCounts = Record<AttendanceStatus, number> & { unmarked: number };

const empty = (): StatusCounts => ({ present: 0, late: 0, excused: 0, absent: 0, unmarked: 0 });

export interface AttendanceStats {
  bySession: Map<string, StatusCounts>;
  byPerson: Map<string, StatusCounts>;
  /** Attended (present or late) marks over all expected marks (people × sessions). */
  rate: number;
  attended: number;
  expected: number;
}

/** Counts per session and per person over the grid of enrolled people × sessions. */
export function attendanceStats(personIds: string[], sessionIds: string[], marks: Pick<Attendance, 'sessionId' | 'personId' | 'status'>[]): AttendanceStats {
  const people = new Set(personIds);
  const sessions = new Set(sessionIds);
  const grid = new Map<string, AttendanceStatus>();
  for (const m of marks) if (people.has(m.personId) && sessions.has(m.sessionId)) grid.set(`${m.sessionId}|${m.personId}`, m.status);
  const bySession = new Map(sessionIds.map((s) => [s, empty()]));
  const byPerson = new Map(personIds.map((p) => [p, empty()]));
  let attended = 0;
  for (const s of sessions) {
    for (const p of people) {
      const st = grid.get(`${s}|${p}`);
      const key = st ?? 'unmarked';
      bySession.get(s)![key]++;
      byPerson.get(p)![key]++;
      if (st && ATTENDED.has(st)) attended++;
    }
  }
  const expected = people.size * sessions.size;
  return { bySession, byPerson, attended, expected, rate: expected === 0 ? 0 : attended / expected };
}

/** The status Space moves a cell to: unmarked → present → late → excused → absent → present… */
export function nextAttendanceStatus(current: AttendanceStatus | undefined): AttendanceStatus {
  return ATTENDANCE_STATUSES[current ? (ATTENDANCE_STATUSES.indexOf(current) + 1) % ATTENDANCE_STATUSES.length : 0]!;
}
