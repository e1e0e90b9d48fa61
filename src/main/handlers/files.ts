import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_FILE_BYTES } from '@shared/ipc';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { IpcError } from '../errors';
import { toPlainBytes } from './bytes';

/** Electron's dialog, already bound to the app window by the caller. */
export interface DialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  showOpenDialog(options: OpenDialogOptions): Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
}

/** The file-system calls the handlers make; node:fs/promises by default. */
export interface FileSystemLike {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  size(path: string): Promise<number>;
}

export const nodeFileSystem: FileSystemLike = {
  readFile: (path) => readFile(path),
  writeFile: (path, data) => writeFile(path, data),
  size: async (path) => (await stat(path)).size,
};

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Larger files are refused rather than copied across IPC. */
export const MAX_OPEN_BYTES = MAX_FILE_BYTES;

export interface FileHandlerDeps {
  readonly dialog: DialogLike;
  readonly fs?: FileSystemLike;
  /** Folder the save dialog starts in (the user's Documents). */
  readonly defaultDir?: string;
  readonly maxOpenBytes?: number;
}

/**
 * Asks the user where to save and writes the bytes there. Returns the chosen file's name
 * (never its full path), or null when the user cancels.
 */
export async function saveWithDialog(
  deps: Pick<FileHandlerDeps, 'dialog' | 'fs' | 'defaultDir'>,
  suggestedName: string,
  filters: FileFilter[],
  data: Uint8Array,
): Promise<{ fileName: string } | null> {
  const fs = deps.fs ?? nodeFileSystem;
  const defaultPath = deps.defaultDir === undefined ? suggestedName : join(deps.defaultDir, basename(suggestedName));
  const result = await deps.dialog.showSaveDialog({ defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] });
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  await fs.writeFile(result.filePath, data);
  return { fileName: basename(result.filePath) };
}

export function createFileHandlers(deps: FileHandlerDeps): {
  save(request: { suggestedName: string; filters: FileFilter[]; data: Uint8Array }): Promise<{ fileName: string } | null>;
  open(request: { filters: FileFilter[]; multiple: boolean }): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }[]>;
} {
  const fs = deps.fs ?? nodeFileSystem;
  const maxBytes = deps.maxOpenBytes ?? MAX_OPEN_BYTES;
  return {
    save: (request) => saveWithDialog(deps, request.suggestedName, request.filters, request.data),
    async open(request) {
      const result = await deps.dialog.showOpenDialog({
        filters: request.filters,
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (result.canceled) return [];
      const paths = request.multiple ? result.filePaths : result.filePaths.slice(0, 1);
      const files: { fileName: string; data: Uint8Array<ArrayBuffer> }[] = [];
      for (const path of paths) {
        if ((await fs.size(path)) > maxBytes) {
          throw new IpcError(`File too large: ${basename(path)}`);
        }
        files.push({ fileName: basename(path), data: toPlainBytes(await fs.readFile(path)) });
      }
      return files;
    },
  };
}
