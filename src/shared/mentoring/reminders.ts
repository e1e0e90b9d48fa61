import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import { isHeld } from '../indicators/held';
import type { Match, MentoringSession } from '../model';

export type Reminder =
  | { kind: 'followUp'; matchId: string; sessionId: string; due: string; overdueDays: number }
  | { kind: 'stale'; matchId: string; lastSession?: string; weeks: number }
  | { kind: 'check'; matchId: string };

/**
 * What needs attention today: follow-ups due (today or earlier, not done), active matches without a
 * held session (held.ts) for `staleWeeks` weeks (counting from the start when there is none), and
 * active matches with a held session but no "is this pair working?" check yet.
 */
export function reminders(matches: readonly Match[], sessions: readonly MentoringSession[], today: string, staleWeeks: number): Reminder[] {
  const out: Reminder[] = [];
  const active = new Map(matches.filter((m) => m.status === 'active').map((m) => [m.id, m]));
  const lastHeld = new Map<string, string>();
  for (const s of sessions) {
    if (!active.has(s.matchId)) continue;
    if (isHeld(s, today) && (lastHeld.get(s.matchId) ?? '') < s.date) lastHeld.set(s.matchId, s.date);
    if (s.followUpOn && !s.followUpDone && s.followUpOn <= today) {
      out.push({
        kind: 'followUp',
        matchId: s.matchId,
        sessionId: s.id,
        due: s.followUpOn,
        overdueDays: differenceInCalendarDays(parseISO(today), parseISO(s.followUpOn)),
      });
    }
  }
  const cutoff = addDays(parseISO(today), -7 * staleWeeks);
  for (const m of active.values()) {
    const last = lastHeld.get(m.id);
    const since = last ?? m.startedOn;
    if (since && parseISO(since) <= cutoff)
      out.push({ kind: 'stale', matchId: m.id, lastSession: last, weeks: Math.floor(differenceInCalendarDays(parseISO(today), parseISO(since)) / 7) });
    if (last && (m.checks ?? []).length === 0) out.push({ kind: 'check', matchId: m.id });
  }
  const order = { followUp: 0, stale: 1, check: 2 } as const;
  return out.sort((a, b) => order[a.kind] - order[b.kind] || (a.kind === 'followUp' && b.kind === 'followUp' ? a.due.localeCompare(b.due) : 0));
}
