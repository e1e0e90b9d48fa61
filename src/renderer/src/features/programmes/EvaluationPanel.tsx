import { Card, Group, Rating, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EVALUATION_QUESTIONS, type EvaluationQuestion } from '@shared/model';
import { summariseEvaluations } from '@shared/programmes';
import { useApp } from '../../app/AppContext';
import { useFormat } from '../../components/useFormat';
import { participants, saveEvaluation, type EventDetail } from '../../db/programmes';

/** Participants' feedback (1–5 per question and a comment) entered by the coordinator; averages on top. */
export function EvaluationPanel({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = participants(detail);
  const byPerson = new Map(detail.evaluations.map((e) => [e.personId, e]));
  const summary = summariseEvaluations(detail.evaluations);
  const avg = (v: number | null) => (v === null ? '—' : v.toLocaleString(fmt.locale === 'en' ? 'en-GB' : fmt.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }));
  const save = (personId: string, scores: Partial<Record<EvaluationQuestion, number>>, comment?: string) => void saveEvaluation(db, actor, detail.event.id, personId, scores, comment);

  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 6 }} mb="md">
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('programmes:evaluation.responses')}
          </Text>
          <Text fw={700} size="xl" data-testid="evaluation-responses">
            {fmt.number(summary.responses)}
          </Text>
        </Card>
        {EVALUATION_QUESTIONS.map((q) => (
          <Card withBorder padding="sm" key={q}>
            <Text size="xs" c="dimmed">
              {t(`programmes:evaluation.questions.${q}`)}
            </Text>
            <Text fw={700} size="xl" data-testid={`evaluation-avg-${q}`}>
              {avg(summary.averages[q])}
            </Text>
          </Card>
        ))}
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('programmes:evaluation.overall')}
          </Text>
          <Text fw={700} size="xl" data-testid="evaluation-overall">
            {avg(summary.overall)}
          </Text>
        </Card>
      </SimpleGrid>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('programmes:attendance.empty')}</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes:attendance.person')}</Table.Th>
                {EVALUATION_QUESTIONS.map((q) => (
                  <Table.Th key={q}>{t(`programmes:evaluation.questions.${q}`)}</Table.Th>
                ))}
                <Table.Th>{t('programmes:evaluation.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ person }) => {
                const current = byPerson.get(person.id);
                const name = `${person.lastName}, ${person.firstName}`;
                return (
                  <Table.Tr key={person.id} data-testid="evaluation-row">
                    <Table.Td>{name}</Table.Td>
                    {EVALUATION_QUESTIONS.map((q) => (
                      <Table.Td key={q}>
                        <Group gap={0}>
                          <Rating
                            value={current?.scores[q] ?? 0}
                            onChange={(v) => save(person.id, { ...current?.scores, [q]: v }, current?.comment)}
                            aria-label={`${name}: ${t(`programmes:evaluation.questions.${q}`)}`}
                            name={`${person.id}-${q}`}
                          />
                        </Group>
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <TextInput
                        key={current?.updatedAt ?? 'new'}
                        size="xs"
                        aria-label={`${name}: ${t('programmes:evaluation.comment')}`}
                        defaultValue={current?.comment ?? ''}
                        onBlur={(e) => {
                          if ((current?.comment ?? '') !== e.currentTarget.value.trim()) save(person.id, current?.scores ?? {}, e.currentTarget.value);
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
