import { Badge, Box, Group, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayCell, SECONDARY_MARK } from '@shared/indicators/suppression';
import { protectFormSummary } from '@shared/programmes';
import type { FormSummaryGroup } from '../../db/evaluations';
import { useFormat } from '../../components/useFormat';
import { formatMean, questionLabel } from './questionLabel';

export type SummaryView = 'internal' | 'shared';

/** Within the organisation, or as the summary leaves it (the saved file, a donor's report): the one suppression routine's result. */
export function SummaryViewSwitch({ value, onChange, threshold }: { value: SummaryView; onChange: (v: SummaryView) => void; threshold: number }) {
  const { t } = useTranslation(['programmes']);
  return (
    <Group gap="sm" align="center">
      <SegmentedControl
        size="xs"
        aria-label={t('programmes:evaluation.summary.view.label')}
        data-testid="summary-view"
        value={value}
        onChange={(v) => onChange(v as SummaryView)}
        data={(['internal', 'shared'] as const).map((v) => ({ value: v, label: t(`programmes:evaluation.summary.view.${v}`) }))}
      />
      {value === 'shared' && (
        <Text size="xs" c="dimmed" maw={560} data-testid="summary-shared-note">
          {t('programmes:evaluation.summary.sharedNote', { threshold })}
        </Text>
      )}
    </Group>
  );
}

/**
 * The summary per question of one form: how many answered, the mean, and how many gave each score.
 * With a `threshold`, the form that leaves the organisation: small counts as "<n", a count that
 * would give one away as "x", the mean only when every score's count is shown.
 */
export function EvaluationSummary({ group, testIds, threshold }: { group: FormSummaryGroup; testIds: boolean; threshold?: number }) {
  const { t } = useTranslation(['programmes']);
  const fmt = useFormat();
  const id = (s: string) => (testIds ? s : undefined);
  const max = group.form.scaleMax;
  const shared = threshold === undefined ? null : protectFormSummary(group.summary, threshold);
  return (
    <Table withTableBorder striped data-testid={id('evaluation-summary')} data-view={shared ? 'shared' : 'internal'}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('programmes:evaluation.summary.question')}</Table.Th>
          <Table.Th ta="right">{t('programmes:evaluation.summary.answered')}</Table.Th>
          <Table.Th ta="right">{t('programmes:evaluation.summary.mean')}</Table.Th>
          <Table.Th>{t('programmes:evaluation.summary.distribution', { max })}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {group.summary.questions.map(({ question, count, mean, distribution }, q) => {
          const safe = shared?.questions[q];
          // What each cell shows: the number, or (leaving the organisation) its mark when hidden.
          const cells = distribution.map((n, i) => {
            const c = safe?.distribution[i];
            return c && c.state !== 'shown' ? { n: 0, text: displayCell(c.count, c.state, threshold!) } : { n, text: fmt.number(n) };
          });
          const countText = safe && safe.count.state !== 'shown' ? displayCell(safe.count.count, safe.count.state, threshold!) : fmt.number(count);
          const shownMean = safe ? safe.mean : mean;
          const meanText =
            question.kind !== 'scale'
              ? ''
              : shownMean !== null
                ? formatMean(shownMean, fmt.locale)
                : safe && count
                  ? SECONDARY_MARK
                  : formatMean(null, fmt.locale);
          const top = Math.max(1, ...cells.map((c) => c.n));
          return (
            <Table.Tr key={question.key}>
              <Table.Td>{questionLabel(t, question)}</Table.Td>
              <Table.Td ta="right" data-testid={id(`summary-count-${question.key}`)}>
                {countText}
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid={id(`evaluation-avg-${question.key}`)}>
                {meanText}
              </Table.Td>
              <Table.Td>
                {question.kind === 'text' ? (
                  <Badge variant="light" color="gray">
                    {t('programmes:evaluation.summary.written')}
                  </Badge>
                ) : (
                  <Group gap={4} wrap="nowrap" align="flex-end" data-testid={id(`summary-dist-${question.key}`)}>
                    {cells.map((c, i) => (
                      <Tooltip key={i} label={t('programmes:evaluation.summary.scoreCount', { score: i + 1, n: c.text })}>
                        <Box ta="center" w={28}>
                          <Box bg="teal.5" h={Math.round((c.n / top) * 24)} mb={2} style={{ borderRadius: 2 }} />
                          <Text size="xs" c="dimmed" lh={1}>
                            {i + 1}
                          </Text>
                          <Text size="xs" fw={600} lh={1.2} data-score={i + 1}>
                            {c.text}
                          </Text>
                        </Box>
                      </Tooltip>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
