import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconChalkboard, IconDatabaseImport, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApp } from '../../session/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { programmeOverviews } from '../../db/overviews';
import { ProgrammeForm } from './ProgrammeForm';

export function ProgrammeList() {
  const { t } = useTranslation(['programmes', 'common']);
  const { db } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure();
  const overviews = useLiveQuery(() => programmeOverviews(db), [db]);
  if (!overviews) return null;

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t('programmes:new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('programmes:title')} description={t('programmes:description')} actions={newButton} />
      <ProgrammeForm opened={creating} onClose={close} onSaved={(p) => void navigate(`/programmes/${p.id}`)} />
      {overviews.length === 0 ? (
        <EmptyState
          icon={<IconChalkboard size={32} />}
          title={t('programmes:emptyTitle')}
          action={
            <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/settings/data')}>
              {t('common:tryDemo')}
            </Button>
          }
        >
          {t('programmes:emptyText')}
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {overviews.map(({ programme, events, sessions, enrolled, nextSession }) => (
            <Card
              key={programme.id}
              withBorder
              radius="md"
              padding="lg"
              data-testid="programme-card"
              component="a"
              href={`#/programmes/${programme.id}`}
              onClick={(e) => {
                e.preventDefault();
                void navigate(`/programmes/${programme.id}`);
              }}
              className="programme-card"
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={4}>{programme.title}</Title>
                <Badge variant="light" style={{ flexShrink: 0 }} maw="none">
                  {t(`programmes:kinds.${programme.kind}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                {[programme.funder, programme.projectCode].filter(Boolean).join(' · ')}
              </Text>
              {programme.startDate && (
                <Text size="sm" mt="xs">
                  {fmt.date(programme.startDate)} – {programme.endDate ? fmt.date(programme.endDate) : '…'}
                </Text>
              )}
              <Group mt="md" gap="lg">
                {(
                  [
                    ['events', events],
                    ['sessions', sessions],
                    ['enrolled', enrolled],
                  ] as const
                ).map(([key, n]) => (
                  <Stack gap={0} key={key}>
                    <Text fw={700}>{fmt.number(n)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`programmes:${key}`, { count: n })}
                    </Text>
                  </Stack>
                ))}
              </Group>
              {nextSession && (
                <Group gap={6} mt="md">
                  <IconCalendarEvent size={16} />
                  <Text size="sm">{t('programmes:next', { date: fmt.date(nextSession.date), time: nextSession.start, town: nextSession.town })}</Text>
                </Group>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
