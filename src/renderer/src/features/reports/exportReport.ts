import type { ReportTable } from '@shared/indicators/report';
import { reportCsv, reportXlsx } from '@shared/indicators/reportFiles';
import { platform } from '../../platform';

export { reportCsv, reportXlsx };

export async function saveReport(kind: 'xlsx' | 'csv', tables: ReportTable[], baseName: string): Promise<string | null> {
  const data = kind === 'xlsx' ? await reportXlsx(tables) : reportCsv(tables);
  const saved = await platform.invoke('file:save', {
    suggestedName: `${baseName}.${kind}`,
    filters: [{ name: kind.toUpperCase(), extensions: [kind] }],
    data,
  });
  return saved?.fileName ?? null;
}
