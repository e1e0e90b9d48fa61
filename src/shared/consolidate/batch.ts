import type { TFunction } from 'i18next';
import type { KeyFile } from '../bundle/keyFile';
import type { OrgKeys } from '../crypto';
import { computeIndicators } from '../indicators/compute';
import { reportTables, type ReportTable } from '../indicators/report';
import { reportLabels } from '../indicators/reportLabels';
import { formatDateTime } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { Country } from '../model';
import type { PrivacyLevel } from '../bundle/privacy';
import { applyPlan, partnersDataset, emptyConsolidatedState, keysToConfirm, planBundleImport, withConfirmedKeys, type ConsolidatedState } from './consolidate';
import { inspectFiles, type IncomingFile } from './inspectFiles';
import { partnerProgrammes, programmeTitles } from './programmeTitles';

/**
 * Consolidation of a batch of bundles outside the app (the command-line tool): the same checks,
 * plan and merge as the lead's Exchange screen, starting from an empty state. A partner's key
 * must be one the lead's key file pinned or one in `trusted` (fingerprints the lead compared by
 * phone); any other is refused (unknownSigner) unless `trustOnFirstUse`, which the output reports
 * line by line. The lead's own organisation id is refused. Pure: bytes in, results and report tables out.
 */

export interface BatchOptions {
  passphrase?: string;
  schemaVersion?: number;
  /** Fingerprints the lead confirmed with partners not pinned in the key file yet. */
  trusted?: ReadonlySet<string>;
  /** Accept unknown keys (each accepted line says so). */
  trustOnFirstUse?: boolean;
}

export interface BatchLine {
  fileName: string;
  /** accepted: in the report; skipped: a newer export of the same partner is in the batch. */
  status: 'accepted' | 'skipped' | 'refused';
  organisation?: { id: string; name: string; country: Country };
  exportId?: string;
  exportedAt?: string;
  privacy?: PrivacyLevel;
  fingerprint?: string;
  /** How its key came to be trusted: pinned in the key file, listed in --trusted, or first use (--trust-on-first-use). */
  trust?: 'pinned' | 'trusted' | 'firstUse';
  /** Why not accepted: `exchange:errors.<code>` (the file) or `exchange:problems.<code>` (the plan). */
  problem?: { kind: 'errors' | 'problems'; code: string; params: Record<string, string | number> };
}

export interface BatchResult {
  lines: BatchLine[];
  state: ConsolidatedState;
}

export async function reportFromBundles(
  files: readonly IncomingFile[],
  lead: { file: KeyFile; keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'> },
  opts: BatchOptions = {},
): Promise<BatchResult> {
  const { trusted, trustOnFirstUse, ...read } = opts;
  const projectId = lead.file.project.id;
  const lines: BatchLine[] = [];
  const inputs: Parameters<typeof planBundleImport>[1][number][] = [];
  const lineOfInput: number[] = [];
  // One file at a time, so each refusal stays next to its file name in the input order.
  for (const f of files) {
    const { inputs: ok, refused } = await inspectFiles([f], lead.keys, {
      ...read,
      projectId,
      pins: lead.file.pins,
      ...(trusted ? { trusted } : {}),
      requireKnownSigner: !trustOnFirstUse,
    });
    if (refused[0]) lines.push({ fileName: f.fileName, status: 'refused', problem: { kind: 'errors', ...refused[0].problem } });
    else {
      lineOfInput.push(lines.length);
      inputs.push(ok[0]!);
      lines.push({ fileName: f.fileName, status: 'refused' });
    }
  }
  const empty = emptyConsolidatedState(projectId);
  // Every key got here pinned, trusted or by the caller's explicit first-use choice: that is the confirmation.
  const planned = planBundleImport(empty, inputs, { ownOrgId: lead.file.lead.orgId });
  const plan = withConfirmedKeys(planned, keysToConfirm(planned));
  for (const item of plan.items) {
    const line = lines[lineOfInput[item.index]!]!;
    const trust = inputs[item.index]!.bundle.trust;
    Object.assign(line, {
      organisation: item.organisation,
      exportId: item.exportId,
      exportedAt: item.exportedAt,
      privacy: item.privacy,
      fingerprint: item.fingerprint,
      trust,
    });
    line.status = item.status === 'apply' ? 'accepted' : item.status === 'skipped' ? 'skipped' : 'refused';
    const problem = item.problems[0];
    if (problem && line.status !== 'accepted') line.problem = { kind: 'problems', code: problem.code, params: problem.params };
  }
  return { lines, state: applyPlan(empty, plan) };
}

/**
 * The report: the donor report's tables computed over every accepted partner (people counted
 * once by their pseudonymous key), then one table naming the exports it was made from.
 */
export function batchReportTables(result: BatchResult, t: TFunction, locale: Locale, opts: { threshold?: number; today: string }): ReportTable[] {
  const partners = Object.values(result.state.partners).sort((a, b) => a.name.localeCompare(b.name, locale));
  const programmes = programmeTitles(partnerProgrammes(result.state), t);
  const dataset = partnersDataset(result.state);
  const { indicators } = computeIndicators(dataset, { personKey: dataset.personKey }, opts.today, { drilldown: false });
  const labels = reportLabels(t, { programmes, organisations: new Map(partners.map((p) => [p.orgId, p.name])), locale });
  const sources: ReportTable = {
    id: 'sources',
    title: t('exchange:cli.sources'),
    header: [t('exchange:cli.sources'), t('exchange:cli.exported')],
    rows: partners.map((p) => [
      `${p.name} (${t(`common:countries.${p.country}`, { defaultValue: p.country })})${p.privacy === 'aggregate' ? ` – ${t('exchange:cli.aggregateOnly')}` : ''}`,
      formatDateTime(p.exportedAt, locale),
    ]),
  };
  return [...reportTables(indicators, labels, opts.threshold || undefined), sources];
}

/** The report as JSON: the same tables (suppressed cells as "<n"), the project and the exports. */
export function batchReportJson(
  result: BatchResult,
  tables: ReportTable[],
  meta: { project: KeyFile['project']; locale: Locale; threshold: number; generatedAt: string },
): string {
  const partners = Object.values(result.state.partners)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({
      orgId: p.orgId,
      name: p.name,
      country: p.country,
      privacy: p.privacy,
      exportId: p.exportId,
      exportedAt: p.exportedAt,
      fingerprint: p.fingerprint,
      fileName: p.fileName ?? '',
      inMergedTables: p.privacy !== 'aggregate',
    }));
  const body = {
    format: 'mreza-consolidated-report',
    formatVersion: 1,
    project: meta.project,
    generatedAt: meta.generatedAt,
    language: meta.locale,
    threshold: meta.threshold,
    partners,
    tables,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
