import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, organisationSchema } from '@shared/model';
import { useApp } from '../../app/AppContext';
import { updateRecord } from '../../db/records';
import { zodValidate } from '../../components/zodForm';

const orgForm = organisationSchema.pick({ name: true, country: true, town: true, role: true });

export function OrganisationSettings() {
  const { t } = useTranslation(['settings', 'setup', 'common']);
  const { db, org, actor, user } = useApp();
  const canEdit = user.role === 'coordinator';
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: org.name, country: org.country, town: org.town, role: org.role },
    validate: zodValidate(orgForm, t),
    validateInputOnChange: true,
  });

  const submit = form.onSubmit(async (values) => {
    await updateRecord(db, actor, 'organisations', org.id, values, 'organisationDetails');
    notifications.show({ color: 'teal', message: t('settings:saved') });
  });

  return (
    <Paper withBorder radius="md" p="lg" maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('setup:orgName')} withAsterisk disabled={!canEdit} {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <Select label={t('setup:country')} data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))} allowDeselect={false} disabled={!canEdit} {...form.getInputProps('country')} />
            <TextInput label={t('setup:town')} withAsterisk disabled={!canEdit} {...form.getInputProps('town')} />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('setup:role')}
            </Text>
            <SegmentedControl
              disabled={!canEdit}
              data={[
                { value: 'partner', label: t('setup:rolePartner') },
                { value: 'lead', label: t('setup:roleLead') },
              ]}
              {...form.getInputProps('role')}
            />
          </Stack>
          {canEdit ? (
            <Group>
              <Button type="submit" disabled={!form.isDirty()}>
                {t('common:save')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings:coordinatorOnly')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
