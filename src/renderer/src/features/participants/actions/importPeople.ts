/**
 * The people-import pipeline, step by step, as plain functions: the wizard renders what they
 * return and calls the next one. A file's bytes → rows and the mapping to use; the mapping →
 * a checked preview with duplicates; the chosen rows → one all-or-nothing write.
 */
import { guessMapping, headerSignature, type ColumnMapping } from '@shared/import/headers';
import { ImportFileError, importHeaders, loadImportFile, type LoadedFile } from '@shared/import/file';
import { previewImport, type ImportedRow, type ImportPreview } from '@shared/import/people';
import type { ImportHistory, Person } from '@shared/model';
import { commitImport, findImportDuplicates, ImportCancelled, rememberMapping, rememberedMapping, type DuplicateHit } from '../../../db/importPeople';
import type { ParticipantActionContext } from './context';

export interface OpenedImport {
  file: LoadedFile;
  /** The mapping confirmed last time for these headers, else a guess from the header names. */
  mapping: ColumnMapping;
  remembered: boolean;
}

export type OpenImportResult = { ok: true; opened: OpenedImport } | { ok: false; code: ImportFileError['code'] };

/** Reads a chosen file; a file that cannot be read gives the code of its localised error. */
export async function openImportFile({ db }: Pick<ParticipantActionContext, 'db'>, fileName: string, data: Uint8Array): Promise<OpenImportResult> {
  let file: LoadedFile;
  try {
    file = loadImportFile(fileName, data);
  } catch (e) {
    return { ok: false, code: e instanceof ImportFileError ? e.code : 'unreadable' };
  }
  const saved = await rememberedMapping(db, headerSignature(importHeaders(file)));
  return { ok: true, opened: { file, mapping: saved ?? guessMapping(importHeaders(file)), remembered: !!saved } };
}

export interface CheckedImport {
  preview: ImportPreview;
  duplicates: DuplicateHit[];
}

/**
 * Remembers the mapping for files with these headers, checks every row (progress 0–1) and finds
 * the rows that repeat a stored person or an earlier row. Writes nothing but the mapping.
 */
export async function checkImport(
  { db }: Pick<ParticipantActionContext, 'db'>,
  file: LoadedFile,
  mapping: ColumnMapping,
  kind: Person['kind'],
  onProgress?: (fraction: number) => void,
): Promise<CheckedImport> {
  await rememberMapping(db, headerSignature(importHeaders(file)), mapping);
  const preview = await previewImport(file.rows, mapping, { defaults: { kind }, onProgress: (n, total) => onProgress?.(n / Math.max(1, total)) });
  return { preview, duplicates: await findImportDuplicates(db, preview.valid) };
}

/** The rows an import would write: the valid ones, less the duplicates when they are skipped. */
export function rowsToImport({ preview, duplicates }: CheckedImport, skipDuplicates: boolean): ImportedRow[] {
  const skip = new Set(skipDuplicates ? duplicates.map((d) => d.row) : []);
  return preview.valid.filter((r) => !skip.has(r.row));
}

/** How many rows an import would write (the count on its button, without building the rows). */
export function countToImport({ preview, duplicates }: CheckedImport, skipDuplicates: boolean): number {
  return preview.valid.length - (skipDuplicates ? duplicates.length : 0);
}

export type WriteImportResult = { status: 'written'; history: ImportHistory } | { status: 'cancelled' } | { status: 'failed' };

/**
 * Writes the rows in one transaction. Aborting `signal` rolls everything back ('cancelled');
 * any other failure also leaves nothing stored ('failed').
 */
export async function writeImport(
  { db, actor }: ParticipantActionContext,
  fileName: string,
  rows: readonly ImportedRow[],
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<WriteImportResult> {
  try {
    return { status: 'written', history: await commitImport(db, actor, fileName, rows, opts) };
  } catch (e) {
    return e instanceof ImportCancelled ? { status: 'cancelled' } : { status: 'failed' };
  }
}
