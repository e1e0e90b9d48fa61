import { Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { mentorRows } from '../../db/mentoring';
import { getIssuedPacks, mentorLogsHistory } from '../../db/mentorPacks';
import { ExportPackPanel } from './ExportPackPanel';
import { ImportLogsPanel } from './ImportLogsPanel';
import { Section } from '../../components/Section';

/** Coordinator: packs for volunteer mentors out, their session logs back in. */
export function MentorPacksTab() {
  return (
    <Stack gap="lg" maw={1100}>
      <ExportPackPanel />
      <ImportLogsPanel />
      <IssuedPacks />
    </Stack>
  );
}

function IssuedPacks() {
  const { t } = useTranslation('mentorPack');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const data = useLiveQuery(
    async () => ({
      packs: await getIssuedPacks(db),
      names: new Map((await mentorRows(db, actor)).map((m) => [m.mentor.id, m.name])),
      history: await mentorLogsHistory(db),
    }),
    [db],
  );
  if (!data) return null;
  return (
    <Section title={t('issued.title')} testId="issued-packs">
      {data.packs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('issued.empty')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('issued.mentor')}</Table.Th>
              <Table.Th>{t('issued.created')}</Table.Th>
              <Table.Th>{t('issued.mentees')}</Table.Th>
              <Table.Th>{t('issued.lastReturn')}</Table.Th>
              <Table.Th>{t('issued.key')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data.packs].reverse().map((p) => (
              <Table.Tr key={p.packId} data-testid="issued-pack">
                <Table.Td>{data.names.get(p.mentorId) ?? '—'}</Table.Td>
                <Table.Td>{fmt.dateTime(p.createdAt)}</Table.Td>
                <Table.Td>{p.matchIds.length}</Table.Td>
                <Table.Td>{p.lastReturn ? fmt.dateTime(p.lastReturn.exportedAt) : t('issued.never')}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {p.mentorKey?.fingerprint ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data.history.length > 0 && (
        <>
          <Text fw={500} size="sm" mt="sm">
            {t('issued.history')}
          </Text>
          <Table>
            <Table.Tbody>
              {data.history.map((h) => (
                <Table.Tr key={h.id} data-testid="logs-history">
                  <Table.Td>{fmt.dateTime(h.at)}</Table.Td>
                  <Table.Td>{h.fileName}</Table.Td>
                  <Table.Td>{t('issued.historyCounts', { add: h.rowsAdded, replace: h.rowsReplaced })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Section>
  );
}
