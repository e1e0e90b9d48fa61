import { Button, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconChartBar, IconDatabaseImport } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { summarise } from '@shared/indicators/summary';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';

export function ReportsPage() {
  const { t } = useTranslation(['reports', 'common']);
  const { db } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const summary = useLiveQuery(async () => summarise(await db.people.toArray(), await db.matches.toArray(), await db.mentoringSessions.toArray(), await db.outcomes.toArray()), [db]);
  if (!summary) return null;
  const reached = summary.beneficiaries + summary.professionals;

  const tiles: Array<[string, string]> = [
    [t('reports:beneficiaries'), fmt.number(summary.beneficiaries)],
    [t('reports:professionals'), fmt.number(summary.professionals)],
    [t('reports:womenShare'), summary.womenShare === null ? '—' : `${fmt.number(Math.round(summary.womenShare * 100))} %`],
    [t('reports:activeMatches'), fmt.number(summary.activeMatches)],
    [t('reports:mentoringSessions'), fmt.number(summary.mentoringSessions)],
    [t('reports:mentoringHours'), fmt.number(summary.mentoringHours)],
    [t('reports:outcomes'), fmt.number(summary.outcomes)],
  ];

  return (
    <>
      <PageHeader title={t('reports:title')} description={t('reports:description')} />
      {reached === 0 ? (
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
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {tiles.map(([label, value]) => (
            <Paper key={label} withBorder radius="md" p="lg" data-testid="summary-tile">
              <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                {label}
              </Text>
              <Text fz={32} fw={700}>
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
