import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { programmeTitles } from '@shared/consolidate';
import { computeIndicators } from '@shared/indicators/compute';
import { supportedSmes } from '@shared/indicators/employers';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '@shared/indicators/periods';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { loadReportDataset } from '../../db/indicators';
import type { NameMaps } from './labels';

export interface ReportFilter {
  preset: PeriodPreset | 'custom';
  from?: string;
  to?: string;
  programmeId?: string;
  orgId?: string;
  country?: string;
}

const KEYS = ['preset', 'from', 'to', 'programmeId', 'orgId', 'country'] as const;

/** The filter lives in the address, so the print view and the dashboard show the same report. */
function useFilterParams(): [ReportFilter, (f: ReportFilter) => void] {
  const [params, setParams] = useSearchParams();
  const preset = params.get('preset');
  const filter: ReportFilter = {
    preset: preset === 'custom' || (PERIOD_PRESETS as readonly string[]).includes(preset ?? '') ? (preset as ReportFilter['preset']) : 'all',
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    programmeId: params.get('programmeId') ?? undefined,
    orgId: params.get('orgId') ?? undefined,
    country: params.get('country') ?? undefined,
  };
  const set = (f: ReportFilter) => {
    const next = new URLSearchParams();
    for (const k of KEYS) if (f[k]) next.set(k, f[k]!);
    setParams(next, { replace: true });
  };
  return [filter, set];
}

/** Loads the records once (live), and recomputes the indicators whenever a filter changes. */
export function useReport() {
  const { db, actor } = useApp();
  const today = useToday()();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [filter, setFilter] = useFilterParams();
  const loaded = useLiveQuery(() => loadReportDataset(db, actor), [db, actor]);
  const dataset = loaded?.dataset;
  const personKey = loaded?.personKey;
  const { preset, from, to, programmeId, orgId, country } = filter;
  const period = useMemo(() => (preset === 'custom' ? { from, to } : presetPeriod(preset, today)), [preset, from, to, today]);
  const indicatorFilter = useMemo(
    () => ({ ...period, programmeId, orgId, country, ...(personKey ? { personKey } : {}) }),
    [period, programmeId, orgId, country, personKey],
  );
  const result = useMemo(
    () => (dataset ? computeIndicators(dataset, indicatorFilter, today, { drilldown: false }) : undefined),
    [dataset, indicatorFilter, today],
  );
  /** The people behind one number, computed when asked for (see computeIndicators). */
  const peopleBehind = useCallback(
    (path: string) => (dataset ? [...(computeIndicators(dataset, indicatorFilter, today, { drilldown: path }).drilldown.get(path) ?? [])] : []),
    [dataset, indicatorFilter, today],
  );
  const names = useMemo<NameMaps>(
    () => ({
      // Partners' programmes travel without titles: named by kind and number (programmeTitles).
      programmes: new Map([...programmeTitles(loaded?.partnerProgrammes ?? [], t), ...(loaded?.own.programmes ?? []).map((p) => [p.id, p.title] as const)]),
      organisations: new Map([
        ...(loaded?.own.organisations ?? []).filter((o) => o.role !== 'other').map((o) => [o.id, o.name] as const),
        ...(loaded?.partnerNames ?? []),
      ]),
      locale,
    }),
    [loaded, locale, t],
  );
  /** The SMEs behind the SME figures (the same rule as the figure), for their drill-down. */
  const smesBehind = useCallback(() => (dataset ? supportedSmes(dataset, indicatorFilter) : []), [dataset, indicatorFilter]);
  return {
    filter,
    setFilter,
    period,
    dataset,
    result,
    names,
    peopleBehind,
    smesBehind,
    ownOrganisations: loaded?.own.organisations ?? [],
    totalsOnly: loaded?.totalsOnly ?? [],
    withheld: loaded?.withheld ?? [],
  };
}
