import { can } from '@shared/auth/permissions';
import type { CHECK_ANSWERS, Closure, MentoringSession } from '@shared/model';
import { REMINDER_ACTIONS, SNOOZE_PERMISSION, snoozeForPlan, snoozeUntil, type Reminder, type ReminderAction, type SnoozeChoice } from '@shared/mentoring';
import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';
import { addPairCheck, markFollowUpDone, setMatchStatus, snoozeReminder } from '../../../db/mentoring';
import { orgToday } from '../../../db/orgDay';

/*
 * Reminders that act (home screen): what each reminder offers to whom, and the writes behind its
 * buttons. The buttons shown follow the shared permission table; db/ refuses anything else.
 */

/** The actions this role sees on a reminder, in the order they are offered. */
export function reminderActionsFor(role: Actor['role'], reminder: Reminder): ReminderAction[] {
  return REMINDER_ACTIONS[reminder.kind].filter((a) => can(role, a.permission)).map((a) => a.action);
}

export function maySnooze(role: Actor['role']): boolean {
  return can(role, SNOOZE_PERMISSION);
}

/** A snooze day that is not after today. */
export class SnoozeDateError extends Error {
  readonly code = 'snoozeDate';
}

/** Hides the reminder for a week or until the chosen day; returns the day it shows again. */
export async function snooze(db: MrezaDb, actor: Actor, reminder: Reminder, choice: SnoozeChoice): Promise<string> {
  const until = snoozeUntil(await orgToday(db), choice);
  if (!until) throw new SnoozeDateError(choice);
  await snoozeReminder(db, actor, reminder, until);
  return until;
}

/**
 * After a session is logged or planned from a reminder: a held one answers it by itself (the rule
 * sees it); a planned one answers a stale reminder until the planned day has passed.
 */
export async function sessionSavedFromReminder(db: MrezaDb, actor: Actor, reminder: Reminder, session: MentoringSession): Promise<void> {
  if (reminder.kind === 'stale' && session.status === 'planned') await snoozeReminder(db, actor, reminder, snoozeForPlan(session.date));
}

export function checkInOnPair(db: MrezaDb, actor: Actor, reminder: Reminder, working: (typeof CHECK_ANSWERS)[number]) {
  return addPairCheck(db, actor, reminder.matchId, working);
}

export function closePair(db: MrezaDb, actor: Actor, reminder: Reminder, closure: Closure) {
  return setMatchStatus(db, actor, reminder.matchId, 'closed', closure);
}

export function followUpDone(db: MrezaDb, actor: Actor, reminder: Reminder & { kind: 'followUp' }) {
  return markFollowUpDone(db, actor, reminder.sessionId);
}
