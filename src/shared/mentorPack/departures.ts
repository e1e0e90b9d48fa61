import type { Match, MentoringSession } from '../model';

/**
 * Mentor side: what a newer pack that no longer carries a mentee (her match closed or given to
 * another mentor) removes from the volunteer's computer, and what waits for her logs to go home.
 *
 * A log is **unsent** when she wrote or changed it on this computer (`touchedAt`, from her own
 * audit log) after the newest logs file the coordinator confirmed receiving (`receivedUpTo`, the
 * time her Mreža wrote that file; both times come from her own clock). Logs that came in a pack and
 * that she never touched are home by definition.
 *
 * A match the pack no longer carries goes with every log of it that is home. Its unsent logs stay,
 * with the match and the mentee's name (so her log list still says whose they are); the mentee's
 * contacts and needs go at once. A later pack that confirms those logs removes the rest.
 */
export interface DepartureInput {
  /** The mentor's own person row: never removed. */
  mentorPersonId: string;
  /** Matches and people the new pack carries. */
  carriedMatchIds: ReadonlySet<string>;
  carriedPersonIds: ReadonlySet<string>;
  /** What this computer holds now. */
  matches: readonly Pick<Match, 'id' | 'menteeId'>[];
  people: readonly { id: string }[];
  profiles: readonly { id: string; personId: string }[];
  sessions: readonly Pick<MentoringSession, 'id' | 'matchId'>[];
  /** Session id → the last time she created or changed it on this computer (ISO). */
  touchedAt: ReadonlyMap<string, string>;
  /** `logsReceived.exportedAt` of the newest pack, or undefined when nothing was confirmed. */
  receivedUpTo: string | undefined;
}

export interface WaitingMentee {
  matchId: string;
  personId: string;
  /** Unsent logs kept for her. */
  count: number;
}

export interface DeparturePlan {
  removeMatchIds: string[];
  removePersonIds: string[];
  removeProfileIds: string[];
  removeSessionIds: string[];
  /** People kept only for the name on unsent logs: their contacts are removed. */
  namesOnlyPersonIds: string[];
  waiting: WaitingMentee[];
}

export function isUnsent(sessionId: string, touchedAt: ReadonlyMap<string, string>, receivedUpTo: string | undefined): boolean {
  const touched = touchedAt.get(sessionId);
  return touched !== undefined && (receivedUpTo === undefined || touched > receivedUpTo);
}

export function planDepartures(input: DepartureInput): DeparturePlan {
  const removeMatchIds: string[] = [];
  const removeSessionIds: string[] = [];
  const waiting: WaitingMentee[] = [];
  for (const match of input.matches) {
    if (input.carriedMatchIds.has(match.id)) continue;
    const logs = input.sessions.filter((s) => s.matchId === match.id);
    const unsent = logs.filter((s) => isUnsent(s.id, input.touchedAt, input.receivedUpTo));
    removeSessionIds.push(...logs.filter((s) => !isUnsent(s.id, input.touchedAt, input.receivedUpTo)).map((s) => s.id));
    if (unsent.length) {
      waiting.push({ matchId: match.id, personId: match.menteeId, count: unsent.length });
    } else {
      removeMatchIds.push(match.id);
    }
  }
  const neededForName = new Set(waiting.map((w) => w.personId));
  const keepPerson = (id: string) => id === input.mentorPersonId || input.carriedPersonIds.has(id);
  const removePersonIds = input.people.filter((p) => !keepPerson(p.id) && !neededForName.has(p.id)).map((p) => p.id);
  const namesOnlyPersonIds = input.people.filter((p) => !keepPerson(p.id) && neededForName.has(p.id)).map((p) => p.id);
  // Needs travel only with a carried mentee.
  const removeProfileIds = input.profiles.filter((p) => !input.carriedPersonIds.has(p.personId)).map((p) => p.id);
  return { removeMatchIds, removePersonIds, removeProfileIds, removeSessionIds, namesOnlyPersonIds, waiting };
}
