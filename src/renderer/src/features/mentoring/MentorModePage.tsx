import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { useApp } from '../../session/AppContext';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { getMentorMode } from '../../db/mentorMode';
import { MyMentees } from './MyMentees';
import { SendLogs } from './SendLogs';
import { SessionsTab } from './SessionsTab';
import { WaitingLogs } from './WaitingLogs';

const SECTIONS = ['mentees', 'logs', 'send'] as const;

/** A volunteer mentor's Mreža: only the mentees of the pack her coordinator gave her. */
export function MentorModePage() {
  const { t } = useTranslation('mentorPack');
  const { db } = useApp();
  const fmt = useFormat();
  const { section } = useParams();
  const mode = useLiveQuery(() => getMentorMode(db), [db]);
  if (!mode) return null;
  if (!SECTIONS.includes(section as (typeof SECTIONS)[number])) return <Navigate to="/mentor/mentees" replace />;
  const from = t('mode.packFrom', { organisation: mode.organisation.name, date: fmt.date(mode.packCreatedAt) });
  return (
    <>
      <PageHeader title={t(`mode.${section}Title`)} description={`${t(`mode.${section}Text`)} ${from}`} />
      {section === 'mentees' && (
        <>
          <WaitingLogs mode={mode} />
          <MyMentees mode={mode} />
        </>
      )}
      {section === 'logs' && <SessionsTab mentorId={mode.mentorId} />}
      {section === 'send' && <SendLogs mode={mode} />}
    </>
  );
}
