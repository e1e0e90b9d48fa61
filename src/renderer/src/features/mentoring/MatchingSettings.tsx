import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEIGHTS, matchingWeightsSchema, type MatchingWeights } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { getMentoringSettings, saveMentoringSettings } from '../../db/mentoring';

const KEYS = Object.keys(DEFAULT_WEIGHTS) as (keyof MatchingWeights)[];

/** Settings tab: the weights of the matching criteria and when to remind about quiet matches. */
export function MatchingSettings() {
  const { db } = useApp();
  const settings = useLiveQuery(() => getMentoringSettings(db), [db]);
  if (!settings) return null;
  return <Form initial={settings.weights} initialWeeks={settings.staleWeeks} />;
}

function Form({ initial, initialWeeks }: { initial: MatchingWeights; initialWeeks: number }) {
  const { t } = useTranslation(['mentoring', 'common', 'settings']);
  const { db, actor } = useApp();
  const [weights, setWeights] = useState(initial);
  const [weeks, setWeeks] = useState(initialWeeks);
  const valid = matchingWeightsSchema.safeParse(weights).success && Number.isInteger(weeks) && weeks >= 1 && weeks <= 52;
  return (
    <Paper withBorder radius="md" p="lg" maw={760}>
      <Stack>
        <Text c="dimmed" size="sm">
          {t('mentoring:settings.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {KEYS.map((k) => (
            <NumberInput
              key={k}
              label={t(`mentoring:settings.weights.${k}`)}
              min={0}
              max={k === 'spread' ? 50 : 100}
              allowDecimal={false}
              value={weights[k]}
              onChange={(v) => setWeights({ ...weights, [k]: Number(v) || 0 })}
            />
          ))}
        </SimpleGrid>
        <NumberInput
          label={t('mentoring:settings.staleWeeks')}
          min={1}
          max={52}
          allowDecimal={false}
          value={weeks}
          onChange={(v) => setWeeks(Number(v) || 0)}
          maw={360}
        />
        <Group>
          <Button
            disabled={!valid}
            onClick={() =>
              void saveMentoringSettings(db, actor, { weights, staleWeeks: weeks }).then(() =>
                notifications.show({ color: 'teal', message: t('settings:saved') }),
              )
            }
          >
            {t('common:save')}
          </Button>
          <Button variant="default" onClick={() => setWeights(DEFAULT_WEIGHTS)}>
            {t('mentoring:settings.reset')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
