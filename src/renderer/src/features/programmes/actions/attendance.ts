import type { AttendanceStatus } from '@shared/model';
import { cycleAttendance as cycleStored, setAttendance } from '../../../db/programmes';
import type { ProgrammeActionContext } from './context';
import { queueOf } from './queue';

const cell = (sessionId: string, personId: string) => `attendance|${sessionId}|${personId}`;

/** Sets (null clears) one person's mark for one session; marks of one cell are saved in the order given. */
export function markAttendance({ db, actor }: ProgrammeActionContext, sessionId: string, personId: string, status: AttendanceStatus | null): Promise<void> {
  return queueOf(db).run(cell(sessionId, personId), () => setAttendance(db, actor, sessionId, personId, status));
}

/** Moves a mark on to the next status, counted from the mark as stored when its turn comes. */
export function cycleAttendance({ db, actor }: ProgrammeActionContext, sessionId: string, personId: string): Promise<AttendanceStatus> {
  return queueOf(db).run(cell(sessionId, personId), () => cycleStored(db, actor, sessionId, personId));
}
