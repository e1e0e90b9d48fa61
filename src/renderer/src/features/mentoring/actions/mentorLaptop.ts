import { readMentorPack, type OpenedMentorPack } from '@shared/mentorPack';
import type { Locale } from '@shared/i18n/locales';
import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';
import { deleteMentorDatabase, endMentoringSummary, type EndMentoringSummary } from '../../../db/mentorLaptop';
import { exportMentorLogs, openMentorPack } from '../../../db/mentorMode';
import { platform } from '../../../platform';

/*
 * The mentor's laptop: opening the pack the coordinator gave her (first run, and newer packs
 * later), sending her logs back, and ending mentoring on this computer.
 */

/** A chosen file: its name and bytes. */
export interface ChosenFile {
  fileName: string;
  data: Uint8Array;
}

/** The mentor pack she picks; null when she cancels the dialog. */
export async function pickMentorPack(): Promise<ChosenFile | null> {
  const [picked] = await platform.invoke('file:open', { filters: [{ name: 'Mreža', extensions: ['mreza-mentor'] }], multiple: false });
  return picked ?? null;
}

/** Opens the pack with the coordinator's passphrase (throws MentorPackError); writes nothing. */
export function readPackFile(file: ChosenFile, passphrase: string): Promise<OpenedMentorPack> {
  return readMentorPack(file.data, passphrase);
}

/**
 * Stores an opened pack. First run: `ownPassphrase` is the one she chose for this computer, and
 * she gets a user and a recovery key; a newer pack later (no `ownPassphrase`) refreshes her mentees.
 */
export async function storeMentorPack(
  db: MrezaDb,
  pack: OpenedMentorPack,
  language: Locale,
  fileName: string,
  ownPassphrase?: string,
): Promise<{ userId: string; recoveryKey?: string }> {
  const { user, recoveryKey } = await openMentorPack(db, pack, language, fileName, ownPassphrase === undefined ? undefined : { passphrase: ownPassphrase });
  return { userId: user.id, ...(recoveryKey ? { recoveryKey } : {}) };
}

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
