import { collatorFor } from '@shared/i18n/collation';
import { Drawer, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { municipalityLabel } from '@shared/gazetteer';
import type { Dataset } from '@shared/indicators/dataset';
import type { Organisation } from '@shared/model';
import { placedByEmployer } from '@shared/organisations/register';
import { useFormat } from '../../components/useFormat';

/**
 * The SMEs behind the SME and jobs figures: name, municipality, support date, jobs opened and people
 * placed, so a coordinator can check them. At the lead a partner's SME travels without its name
 * and is shown as that partner's.
 */
export function SmeDrawer({
  smes,
  own,
  outcomes,
  partnerNames,
  onClose,
}: {
  smes: Dataset['organisations'] | null;
  own: readonly Organisation[];
  outcomes: Dataset['outcomes'];
  partnerNames: Map<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation(['organisations', 'reports']);
  const fmt = useFormat();
  const byId = new Map(own.map((o) => [o.id, o] as const));
  const placed = placedByEmployer(outcomes);
  const collator = collatorFor(fmt.locale);
  const rows = (smes ?? []).map((o) => ({ o, full: byId.get(o.id) })).sort((a, b) => collator.compare(a.full?.name ?? '\uffff', b.full?.name ?? '\uffff'));
  return (
    <Drawer opened={smes !== null} onClose={onClose} title={t('organisations:drill.smesTitle')} position="right" size="xl">
      <Text size="sm" c="dimmed" mb="sm">
        {t('organisations:drill.count', { count: rows.length })}
      </Text>
      <Table striped data-testid="sme-drill-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('organisations:fields.name')}</Table.Th>
            <Table.Th>{t('organisations:fields.municipality')}</Table.Th>
            <Table.Th>{t('organisations:fields.supportedOn')}</Table.Th>
            <Table.Th ta="right">{t('organisations:drill.jobs')}</Table.Th>
            <Table.Th ta="right">{t('organisations:drill.placed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ o, full }) => (
            <Table.Tr key={o.id} data-testid="sme-drill-row">
              <Table.Td>{full?.name ?? t('organisations:drill.ofPartner', { partner: partnerNames.get(o.orgId) ?? o.orgId })}</Table.Td>
              <Table.Td>{full ? municipalityLabel(full.town, fmt.locale) : ''}</Table.Td>
              <Table.Td>{o.supportedOn ? fmt.date(o.supportedOn) : ''}</Table.Td>
              <Table.Td ta="right">{o.jobsCreated === undefined ? '' : fmt.number(o.jobsCreated)}</Table.Td>
              <Table.Td ta="right">{fmt.number(placed.get(o.id)?.size ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Drawer>
  );
}
