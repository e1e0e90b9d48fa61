import { ActionIcon, Card, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import type { Evaluation } from '@shared/model';
import type { QuestionSetDraft } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { issueMessage } from '../../components/zodForm';
import type { ResponseDraft } from '../../db/evaluations';
import { correctResponse, enterResponse, removeResponse } from './actions';
import { questionLabel } from './questionLabel';

type Draft = { scores: Record<string, number>; answers: Record<string, string>; personId: string | null };
const EMPTY: Draft = { scores: {}, answers: {}, personId: null };
const toDraft = (r: Evaluation): Draft => ({ scores: { ...r.scores }, answers: { ...r.answers }, personId: r.personId ?? null });
const toResponse = (d: Draft): ResponseDraft => ({ scores: d.scores, answers: d.answers, ...(d.personId ? { personId: d.personId } : {}) });
const same = (a: Draft, b: Draft) => JSON.stringify(toResponse(a)) === JSON.stringify(toResponse(b));

/** The digit a key gives on a scale of 1…max ("0" is 10 on a ten-point scale), or null. */
export function digitScore(key: string, max: number): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const n = key === '0' ? 10 : Number(key);
  return n >= 1 && n <= max ? n : null;
}

/**
 * Paper forms typed one after another, keyboard only: one form per row, a digit per score (the
 * focus moves on by itself), Enter saves the form and opens the next empty row. Rows already
 * saved can be corrected the same way (Enter or leaving the row saves them).
 */
export function ResponseEntry({
  eventId,
  form,
  responses,
  people,
}: {
  eventId: string;
  form: QuestionSetDraft;
  responses: Evaluation[];
  people: Array<{ id: string; label: string }>;
}) {
  const { t } = useTranslation(['programmes']);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusNew = () => setTimeout(() => body.current?.querySelector<HTMLInputElement>('[data-row="new"] input')?.focus(), 0);
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={600}>
        <Table className="response-grid" aria-label={t('programmes:evaluation.entry.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('programmes:evaluation.entry.number')}</Table.Th>
              {form.questions.map((q) => (
                <Table.Th key={q.key} style={{ minWidth: q.kind === 'text' ? 200 : 70 }}>
                  <Text size="xs" fw={600} lineClamp={3}>
                    {questionLabel(t, q)}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th style={{ minWidth: 180 }}>{t('programmes:evaluation.entry.participant')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body}>
            {responses.map((r, i) => (
              <ResponseRow key={r.id} n={i + 1} eventId={eventId} form={form} stored={r} people={people} onDone={focusNew} />
            ))}
            <ResponseRow key="new" n={responses.length + 1} eventId={eventId} form={form} people={people} onDone={focusNew} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function ResponseRow({
  n,
  eventId,
  form,
  stored,
  people,
  onDone,
}: {
  n: number;
  eventId: string;
  form: QuestionSetDraft;
  stored?: Evaluation;
  people: Array<{ id: string; label: string }>;
  onDone: () => void;
}) {
  const { t } = useTranslation(['programmes', 'common', 'validation']);
  const { db, actor } = useApp();
  const initial = stored ? toDraft(stored) : EMPTY;
  const [draft, setDraftState] = useState<Draft>(initial);
  // Keys come faster than renders (a digit, then Enter at once): saving reads what was typed, not the last render.
  const latest = useRef<Draft>(initial);
  const setDraft = (next: Draft | ((d: Draft) => Draft)) => {
    latest.current = typeof next === 'function' ? next(latest.current) : next;
    setDraftState(latest.current);
  };
  const [saving, setSaving] = useState(false);
  const row = useRef<HTMLTableRowElement>(null);
  const isNew = !stored;

  const cells = () => [...(row.current?.querySelectorAll<HTMLInputElement>('input[data-cell]') ?? [])];
  const moveFrom = (el: HTMLInputElement, by: number) => {
    const all = cells();
    all[all.indexOf(el) + by]?.focus();
  };

  const refused = (err: unknown) => {
    // The message says which question; what was typed goes back into the row, so nothing is lost.
    const issue = err instanceof ZodError ? err.issues[0] : undefined;
    const q = form.questions.find((x) => x.key === issue?.path[1]);
    notifications.show({
      color: 'red',
      title: t('programmes:evaluation.entry.notSaved', { n }),
      message: `${q ? `${questionLabel(t, q)}: ` : ''}${issue ? issueMessage(t, issue) : t('common:errors.unexpected')}`,
    });
  };

  /**
   * A new form is taken at once: the row empties and the cursor is back on its first score before
   * the save finishes, so the next form's digits never land in (or are wiped from) the last one.
   */
  const save = async (): Promise<boolean> => {
    const draft = latest.current;
    if (same(draft, initial)) return true;
    const empty = !Object.keys(draft.scores).length && !Object.values(draft.answers).some((a) => a.trim());
    if (isNew) {
      if (empty) return true;
      setDraft(EMPTY);
      cells()[0]?.focus();
      try {
        await enterResponse({ db, actor }, eventId, toResponse(draft));
        notifications.show({ color: 'teal', message: t('programmes:evaluation.entry.saved', { n }), autoClose: 1500 });
      } catch (err) {
        setDraft((d) => (same(d, EMPTY) ? draft : d));
        refused(err);
        return false;
      }
      return true;
    }
    if (saving) return false;
    setSaving(true);
    try {
      await correctResponse({ db, actor }, stored.id, toResponse(draft));
      return true;
    } catch (err) {
      refused(err);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const onScoreKey = (e: KeyboardEvent<HTMLInputElement>, key: string) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (isNew) void save();
      else void save().then((ok) => ok && onDone());
      return;
    }
    if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      setDraft((d) => {
        const { [key]: _, ...scores } = d.scores;
        return { ...d, scores };
      });
      return;
    }
    if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const v = digitScore(e.key, form.scaleMax);
    if (v === null) return;
    setDraft((d) => ({ ...d, scores: { ...d.scores, [key]: v } }));
    moveFrom(e.currentTarget, 1);
  };

  const label = (q: string) => t('programmes:evaluation.entry.cellLabel', { n, question: q });

  return (
    <Table.Tr
      ref={row}
      data-testid={isNew ? 'response-new' : 'response-row'}
      data-row={isNew ? 'new' : n}
      onBlur={(e) => {
        // Leaving the row saves it (a click elsewhere loses nothing); moving within it does not.
        if (!row.current?.contains(e.relatedTarget as Node | null)) void save();
      }}
    >
      <Table.Td>
        <Text size="sm" c="dimmed">
          {n}
        </Text>
      </Table.Td>
      {form.questions.map((q) =>
        q.kind === 'scale' ? (
          <Table.Td key={q.key}>
            <TextInput
              size="xs"
              w={44}
              data-cell
              inputMode="numeric"
              autoComplete="off"
              aria-label={label(questionLabel(t, q))}
              data-testid={`score-${q.key}`}
              value={draft.scores[q.key] !== undefined ? String(draft.scores[q.key]) : ''}
              onChange={() => undefined}
              onKeyDown={(e) => onScoreKey(e, q.key)}
              styles={{ input: { textAlign: 'center', fontWeight: 600 } }}
            />
          </Table.Td>
        ) : (
          <Table.Td key={q.key}>
            <TextInput
              size="xs"
              data-cell
              aria-label={label(questionLabel(t, q))}
              data-testid={`answer-${q.key}`}
              value={draft.answers[q.key] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, answers: { ...d.answers, [q.key]: v } }));
              }}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                if (isNew) void save();
                else void save().then((ok) => ok && onDone());
              }}
            />
          </Table.Td>
        ),
      )}
      <Table.Td>
        <Select
          size="xs"
          searchable
          clearable
          placeholder={t('programmes:evaluation.entry.anonymous')}
          aria-label={label(t('programmes:evaluation.entry.participant'))}
          data={people.map((p) => ({ value: p.id, label: p.label }))}
          value={draft.personId}
          onChange={(v) => setDraft((d) => ({ ...d, personId: v }))}
        />
      </Table.Td>
      <Table.Td>
        {!isNew && (
          <Tooltip label={t('programmes:evaluation.entry.delete')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t('programmes:evaluation.entry.delete')} ${n}`}
              onClick={() =>
                modals.openConfirmModal({
                  title: t('programmes:evaluation.entry.confirmDelete', { n }),
                  labels: { confirm: t('programmes:evaluation.entry.delete'), cancel: t('common:cancel') },
                  confirmProps: { color: 'red' },
                  onConfirm: () => void removeResponse({ db, actor }, stored.id),
                })
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
