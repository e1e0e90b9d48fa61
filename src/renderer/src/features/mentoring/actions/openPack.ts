import { readMentorPack, type OpenedMentorPack } from '@shared/mentorPack';
import type { Locale } from '@shared/i18n/locales';
import type { MrezaDb } from '../../../db/db';
import { openMentorPack } from '../../../db/mentorMode';
import { platform } from '../../../platform';

/*
 * The mentor's laptop: opening the pack the coordinator gave her, on first run (setup screen) and
 * for a newer pack later.
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
