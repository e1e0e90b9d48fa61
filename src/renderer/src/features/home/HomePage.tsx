import { Grid, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/permissions';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { useFormat } from '../../components/useFormat';
import { homeFigures } from '../../db/overviews';
import { MentoringReminders } from '../mentoring';
import { ReferralReminders } from '../referrals';

/** The landing page: a greeting, a few headline figures and what needs attention. */
export function HomePage() {
  const { t } = useTranslation(['nav', 'mentoring']);
  const { db, user, org, actor } = useApp();
  const fmt = useFormat();
  const today = useToday();
  const figures = useLiveQuery(() => homeFigures(db), [db]);
  const tiles: Array<[string, number | undefined]> = [
    [t('nav:participants'), figures?.people],
    [t('mentoring:tabs.mentors'), figures?.mentors],
    [t('mentoring:tabs.matches'), figures?.activeMatches],
    [t('mentoring:tabs.sessions'), figures?.sessions],
  ];
  return (
    <Stack>
      <Stack gap={2}>
        <Title order={2}>
          {t('nav:home')} · {user.name}
        </Title>
        <Text c="dimmed">
          {org.name} · {fmt.date(today())}
        </Text>
      </Stack>
      {user.role !== 'mentor' && (
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {tiles.map(([label, value]) => (
            <Paper key={label} withBorder radius="md" p="md" data-testid="home-figure">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text fz={28} fw={700}>
                {value === undefined ? '…' : fmt.number(value)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            {can(actor.role, 'readPeople') && <MentoringReminders />}
            {can(actor.role, 'manageReferrals') && <ReferralReminders />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
