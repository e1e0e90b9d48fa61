import type { ReportTable } from '@shared/indicators/report';
import { reportCsv, reportXlsx } from '@shared/indicators/reportFiles';
import type { Actor } from '../../db/actor';
import { requirePermission } from '../../db/permissions';
import { platform } from '../../platform';

export { reportCsv, reportXlsx };

/** A report file (figures only, small cells suppressed) where the user chooses. */
export async function saveReport(actor: Actor, kind: 'xlsx' | 'csv', tables: ReportTable[], baseName: string): Promise<string | null> {
  requirePermission(actor, 'exportReport');
  const data = kind === 'xlsx' ? await reportXlsx(tables) : reportCsv(tables);
  const saved = await platform.invoke('file:save', {
    suggestedName: `${baseName}.${kind}`,
    filters: [{ name: kind.toUpperCase(), extensions: [kind] }],
    data,
  });
  return saved?.fileName ?? null;
}
