import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconDatabaseImport, IconUsersGroup } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { mentorOverviews } from '../../db/overviews';

export function MentoringPage() {
  const { t } = useTranslation(['mentoring', 'common']);
  const { db } = useApp();
  const navigate = useNavigate();
  const mentors = useLiveQuery(() => mentorOverviews(db), [db]);
  if (!mentors) return null;

  return (
    <>
      <PageHeader title={t('mentoring:title')} description={t('mentoring:description')} />
      {mentors.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup size={32} />}
          title={t('mentoring:emptyTitle')}
          action={
            <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/settings/data')}>
              {t('common:tryDemo')}
            </Button>
          }
        >
          {t('mentoring:emptyText')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentoring:mentor')}</Table.Th>
                <Table.Th>{t('mentoring:expertise')}</Table.Th>
                <Table.Th>{t('mentoring:load')}</Table.Th>
                <Table.Th>{t('mentoring:status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mentors.map((m) => (
                <Table.Tr key={m.mentorId} data-testid="mentor-row">
                  <Table.Td>
                    <Text fw={500}>{m.name}</Text>
                    <Text size="xs" c="dimmed">
                      {m.municipality}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.expertise.map((e) => (
                        <Badge key={e} variant="outline" size="sm">
                          {t(`mentoring:areas.${e}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('mentoring:loadValue', { active: m.activeMatches, capacity: m.capacity })}</Table.Td>
                  <Table.Td>
                    <Badge color={m.active ? 'teal' : 'gray'} variant="light">
                      {m.active ? t('mentoring:active') : t('mentoring:paused')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
