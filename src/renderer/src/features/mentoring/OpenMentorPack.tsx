import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedMentorPack } from '@shared/mentorPack';
import type { Locale } from '@shared/i18n/locales';
import { useDb } from '../../session/AppContext';
import { FileDropzone } from '../../components/FileDropzone';
import { FILE_KIND_EXTENSION } from '@shared/files/kinds';
import { useOpenedFile } from '../openFiles';
import { PACK_EXT, PackProblemAlert, packProblemOf, type PackProblem } from './PackProblemAlert';
import { pickMentorPack, readPackFile, storeMentorPack } from './actions/openPack';
import { NewSignInPassphrase, signInPassphraseState, usePassphraseJudgeReady } from '../../components/NewPassphrase';

/**
 * A mentor pack file and the passphrase the coordinator gave: on first run (setup screen), or
 * later in mentor mode for a newer pack (`newer`). On first run the mentor then chooses her own
 * passphrase for this computer, which the lock screen asks for from then on.
 */
export function OpenMentorPack({
  language,
  onDone,
  onBack,
  newer = false,
}: {
  language: Locale;
  onDone: (userId: string, recoveryKey?: string) => void;
  onBack?: () => void;
  newer?: boolean;
}) {
  const { t } = useTranslation(['mentorPack', 'common', 'users']);
  usePassphraseJudgeReady(); // judge again what was typed while the dictionaries loaded
  const db = useDb();
  const [file, setFile] = useState<{ fileName: string; data: Uint8Array }>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PackProblem>();
  // First run: the pack is read; her own passphrase comes next.
  const [opened, setOpened] = useState<OpenedMentorPack>();
  const [own, setOwn] = useState({ pass: '', again: '' });

  const choose = async () => {
    const picked = await pickMentorPack();
    if (picked) {
      setFile(picked);
      setProblem(undefined);
    }
  };
  const take = (picked: { fileName: string; data: Uint8Array }) => {
    setFile(picked);
    setProblem(undefined);
  };
  // A newer pack double-clicked or dropped on the window (mentor mode) comes here too.
  useOpenedFile('mentorPack', take);
  const open = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const pack = opened ?? (await readPackFile(file, passphrase));
      if (!newer && !opened) {
        setOpened(pack);
        setPassphrase('');
        return;
      }
      const { userId, recoveryKey } = await storeMentorPack(db, pack, language, file.fileName, newer ? undefined : own.pass);
      setFile(undefined);
      setPassphrase('');
      setOpened(undefined);
      setOwn({ pass: '', again: '' });
      onDone(userId, recoveryKey);
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  };
  if (opened) {
    const userInputs = [opened.manifest.mentor.name, opened.manifest.organisation.name];
    return (
      <Stack data-testid="open-pack">
        <Title order={2} size="h3">
          {t('setup.ownPassphraseTitle', { name: opened.manifest.mentor.name })}
        </Title>
        <Text size="sm">{t('setup.ownPassphraseText')}</Text>
        <NewSignInPassphrase
          {...own}
          onPass={(pass) => setOwn((o) => ({ ...o, pass }))}
          onAgain={(again) => setOwn((o) => ({ ...o, again }))}
          userInputs={userInputs}
          autoFocus
        />
        <PackProblemAlert problem={problem} />
        <Group justify="space-between">
          <Button
            variant="subtle"
            onClick={() => {
              setOpened(undefined);
              setOwn({ pass: '', again: '' });
            }}
          >
            {t('users:signIn.back')}
          </Button>
          <Button onClick={() => void open()} disabled={!signInPassphraseState(own.pass, own.again, userInputs).ok} loading={busy}>
            {t('setup.ownPassphraseSubmit')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack data-testid="open-pack">
      {newer ? (
        <Title order={3} size="h4">
          {t('newer.title')}
        </Title>
      ) : (
        <div>
          <Title order={1} c="teal.9">
            {t('common:appName')}
          </Title>
          <Title order={2} size="h3">
            {t('setup.title')}
          </Title>
        </div>
      )}
      <Text size="sm">{newer ? t('newer.text') : t('setup.text', PACK_EXT)}</Text>
      <FileDropzone extensions={[FILE_KIND_EXTENSION.mentorPack]} testId="pack-dropzone" onFiles={([f]) => f && take(f)}>
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void choose()}>
          {t('setup.chooseFile')}
        </Button>
        <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="pack-file">
          {file?.fileName ?? t('setup.noFile')}
        </Text>
      </FileDropzone>
      <PasswordInput
        label={t('setup.passphrase')}
        description={t('setup.passphraseHint')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
      />
      <PackProblemAlert problem={problem} />
      <Group justify={onBack ? 'space-between' : 'flex-start'}>
        {onBack && (
          <Button variant="subtle" onClick={onBack}>
            {t('setup.back')}
          </Button>
        )}
        <Button onClick={() => void open()} disabled={!file || !passphrase} loading={busy}>
          {t('setup.open')}
        </Button>
      </Group>
    </Stack>
  );
}
