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
