import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { COUNTRIES, EVENT_KINDS, eventSchema, sessionSchema, type Country, type EventSession, type Programme, type ProgrammeEvent } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { zodValidate } from '../../components/zodForm';
import { saveEvent } from '../../db/programmes';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';

interface SessionValues {
  id?: string;
  date: string;
  start: string;
  end: string;
  venue: string;
  town: string;
  country: Country;
}
interface Values {
  kind: ProgrammeEvent['kind'];
  number: number | '';
  title: string;
  topic: string;
  trainers: string[];
  capacity: number | '';
  agenda: string;
  sessions: SessionValues[];
}

const formSchema = eventSchema.pick({ kind: true, title: true, topic: true, trainers: true, agenda: true }).extend({
  number: z.union([z.literal(''), z.number().int().min(0)]),
  capacity: z.union([z.literal(''), z.number().int().min(1).max(10000)]),
  sessions: z
    .array(
      sessionSchema
        .pick({ date: true, start: true, end: true, town: true, country: true, venue: true })
        .refine((s) => s.start < s.end, { path: ['end'], message: 'order' }),
    )
    .min(1),
});

const KIND_FOR: Record<Programme['kind'], ProgrammeEvent['kind']> = { badge: 'workshop', crossBorder: 'module', seminarSeries: 'seminar', other: 'workshop' };

/** Create or edit an event with its sessions (date, times, venue, town, country). */
export function EventForm({
  opened,
  onClose,
  programme,
  event,
  sessions,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  programme: Programme;
  event?: ProgrammeEvent;
  sessions?: EventSession[];
  onSaved?: (e: ProgrammeEvent) => void;
}) {
  const { t } = useTranslation(['programmes', 'common', 'validation']);
  const { db, actor, org } = useApp();
  const newSession = (prev?: SessionValues): SessionValues => ({
    date: '',
    start: prev?.start ?? '09:00',
    end: prev?.end ?? '13:00',
    venue: prev?.venue ?? '',
    town: prev?.town ?? org.town,
    country: prev?.country ?? org.country,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: event?.kind ?? KIND_FOR[programme.kind],
      number: event?.number ?? '',
      title: event?.title ?? '',
      topic: event?.topic ?? '',
      trainers: event?.trainers ?? [],
      capacity: event?.capacity ?? '',
      agenda: event?.agenda ?? '',
      sessions: sessions?.map((s) => ({ id: s.id, date: s.date, start: s.start, end: s.end, venue: s.venue ?? '', town: s.town, country: s.country })) ?? [
        newSession(),
      ],
    },
    validate: (values) => {
      const errors = zodValidate(formSchema, t)(values);
      for (const key of Object.keys(errors)) if (/^sessions\.\d+\.end$/.test(key)) errors[key] = t('programmes:form.endBeforeStart');
      return errors;
    },
  });

  const submit = form.onSubmit(async (v) => {
    const saved = await saveEvent(
      db,
      actor,
      {
        programmeId: programme.id,
        kind: v.kind,
        number: v.number === '' ? undefined : v.number,
        title: v.title,
        topic: v.topic.trim() || undefined,
        trainers: v.trainers,
        capacity: v.capacity === '' ? undefined : v.capacity,
        agenda: v.agenda.trim() || undefined,
      },
      v.sessions.map((s) => ({ ...s, venue: s.venue.trim() || undefined })),
      event?.id,
    );
    notifications.show({ color: 'teal', message: t('programmes:saved') });
    onClose();
    if (!event) form.reset();
    onSaved?.(saved);
  });

  const countryOptions = COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }));
  return (
    <Modal opened={opened} onClose={onClose} title={event ? t('programmes:event.edit') : t('programmes:event.new')} size={1100}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={3}>
            <Select
              label={t('programmes:event.kind')}
              data={EVENT_KINDS.map((k) => ({ value: k, label: t(`programmes:eventKinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <NumberInput label={t('programmes:event.number')} min={0} {...form.getInputProps('number')} />
            <NumberInput label={t('programmes:event.capacity')} min={1} {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <TextInput label={t('programmes:event.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
          <TextInput label={t('programmes:event.topic')} {...form.getInputProps('topic')} />
          <TagsInput label={t('programmes:event.trainers')} description={t('programmes:event.trainersHint')} {...form.getInputProps('trainers')} />
          <Textarea label={t('programmes:event.agenda')} autosize minRows={2} maxRows={6} {...form.getInputProps('agenda')} />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('programmes:event.sessions')}
            </Text>
            {form.values.sessions.map((_, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="session-row">
                <DateField w={170} aria-label={t('programmes:session.date')} {...form.getInputProps(`sessions.${i}.date`)} />
                <TimeField w={110} aria-label={t('programmes:session.start')} {...form.getInputProps(`sessions.${i}.start`)} />
                <TimeField w={110} aria-label={t('programmes:session.end')} {...form.getInputProps(`sessions.${i}.end`)} />
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('programmes:session.venue')}
                  placeholder={t('programmes:session.venue')}
                  {...form.getInputProps(`sessions.${i}.venue`)}
                />
                <TextInput
                  w={130}
                  aria-label={t('programmes:session.town')}
                  placeholder={t('programmes:session.town')}
                  {...form.getInputProps(`sessions.${i}.town`)}
                />
                <Select
                  w={150}
                  aria-label={t('programmes:session.country')}
                  data={countryOptions}
                  allowDeselect={false}
                  {...form.getInputProps(`sessions.${i}.country`)}
                />
                <ActionIcon
                  mt={6}
                  variant="subtle"
                  color="red"
                  aria-label={t('programmes:session.remove')}
                  disabled={form.values.sessions.length === 1}
                  onClick={() => form.removeListItem('sessions', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('sessions', newSession(form.values.sessions.at(-1)))}
            >
              {t('programmes:session.add')}
            </Button>
          </Stack>
          <FormActions onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
