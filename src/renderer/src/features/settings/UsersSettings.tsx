import { Badge, Button, Group, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { USER_ROLES, userSchema, type User, type UserRole } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { zodValidate } from '../../components/zodForm';
import { updateRecord } from '../../db/records';
import { addUser, listUsers, setPassphrase } from '../../db/users';

const newUserSchema = userSchema.pick({ name: true, role: true }).extend({ passphrase: z.union([z.literal(''), z.string().min(6).max(200)]) });

export function UsersSettings() {
  const { t } = useTranslation(['users', 'settings', 'common']);
  const { db, actor, user: me } = useApp();
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const canEdit = me.role === 'coordinator';
  const form = useForm<{ name: string; role: UserRole; passphrase: string }>({
    mode: 'controlled',
    initialValues: { name: '', role: 'mentor', passphrase: '' },
    validate: zodValidate(newUserSchema, t),
  });

  const submit = form.onSubmit(async (values) => {
    await addUser(db, actor, { name: values.name, role: values.role, passphrase: values.passphrase || undefined });
    form.reset();
    notifications.show({ color: 'teal', message: t('users:added') });
  });

  const changePassphrase = (u: User) => {
    let value = '';
    modals.openConfirmModal({
      title: t('users:setPassphraseFor', { name: u.name }),
      children: (
        <Stack>
          <Text size="sm">{t('users:passphraseHint')}</Text>
          <PasswordInput label={t('users:passphrase')} data-autofocus onChange={(e) => (value = e.currentTarget.value)} />
        </Stack>
      ),
      labels: { confirm: t('common:save'), cancel: t('common:cancel') },
      onConfirm: () => {
        if (value && value.length < 6) {
          notifications.show({ color: 'red', message: t('validation:tooSmall', { minimum: 6 }) });
          return;
        }
        void setPassphrase(db, actor, u.id, value).then(() => notifications.show({ color: 'teal', message: t('settings:saved') }));
      },
    });
  };

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
                  <Badge variant="light" color={u.passHash ? 'teal' : 'gray'}>
                    {u.passHash ? t('users:passphraseSet') : t('users:passphraseNone')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="subtle" onClick={() => changePassphrase(u)}>
                        {t('users:setPassphrase')}
                      </Button>
                      {u.id !== me.id && (
                        <Button size="xs" variant="subtle" color={u.disabled ? 'teal' : 'red'} onClick={() => void updateRecord(db, actor, 'users', u.id, { disabled: !u.disabled }, u.disabled ? 'userEnabled' : 'userDisabled')}>
                          {u.disabled ? t('users:enable') : t('users:disable')}
                        </Button>
                      )}
                    </Group>
                  )}
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
                <Select label={t('users:role')} data={USER_ROLES.map((r) => ({ value: r, label: t(`users:roles.${r}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
                <PasswordInput label={t('users:passphraseOptional')} {...form.getInputProps('passphrase')} />
              </Group>
              <Group>
                <Button type="submit">{t('users:add')}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Text c="dimmed">{t('settings:coordinatorOnly')}</Text>
      )}
    </Stack>
  );
}
