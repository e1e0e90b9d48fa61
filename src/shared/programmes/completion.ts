import type { AttendanceStatus, CompletionRule, EventSession } from '../model';

/** Present and late count as attended; excused and absent do not. */
export const ATTENDED: ReadonlySet<AttendanceStatus> = new Set(['present', 'late']);

export interface CompletionResult {
  attended: number;
  /** All the sessions of the event. */
  total: number;
  share: number;
  /** Compulsory sessions the person missed (compulsory rule only). */
  missing: string[];
  met: boolean;
}

/**
 * Whether a person met the programme's completion rule: at least a share of the sessions
 * attended, or every named compulsory session attended. With no sessions nobody completes.
 */
export function evaluateCompletion(
  rule: CompletionRule,
  sessions: Pick<EventSession, 'id'>[],
  statusBySession: ReadonlyMap<string, AttendanceStatus>,
): CompletionResult {
  const attended = sessions.filter((s) => {
    const st = statusBySession.get(s.id);
    return st !== undefined && ATTENDED.has(st);
  }).length;
  const total = sessions.length;
  const share = total === 0 ? 0 : attended / total;
  if (rule.type === 'minShare') {
    // A small epsilon so 4 of 5 sessions meets an 80% rule despite floating point.
    return { attended, total, share, missing: [], met: total > 0 && share + 1e-9 >= rule.minShare };
  }
  const inEvent = new Set(sessions.map((s) => s.id));
  const compulsory = rule.sessionIds.filter((id) => inEvent.has(id));
  const missing = compulsory.filter((id) => {
    const st = statusBySession.get(id);
    return st === undefined || !ATTENDED.has(st);
  });
  return { attended, total, share, missing, met: total > 0 && compulsory.length > 0 && missing.length === 0 };
}
