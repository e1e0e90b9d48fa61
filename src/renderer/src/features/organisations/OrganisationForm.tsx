import { Alert, Anchor, Button, Group, List, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COUNTRIES, REGISTER_KINDS, organisationDraftSchema, type Organisation, type OrganisationDraftInput } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { MunicipalityField } from '../../components/MunicipalityField';
import { zodValidate } from '../../components/zodForm';
import { deleteOrganisationEffect, registerEntry } from '../../db/organisations';
import { removeOrganisation, saveOrganisation } from './actions';

interface Values {
  name: string;
  kind: Organisation['kind'];
  town: string;
  country: string | null;
  sector: string;
  contactPerson: string;
  support: string;
  supportedOn: string;
  jobsCreated: number | string;
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The form's values as the entity's one schema reads them (empty fields are absent). */
export function toOrganisationDraft(v: Values): OrganisationDraftInput {
  return {
    name: v.name,
    kind: v.kind,
    town: v.town,
    country: (v.country ?? undefined) as Organisation['country'],
    sector: opt(v.sector),
    contactPerson: opt(v.contactPerson),
    support: opt(v.support),
    supportedOn: opt(v.supportedOn),
    jobsCreated: v.jobsCreated === '' ? undefined : Number(v.jobsCreated),
  };
}

/** Add or edit an entry of the register; an entry being edited shows who was placed there and can be deleted. */
export function OrganisationFormModal({ organisation, onClose }: { organisation?: Organisation | undefined; onClose: () => void }) {
  const { t } = useTranslation(['organisations', 'common', 'participants']);
  const { db, actor, org } = useApp();
  const [error, setError] = useState<string | null>(null);
  const entry = useLiveQuery(async () => (organisation ? ((await registerEntry(db, actor, organisation.id)) ?? null) : null), [db, actor, organisation]);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: organisation?.name ?? '',
      kind: organisation?.kind ?? 'sme',
      town: organisation?.town ?? '',
      country: organisation?.country ?? org.country,
      sector: organisation?.sector ?? '',
      contactPerson: organisation?.contactPerson ?? '',
      support: organisation?.support ?? '',
      supportedOn: organisation?.supportedOn ?? '',
      jobsCreated: organisation?.jobsCreated ?? '',
    },
    validateInputOnChange: true,
    validate: (values) => zodValidate(organisationDraftSchema, t)(toOrganisationDraft(values)),
  });
  const v = form.getValues();

  async function save(values: Values) {
    setError(null);
    const result = await saveOrganisation({ db, actor }, organisation?.id, toOrganisationDraft(values));
    if (!result.ok) {
      setError(t(`organisations:errors.${result.code}`));
      return;
    }
    notifications.show({ color: 'teal', message: t('organisations:saved', { name: result.organisation.name }) });
    onClose();
  }

  async function confirmDelete() {
    if (!organisation) return;
    const { linkedOutcomes } = await deleteOrganisationEffect(db, actor, organisation.id);
    modals.openConfirmModal({
      title: t('organisations:deleteConfirm.title'),
      children: (
        <Stack gap="xs" data-testid="delete-org-confirm">
          <Text size="sm">{t('organisations:deleteConfirm.text', { name: organisation.name })}</Text>
          {linkedOutcomes > 0 && <Text size="sm">{t('organisations:deleteConfirm.linked', { count: linkedOutcomes })}</Text>}
        </Stack>
      ),
      labels: { confirm: t('organisations:deleteConfirm.confirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-org' } as Record<string, unknown>,
      onConfirm: () =>
        void removeOrganisation({ db, actor }, organisation.id).then((r) => {
          if (r.ok) {
            notifications.show({ color: 'teal', message: t('organisations:deleted', { name: organisation.name }) });
            onClose();
          } else setError(t(`organisations:errors.${r.code}`));
        }),
    });
  }

  const placed = entry?.placedPeople ?? [];
  return (
    <Modal opened onClose={onClose} title={organisation ? t('organisations:form.editTitle') : t('organisations:form.newTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => void save(values))} noValidate data-testid="org-form">
        <Stack>
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="org-form-error">
              {error}
            </Alert>
          )}
          <TextInput label={t('organisations:fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} data-testid="org-name-input" />
          <SimpleGrid cols={2}>
            <Select
              label={t('organisations:fields.kind')}
              allowDeselect={false}
              data={REGISTER_KINDS.map((k) => ({ value: k, label: t(`organisations:kinds.${k}`) }))}
              {...form.getInputProps('kind')}
              data-testid="org-kind"
            />
            <TextInput label={t('organisations:fields.sector')} {...form.getInputProps('sector')} />
            <MunicipalityField
              label={t('organisations:fields.municipality')}
              value={v.town}
              onChange={(value) => form.setFieldValue('town', value)}
              country={v.country}
              onCountry={(c) => form.setFieldValue('country', c)}
              error={form.errors.town}
            />
            <Select
              label={t('organisations:fields.country')}
              withAsterisk
              allowDeselect={false}
              data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))}
              {...form.getInputProps('country')}
            />
            <TextInput label={t('organisations:fields.contactPerson')} {...form.getInputProps('contactPerson')} />
          </SimpleGrid>
          <Textarea
            label={t('organisations:fields.support')}
            description={t('organisations:hints.support')}
            autosize
            minRows={2}
            {...form.getInputProps('support')}
          />
          <SimpleGrid cols={2}>
            <DateField
              label={t('organisations:fields.supportedOn')}
              description={t('organisations:hints.supportedOn')}
              value={v.supportedOn}
              onChange={(d) => form.setFieldValue('supportedOn', d)}
              error={form.errors.supportedOn}
              data-testid="org-supported-on"
            />
            <NumberInput
              label={t('organisations:fields.jobsCreated')}
              description={t('organisations:hints.jobsCreated')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              {...form.getInputProps('jobsCreated')}
              data-testid="org-jobs"
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('organisations:fields.placed')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('organisations:hints.placed')}
            </Text>
            {organisation && placed.length > 0 ? (
              <>
                <Text size="sm" data-testid="org-placed-count">
                  {t('organisations:form.placedPeople', { count: placed.length })}
                </Text>
                <List size="sm">
                  {placed.map((p) => (
                    <List.Item key={p.id}>
                      <Anchor component={Link} to={`/participants/${p.id}`} size="sm">
                        {p.firstName} {p.lastName}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('organisations:form.nobodyPlaced')}
              </Text>
            )}
          </Stack>
          <Group justify="space-between">
            {organisation ? (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void confirmDelete()} data-testid="delete-org">
                {t('organisations:delete')}
              </Button>
            ) : (
              <span />
            )}
            <FormActions onCancel={onClose} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
