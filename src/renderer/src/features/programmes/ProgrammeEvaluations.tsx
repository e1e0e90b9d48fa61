import { Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { loadEvaluationSummaries } from '../../db/evaluations';
import { getSettings } from '../../db/settings';
import { useApp } from '../../session/AppContext';
import { EvaluationSummary, SummaryViewSwitch, type SummaryView } from './EvaluationSummary';

/** The programme's evaluations: every event's responses together, per question and form version, within the organisation or as they leave it. */
export function ProgrammeEvaluations({ programmeId, eventIds }: { programmeId: string; eventIds: string[] }) {
  const { t } = useTranslation(['programmes']);
  const { db, actor } = useApp();
  const key = eventIds.join(',');
  const groups = useLiveQuery(() => loadEvaluationSummaries(db, actor, { eventIds, programmeId }), [db, actor, programmeId, key]);
  const threshold = useLiveQuery(async () => (await getSettings(db))?.suppressionThreshold ?? 5, [db]);
  const [view, setView] = useState<SummaryView>('internal');
  if (!groups || threshold === undefined) return null;
  const shown = view === 'shared' ? threshold : undefined;
  if (groups.every((g) => g.summary.responses === 0))
    return (
      <Text c="dimmed" data-testid="evaluation-summary-empty">
        {t('programmes:evaluation.summary.none')}
      </Text>
    );
  return (
    <Stack gap="lg">
      <SummaryViewSwitch value={view} onChange={setView} threshold={threshold} />
      {groups.map((g) => (
        <Section
          key={g.key}
          title={
            g.current
              ? t('programmes:evaluation.summary.programmeTitle')
              : g.version
                ? t('programmes:evaluation.summary.earlier', { version: g.version })
                : t('programmes:evaluation.summary.firstForm')
          }
          description={
            g.current ? t('programmes:evaluation.summary.programmeNote') : t('programmes:evaluation.summary.earlierNote', { n: g.summary.responses })
          }
        >
          <EvaluationSummary group={g} testIds={g.current} threshold={shown} />
        </Section>
      ))}
    </Stack>
  );
}
