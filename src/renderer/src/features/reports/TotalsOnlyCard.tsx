import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TotalsOnlyPartner } from '@shared/consolidate';
import { withheldMark } from '@shared/people/sharing';
import { useFormat } from '../../components/useFormat';

/**
 * At the lead: partners that chose "aggregate only" sent no records, so their people cannot be
 * counted once with everybody else's. Their own totals stand here, beside the figures above.
 */
export function TotalsOnlyCard({ partners }: { partners: TotalsOnlyPartner[] }) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  if (partners.length === 0) return null;
  // Hidden figures keep the mark the partner's bundle gave them ("<5", "x").
  const figure = (v: number | string) => (typeof v === 'number' ? fmt.number(v) : v);
  return (
    <Paper withBorder radius="md" p="md" data-testid="totals-only">
      <Title order={5}>{t('totalsOnly.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('totalsOnly.text')} {t('totalsOnly.scope')}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('totalsOnly.partner')}</Table.Th>
            <Table.Th>{t('totalsOnly.asOf')}</Table.Th>
            <Table.Th ta="right">{t('indicators.reach.total')}</Table.Th>
            <Table.Th ta="right">{t('indicators.reach.women')}</Table.Th>
            <Table.Th ta="right">{t('indicators.training.sessions')}</Table.Th>
            <Table.Th ta="right">{t('indicators.mentoring.sessions')}</Table.Th>
            <Table.Th ta="right">{t('totalsOnly.withheld')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((p) => (
            <Table.Tr key={p.orgId}>
              <Table.Td>
                {p.name} ({t(`common:countries.${p.country}`)})
              </Table.Td>
              <Table.Td>{fmt.date(p.asOf)}</Table.Td>
              <Table.Td ta="right">{figure(p.reached)}</Table.Td>
              <Table.Td ta="right">{figure(p.women)}</Table.Td>
              <Table.Td ta="right">{fmt.number(p.trainingSessions)}</Table.Td>
              <Table.Td ta="right">{fmt.number(p.mentoringSessions)}</Table.Td>
              <Table.Td ta="right">{withheldMark(p.withheld, p.threshold, fmt.number) ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
