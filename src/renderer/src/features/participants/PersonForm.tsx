import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  COUNTRIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  LEGAL_BASES,
  ORG_TYPES,
  TARGET_GROUPS,
  coversSpecialCategories,
  personDraftSchema,
  type ConsentDraft,
  type Person,
  type PersonDraftInput,
} from '@shared/model';
import { UNTICKED_CONSENT_CHOICES } from '@shared/people/sharing';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { zodValidate } from '../../components/zodForm';
import { PeopleError, consentsOf, createPerson, findDuplicates, updatePerson } from '../../db/people';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/DateField';
import { MunicipalityField } from '../../components/MunicipalityField';

interface Values {
  kind: Person['kind'];
  firstName: string;
  lastName: string;
  gender: Person['gender'];
  birthYear: number | string;
  municipality: string;
  country: string | null;
  phone: string;
  email: string;
  employmentStatus: string | null;
  educationLevel: string | null;
  institution: string;
  institutionType: string | null;
  jobTitle: string;
  targetGroups: string[];
  notes: string;
  // consent recorded together with a new person
  recordConsent: boolean;
  legalBasis: string;
  consentDate: string;
  noticeVersion: string;
  specialCategories: boolean;
  shareWithLead: boolean;
  photos: boolean;
}

const opt = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);

export function toDraft(v: Values): PersonDraftInput {
  const professional = v.kind === 'professional';
  return {
    kind: v.kind,
    firstName: v.firstName,
    lastName: v.lastName,
    gender: v.gender,
    birthYear: v.birthYear === '' ? undefined : Number(v.birthYear),
    municipality: opt(v.municipality),
    country: opt(v.country) as Person['country'],
    phone: opt(v.phone),
    email: opt(v.email),
    employmentStatus: opt(v.employmentStatus) as Person['employmentStatus'],
    educationLevel: opt(v.educationLevel) as Person['educationLevel'],
    institution: professional ? opt(v.institution) : undefined,
    institutionType: professional ? (opt(v.institutionType) as Person['institutionType']) : undefined,
    jobTitle: professional ? opt(v.jobTitle) : undefined,
    targetGroups: v.targetGroups as Person['targetGroups'],
    notes: opt(v.notes),
  };
}

function consentOf(v: Values): ConsentDraft | undefined {
  if (!v.recordConsent) return undefined;
  return {
    legalBasis: v.legalBasis as ConsentDraft['legalBasis'],
    date: v.consentDate,
    noticeVersion: v.noticeVersion.trim(),
    processing: true,
    specialCategories: v.specialCategories,
    shareWithLead: v.shareWithLead,
    photos: v.photos,
  };
}

export function PersonFormModal({ person, onClose, onSaved }: { person?: Person; onClose: () => void; onSaved?: (p: Person) => void }) {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const navigate = useNavigate();
  const [duplicates, setDuplicates] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const existingConsents = useLiveQuery(async () => (person ? consentsOf(db, person.id) : []), [db, person]);
  const today = useToday()();

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: person?.kind ?? 'beneficiary',
      firstName: person?.firstName ?? '',
      lastName: person?.lastName ?? '',
      gender: person?.gender ?? 'woman',
      birthYear: person?.birthYear ?? '',
      municipality: person?.municipality ?? '',
      country: person?.country ?? null,
      phone: person?.phone ?? '',
      email: person?.email ?? '',
      employmentStatus: person?.employmentStatus ?? null,
      educationLevel: person?.educationLevel ?? null,
      institution: person?.institution ?? '',
      institutionType: person?.institutionType ?? null,
      jobTitle: person?.jobTitle ?? '',
      targetGroups: person?.targetGroups ?? [],
      notes: person?.notes ?? '',
      recordConsent: !person,
      legalBasis: 'consent',
      consentDate: today,
      noticeVersion: '1.0',
      // Sharing with the lead (and every other choice) is the person's active choice: never pre-ticked.
      ...UNTICKED_CONSENT_CHOICES,
    },
    validateInputOnChange: true,
    validate: (values) => {
      const errors = zodValidate(personDraftSchema, t)(toDraft(values));
      if (values.recordConsent && !values.consentDate) errors.consentDate = t('validation:required');
      if (values.recordConsent && !values.noticeVersion.trim()) errors.noticeVersion = t('validation:required');
      return errors;
    },
  });

  const v = form.getValues();
  const specialAllowed = person ? coversSpecialCategories(existingConsents ?? []) : v.recordConsent && v.specialCategories;

  async function save(values: Values, confirmed = false) {
    setError(null);
    const draft = toDraft(values);
    if (!specialAllowed) {
      draft.targetGroups = [];
      draft.notes = undefined;
    }
    try {
      if (!person && !confirmed) {
        const found = await findDuplicates(db, {
          firstName: draft.firstName,
          lastName: draft.lastName,
          birthYear: draft.birthYear,
          municipality: draft.municipality,
        });
        if (found.length) {
          setDuplicates(found);
          return;
        }
      }
      const saved = person ? await updatePerson(db, actor, person.id, draft) : await createPerson(db, actor, draft, consentOf(values));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setError(e instanceof PeopleError ? t(`participants:errors.${e.code}`) : t('participants:errors.saveFailed'));
    }
  }

  const choice = (prefix: string, values: readonly string[]) => values.map((x) => ({ value: x, label: t(`participants:${prefix}.${x}`) }));

  return (
    <Modal opened onClose={onClose} size="xl" title={person ? t('participants:editTitle') : t('participants:newTitle')}>
      <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
        <Stack gap="sm">
          <SegmentedControl data={choice('kinds', ['beneficiary', 'professional'])} {...form.getInputProps('kind')} aria-label={t('participants:kind')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('participants:fields.firstName')} withAsterisk {...form.getInputProps('firstName')} />
            <TextInput label={t('participants:fields.lastName')} withAsterisk {...form.getInputProps('lastName')} />
            <Select label={t('participants:fields.gender')} data={choice('genders', GENDERS)} allowDeselect={false} {...form.getInputProps('gender')} />
            <NumberInput
              label={t('participants:fields.birthYear')}
              min={1900}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              {...form.getInputProps('birthYear')}
            />
            <MunicipalityField
              label={t('participants:fields.municipality')}
              value={v.municipality}
              onChange={(value) => form.setFieldValue('municipality', value)}
              country={v.country}
              onCountry={(c) => form.setFieldValue('country', c)}
              error={form.errors.municipality}
            />
            <Select
              label={t('participants:fields.country')}
              clearable
              data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))}
              {...form.getInputProps('country')}
            />
            <TextInput label={t('participants:fields.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('participants:fields.email')} type="email" {...form.getInputProps('email')} />
            <Select
              label={t('participants:fields.employmentStatus')}
              clearable
              data={choice('employment', EMPLOYMENT_STATUSES)}
              {...form.getInputProps('employmentStatus')}
            />
            <Select
              label={t('participants:fields.educationLevel')}
              clearable
              data={choice('education', EDUCATION_LEVELS)}
              {...form.getInputProps('educationLevel')}
            />
          </SimpleGrid>
          {v.kind === 'professional' && (
            <SimpleGrid cols={3}>
              <TextInput label={t('participants:fields.institution')} {...form.getInputProps('institution')} />
              <Select
                label={t('participants:fields.institutionType')}
                clearable
                data={choice('orgTypes', ORG_TYPES)}
                {...form.getInputProps('institutionType')}
              />
              <TextInput label={t('participants:fields.jobTitle')} {...form.getInputProps('jobTitle')} />
            </SimpleGrid>
          )}
          {!person && (
            <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
              <Checkbox label={t('participants:consent.recordNow')} {...form.getInputProps('recordConsent', { type: 'checkbox' })} />
              {v.recordConsent && (
                <>
                  <SimpleGrid cols={3}>
                    <Select
                      label={t('participants:consent.legalBasis')}
                      data={choice('legalBases', LEGAL_BASES)}
                      allowDeselect={false}
                      {...form.getInputProps('legalBasis')}
                    />
                    <DateField label={t('participants:consent.date')} {...form.getInputProps('consentDate')} />
                    <TextInput label={t('participants:consent.noticeVersion')} {...form.getInputProps('noticeVersion')} />
                  </SimpleGrid>
                  <Group>
                    <Checkbox
                      label={t('participants:consent.specialCategories')}
                      {...form.getInputProps('specialCategories', { type: 'checkbox' })}
                      data-testid="consent-special"
                    />
                    <Checkbox label={t('participants:consent.shareWithLead')} {...form.getInputProps('shareWithLead', { type: 'checkbox' })} />
                    <Checkbox label={t('participants:consent.photos')} {...form.getInputProps('photos', { type: 'checkbox' })} />
                  </Group>
                </>
              )}
            </Stack>
          )}
          {!specialAllowed && (
            <Alert color="yellow" icon={<IconLock size={18} />} data-testid="special-locked">
              {t('participants:consent.specialNeeded')}
            </Alert>
          )}
          <MultiSelect
            label={t('participants:fields.targetGroups')}
            data={choice('targetGroups', TARGET_GROUPS)}
            disabled={!specialAllowed}
            {...form.getInputProps('targetGroups')}
          />
          <Textarea label={t('participants:fields.notes')} autosize minRows={2} disabled={!specialAllowed} {...form.getInputProps('notes')} />
          {duplicates && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('participants:duplicate.title')} data-testid="duplicate-warning">
              <Stack gap="xs">
                <Text size="sm">{t('participants:duplicate.text')}</Text>
                {duplicates.map((d) => (
                  <Group key={d.id} justify="space-between">
                    <Text size="sm" fw={500}>
                      {d.firstName} {d.lastName}
                      {d.birthYear ? `, ${d.birthYear}` : ''}
                      {d.municipality ? `, ${d.municipality}` : ''}
                    </Text>
                    <Button size="xs" variant="light" onClick={() => void navigate(`/participants/${d.id}`)}>
                      {t('participants:duplicate.open')}
                    </Button>
                  </Group>
                ))}
                <Group>
                  <Button size="xs" variant="default" onClick={() => void save(form.getValues(), true)}>
                    {t('participants:duplicate.createAnyway')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {error && (
            <Alert color="red" data-testid="form-error">
              {error}
            </Alert>
          )}
          <FormActions onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
