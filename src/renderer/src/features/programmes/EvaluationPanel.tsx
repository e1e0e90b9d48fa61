import { Card, Group, Rating, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import { EVALUATION_QUESTIONS, type Evaluation, type EvaluationQuestion, type Person } from '@shared/model';
import { summariseEvaluations } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { issueMessage } from '../../components/zodForm';
import { useFormat } from '../../components/useFormat';
import { participants, type EventDetail } from '../../db/programmes';
import { commentEvaluation, scoreEvaluation, type ProgrammeActionContext } from './actions';

/** Participants' feedback (1–5 per question and a comment) entered by the coordinator; averages on top. */
export function EvaluationPanel({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = participants(detail);
  const byPerson = new Map(detail.evaluations.map((e) => [e.personId, e]));
  const summary = summariseEvaluations(detail.evaluations);
  const avg = (v: number | null) =>
    v === null ? '—' : v.toLocaleString(fmt.locale === 'en' ? 'en-GB' : fmt.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

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
              {rows.map(({ person }) => (
                <EvaluationRow key={person.id} ctx={{ db, actor }} eventId={detail.event.id} person={person} stored={byPerson.get(person.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}

type Pending = Partial<Record<EvaluationQuestion, { value: number | null; seq: number }>>;

/**
 * One participant's row. What the user chose shows at once (pending until saved); each edit is
 * sent to the row's queue as that one change, so nothing is rebuilt from an older render. A
 * refused edit goes back to what is stored and says why.
 */
function EvaluationRow({ ctx, eventId, person, stored }: { ctx: ProgrammeActionContext; eventId: string; person: Person; stored: Evaluation | undefined }) {
  const { t } = useTranslation(['programmes', 'common', 'validation']);
  const name = `${person.lastName}, ${person.firstName}`;
  const [pending, setPending] = useState<Pending>({});
  const [draft, setDraft] = useState<string | null>(null);
  const seq = useRef(0);

  const refused = (err: unknown, field: string) => {
    const reason = err instanceof ZodError && err.issues[0] ? issueMessage(t, err.issues[0]) : t('common:errors.unexpected');
    notifications.show({ color: 'red', title: t('programmes:evaluation.notSaved', { name, field }), message: reason });
  };

  const score = (q: EvaluationQuestion, v: number) => {
    // Mantine's Rating gives 0 for its "no stars" item (reached from the keyboard): clear the score.
    const value = v === 0 ? null : v;
    const mine = ++seq.current;
    setPending((p) => ({ ...p, [q]: { value, seq: mine } }));
    const settle = () =>
      setPending((p) => {
        if (p[q]?.seq !== mine) return p;
        const { [q]: _, ...rest } = p;
        return rest;
      });
    scoreEvaluation(ctx, eventId, person.id, q, value).then(settle, (err: unknown) => {
      settle();
      refused(err, t(`programmes:evaluation.questions.${q}`));
    });
  };

  const saveComment = (text: string) => {
    if (text.trim() === (stored?.comment ?? '')) return setDraft(null);
    commentEvaluation(ctx, eventId, person.id, text).then(
      () => setDraft((d) => (d === text ? null : d)),
      // The typed text stays in the field, so nothing the user wrote is lost.
      (err: unknown) => refused(err, t('programmes:evaluation.comment')),
    );
  };

  return (
    <Table.Tr data-testid="evaluation-row">
      <Table.Td>{name}</Table.Td>
      {EVALUATION_QUESTIONS.map((q) => (
        <Table.Td key={q}>
          <Group gap={0}>
            <Rating
              className="evaluation-rating"
              value={(pending[q] ? pending[q].value : stored?.scores[q]) ?? 0}
              onChange={(v) => score(q, v)}
              aria-label={`${name}: ${t(`programmes:evaluation.questions.${q}`)}`}
              name={`${person.id}-${q}`}
              data-testid={`rating-${q}`}
            />
          </Group>
        </Table.Td>
      ))}
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={`${name}: ${t('programmes:evaluation.comment')}`}
          value={draft ?? stored?.comment ?? ''}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => draft !== null && saveComment(draft)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
