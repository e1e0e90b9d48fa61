import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, userSchema, type User, type UserRole } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { NewSignInPassphrase, signInPassphraseState, usePassphraseJudgeReady } from '../../components/NewPassphrase';
import { zodValidate } from '../../components/zodForm';
import { addUser, changeOwnPassphrase, listUsers, setPassphrase, setUserDisabled } from '../../db/users';

const newUserSchema = userSchema.pick({ name: true, role: true });

/** Whose passphrase the dialog sets: her own (the current one is asked first) or a colleague's. */
type PassphraseTarget = { user: User; own: boolean };

export function UsersSettings() {
  const { t } = useTranslation(['users', 'settings', 'common']);
  usePassphraseJudgeReady(); // judge again what was typed while the dictionaries loaded
  const { db, actor, user: me, org } = useApp();
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const canEdit = me.role === 'coordinator';
  const [pass, setPass] = useState({ pass: '', again: '' });
  const [target, setTarget] = useState<PassphraseTarget | null>(null);
  const form = useForm<{ name: string; role: UserRole }>({
    mode: 'controlled',
    initialValues: { name: '', role: 'mentor' },
    validate: zodValidate(newUserSchema, t),
  });
  const newUserInputs = [form.values.name, org.name];
  const passOk = signInPassphraseState(pass.pass, pass.again, newUserInputs).ok;

  const submit = form.onSubmit(async (values) => {
    if (!passOk) return;
    await addUser(db, actor, { name: values.name, role: values.role, passphrase: pass.pass });
    form.reset();
    setPass({ pass: '', again: '' });
    notifications.show({ color: 'teal', message: t('users:added') });
  });

  return (
    <Stack maw={900}>
      <Paper withBorder radius="md">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users:name')}</Table.Th>
              <Table.Th>{t('users:role')}</Table.Th>
              <Table.Th>{t('users:passphrase')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" opacity={u.disabled ? 0.5 : 1}>
                <Table.Td fw={500}>{u.name}</Table.Td>
                <Table.Td>{t(`users:roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={u.keyWrap ? 'teal' : 'gray'}>
                    {u.keyWrap ? t('users:passphraseSet') : t('users:passphraseNone')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    {u.id === me.id ? (
                      <Button size="xs" variant="subtle" onClick={() => setTarget({ user: u, own: true })}>
                        {t('users:change.open')}
                      </Button>
                    ) : (
                      canEdit && (
                        <>
                          {!u.disabled && (
                            <Button size="xs" variant="subtle" onClick={() => setTarget({ user: u, own: false })}>
                              {t('users:setPassphrase')}
                            </Button>
                          )}
                          <Button
                            size="xs"
                            variant="subtle"
                            color={u.disabled ? 'teal' : 'red'}
                            onClick={() => void setUserDisabled(db, actor, u.id, !u.disabled)}
                          >
                            {u.disabled ? t('users:enable') : t('users:disable')}
                          </Button>
                        </>
                      )
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {canEdit ? (
        <Paper withBorder radius="md" p="lg">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={4}>{t('users:addTitle')}</Title>
              <Group grow align="flex-start">
                <TextInput label={t('users:name')} withAsterisk {...form.getInputProps('name')} />
                <Select
                  label={t('users:role')}
                  data={USER_ROLES.map((r) => ({ value: r, label: t(`users:roles.${r}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('role')}
                />
              </Group>
              <Text size="sm" c="dimmed">
                {t('users:addPassphraseHint')}
              </Text>
              <NewSignInPassphrase
                {...pass}
                onPass={(v) => setPass((p) => ({ ...p, pass: v }))}
                onAgain={(v) => setPass((p) => ({ ...p, again: v }))}
                userInputs={newUserInputs}
                label={t('users:newUserPassphrase')}
              />
              <Group>
                <Button type="submit" disabled={!passOk}>
                  {t('users:add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Text c="dimmed">{t('settings:coordinatorOnly')}</Text>
      )}
      {target && <PassphraseDialog target={target} onClose={() => setTarget(null)} />}
    </Stack>
  );
}

/** A new passphrase for a colleague (a coordinator's reset), or her own (the current one first): the data key is rewrapped. */
function PassphraseDialog({ target, onClose }: { target: PassphraseTarget; onClose: () => void }) {
  const { t } = useTranslation(['users', 'settings', 'common']);
  usePassphraseJudgeReady(); // judge again what was typed while the dictionaries loaded
  const { db, actor, org } = useApp();
  const [current, setCurrent] = useState('');
  const [pass, setPass] = useState({ pass: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = [target.user.name, org.name];
  const ok = signInPassphraseState(pass.pass, pass.again, inputs).ok && (!target.own || current.length > 0);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (target.own) {
        if (!(await changeOwnPassphrase(db, { ...actor, userId: target.user.id }, current, pass.pass))) {
          setCurrent('');
          return setError(t('users:change.wrongCurrent'));
        }
      } else await setPassphrase(db, actor, target.user.id, pass.pass);
      notifications.show({ color: 'teal', message: target.own ? t('users:change.changed') : t('settings:saved') });
      onClose();
    } catch {
      setError(t('common:errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={target.own ? t('users:change.title') : t('users:setPassphraseFor', { name: target.user.name })}>
      <Stack>
        {target.own ? (
          <PasswordInput
            label={t('users:change.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            data-autofocus
          />
        ) : (
          <Text size="sm">{t('users:passphraseHint')}</Text>
        )}
        <NewSignInPassphrase
          {...pass}
          onPass={(v) => setPass((p) => ({ ...p, pass: v }))}
          onAgain={(v) => setPass((p) => ({ ...p, again: v }))}
          userInputs={inputs}
        />
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!ok} loading={busy}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
