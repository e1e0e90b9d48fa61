import { Button, Group, Rating, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, MATCH_OUTCOMES, type Closure } from '@shared/model';
import { closureFromChoices, NO_CLOSE_CHOICES, type CloseChoices } from '@shared/mentoring';
import { isBusinessOutcome } from '@shared/people/outcomes';
import { useApp } from '../../session/AppContext';
import { BusinessOutcomeFields } from '../../components/BusinessOutcomeFields';
import { PeopleError } from '../../db/people';
import { ForbiddenError } from '../../db/permissions';

/**
 * How a match ends. Nothing is pre-chosen: the reason is required, and a rating, an outcome, a
 * legal form and jobs are recorded only when the coordinator picks them ("no outcome" is a
 * valid answer and writes no outcome record).
 */
export function CloseForm({ onSubmit, onDone }: { onSubmit: (c: Closure) => Promise<void>; onDone: () => void }) {
  const { t } = useTranslation(['mentoring', 'participants', 'common']);
  const { org } = useApp();
  const [choices, setChoices] = useState<CloseChoices>({ ...NO_CLOSE_CHOICES });
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = (changes: Partial<CloseChoices>) => setChoices((c) => ({ ...c, ...changes }));
  const business = isBusinessOutcome(choices.outcome ?? undefined);
  const submit = async () => {
    setTried(true);
    const closure = closureFromChoices(choices);
    if (!closure) return;
    try {
      await onSubmit(closure);
    } catch (e) {
      setError(
        e instanceof PeopleError
          ? t(`participants:errors.${e.code}`)
          : e instanceof ForbiddenError
            ? t('common:errors.forbidden')
            : t('participants:errors.saveFailed'),
      );
    }
  };
  return (
    <Stack>
      <Select
        label={t('closeReason')}
        placeholder={t('reasonPlaceholder')}
        withAsterisk
        data={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReasons.${r}`) }))}
        value={choices.reason}
        onChange={(v) => choose({ reason: v as Closure['reason'] | null })}
        error={tried && !choices.reason ? t('reasonRequired') : undefined}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('rating')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ratingHint')}
        </Text>
        <Group gap="xs">
          <Rating value={choices.rating ?? 0} onChange={(v) => choose({ rating: v })} aria-label={t('rating')} />
          {choices.rating !== null && (
            <Button variant="subtle" size="compact-xs" onClick={() => choose({ rating: null })}>
              {t('clearRating')}
            </Button>
          )}
        </Group>
      </Stack>
      <Select
        label={t('outcome')}
        description={t('outcomeHint')}
        placeholder={t('outcomePlaceholder')}
        clearable
        data={MATCH_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
        value={choices.outcome}
        onChange={(v) => choose({ outcome: v as CloseChoices['outcome'] })}
      />
      {business && <BusinessOutcomeFields country={org.country} value={choices} onChange={choose} />}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button color="red" onClick={() => void submit()}>
          {t('closeMatch')}
        </Button>
      </Group>
    </Stack>
  );
}
