import { Button, Group, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { reportTables } from '@shared/indicators/report';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { useFormat } from '../../components/useFormat';
import { logReportExport } from '../../db/indicators';
import { platform } from '../../platform';
import { PrintButton } from '../../components/PrintButton';
import { logoDataUrl } from '@shared/model';
import { reportLabels } from './labels';
import classes from './print.module.css';
import { useReport } from './useReport';

/** The donor report as A4 pages: the same tables as the XLSX, with small counts suppressed. */
export function ReportPrint() {
  const { t } = useTranslation(['reports', 'common']);
  const { db, org, actor, settings } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const today = useToday();
  const { result, names, period } = useReport();
  if (!result) return null;
  const tables = reportTables(result.indicators, reportLabels(t, names), settings.suppressionThreshold);
  const periodText =
    period.from || period.to ? `${period.from ? fmt.date(period.from) : '…'} – ${period.to ? fmt.date(period.to) : '…'}` : t('reports:presets.all');

  const savePdf = async () => {
    const saved = await platform.invoke('print:pdf', { suggestedName: `mreza-report-${today()}.pdf`, landscape: false });
    if (saved) await logReportExport(db, actor, saved.fileName);
  };

  return (
    <div className={classes.sheet}>
      <Group className={classes.toolbar} mb="md">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => void navigate(`/reports${location.search}`)}>
          {t('reports:backToDashboard')}
        </Button>
        <PrintButton />
        <Button leftSection={<IconPrinter size={16} />} onClick={() => void savePdf()}>
          {t('reports:savePdf')}
        </Button>
      </Group>
      <header className={classes.header}>
        {org.logo && (
          <img src={logoDataUrl(org.logo)} alt={org.name} style={{ maxHeight: '16mm', maxWidth: '45mm', objectFit: 'contain' }} data-testid="org-logo" />
        )}
        <Title order={2}>{t('reports:donorReport')}</Title>
        <Text fw={600}>{org.name}</Text>
        <Text size="sm">
          {t('reports:period')}: {periodText} · {t('reports:generated', { date: fmt.date(today()) })}
        </Text>
      </header>
      {tables.map((table) => (
        <section key={table.id} className={classes.block} data-testid={`print-${table.id}`}>
          <Table withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{table.header[0]}</Table.Th>
                <Table.Th ta={table.id === 'legend' ? 'left' : 'right'}>{table.header[1]}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta={table.id === 'legend' ? 'left' : 'right'}>{typeof value === 'number' ? fmt.number(value) : value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}
