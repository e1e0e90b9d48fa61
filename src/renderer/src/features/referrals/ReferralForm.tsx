import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/permissions';
import { REFERRAL_KINDS, referralDraftSchema, type Referral, type ReferralDraftInput, type ReferralKind } from '@shared/model';
import { DateField } from '../../components/DateField';
import { zodValidate } from '../../components/zodForm';
import { listRegister } from '../../db/organisations';
import { createReferral, updateReferral } from '../../db/referrals';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { referralErrorText } from './errors';

interface Values {
  kind: ReferralKind | null;
  institution: string;
  organisationId: string | null;
  date: string;
  reason: string;
  contactPerson: string;
  followUpOn: string;
}

/** The form's values as the schema's draft: empty choices and texts are absent. */
function toDraft(personId: string, v: Values): ReferralDraftInput {
  return {
    personId,
    kind: (v.kind ?? undefined) as ReferralKind,
    institution: v.institution,
    date: v.date,
    reason: v.reason,
    ...(v.organisationId ? { organisationId: v.organisationId } : {}),
    ...(v.contactPerson.trim() ? { contactPerson: v.contactPerson } : {}),
    ...(v.followUpOn ? { followUpOn: v.followUpOn } : {}),
  };
}

/** A new referral, or a correction of one's details; validated as typed by the entity's one schema. */
export function ReferralForm({ personId, referral, onDone }: { personId: string; referral?: Referral; onDone: () => void }) {
  const { t } = useTranslation(['referrals', 'common', 'validation']);
  const { db, actor } = useApp();
  const today = useToday()();
  const [error, setError] = useState<string | null>(null);
  const mayPickOrganisation = can(actor.role, 'manageOrganisations');
  const organisations = useLiveQuery(async () => (mayPickOrganisation ? listRegister(db, actor) : []), [db, actor, mayPickOrganisation]);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: referral?.kind ?? null,
      institution: referral?.institution ?? '',
      organisationId: referral?.organisationId ?? null,
      date: referral?.date ?? today,
      reason: referral?.reason ?? '',
      contactPerson: referral?.contactPerson ?? '',
      followUpOn: referral?.followUpOn ?? '',
    },
    validateInputOnChange: true,
    validate: (values) => zodValidate(referralDraftSchema, t)(toDraft(personId, values)),
  });
  const save = async (values: Values) => {
    setError(null);
    try {
      const draft = toDraft(personId, values);
      if (referral) await updateReferral(db, actor, referral.id, draft);
      else await createReferral(db, actor, draft);
      notifications.show({ color: 'teal', message: t('saved') });
      onDone();
    } catch (e) {
      setError(referralErrorText(t, e));
    }
  };
  const pickOrganisation = (id: string | null) => {
    form.setFieldValue('organisationId', id);
    const picked = organisations?.find((o) => o.id === id);
    // The register's name fills an empty institution (the user may still write it her way).
    if (picked && !form.getValues().institution.trim()) form.setFieldValue('institution', picked.name);
  };
  return (
    <form onSubmit={form.onSubmit((v) => void save(v))} noValidate data-testid="referral-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.kind')}
            withAsterisk
            data={REFERRAL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            {...form.getInputProps('kind')}
            data-autofocus
          />
          <DateField label={t('fields.date')} withAsterisk {...form.getInputProps('date')} />
        </SimpleGrid>
        <TextInput label={t('fields.institution')} placeholder={t('hints.institution')} withAsterisk {...form.getInputProps('institution')} />
        {mayPickOrganisation && (organisations?.length ?? 0) > 0 && (
          <Select
            label={t('fields.organisation')}
            description={t('hints.organisation')}
            data={(organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
            searchable
            clearable
            value={form.getValues().organisationId}
            onChange={pickOrganisation}
          />
        )}
        <Textarea label={t('fields.reason')} withAsterisk autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.contactPerson')} maxLength={200} {...form.getInputProps('contactPerson')} />
          <DateField label={t('fields.followUpOn')} description={t('hints.followUpOn')} {...form.getInputProps('followUpOn')} />
        </SimpleGrid>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" data-testid="save-referral">
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
