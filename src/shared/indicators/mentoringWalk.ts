import { SERVICES } from '../model';
import { dayNumber, lowerBound, type LogColumns } from './datasetIndex';

export interface MentoringWalk {
  sessions: number;
  minutes: number;
  /** Logs per service, in SERVICES order. */
  serviceSessions: number[];
  /** Per match position: the sorted position of its first log in the period, or -1. */
  firstPos: Int32Array;
  /** Per match position: the services given in the period (SERVICE_BIT mask). */
  matchServices: Uint8Array;
}

/**
 * One pass over the logs of the period (binary-searched in the day-sorted columns) of the
 * allowed matches. Kept apart and free of closures so the engine optimises the hot loop.
 */
export function walkLogs(logs: LogColumns, period: { from?: string; to?: string }, matchAllowed: Uint8Array): MentoringWalk {
  const firstPos = new Int32Array(matchAllowed.length).fill(-1);
  const matchServices = new Uint8Array(matchAllowed.length);
  const serviceSessions = new Array<number>(SERVICES.length).fill(0);
  const maskCounts = new Int32Array(1 << SERVICES.length);
  const { day, match, minutes, services } = logs;
  let sessions = 0;
  let total = 0;
  const end = period.to ? lowerBound(day, dayNumber(period.to) + 1) : day.length;
  for (let p = lowerBound(day, Math.max(1, dayNumber(period.from))); p < end; p++) {
    const mi = match[p]!;
    if (mi < 0 || matchAllowed[mi] === 0) continue;
    sessions++;
    total += minutes[p]!;
    if (firstPos[mi]! < 0) firstPos[mi] = p;
    const mask = services[p]!;
    matchServices[mi]! |= mask;
    maskCounts[mask]!++;
  }
  // Logs per service from logs per combination of services (16 combinations, not 600,000 logs).
  maskCounts.forEach((n, mask) => {
    for (let b = 0; b < serviceSessions.length; b++) if (mask & (1 << b)) serviceSessions[b]! += n;
  });
  return { sessions, minutes: total, serviceSessions, firstPos, matchServices };
}
