import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';
import { deleteMentorDatabase, endMentoringSummary, type EndMentoringSummary } from '../../../db/mentorLaptop';
import { exportMentorLogs } from '../../../db/mentorMode';
import { platform } from '../../../platform';

/*
 * The mentor's laptop: sending her logs back, and ending mentoring on this computer (opening a
 * pack is in openPack.ts: the setup screen needs only that).
 */

/** What "End mentoring on this computer" would delete, and her logs the coordinator may not have yet. */
export function endMentoringPreview(db: MrezaDb): Promise<EndMentoringSummary> {
  return endMentoringSummary(db);
}

/** Her logs file, saved where she chooses; null when she cancels the save. */
export async function saveMyLogs(db: MrezaDb, actor: Actor): Promise<{ fileName: string; count: number } | null> {
  const file = await exportMentorLogs(db, actor);
  const res = await platform.invoke('file:save', { suggestedName: file.fileName, filters: [{ name: 'Mreža', extensions: ['mreza-logs'] }], data: file.bytes });
  return res ? { fileName: res.fileName, count: file.count } : null;
}

/**
 * "End mentoring on this computer": Mreža's backups (the copies it made of this data), then the
 * whole database, then the backups once more (one written meanwhile by the daily timer), and a
 * fresh start on the first-run screen with nothing in memory. If deleting the backups fails,
 * nothing has been deleted yet and the error reaches the user.
 */
export async function endMentoringOnThisComputer(db: MrezaDb, reload: () => void = () => window.location.replace(window.location.pathname)): Promise<void> {
  await platform.invoke('backup:deleteAll', undefined);
  await platform.invoke('backupFolder:forget', undefined);
  await deleteMentorDatabase(db);
  await platform.invoke('backup:deleteAll', undefined);
  reload();
}
