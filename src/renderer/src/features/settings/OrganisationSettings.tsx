import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COUNTRY_TIME_ZONES, orgTimeZone } from '@shared/calendar/localDay';
import { COUNTRIES, organisationSchema, type Country } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { updateRecord } from '../../db/records';
import { zodValidate } from '../../components/zodForm';
import { LogoInput } from '../../components/LogoInput';

const orgForm = organisationSchema.pick({ name: true, country: true, town: true, role: true, timeZone: true });

/** The zones offered: the four countries' first, then every zone the system knows. */
function zoneChoices(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...Object.values(COUNTRY_TIME_ZONES), current, ...all])];
}

export function OrganisationSettings() {
  const { t } = useTranslation(['settings', 'setup', 'common']);
  const { db, org, actor, user } = useApp();
  const canEdit = user.role === 'coordinator';
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: org.name, country: org.country, town: org.town, role: org.role, timeZone: orgTimeZone(org) },
    validate: zodValidate(orgForm, t),
    validateInputOnChange: true,
    // A zone still at the old country's default follows a change of country.
    onValuesChange: (values, previous) => {
      if (values.country !== previous.country && values.timeZone === orgTimeZone({ country: previous.country })) {
        form.setFieldValue('timeZone', orgTimeZone({ country: values.country as Country }));
      }
    },
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
            <Select
              label={t('setup:country')}
              data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))}
              allowDeselect={false}
              disabled={!canEdit}
              {...form.getInputProps('country')}
            />
            <TextInput label={t('setup:town')} withAsterisk disabled={!canEdit} {...form.getInputProps('town')} />
          </Group>
          <Select
            label={t('settings:timeZone')}
            description={t('settings:timeZoneHint')}
            data={zoneChoices(form.values.timeZone)}
            searchable
            allowDeselect={false}
            disabled={!canEdit}
            {...form.getInputProps('timeZone')}
          />
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
          <LogoInput
            label={t('settings:logo')}
            description={t('settings:logoHint')}
            value={org.logo ? [org.logo] : []}
            disabled={!canEdit}
            onChange={(logos) =>
              // Saved at once (nothing else in the form depends on it), as the preview shows it.
              void updateRecord(db, actor, 'organisations', org.id, { logo: logos[0] }, 'organisationDetails').then(() =>
                notifications.show({ color: 'teal', message: t('settings:logoSaved') }),
              )
            }
          />
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
