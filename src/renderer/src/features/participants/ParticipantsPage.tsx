import { Badge, Button, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { IconAddressBook, IconDatabaseImport } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

const PAGE = 200;

export function ParticipantsPage() {
  const { t } = useTranslation(['participants', 'common']);
  const { db } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const highlighted = params.get('person');
  const total = useLiveQuery(() => db.people.count(), [db]);
  const people = useLiveQuery(() => db.people.orderBy('lastName').limit(PAGE).toArray(), [db]);
  const focus = useLiveQuery(async () => (highlighted ? ((await db.people.get(highlighted)) ?? null) : null), [db, highlighted]);

  if (total === undefined || people === undefined) return null;
  const rows = focus && !people.some((p) => p.id === focus.id) ? [focus, ...people] : people;

  return (
    <>
      <PageHeader title={t('participants:title')} description={total ? t('participants:count', { count: total }) : t('participants:description')} />
      {total === 0 ? (
        <EmptyState
          icon={<IconAddressBook size={32} />}
          title={t('participants:emptyTitle')}
          action={
            <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/settings/data')}>
              {t('common:tryDemo')}
            </Button>
          }
        >
          {t('participants:emptyText')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <ScrollArea h="calc(100vh - 210px)">
            <Table striped highlightOnHover stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('participants:name')}</Table.Th>
                  <Table.Th>{t('participants:kind')}</Table.Th>
                  <Table.Th>{t('participants:gender')}</Table.Th>
                  <Table.Th>{t('participants:municipality')}</Table.Th>
                  <Table.Th>{t('participants:institution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr
                    key={p.id}
                    bg={p.id === highlighted ? 'yellow.1' : undefined}
                    data-testid="person-row"
                    data-selected={p.id === highlighted || undefined}
                    ref={p.id === highlighted ? (el) => el?.scrollIntoView({ block: 'center' }) : undefined}
                  >
                    <Table.Td fw={500}>
                      {p.lastName}, {p.firstName}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={p.kind === 'beneficiary' ? 'teal' : 'indigo'}>
                        {t(`participants:kinds.${p.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t(`participants:genders.${p.gender}`)}</Table.Td>
                    <Table.Td>
                      {p.municipality}
                      {p.country ? ` (${p.country})` : ''}
                    </Table.Td>
                    <Table.Td>{p.institution}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {total > PAGE && (
            <Group p="sm">
              <Text size="sm" c="dimmed">
                {t('participants:showingFirst', { shown: PAGE, total })}
              </Text>
            </Group>
          )}
        </Paper>
      )}
    </>
  );
}
