import { ActionIcon, Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import { PRESET_QUESTIONS, SCALE_MAX_MAX, SCALE_MAX_MIN, type EvaluationQuestionDef, type Programme } from '@shared/model';
import { defaultQuestionSet, newQuestionKey, type QuestionSetDraft } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { issueMessage } from '../../components/zodForm';
import { saveEvaluationForm } from './actions';

const isPreset = (key: string) => (PRESET_QUESTIONS as readonly string[]).includes(key);

/**
 * A programme's evaluation questions: reword, add (a score or a written answer), remove, reorder,
 * the scale. Once responses exist for the current version, saving writes the next version.
 */
export function QuestionSetEditor({
  opened,
  onClose,
  programme,
  form,
  version,
  frozen,
}: {
  opened: boolean;
  onClose: () => void;
  programme: Programme;
  form: QuestionSetDraft;
  version: number | null;
  frozen: boolean;
}) {
  const { t } = useTranslation(['programmes', 'common', 'validation']);
  const { db, actor } = useApp();
  const [draft, setDraft] = useState<QuestionSetDraft>(form);
  const [error, setError] = useState<string | null>(null);
  const set = (questions: EvaluationQuestionDef[]) => setDraft((d) => ({ ...d, questions }));
  const move = (i: number, by: number) => {
    const qs = [...draft.questions];
    const [q] = qs.splice(i, 1);
    qs.splice(i + by, 0, q!);
    set(qs);
  };
  const add = (kind: EvaluationQuestionDef['kind']) => set([...draft.questions, { key: newQuestionKey(draft.questions), kind, text: '' }]);

  const save = async () => {
    // A question of her own needs its wording; a preset may keep the app's.
    if (draft.questions.some((q) => !isPreset(q.key) && !q.text?.trim())) return setError(t('programmes:evaluation.form.needsWording'));
    if (!draft.questions.length) return setError(t('programmes:evaluation.form.needsQuestion'));
    try {
      const saved = await saveEvaluationForm({ db, actor }, programme.id, draft);
      notifications.show({ color: 'teal', message: t('programmes:evaluation.form.saved', { version: saved.version }) });
      onClose();
    } catch (err) {
      setError(err instanceof ZodError && err.issues[0] ? issueMessage(t, err.issues[0]) : t('common:errors.unexpected'));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('programmes:evaluation.form.title', { programme: programme.title })} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {version ? t('programmes:evaluation.form.version', { version }) : t('programmes:evaluation.form.default')}
        </Text>
        {frozen && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="form-frozen">
            {t('programmes:evaluation.form.frozen', { next: (version ?? 0) + 1 })}
          </Alert>
        )}
        <NumberInput
          label={t('programmes:evaluation.form.scale')}
          min={SCALE_MAX_MIN}
          max={SCALE_MAX_MAX}
          w={200}
          value={draft.scaleMax}
          onChange={(v) => setDraft((d) => ({ ...d, scaleMax: Math.min(SCALE_MAX_MAX, Math.max(SCALE_MAX_MIN, Number(v) || 5)) }))}
        />
        {draft.questions.map((q, i) => (
          <Group key={q.key} gap="xs" wrap="nowrap" align="flex-end" data-testid="form-question">
            <TextInput
              style={{ flex: 1 }}
              label={`${i + 1}.`}
              placeholder={isPreset(q.key) ? t(`programmes:evaluation.questions.${q.key}`) : t('programmes:evaluation.form.wording')}
              value={q.text ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                set(draft.questions.map((x, j) => (j === i ? { ...x, text } : x)));
              }}
            />
            <SegmentedControl
              size="xs"
              value={q.kind}
              onChange={(kind) => set(draft.questions.map((x, j) => (j === i ? { ...x, kind: kind as EvaluationQuestionDef['kind'] } : x)))}
              data={[
                { value: 'scale', label: t('programmes:evaluation.form.kinds.scale', { max: draft.scaleMax }) },
                { value: 'text', label: t('programmes:evaluation.form.kinds.text') },
              ]}
            />
            <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('programmes:evaluation.form.up')}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={i === draft.questions.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('programmes:evaluation.form.down')}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => set(draft.questions.filter((_, j) => j !== i))}
              aria-label={t('programmes:evaluation.form.remove')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => add('scale')}>
            {t('programmes:evaluation.form.addScale')}
          </Button>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => add('text')}>
            {t('programmes:evaluation.form.addText')}
          </Button>
          <Button variant="subtle" onClick={() => setDraft(defaultQuestionSet(programme.kind))}>
            {t('programmes:evaluation.form.reset')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" data-testid="form-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={() => void save()} data-testid="form-save">
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
