/**
 * The organisations import, step by step, on the people import's machinery: the same file reader
 * (CSV in any encoding and dialect, XLSX), the remembered column choices, a row report that names
 * the row and column of every problem, one all-or-nothing write and an undo.
 */
import { ImportFileError, importHeaders, loadImportFile, type LoadedFile } from '@shared/import/file';
import { headerSignature } from '@shared/import/headers';
import { guessOrgMapping, previewOrganisationImport, type OrgColumnMapping, type OrgImportedRow, type OrgImportPreview } from '@shared/import/organisations';
import type { Country, ImportHistory, OrganisationDraft } from '@shared/model';
import { rememberedMapping, rememberMapping } from '../../../db/importPeople';
import { commitOrganisationImport, registerKeys } from '../../../db/organisations';
import type { OrganisationActionContext } from './context';

/** Remembered mappings of organisation files are kept apart from people files with the same headers. */
const signatureOf = (file: LoadedFile) => `organisations|${headerSignature(importHeaders(file))}`;

export type OpenOrgImportResult = { ok: true; file: LoadedFile; mapping: OrgColumnMapping; remembered: boolean } | { ok: false; code: ImportFileError['code'] };

export async function openOrganisationFile({ db }: Pick<OrganisationActionContext, 'db'>, fileName: string, data: Uint8Array): Promise<OpenOrgImportResult> {
  let file: LoadedFile;
  try {
    file = loadImportFile(fileName, data);
  } catch (e) {
    return { ok: false, code: e instanceof ImportFileError ? e.code : 'unreadable' };
  }
  const saved = (await rememberedMapping(db, signatureOf(file))) as OrgColumnMapping | undefined;
  return { ok: true, file, mapping: saved ?? guessOrgMapping(importHeaders(file)), remembered: !!saved };
}

/** Remembers the mapping, checks every row and finds the ones already in the register. Writes nothing else. */
export async function checkOrganisationImport(
  { db, actor }: OrganisationActionContext,
  file: LoadedFile,
  mapping: OrgColumnMapping,
  defaults: { kind: OrganisationDraft['kind']; country: Country },
): Promise<OrgImportPreview> {
  await rememberMapping(db, signatureOf(file), mapping as never);
  return previewOrganisationImport(file.rows, mapping, defaults, await registerKeys(db, actor));
}

export function orgRowsToImport(preview: OrgImportPreview, skipDuplicates: boolean): OrgImportedRow[] {
  const skip = new Set(skipDuplicates ? preview.duplicates.map((d) => d.row) : []);
  return preview.valid.filter((r) => !skip.has(r.row));
}

export async function writeOrganisationImport(
  { db, actor }: OrganisationActionContext,
  fileName: string,
  rows: readonly OrgImportedRow[],
): Promise<{ ok: true; history: ImportHistory } | { ok: false }> {
  try {
    return { ok: true, history: await commitOrganisationImport(db, actor, fileName, rows) };
  } catch {
    return { ok: false };
  }
}
