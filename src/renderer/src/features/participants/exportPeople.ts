import { csvBytes } from '@shared/csv/write';
import { writeSpreadsheet } from '@shared/import/xlsx';
import type { Actor } from '../../db/actor';
import type { MrezaDb } from '../../db/db';
import { logPeopleExport } from '../../db/people';
import { requirePermission } from '../../db/permissions';
import { platform } from '../../platform';

/**
 * The participants list as CSV or XLSX, where the user chooses, recorded in the audit log. Names
 * leave the organisation in it: the role check comes before anything is built or asked.
 */
export async function exportPeopleList(
  db: MrezaDb,
  actor: Actor,
  table: Array<Array<string | number | undefined>>,
  format: 'csv' | 'xlsx',
  suggestedName: string,
  sheetTitle: string,
): Promise<number | null> {
  requirePermission(actor, 'exportList');
  const data = format === 'csv' ? csvBytes(table) : writeSpreadsheet(table, sheetTitle);
  const saved = await platform.invoke('file:save', { suggestedName, filters: [{ name: format.toUpperCase(), extensions: [format] }], data });
  if (!saved) return null;
  await logPeopleExport(db, actor, saved.fileName, table.length - 1);
  return table.length - 1;
}
