import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconDatabaseImport, IconFileSpreadsheet, IconFileTypeCsv, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { reportTables } from '@shared/indicators/report';
import { applicableTargets } from '@shared/indicators/targets';
import { businessDetailsByPerson, isBusinessOutcome } from '@shared/people/outcomes';
import { employersByPerson } from '@shared/indicators/employers';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { useOutcomeDetails } from '../../components/useOutcomeDetails';
import { listTargets, logReportExport } from '../../db/indicators';
import { BreakdownCard } from './BreakdownCard';
import { can, canAll } from '@shared/auth/permissions';
import { DrillDrawer } from './DrillDrawer';
import { SmeDrawer } from './SmeDrawer';
import { saveReport } from './exportReport';
import { categoryLabel, reportLabels } from './labels';
import { ReportFilters } from './ReportFilters';
import { ReportPrint } from './ReportPrint';
import { StatTile } from './StatTile';
import { TargetsPanel } from './TargetsPanel';
import { useReport } from './useReport';
import { TotalsOnlyCard } from './TotalsOnlyCard';
import { WithheldCard } from './WithheldCard';

export function ReportsPage() {
  return (
    <Routes>
      <Route path="print" element={<ReportPrint />} />
      <Route path="*" element={<Dashboard />} />
    </Routes>
  );
}

/** Without a target of its own, the share of women is measured against the usual 50 %. */
const DEFAULT_WOMEN_TARGET = 50;

function Dashboard() {
  const { t } = useTranslation(['reports', 'common', 'organisations']);
  const { db, org, actor, settings } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const today = useToday();
  const { filter, setFilter, period, result, names, dataset, peopleBehind, smesBehind, ownOrganisations, totalsOnly, withheld } = useReport();
  const [smeDrill, setSmeDrill] = useState(false);
  const outcomeDetails = useOutcomeDetails();
  const [drill, setDrill] = useState<{ title: string; path: string } | null>(null);
  const drillIds = useMemo(() => (drill ? peopleBehind(drill.path) : null), [drill, peopleBehind]);
  // A business outcome's drill-down also says what she registered and the jobs it created.
  const drillKind = /^outcomes\.byKind\.(\w+)$/.exec(drill?.path ?? '')?.[1];
  const drillDetails = useMemo(
    () => (drillKind && isBusinessOutcome(drillKind) && dataset ? businessDetailsByPerson(dataset.outcomes, drillKind, period) : undefined),
    [drillKind, dataset, period],
  );
  // A job's drill-down (employed, placed with employers) names the employer too ("employed at").
  const drillEmployers = useMemo(
    () => (dataset && (drillKind === 'employed' || drill?.path === 'outcomes.placedWithEmployers') ? employersByPerson(dataset.outcomes, period) : undefined),
    [drillKind, drill, dataset, period],
  );
  const employerNames = useMemo(() => new Map(ownOrganisations.map((o) => [o.id, o.name] as const)), [ownOrganisations]);
  const targets = useLiveQuery(() => listTargets(db), [db]) ?? [];
  const womenTarget = (applicableTargets(targets, filter.programmeId).find((x) => x.indicator === 'reach.womenShare')?.value ?? DEFAULT_WOMEN_TARGET) / 100;
  if (!result || !dataset) return null;
  const { indicators: i } = result;
  const hasRecords = dataset.people.length > 0;
  // A lead whose partners all sent totals only still has a report to show: their totals.
  const hasData = hasRecords || totalsOnly.length > 0;
  const label = (table: string) => (key: string) => categoryLabel(t, names, table, key);
  // The people behind a figure only for who may read names (not a viewer).
  const mayDrill = canAll(actor.role, 'readPeople');
  // Who was referred where is case work: only for who may read referrals (docs/security.md).
  const mayDrillReferrals = mayDrill && can(actor.role, 'manageReferrals');
  const open = (path: string, title: string) => setDrill({ path, title });

  const exportAs = async (kind: 'xlsx' | 'csv') => {
    // Reports leave the organisation: small counts are suppressed.
    const tables = reportTables(i, reportLabels(t, names), settings.suppressionThreshold);
    const name = await saveReport(actor, kind, tables, `mreza-report-${today()}`);
    if (!name) return;
    await logReportExport(db, actor, name);
    notifications.show({ color: 'teal', message: t('reports:saved', { name }) });
  };

  const tiles: Array<[string, string, string?]> = [
    ['reach.total', fmt.number(i.reach.total), 'reach.total'],
    ['reach.beneficiaries', fmt.number(i.reach.beneficiaries), 'reach.beneficiaries'],
    ['reach.professionals', fmt.number(i.reach.professionals), 'reach.professionals'],
    ['training.sessions', fmt.number(i.training.sessions)],
    ['training.attendanceRate', i.training.attendanceRate === null ? '—' : `${fmt.number(Math.round(i.training.attendanceRate * 100))} %`],
    ['training.certificates', fmt.number(i.training.certificates)],
    ['mentoring.activeMatches', fmt.number(i.mentoring.activeMatches)],
    ['mentoring.hours', fmt.number(i.mentoring.hours)],
  ];

  return (
    <>
      <PageHeader
        title={t('reports:title')}
        description={t('reports:description')}
        actions={
          hasRecords && (
            <>
              <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportAs('xlsx')}>
                {t('reports:exportXlsx')}
              </Button>
              <Button variant="light" leftSection={<IconFileTypeCsv size={16} />} onClick={() => void exportAs('csv')}>
                {t('reports:exportCsv')}
              </Button>
              <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void navigate(`print${location.search}`)}>
                {t('reports:exportPdf')}
              </Button>
            </>
          )
        }
      />
      {!hasData ? (
        <EmptyState
          icon={<IconChartBar size={32} />}
          title={t('reports:emptyTitle')}
          action={
            <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/settings/data')}>
              {t('common:tryDemo')}
            </Button>
          }
        >
          {t('reports:emptyText')}
        </EmptyState>
      ) : (
        <Stack>
          <ReportFilters filter={filter} onChange={setFilter} names={names} isLead={org.role === 'lead'} />
          <WithheldCard partners={withheld} />
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {tiles.map(([id, value, path]) => (
              <StatTile key={id} id={id} value={value} onDrill={path && mayDrill ? () => open(path, t(`reports:indicators.${id}`)) : undefined} />
            ))}
          </SimpleGrid>
          <Paper withBorder radius="md" p="md" data-testid="women-share">
            <Group justify="space-between">
              <Title order={5}>{t('reports:indicators.reach.womenShare')}</Title>
              <Text fw={700}>
                {i.reach.womenShare === null ? '—' : `${fmt.number(Math.round(i.reach.womenShare * 100))} %`}{' '}
                <Text span c="dimmed" size="sm">
                  {t('reports:target', { value: `${fmt.number(womenTarget * 100)} %` })}
                </Text>
              </Text>
            </Group>
            <Progress
              mt="sm"
              size="lg"
              value={(i.reach.womenShare ?? 0) * 100}
              color={(i.reach.womenShare ?? 0) >= womenTarget ? 'teal' : 'orange'}
              aria-label={t('reports:indicators.reach.womenShare')}
            />
          </Paper>
          <TotalsOnlyCard partners={totalsOnly} />
          <TargetsPanel indicators={i} programmeId={filter.programmeId} programmes={names.programmes} />
          {i.reach.byMonth.length > 1 && (
            <Paper withBorder radius="md" p="md">
              <Title order={5} mb="sm">
                {t('reports:tables.byMonth')}
              </Title>
              <BarChart
                h={220}
                data={i.reach.byMonth.map((m) => ({ month: m.key, count: m.count }))}
                dataKey="month"
                series={[{ name: 'count', label: t('reports:value'), color: 'teal.6' }]}
                tickLine="y"
                gridAxis="y"
              />
            </Paper>
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <BreakdownCard id="byGender" title={t('reports:tables.byGender')} data={i.reach.byGender} label={label('byGender')} chart />
            <BreakdownCard id="byAgeBand" title={t('reports:tables.byAgeBand')} data={i.reach.byAgeBand} label={label('byAgeBand')} chart />
            <BreakdownCard
              id="byTargetGroup"
              title={t('reports:tables.byTargetGroup')}
              data={i.reach.byTargetGroup}
              label={label('byTargetGroup')}
              onDrill={mayDrill ? (k) => open(`reach.byTargetGroup.${k}`, label('byTargetGroup')(k)) : undefined}
            />
            <BreakdownCard
              id="byMunicipality"
              title={t('reports:tables.byMunicipality')}
              data={i.reach.byMunicipality}
              label={label('byMunicipality')}
              onDrill={mayDrill ? (k) => open(`reach.byMunicipality.${k}`, label('byMunicipality')(k)) : undefined}
            />
            <BreakdownCard
              id="byProgramme"
              title={t('reports:tables.byProgramme')}
              data={i.reach.byProgramme}
              label={label('byProgramme')}
              onDrill={mayDrill ? (k) => open(`reach.byProgramme.${k}`, label('byProgramme')(k)) : undefined}
            />
            <BreakdownCard
              id="byPartner"
              title={t('reports:tables.byPartner')}
              data={i.reach.byPartner}
              label={label('byPartner')}
              onDrill={mayDrill ? (k) => open(`reach.byPartner.${k}`, label('byPartner')(k)) : undefined}
            />
            <BreakdownCard
              id="servicesByPeople"
              title={t('reports:tables.servicesByPeople')}
              data={i.mentoring.servicesByPeople}
              label={label('servicesByPeople')}
              onDrill={mayDrill ? (k) => open(`mentoring.servicesByPeople.${k}`, label('servicesByPeople')(k)) : undefined}
            />
            <BreakdownCard
              id="outcomes"
              title={t('reports:tables.outcomes')}
              data={i.outcomes.byKind}
              label={label('outcomes')}
              onDrill={mayDrill ? (k) => open(`outcomes.byKind.${k}`, label('outcomes')(k)) : undefined}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="employer-figures">
            <StatTile id="outcomes.smesSupported" value={fmt.number(i.outcomes.smesSupported)} onDrill={mayDrill ? () => setSmeDrill(true) : undefined} />
            <StatTile id="outcomes.jobsOpened" value={fmt.number(i.outcomes.jobsOpened)} onDrill={mayDrill ? () => setSmeDrill(true) : undefined} />
            <StatTile
              id="outcomes.placedWithEmployers"
              value={fmt.number(i.outcomes.placedWithEmployers)}
              onDrill={mayDrill ? () => open('outcomes.placedWithEmployers', t('reports:indicators.outcomes.placedWithEmployers')) : undefined}
            />
          </SimpleGrid>
          {i.referrals && (
            <>
              <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="referral-figures">
                {(['made', 'accepted', 'completed'] as const).map((step) => (
                  <StatTile key={step} id={`referrals.${step}`} value={fmt.number(i.referrals![step])} />
                ))}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                {(
                  [
                    ['referralsMade', 'madeByKind'],
                    ['referralsAccepted', 'acceptedByKind'],
                    ['referralsCompleted', 'completedByKind'],
                  ] as const
                ).map(([id, by]) => (
                  <BreakdownCard
                    key={id}
                    id={id}
                    title={t(`reports:tables.${id}`)}
                    data={i.referrals![by]}
                    label={label(id)}
                    onDrill={mayDrillReferrals ? (k) => open(`referrals.${by}.${k}`, `${t(`reports:tables.${id}`)}: ${label(id)(k)}`) : undefined}
                  />
                ))}
              </SimpleGrid>
            </>
          )}
        </Stack>
      )}
      <DrillDrawer
        title={drill?.title ?? ''}
        ids={drillIds}
        details={
          drillDetails
            ? (id) => (drillDetails.get(id) ?? []).map(outcomeDetails).join('; ')
            : drillEmployers &&
              ((id) => (drillEmployers.get(id) ?? []).map((e) => `${t('organisations:employer.label')}: ${employerNames.get(e) ?? '—'}`).join('; '))
        }
        onClose={() => setDrill(null)}
      />
      <SmeDrawer
        smes={smeDrill ? smesBehind() : null}
        own={ownOrganisations}
        outcomes={dataset.outcomes}
        partnerNames={names.organisations}
        onClose={() => setSmeDrill(false)}
      />
    </>
  );
}
