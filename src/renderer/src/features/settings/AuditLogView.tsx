import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByLabel } from '@shared/i18n/collation';
import { AUDIT_ACTIONS, TABLE_NAMES, type AuditAction, type AuditEntry } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { dayjsDatePattern } from '@shared/i18n/format';
import { queryAudit, type AuditFilter } from '../../db/audit';
import { listUsers } from '../../db/users';
import { AuditChainBanner } from './AuditChainBanner';
import { useLiveQuery } from 'dexie-react-hooks';

const PAGE = 100;
const ACTION_COLOR: Partial<Record<AuditAction, string>> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  export: 'grape',
  import: 'orange',
  restore: 'orange',
};

export function AuditLogView() {
  const { t } = useTranslation(['audit', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  // Re-read when anything is written, so the log a user looks at is never stale.
  const latest = useLiveQuery(async () => (await queryAudit(db, actor, {}, 1))[0], [db, actor]);

  useEffect(() => {
    void queryAudit(db, actor, filter, PAGE).then((rows) => {
      setEntries(rows);
      setMore(rows.length === PAGE);
    });
  }, [db, actor, filter, latest]);

  const loadMore = async () => {
    const rows = await queryAudit(db, actor, filter, PAGE, entries.at(-1));
    setEntries([...entries, ...rows]);
    setMore(rows.length === PAGE);
  };

  const tableLabel = (table: string) => (table === '*' ? t('audit:allData') : t(`audit:tables.${table}`, { defaultValue: table }));

  return (
    <>
      <AuditChainBanner recheck={latest} />
      <Group mb="md" align="flex-end">
        <Select
          label={t('audit:action')}
          clearable
          placeholder={t('audit:any')}
          data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit:actions.${a}`) }))}
          value={filter.action ?? null}
          onChange={(v) => setFilter({ ...filter, action: (v as AuditAction | null) ?? undefined })}
          w={180}
        />
        <Select
          label={t('audit:table')}
          clearable
          placeholder={t('audit:any')}
          data={['*', ...TABLE_NAMES].map((x) => ({ value: x, label: tableLabel(x) }))}
          value={filter.table ?? null}
          onChange={(v) => setFilter({ ...filter, table: v ?? undefined })}
          w={200}
        />
        <Select
          label={t('audit:user')}
          clearable
          placeholder={t('audit:any')}
          data={sortByLabel(
            users.map((u) => ({ value: u.id, label: u.name })),
            fmt.locale,
          )}
          value={filter.userId ?? null}
          onChange={(v) => setFilter({ ...filter, userId: v ?? undefined })}
          w={180}
        />
        <DatePickerInput
          type="range"
          label={t('audit:period')}
          placeholder={t('audit:any')}
          clearable
          valueFormat={dayjsDatePattern(fmt.locale)}
          value={[filter.from ?? null, filter.to ?? null]}
          onChange={([from, to]) => setFilter({ ...filter, from: from ?? undefined, to: to ?? undefined })}
          w={240}
        />
      </Group>
      <Paper withBorder radius="md">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit:when')}</Table.Th>
              <Table.Th>{t('audit:user')}</Table.Th>
              <Table.Th>{t('audit:action')}</Table.Th>
              <Table.Th>{t('audit:table')}</Table.Th>
              <Table.Th>{t('audit:details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id} data-testid="audit-row">
                <Table.Td>{fmt.dateTime(e.at)}</Table.Td>
                <Table.Td>{e.userName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ACTION_COLOR[e.action] ?? 'gray'}>
                    {t(`audit:actions.${e.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{tableLabel(e.table)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {[e.summary && t(`audit:summaries.${e.summary}`, { count: e.count ?? 0, defaultValue: e.summary }), e.detail].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {entries.length === 0 && (
          <Text c="dimmed" p="md">
            {t('audit:empty')}
          </Text>
        )}
      </Paper>
      {more && (
        <Group justify="center" mt="md">
          <Button variant="subtle" onClick={() => void loadMore()}>
            {t('audit:loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
