import { can, canAll, type ActorRole } from '../auth/permissions';

/**
 * The five kinds of file Mreža exchanges, by their extension (the file-name helpers in
 * bundle/fileName.ts, bundle/keyFile.ts and mentorPack/ build names that end in these). The
 * extension is all the OS tells us when a file is double-clicked, so it is all we route on; the
 * screen that opens the file then checks its signature and contents as for any other file.
 */
export const FILE_KINDS = ['invitation', 'bundle', 'keyFile', 'mentorPack', 'sessionLogs'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_KIND_EXTENSION: Readonly<Record<FileKind, string>> = {
  invitation: 'mreza-invite',
  bundle: 'mreza',
  keyFile: 'mreza-key',
  mentorPack: 'mreza-mentor',
  sessionLogs: 'mreza-logs',
};

/** The kind of a file by its name's extension (case-insensitive, as Windows treats names); null for any other file. */
export function fileKindOf(fileName: string): FileKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  return FILE_KINDS.find((k) => FILE_KIND_EXTENSION[k] === ext) ?? null;
}

/** Whether a file name ends in one of `extensions` (without dots, case-insensitive). */
export function hasExtension(fileName: string, extensions: readonly string[]): boolean {
  const lower = fileName.toLowerCase();
  return extensions.some((e) => lower.endsWith(`.${e.toLowerCase()}`));
}

/**
 * Where an opened file goes after sign-in: the screen that shows its dry run, or why it does not
 * open here (`desktop:openFile.refused.<reason>`). A key file only serves the command-line
 * consolidation; a pack is opened on the mentor's laptop, logs on the coordinator's.
 */
export type OpenRoute = { path: string } | { refused: 'keyFile' | 'notAllowed' | 'mentorPackHere' | 'notInMentorMode' };

export function openRouteFor(kind: FileKind, who: { role: ActorRole; orgRole: string; mentorMode: boolean }): OpenRoute {
  if (kind === 'keyFile') return { refused: 'keyFile' };
  if (who.mentorMode) return kind === 'mentorPack' ? { path: '/mentor/send' } : { refused: 'notInMentorMode' };
  switch (kind) {
    case 'mentorPack':
      return { refused: 'mentorPackHere' };
    case 'sessionLogs':
      return canAll(who.role, 'logMentoring') ? { path: '/mentoring/packs' } : { refused: 'notAllowed' };
    case 'bundle':
      return who.orgRole === 'lead' && can(who.role, 'importBundles') ? { path: '/exchange' } : { refused: 'notAllowed' };
    case 'invitation':
      return who.orgRole === 'partner' && can(who.role, 'keys') ? { path: '/exchange' } : { refused: 'notAllowed' };
  }
}
