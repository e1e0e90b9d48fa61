import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';

/**
 * "Show again on…": the one form every reminder list snoozes with (mentoring, referral follow-ups).
 * The caller snoozes and names its own errors; the form keeps the date typed when it fails.
 */
export function SnoozeUntilForm({
  text,
  onSnooze,
  errorText,
  onDone,
}: {
  text: string;
  onSnooze: (day: string) => Promise<void>;
  errorText: (error: unknown) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation(['mentoring', 'common']);
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await onSnooze(until);
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack>
      <Text size="sm">{text}</Text>
      <DateField label={t('mentoring:reminders.showAgainOn')} value={until} onChange={setUntil} required data-autofocus />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common:cancel')}
        </Button>
        <Button onClick={() => void save()}>{t('mentoring:reminders.snooze')}</Button>
      </Group>
    </Stack>
  );
}
