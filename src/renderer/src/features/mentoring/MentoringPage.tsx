import { Button, Tabs } from '@mantine/core';
import { IconDatabaseImport, IconUsersGroup } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApp } from '../../session/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { mentoringCounts } from '../../db/mentoring';
import { MatchAllTab } from './MatchAllTab';
import { MatchesTab } from './MatchesTab';
import { MentorPacksTab } from './MentorPacksTab';
import { MenteesTab, MentorsTab } from './PeopleTabs';
import { SessionsTab } from './SessionsTab';

const COORDINATOR_TABS = ['mentors', 'mentees', 'matchAll', 'matches', 'sessions', 'packs'] as const;
const MENTOR_TABS = ['matches', 'sessions'] as const;

export function MentoringPage() {
  const { t } = useTranslation(['mentoring', 'common', 'mentorPack']);
  const { db, user } = useApp();
  const navigate = useNavigate();
  const params = useParams();
  const [forceShow, setForceShow] = useState(false);
  const counts = useLiveQuery(() => mentoringCounts(db), [db]);
  if (!counts) return null;
  // A mentor user sees only her own mentees: her matches and sessions, nothing else.
  const mentorId = user.role === 'mentor' ? (user.mentorId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const tabs: readonly string[] = mentorId ? MENTOR_TABS : COORDINATOR_TABS;
  const tab = params['*'] && tabs.includes(params['*']) ? params['*'] : tabs[0]!;

  return (
    <>
      <PageHeader title={t('mentoring:title')} description={t('mentoring:description')} />
      {counts.mentors === 0 && counts.mentees === 0 && !mentorId && !forceShow ? (
        <EmptyState
          icon={<IconUsersGroup size={32} />}
          title={t('mentoring:emptyTitle')}
          action={
            <Button.Group>
              <Button onClick={() => setForceShow(true)}>{t('mentoring:addMentor')}</Button>
              <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/settings/data')}>
                {t('common:tryDemo')}
              </Button>
            </Button.Group>
          }
        >
          {t('mentoring:emptyText')}
        </EmptyState>
      ) : (
        <Tabs value={tab} onChange={(v) => void navigate(`/mentoring/${v ?? tabs[0]}`)} keepMounted={false}>
          <Tabs.List mb="lg">
            {tabs.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {x === 'packs' ? t('mentorPack:tab') : t(`mentoring:tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="mentors">
            <MentorsTab />
          </Tabs.Panel>
          <Tabs.Panel value="mentees">
            <MenteesTab />
          </Tabs.Panel>
          <Tabs.Panel value="matchAll">
            <MatchAllTab />
          </Tabs.Panel>
          <Tabs.Panel value="matches">
            <MatchesTab mentorId={mentorId} />
          </Tabs.Panel>
          <Tabs.Panel value="sessions">
            <SessionsTab mentorId={mentorId} allowDelete />
          </Tabs.Panel>
          <Tabs.Panel value="packs">
            <MentorPacksTab />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
