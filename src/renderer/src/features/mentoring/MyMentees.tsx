import { Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentorModeSettings } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { myMentees } from '../../db/mentorMode';
import { SessionForm } from './SessionForm';

/** Mentor mode: one card per mentee of the pack, with what the next session needs. */
export function MyMentees({ mode }: { mode: MentorModeSettings }) {
  const { t } = useTranslation(['mentorPack', 'mentoring']);
  const { db } = useApp();
  const fmt = useFormat();
  const rows = useLiveQuery(() => myMentees(db, mode.matchIds, fmt.locale), [db, mode.matchIds, fmt.locale]);
  const [form, setForm] = useState<{ matchId: string; planned: boolean; name: string } | null>(null);
  if (!rows) return null;
  if (!rows.length) return <Text c="dimmed">{t('mode.noMentees')}</Text>;
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {rows.map((r) => (
          <Paper key={r.match.id} withBorder radius="md" p="lg" data-testid="my-mentee">
            <Stack gap="xs">
              <Title order={3} size="h4">
                {r.name}
              </Title>
              <Group gap="md">
                {r.person?.municipality && (
                  <Group gap={4}>
                    <IconMapPin size={16} aria-hidden />
                    <Text size="sm">{r.person.municipality}</Text>
                  </Group>
                )}
                {r.person?.phone && (
                  <Group gap={4}>
                    <IconPhone size={16} aria-hidden />
                    <Text size="sm">{r.person.phone}</Text>
                  </Group>
                )}
                {r.person?.email && (
                  <Group gap={4}>
                    <IconMail size={16} aria-hidden />
                    <Text size="sm">{r.person.email}</Text>
                  </Group>
                )}
              </Group>
              {!r.person?.phone && !r.person?.email && (
                <Text size="xs" c="dimmed">
                  {t('mode.noContact')}
                </Text>
              )}
              {r.profile && r.profile.needs.length > 0 && (
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {t('mentoring:needs')}:
                  </Text>
                  {r.profile.needs.map((n) => (
                    <Badge key={n} variant="light">
                      {t(`mentoring:areas.${n}`)}
                    </Badge>
                  ))}
                </Group>
              )}
              {(r.match.goals ?? []).length > 0 && (
                <div>
                  <Text size="sm" fw={500}>
                    {t('mentoring:goals')}
                  </Text>
                  <List size="sm">
                    {r.match.goals!.map((g) => (
                      <List.Item key={g.id}>
                        {g.text} · {t(`mentoring:goalStatuses.${g.status}`)}
                      </List.Item>
                    ))}
                  </List>
                </div>
              )}
              <Text size="sm">
                {t('mentoring:sessionsCount', { count: r.held })}
                {r.lastHeld ? ` · ${t('mode.lastSession', { date: fmt.date(r.lastHeld) })}` : ''}
              </Text>
              {r.nextPlanned && (
                <Text size="sm" c="violet.9" data-testid="next-planned">
                  {t('mode.nextPlanned', { date: `${fmt.date(r.nextPlanned.date)} ${r.nextPlanned.time ?? ''}`.trim() })}
                </Text>
              )}
              {r.followUp && (
                <Text size="sm" c="orange.9">
                  {t('mode.followUp', { date: fmt.date(r.followUp) })}
                </Text>
              )}
              <Group gap="xs" mt="xs">
                <Button size="xs" onClick={() => setForm({ matchId: r.match.id, planned: false, name: r.name })}>
                  {t('mentoring:logSession')}
                </Button>
                <Button size="xs" variant="light" onClick={() => setForm({ matchId: r.match.id, planned: true, name: r.name })}>
                  {t('mode.planNext')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      <Modal
        opened={!!form}
        onClose={() => setForm(null)}
        title={form ? `${form.planned ? t('mode.planNext') : t('mentoring:logSession')}: ${form.name}` : ''}
        size="lg"
      >
        {form && <SessionForm matchId={form.matchId} planned={form.planned} onDone={() => setForm(null)} />}
      </Modal>
    </>
  );
}
