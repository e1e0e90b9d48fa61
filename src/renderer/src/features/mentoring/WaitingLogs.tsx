import { Alert, List } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';
import type { MentorModeSettings } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { menteeLogs } from '../../db/mentorLaptop';

/** Mantine's orange title is too light on its light background (WCAG AA); the app's dark orange. */
export const ORANGE_TITLE = { title: { color: '#8a2c0d' } };

/**
 * Mentor mode: mentees the newest pack no longer carries, kept on this computer only until her
 * logs of them are confirmed home by a later pack.
 */
export function WaitingLogs({ mode }: { mode: MentorModeSettings }) {
  const { t } = useTranslation('mentorPack');
  const { db } = useApp();
  const fmt = useFormat();
  const waiting = useLiveQuery(async () => (await menteeLogs(db, mode, fmt.locale)).filter((m) => m.ended && m.unsent > 0), [db, mode, fmt.locale]);
  if (!waiting?.length) return null;
  return (
    <Alert
      color="orange"
      icon={<IconClockHour4 size={18} />}
      title={t('waiting.title', { organisation: mode.organisation.name })}
      data-testid="waiting-logs"
      styles={ORANGE_TITLE}
      mb="md"
    >
      <List size="sm" spacing={2}>
        {waiting.map((m) => (
          <List.Item key={m.name} data-testid="waiting-mentee">
            {t('waiting.mentee', { name: m.name, count: m.unsent })}
          </List.Item>
        ))}
      </List>
      {t('waiting.text', { organisation: mode.organisation.name })}
    </Alert>
  );
}
