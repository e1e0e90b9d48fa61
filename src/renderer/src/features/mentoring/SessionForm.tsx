import { Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICES, SESSION_MODES, type MentoringSession } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { logSession, updateSession } from '../../db/mentoring';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';

/**
 * The 30-second session log: date, minutes and mode are prefilled, services one key away (none is
 * ticked for her: each counts in the donor's figures);
 * everything is reachable with Tab, services tick with Space, Ctrl+Enter saves from anywhere.
 * With `session`, the same form corrects that log (and `onDelete` offers to remove it).
 */
export function SessionForm({
  matchId,
  planned: plannedNew = false,
  session,
  onDone,
  onDelete,
  onSaved,
}: {
  matchId: string;
  planned?: boolean;
  session?: MentoringSession;
  onDone: () => void;
  onDelete?: () => void;
  /** After the log is written (a reminder's button hides what the log answers). */
  onSaved?: (saved: MentoringSession) => Promise<void> | void;
}) {
  const { t } = useTranslation(['mentoring', 'validation']);
  const { db, actor } = useApp();
  const today = useToday();
  const planned = session ? session.status === 'planned' : plannedNew;
  const [date, setDate] = useState(() => session?.date ?? today());
  const [time, setTime] = useState(session?.time ?? '10:00');
  const [minutes, setMinutes] = useState<number>(session?.minutes ?? 60);
  const [mode, setMode] = useState<MentoringSession['mode']>(session?.mode ?? 'inPerson');
  // No service is ticked for her: each one counts in the donor's "services received" figures.
  const [services, setServices] = useState<string[]>(session?.services ?? []);
  const [topics, setTopics] = useState(session?.topics ?? '');
  const [note, setNote] = useState(session?.note ?? '');
  const [nextSteps, setNextSteps] = useState(session?.nextSteps ?? '');
  const [followUpOn, setFollowUpOn] = useState(session?.followUpOn ?? '');
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const submit = async () => {
    if (services.length === 0 || !date || !(minutes > 0)) {
      setError(t('validation:required'));
      return;
    }
    const draft = {
      matchId,
      date,
      time: planned ? time : undefined,
      status: planned ? ('planned' as const) : undefined,
      minutes,
      mode,
      services: services as MentoringSession['services'],
      topics: topics || undefined,
      note: note || undefined,
      nextSteps: nextSteps || undefined,
      followUpOn: followUpOn || undefined,
    };
    const saved = session ? await updateSession(db, actor, session.id, draft) : await logSession(db, actor, draft);
    await onSaved?.(saved);
    notifications.show({ color: 'teal', message: t(session ? 'sessionSaved' : 'sessionLogged') });
    onDone();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('keyboardHint')}
        </Text>
        <Group grow>
          <DateField label={t('date')} value={date} onChange={setDate} required data-autofocus />
          {planned && <TimeField label={t('time')} value={time} onChange={setTime} />}
          <NumberInput label={t('minutes')} min={1} max={1440} step={15} allowDecimal={false} value={minutes} onChange={(v) => setMinutes(Number(v) || 0)} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('mode')}
          </Text>
          <SegmentedControl
            aria-label={t('mode')}
            data={SESSION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            value={mode}
            onChange={(v) => setMode(v as MentoringSession['mode'])}
          />
        </Stack>
        <Checkbox.Group label={t('services')} value={services} onChange={setServices} error={error ?? undefined}>
          <Group mt={4}>
            {SERVICES.map((s) => (
              <Checkbox key={s} value={s} label={t(`serviceNames.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput label={t('topics')} value={topics} onChange={(e) => setTopics(e.currentTarget.value)} />
        {!planned && <Textarea label={t('confidentialNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />}
        {!planned && (
          <Group grow>
            <TextInput label={t('nextSteps')} value={nextSteps} onChange={(e) => setNextSteps(e.currentTarget.value)} />
            <DateField label={t('followUpOn')} value={followUpOn} onChange={setFollowUpOn} />
          </Group>
        )}
        {confirmDelete && (
          <Alert color="red" title={t('deleteSessionConfirm')} data-testid="confirm-delete-session">
            <Group justify="flex-end" mt="xs">
              <Button variant="default" size="xs" onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </Button>
              <Button color="red" size="xs" onClick={onDelete}>
                {t('deleteSession')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          {session && onDelete && (
            <Button variant="subtle" color="red" mr="auto" onClick={() => setConfirmDelete(true)} disabled={confirmDelete}>
              {t('deleteSession')}
            </Button>
          )}
          <Button variant="default" onClick={onDone}>
            {t('cancel')}
          </Button>
          <Button type="submit">{t('save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
