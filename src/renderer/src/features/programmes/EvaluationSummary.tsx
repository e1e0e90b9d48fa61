import { Badge, Box, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormSummaryGroup } from '../../db/evaluations';
import { useFormat } from '../../components/useFormat';
import { formatMean, questionLabel } from './questionLabel';

/** The summary per question of one form: how many answered, the mean, and how many gave each score. */
export function EvaluationSummary({ group, testIds }: { group: FormSummaryGroup; testIds: boolean }) {
  const { t } = useTranslation(['programmes']);
  const fmt = useFormat();
  const id = (s: string) => (testIds ? s : undefined);
  const max = group.form.scaleMax;
  return (
    <Table withTableBorder striped data-testid={id('evaluation-summary')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('programmes:evaluation.summary.question')}</Table.Th>
          <Table.Th ta="right">{t('programmes:evaluation.summary.answered')}</Table.Th>
          <Table.Th ta="right">{t('programmes:evaluation.summary.mean')}</Table.Th>
          <Table.Th>{t('programmes:evaluation.summary.distribution', { max })}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {group.summary.questions.map(({ question, count, mean, distribution }) => {
          const top = Math.max(1, ...distribution);
          return (
            <Table.Tr key={question.key}>
              <Table.Td>{questionLabel(t, question)}</Table.Td>
              <Table.Td ta="right" data-testid={id(`summary-count-${question.key}`)}>
                {fmt.number(count)}
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid={id(`evaluation-avg-${question.key}`)}>
                {question.kind === 'scale' ? formatMean(mean, fmt.locale) : ''}
              </Table.Td>
              <Table.Td>
                {question.kind === 'text' ? (
                  <Badge variant="light" color="gray">
                    {t('programmes:evaluation.summary.written')}
                  </Badge>
                ) : (
                  <Group gap={4} wrap="nowrap" align="flex-end" data-testid={id(`summary-dist-${question.key}`)}>
                    {distribution.map((n, i) => (
                      <Tooltip key={i} label={t('programmes:evaluation.summary.scoreCount', { score: i + 1, n })}>
                        <Box ta="center" w={28}>
                          <Box bg="teal.5" h={Math.round((n / top) * 24)} mb={2} style={{ borderRadius: 2 }} />
                          <Text size="xs" c="dimmed" lh={1}>
                            {i + 1}
                          </Text>
                          <Text size="xs" fw={600} lh={1.2} data-score={i + 1}>
                            {fmt.number(n)}
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
