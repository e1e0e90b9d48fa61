import type { Organisation } from '@shared/model';
import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';
import { commitMentorLogs, exportMentorPack, previewMentorLogs, type LogsPreview } from '../../../db/mentorPacks';
import { platform } from '../../../platform';
import type { ChosenFile } from './openPack';

/*
 * The coordinator's side of mentor packs: a pack of one mentor's mentees out, her session logs
 * back in (a dry run first, then one transaction).
 */

/** A pack saved where the coordinator chose: the file's name, the mentor's and how many mentees it holds. */
export interface SavedMentorPack {
  fileName: string;
  mentor: string;
  count: number;
}

/** Writes one mentor's pack behind the passphrase and asks where to save it; undefined when she cancels. */
export async function saveMentorPack(db: MrezaDb, actor: Actor, org: Organisation, mentorId: string, passphrase: string): Promise<SavedMentorPack | undefined> {
  const pack = await exportMentorPack(db, actor, org, mentorId, passphrase);
  const res = await platform.invoke('file:save', {
    suggestedName: pack.fileName,
    filters: [{ name: 'Mreža', extensions: ['mreza-mentor'] }],
    data: pack.bytes,
  });
  return res ? { fileName: res.fileName, mentor: pack.manifest.mentor.name, count: pack.manifest.counts.matches ?? 0 } : undefined;
}

/** A mentor's logs file the coordinator picks; null when she cancels. */
export async function pickLogsFile(): Promise<ChosenFile | null> {
  const [file] = await platform.invoke('file:open', { filters: [{ name: 'Mreža', extensions: ['mreza-logs'] }], multiple: false });
  return file ?? null;
}

/** The logs file read as a dry run: what would be added or replaced (writes nothing). Throws MentorPackError. */
export function previewLogs(db: MrezaDb, file: ChosenFile): Promise<LogsPreview> {
  return previewMentorLogs(db, file);
}

/** Writes what the dry run showed, in one transaction. */
export function commitLogs(db: MrezaDb, actor: Actor, preview: LogsPreview): Promise<{ written: number }> {
  return commitMentorLogs(db, actor, preview);
}
