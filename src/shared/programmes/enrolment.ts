import type { Enrolment } from '../model';

type Slot = Pick<Enrolment, 'id' | 'personId' | 'status' | 'waitPosition'>;

/** Enrolments that hold a place (completed people keep theirs). */
export const holdsPlace = (e: Pick<Enrolment, 'status'>) => e.status === 'enrolled' || e.status === 'completed';

export interface EnrolmentPlan {
  /** New people in the order given, each with the status and waiting position they get. */
  added: Array<{ personId: string; status: 'enrolled' | 'waiting'; waitPosition?: number }>;
  /** People left out because they already have an active enrolment (enrolled, waiting or completed). */
  alreadyEnrolled: string[];
}

/**
 * Who gets a place and who waits: people fill the free places in the order given, the rest go
 * to the end of the waiting list. A withdrawn person who enrols again is treated as new.
 */
export function planEnrolment(existing: Slot[], personIds: string[], capacity?: number): EnrolmentPlan {
  const active = new Set(existing.filter((e) => e.status !== 'withdrawn').map((e) => e.personId));
  let free = capacity === undefined ? Number.POSITIVE_INFINITY : Math.max(0, capacity - existing.filter(holdsPlace).length);
  let nextWait = Math.max(-1, ...existing.filter((e) => e.status === 'waiting').map((e) => e.waitPosition ?? 0)) + 1;
  const plan: EnrolmentPlan = { added: [], alreadyEnrolled: [] };
  for (const personId of new Set(personIds)) {
    if (active.has(personId)) {
      plan.alreadyEnrolled.push(personId);
      continue;
    }
    if (free > 0) {
      plan.added.push({ personId, status: 'enrolled' });
      free--;
    } else {
      plan.added.push({ personId, status: 'waiting', waitPosition: nextWait++ });
    }
  }
  return plan;
}

/** The waiting list in the order people move up: by position, then by id for a stable order. */
export function waitingList<T extends Slot>(enrolments: T[]): T[] {
  return enrolments
    .filter((e) => e.status === 'waiting')
    .sort((a, b) => (a.waitPosition ?? Number.MAX_SAFE_INTEGER) - (b.waitPosition ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id));
}

/**
 * The enrolments that move up from the waiting list to fill free places (after a withdrawal or a
 * larger capacity), first in line first. Returns their ids in order.
 */
export function promotions(enrolments: Slot[], capacity?: number): string[] {
  const queue = waitingList(enrolments);
  const free = capacity === undefined ? queue.length : Math.max(0, capacity - enrolments.filter(holdsPlace).length);
  return queue.slice(0, free).map((e) => e.id);
}

/** Withdraws one enrolment and moves people up as places free: the changes to store, in order. */
export function withdrawAndPromote<T extends Slot>(
  enrolments: T[],
  enrolmentId: string,
  capacity?: number,
): Array<{ id: string; status: 'withdrawn' | 'enrolled' }> {
  const target = enrolments.find((e) => e.id === enrolmentId);
  if (!target || target.status === 'withdrawn') return [];
  const after = enrolments.map((e) => (e.id === enrolmentId ? { ...e, status: 'withdrawn' as const } : e));
  return [{ id: enrolmentId, status: 'withdrawn' }, ...promotions(after, capacity).map((id) => ({ id, status: 'enrolled' as const }))];
}
