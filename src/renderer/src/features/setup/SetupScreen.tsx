import { Button, Center, Divider, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArchive, IconUserHeart } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, organisationSetupSchema, type OrganisationSetup } from '@shared/model';
import { countryForLocale } from '@shared/country/defaults';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@shared/i18n/locales';
import { useDb } from '../../session/AppContext';
import { setUpOrganisation } from '../../db/setup';
import { zodValidate } from '../../components/zodForm';
import { OpenMentorPack } from '../mentoring';
import { NewSignInPassphrase, signInPassphraseState, usePassphraseJudgeReady } from '../../components/NewPassphrase';
import { RestoreFromBackup } from '../backups';

/**
 * First run: who this installation belongs to, and the first coordinator's passphrase (it makes
 * the keyring; the recovery sheet follows). Or a mentor's pack, or a backup from another computer.
 */
export function SetupScreen({
  language,
  onLanguage,
  onDone,
}: {
  language: Locale;
  onLanguage: (l: Locale) => Promise<void>;
  onDone: (userId: string, recoveryKey?: string) => void;
}) {
  const { t } = useTranslation(['setup', 'common', 'mentorPack', 'users']);
  usePassphraseJudgeReady(); // judge again what was typed while the dictionaries loaded
  const db = useDb();
  const [mentor, setMentor] = useState(false);
  const [restore, setRestore] = useState(false);
  const [pass, setPass] = useState({ pass: '', again: '' });
  const [passError, setPassError] = useState(false);
  const form = useForm<OrganisationSetup>({
    mode: 'controlled',
    // The country follows the language chosen (none for English: the user picks it).
    initialValues: {
      name: '',
      country: (countryForLocale(language) ?? null) as OrganisationSetup['country'],
      town: '',
      role: 'partner',
      language,
      userName: '',
    },
    validate: zodValidate(organisationSetupSchema, t),
    validateInputOnBlur: true,
  });

  const userInputs = [form.values.userName, form.values.name];
  const passOk = signInPassphraseState(pass.pass, pass.again, userInputs).ok;
  const submit = form.onSubmit(async (values) => {
    if (!passOk) return setPassError(true);
    try {
      const { user, recoveryKey } = await setUpOrganisation(db, values, { passphrase: pass.pass });
      onDone(user.id, recoveryKey);
    } catch {
      notifications.show({ color: 'red', title: t('common:errors.title'), message: t('setup:failed') });
    }
  });

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={560}>
        {mentor ? (
          <OpenMentorPack language={language} onDone={onDone} onBack={() => setMentor(false)} />
        ) : restore ? (
          <RestoreFromBackup onBack={() => setRestore(false)} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} c="teal.9">
                  {t('common:appName')}
                </Title>
                <Text c="dimmed">{t('setup:intro')}</Text>
              </div>
              <Select
                label={t('setup:language')}
                data={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
                allowDeselect={false}
                {...form.getInputProps('language')}
                onChange={(v) => {
                  if (!isLocale(v)) return;
                  form.setFieldValue('language', v);
                  // Until the user picks a country herself, it follows the language.
                  if (!form.isDirty('country')) form.setFieldValue('country', (countryForLocale(v) ?? null) as OrganisationSetup['country']);
                  void onLanguage(v);
                }}
              />
              <TextInput label={t('setup:orgName')} description={t('setup:orgNameHint')} withAsterisk {...form.getInputProps('name')} />
              <Group grow align="flex-start">
                <Select
                  label={t('setup:country')}
                  data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))}
                  allowDeselect={false}
                  withAsterisk
                  {...form.getInputProps('country')}
                />
                <TextInput label={t('setup:town')} withAsterisk {...form.getInputProps('town')} />
              </Group>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('setup:role')}
                </Text>
                <SegmentedControl
                  fullWidth
                  data={[
                    { value: 'partner', label: t('setup:rolePartner') },
                    { value: 'lead', label: t('setup:roleLead') },
                  ]}
                  {...form.getInputProps('role')}
                />
                <Text size="xs" c="dimmed">
                  {form.values.role === 'lead' ? t('setup:roleLeadHint') : t('setup:rolePartnerHint')}
                </Text>
              </Stack>
              <TextInput label={t('setup:userName')} description={t('setup:userNameHint')} withAsterisk {...form.getInputProps('userName')} />
              <NewSignInPassphrase
                {...pass}
                label={t('setup:passphrase')}
                onPass={(v) => {
                  setPass((p) => ({ ...p, pass: v }));
                  setPassError(false);
                }}
                onAgain={(v) => {
                  setPass((p) => ({ ...p, again: v }));
                  setPassError(false);
                }}
                userInputs={userInputs}
              />
              <Text size="xs" c={passError ? 'red' : 'dimmed'} role={passError ? 'alert' : undefined}>
                {passError ? t('setup:passphraseNeeded') : t('setup:passphraseHint')}
              </Text>
              <Button type="submit" size="md" loading={form.submitting}>
                {t('setup:start')}
              </Button>
              {/* A volunteer mentor's Mreža holds only the pack her coordinator gave her. */}
              <Divider label={t('mentorPack:setup.or')} />
              <Button variant="light" leftSection={<IconUserHeart size={18} />} onClick={() => setMentor(true)}>
                {t('mentorPack:setup.offer')}
              </Button>
              {/* Moving to a new computer: the backup brings its data, users and keyring. */}
              <Button variant="subtle" leftSection={<IconArchive size={18} />} onClick={() => setRestore(true)}>
                {t('setup:restore.offer')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
