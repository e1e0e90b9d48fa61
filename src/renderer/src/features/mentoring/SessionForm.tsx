import { Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICES, SESSION_MODES, type MentoringSession } from '@shared/model';
import { useApp } from '../../app/AppContext';
import { logSession } from '../../db/mentoring';
import { DateField } from '../../components/DateField';

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The 30-second session log: date, minutes, mode and services are prefilled or one key away;
 * everything is reachable with Tab, services tick with Space, Ctrl+Enter saves from anywhere.
 */
export function SessionForm({ matchId, planned = false, onDone }: { matchId: string; planned?: boolean; onDone: () => void }) {
  const { t } = useTranslation(['mentoring', 'validation']);
  const { db, actor } = useApp();
  const [date, setDate] = useState(todayIso());
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState<number>(60);
  const [mode, setMode] = useState<MentoringSession['mode']>('inPerson');
  const [services, setServices] = useState<string[]>(['businessCounselling']);
  const [topics, setTopics] = useState('');
  const [note, setNote] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (services.length === 0 || !date || !(minutes > 0)) {
      setError(t('validation:required'));
      return;
    }
    await logSession(db, actor, {
      matchId,
      date,
      time: planned ? time : undefined,
      status: planned ? 'planned' : undefined,
      minutes,
      mode,
      services: services as MentoringSession['services'],
      topics: topics || undefined,
      note: note || undefined,
      nextSteps: nextSteps || undefined,
      followUpOn: followUpOn || undefined,
    });
    notifications.show({ color: 'teal', message: t('sessionLogged') });
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
          {planned && <TextInput type="time" label={t('time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} />}
          <NumberInput label={t('minutes')} min={1} max={1440} step={15} allowDecimal={false} value={minutes} onChange={(v) => setMinutes(Number(v) || 0)} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('mode')}
          </Text>
          <SegmentedControl aria-label={t('mode')} data={SESSION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))} value={mode} onChange={(v) => setMode(v as MentoringSession['mode'])} />
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('cancel')}
          </Button>
          <Button type="submit">{t('save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
