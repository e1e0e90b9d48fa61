import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { Permission } from '../auth/permissions';
import { isHeld } from '../indicators/held';
import type { Match, MentoringSession } from '../model';

export type Reminder =
  | { kind: 'followUp'; matchId: string; sessionId: string; due: string; overdueDays: number }
  | { kind: 'stale'; matchId: string; lastSession?: string; weeks: number }
  | { kind: 'check'; matchId: string };

/**
 * A reminder's key: its kind and the id of the record it is about (the session of a follow-up, else
 * the match). Plain ids only, so a snooze stored under it says nothing about anybody.
 */
export function reminderKey(r: Reminder): string {
  return `${r.kind}:${r.kind === 'followUp' ? r.sessionId : r.matchId}`;
}

/** Snoozed reminders: key → the day it shows again (hidden before that day, back on it). */
export type ReminderSnoozes = Readonly<Record<string, string>>;

/**
 * What needs attention today: follow-ups due (today or earlier, not done), active matches without a
 * held session (held.ts) for `staleWeeks` weeks (counting from the start when there is none; a
 * planned session is not one), and active matches with a held session but no "is this pair
 * working?" check yet. A reminder snoozed until a later day is left out until that day.
 */
export function reminders(
  matches: readonly Match[],
  sessions: readonly MentoringSession[],
  today: string,
  staleWeeks: number,
  snoozes: ReminderSnoozes = {},
): Reminder[] {
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
  return out
    .filter((r) => !((snoozes[reminderKey(r)] ?? '') > today))
    .sort((a, b) => order[a.kind] - order[b.kind] || (a.kind === 'followUp' && b.kind === 'followUp' ? a.due.localeCompare(b.due) : 0));
}

/** How long a reminder is snoozed: a week, or until a day the user picks (after today). */
export type SnoozeChoice = 'week' | string;

/** The day a snoozed reminder shows again, or null for a day that is not after today. */
export function snoozeUntil(today: string, choice: SnoozeChoice): string | null {
  if (choice === 'week') return format(addDays(parseISO(today), 7), 'yyyy-MM-dd');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(choice) || !isValid(parseISO(choice))) return null;
  return choice > today ? choice : null;
}

/**
 * "Plan one" from a stale reminder: the plan answers it until the planned day has passed; if the
 * session is not then confirmed as held, the reminder is back (a snooze to the day after).
 */
export function snoozeForPlan(plannedDate: string): string {
  return format(addDays(parseISO(plannedDate.slice(0, 10)), 1), 'yyyy-MM-dd');
}

/** The snoozes still in force (a snooze whose day has come is done and is not kept). */
export function pruneSnoozes(snoozes: ReminderSnoozes, today: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snoozes).filter(([, until]) => until > today));
}

/**
 * What each reminder offers in place, and the permission each action needs (the shared permission
 * table decides who sees which button; db/ refuses the rest). Snoozing needs logMentoring on the pair.
 */
export const REMINDER_ACTIONS = {
  followUp: [
    { action: 'markDone', permission: 'logMentoring' },
    { action: 'logSession', permission: 'logMentoring' },
  ],
  stale: [
    { action: 'logSession', permission: 'logMentoring' },
    { action: 'planSession', permission: 'logMentoring' },
  ],
  check: [
    { action: 'checkIn', permission: 'editRecords' },
    { action: 'closePair', permission: 'editRecords' },
  ],
} as const satisfies Record<Reminder['kind'], ReadonlyArray<{ action: string; permission: Permission }>>;
export type ReminderAction = (typeof REMINDER_ACTIONS)[Reminder['kind']][number]['action'];
export const SNOOZE_PERMISSION: Permission = 'logMentoring';
