import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readMentorPack } from '@shared/mentorPack';
import type { Locale } from '@shared/i18n/locales';
import { useDb } from '../../session/AppContext';
import { PACK_EXT, PackProblemAlert, packProblemOf, type PackProblem } from './PackProblemAlert';
import { openMentorPack } from '../../db/mentorMode';
import { platform } from '../../platform';

/**
 * A mentor pack file and the passphrase the coordinator gave: on first run (setup screen), or
 * later in mentor mode for a newer pack (`newer`).
 */
export function OpenMentorPack({ language, onDone, onBack, newer = false }: { language: Locale; onDone: (userId: string) => void; onBack?: () => void; newer?: boolean }) {
  const { t } = useTranslation(['mentorPack', 'common']);
  const db = useDb();
  const [file, setFile] = useState<{ fileName: string; data: Uint8Array }>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PackProblem>();

  const choose = async () => {
    const [picked] = await platform.invoke('file:open', { filters: [{ name: 'Mreža', extensions: ['mreza-mentor'] }], multiple: false });
    if (picked) {
      setFile(picked);
      setProblem(undefined);
    }
  };
  const open = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const pack = await readMentorPack(file.data, passphrase);
      const { user } = await openMentorPack(db, pack, language, file.fileName);
      setFile(undefined);
      setPassphrase('');
      onDone(user.id);
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  };
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
      <Group>
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void choose()}>
          {t('setup.chooseFile')}
        </Button>
        <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="pack-file">
          {file?.fileName ?? t('setup.noFile')}
        </Text>
      </Group>
      <PasswordInput label={t('setup.passphrase')} description={t('setup.passphraseHint')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} />
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
