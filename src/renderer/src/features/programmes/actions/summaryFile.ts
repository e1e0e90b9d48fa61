import { reportCsv, reportXlsx } from '@shared/indicators/reportFiles';
import { protectFormSummary, summaryReportTables, type SummaryLabels } from '@shared/programmes';
import type { FormSummaryGroup } from '../../../db/evaluations';
import { requirePermission } from '../../../db/permissions';
import { getSettings } from '../../../db/settings';
import { platform } from '../../../platform';
import type { ProgrammeActionContext } from './context';

// Apart from actions/index.ts: it reaches the platform bridge (the save dialog), which Node tests of the other actions do not have.
/** The summary of a form as a report file: suppressed with the organisation's threshold, as every figure that leaves. */
export async function saveEvaluationSummary(
  { db, actor }: ProgrammeActionContext,
  kind: 'xlsx' | 'csv',
  group: FormSummaryGroup,
  labels: SummaryLabels,
  baseName: string,
): Promise<string | null> {
  requirePermission(actor, 'exportReport');
  const threshold = (await getSettings(db))?.suppressionThreshold ?? 5;
  const tables = summaryReportTables(protectFormSummary(group.summary, threshold), threshold, labels);
  const data = kind === 'xlsx' ? await reportXlsx(tables) : reportCsv(tables);
  const saved = await platform.invoke('file:save', { suggestedName: `${baseName}.${kind}`, filters: [{ name: kind.toUpperCase(), extensions: [kind] }], data });
  return saved?.fileName ?? null;
}
