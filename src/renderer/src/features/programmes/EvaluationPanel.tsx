import { Button, Card, Group, Menu, Rating, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconDownload, IconFileImport, IconListCheck } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import type { Evaluation, EvaluationQuestionDef, Person } from '@shared/model';
import { fileSlug } from '@shared/files/slug';
import { useApp } from '../../session/AppContext';
import { issueMessage } from '../../components/zodForm';
import { Section } from '../../components/Section';
import { useFormat } from '../../components/useFormat';
import { loadEvaluationForm, loadEvaluationSummaries, loadEventResponses } from '../../db/evaluations';
import { participants, type EventDetail } from '../../db/programmes';
import { commentEvaluation, lastResponseImport, scoreEvaluation, type ProgrammeActionContext } from './actions';
import { useConfirmUndoEvaluationImport } from './confirmUndoEvaluationImport';
import { getSettings } from '../../db/settings';
import { saveEvaluationSummary } from './actions/summaryFile';
import { EvaluationImport } from './EvaluationImport';
import { EvaluationSummary, SummaryViewSwitch, type SummaryView } from './EvaluationSummary';
import { formatMean, questionLabel } from './questionLabel';
import { QuestionSetEditor } from './QuestionSetEditor';
import { ResponseEntry } from './ResponseEntry';

/**
 * The event's evaluations: the summary per question, paper forms typed one per row (anonymous
 * unless a participant is chosen), responses imported from an online form, each participant's
 * scores, and the questions of the programme's form.
 */
export function EvaluationPanel({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [editing, editState] = useDisclosure();
  const [importing, importState] = useDisclosure();
  const eventId = detail.event.id;
  const programmeId = detail.programme.id;
  const formInfo = useLiveQuery(() => loadEvaluationForm(db, actor, programmeId), [db, actor, programmeId]);
  const stored = useLiveQuery(() => loadEventResponses(db, actor, eventId), [db, actor, eventId]);
  const groups = useLiveQuery(() => loadEvaluationSummaries(db, actor, { eventIds: [eventId], programmeId }), [db, actor, eventId, programmeId]);
  const lastImport = useLiveQuery(() => lastResponseImport({ db, actor }, eventId), [db, actor, eventId]);
  const threshold = useLiveQuery(async () => (await getSettings(db))?.suppressionThreshold ?? 5, [db]);
  const confirmUndo = useConfirmUndoEvaluationImport();
  const [view, setView] = useState<SummaryView>('internal');
  if (!formInfo || !stored || !groups || threshold === undefined) return null;
  const shownThreshold = view === 'shared' ? threshold : undefined;
  const { form, current, frozen } = formInfo;
  const rows = participants(detail, fmt.locale);
  const byPerson = new Map(stored.responses.filter((e) => e.personId).map((e) => [e.personId!, e]));
  const currentResponses = stored.responses.filter((r) => current && r.questionSetId === current.id);
  const currentGroup = groups.find((g) => g.current);
  const earlier = groups.filter((g) => !g.current);
  const people = rows.map(({ person }) => ({ id: person.id, label: `${person.lastName}, ${person.firstName}` }));
  const scaleQuestions = form.questions.filter((q) => q.kind === 'scale');

  const saveSummary = async (kind: 'xlsx' | 'csv') => {
    if (!currentGroup) return;
    const saved = await saveEvaluationSummary(
      { db, actor },
      kind,
      currentGroup,
      {
        question: (q) => questionLabel(t, q),
        responses: t('programmes:evaluation.responses'),
        answered: t('programmes:evaluation.summary.answered'),
        mean: t('programmes:evaluation.summary.mean'),
        score: (n) => t('programmes:evaluation.summary.score', { score: n }),
        formatMean: (n) => formatMean(n, fmt.locale),
      },
      fileSlug(`${t('programmes:evaluation.summary.fileName')} ${detail.event.title}`),
    );
    if (saved) notifications.show({ color: 'teal', message: t('programmes:evaluation.summary.saved', { file: saved }) });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Group gap="xl">
          <div>
            <Text size="xs" c="dimmed">
              {t('programmes:evaluation.responses')}
            </Text>
            <Text fw={700} size="xl" data-testid="evaluation-responses">
              {fmt.number(stored.responses.length)}
            </Text>
          </div>
          <Text size="sm" c="dimmed" data-testid="evaluation-form-version">
            {current ? t('programmes:evaluation.form.version', { version: current.version }) : t('programmes:evaluation.form.default')} ·{' '}
            {t('programmes:evaluation.form.scaleShort', { max: form.scaleMax })}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconListCheck size={16} />} onClick={editState.open} data-testid="edit-questions">
            {t('programmes:evaluation.form.button')}
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importState.open} data-testid="import-responses">
            {t('programmes:evaluation.import.button')}
          </Button>
          {lastImport && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => void confirmUndo(lastImport.id)}
              data-testid="undo-evaluation-import"
            >
              {t('programmes:evaluation.import.undo')}
            </Button>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!currentGroup} data-testid="save-summary">
                {t('programmes:evaluation.summary.save')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void saveSummary('xlsx')}>Excel (.xlsx)</Menu.Item>
              <Menu.Item onClick={() => void saveSummary('csv')}>CSV (.csv)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {editing && (
        <QuestionSetEditor opened onClose={editState.close} programme={detail.programme} form={form} version={current?.version ?? null} frozen={frozen} />
      )}
      {importing && <EvaluationImport opened onClose={importState.close} eventId={eventId} form={form} />}

      <Section title={t('programmes:evaluation.summary.title')} description={t('programmes:evaluation.summary.note')}>
        {currentGroup ? (
          <Stack gap="sm">
            <SummaryViewSwitch value={view} onChange={setView} threshold={threshold} />
            <EvaluationSummary group={currentGroup} testIds threshold={shownThreshold} />
          </Stack>
        ) : (
          <Text c="dimmed" data-testid="evaluation-summary-empty">
            {t('programmes:evaluation.summary.none')}
          </Text>
        )}
      </Section>

      <Section title={t('programmes:evaluation.entry.title')} description={t('programmes:evaluation.entry.help', { max: form.scaleMax })}>
        <ResponseEntry eventId={eventId} form={form} responses={currentResponses} people={people} />
      </Section>

      <Section title={t('programmes:evaluation.named.title')} description={t('programmes:evaluation.named.help')}>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('programmes:attendance.empty')}</Text>
        ) : (
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={700}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('programmes:attendance.person')}</Table.Th>
                    {scaleQuestions.map((q) => (
                      <Table.Th key={q.key}>{questionLabel(t, q)}</Table.Th>
                    ))}
                    <Table.Th>{t('programmes:evaluation.comment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map(({ person }) => (
                    <EvaluationRow
                      key={person.id}
                      ctx={{ db, actor }}
                      eventId={eventId}
                      person={person}
                      stored={byPerson.get(person.id)}
                      questions={scaleQuestions}
                      scaleMax={form.scaleMax}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Section>

      {earlier.map((g) => (
        <Section
          key={g.key}
          title={g.version ? t('programmes:evaluation.summary.earlier', { version: g.version }) : t('programmes:evaluation.summary.firstForm')}
          description={t('programmes:evaluation.summary.earlierNote', { n: g.summary.responses })}
        >
          <EvaluationSummary group={g} testIds={false} threshold={shownThreshold} />
        </Section>
      ))}
    </Stack>
  );
}

type Pending = Partial<Record<string, { value: number | null; seq: number }>>;

/**
 * One participant's row. What the user chose shows at once (pending until saved); each edit is
 * sent to the row's queue as that one change, so nothing is rebuilt from an older render. A
 * refused edit goes back to what is stored and says why.
 */
function EvaluationRow({
  ctx,
  eventId,
  person,
  stored,
  questions,
  scaleMax,
}: {
  ctx: ProgrammeActionContext;
  eventId: string;
  person: Person;
  stored: Evaluation | undefined;
  questions: EvaluationQuestionDef[];
  scaleMax: number;
}) {
  const { t } = useTranslation(['programmes', 'common', 'validation']);
  const name = `${person.lastName}, ${person.firstName}`;
  const [pending, setPending] = useState<Pending>({});
  const [draft, setDraft] = useState<string | null>(null);
  const seq = useRef(0);

  const refused = (err: unknown, field: string) => {
    const reason = err instanceof ZodError && err.issues[0] ? issueMessage(t, err.issues[0]) : t('common:errors.unexpected');
    notifications.show({ color: 'red', title: t('programmes:evaluation.notSaved', { name, field }), message: reason });
  };

  const score = (q: string, v: number) => {
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
      refused(err, questionLabel(t, questions.find((x) => x.key === q) ?? { key: q, kind: 'scale' }));
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
      {questions.map(({ key: q, ...rest }) => (
        <Table.Td key={q}>
          <Group gap={0}>
            <Rating
              className="evaluation-rating"
              count={scaleMax}
              value={(pending[q] ? pending[q].value : stored?.scores[q]) ?? 0}
              onChange={(v) => score(q, v)}
              aria-label={`${name}: ${questionLabel(t, { key: q, ...rest })}`}
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
