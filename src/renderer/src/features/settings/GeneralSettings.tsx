import { Button, Group, NumberInput, Paper, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALE_NAMES, LOCALES } from '@shared/i18n/locales';
import { can } from '@shared/auth/permissions';
import { useApp } from '../../session/AppContext';
import { saveSettings } from '../../db/settings';

export function GeneralSettings() {
  const { t } = useTranslation(['settings', 'common']);
  const { db, actor, settings, setLanguage } = useApp();
  // The language is everyone's own; the lock time is the organisation's (settingsPermission).
  const mayManage = can(actor.role, 'manageSettings');
  const [lockMinutes, setLockMinutes] = useState<number>(settings.lockMinutes);
  const valid = Number.isInteger(lockMinutes) && lockMinutes >= 0 && lockMinutes <= 240;

  return (
    <Paper withBorder radius="md" p="lg" maw={640}>
      <Stack>
        <Select
          label={t('settings:language')}
          description={t('settings:languageHint')}
          data={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          value={settings.language}
          onChange={(v) => isLocale(v) && void setLanguage(v)}
          allowDeselect={false}
        />
        {mayManage && (
          <>
            <NumberInput
              label={t('settings:lockMinutes')}
              description={t('settings:lockMinutesHint')}
              min={0}
              max={240}
              allowDecimal={false}
              value={lockMinutes}
              onChange={(v) => setLockMinutes(typeof v === 'number' ? v : Number.NaN)}
              error={valid ? undefined : t('validation:range', { min: 0, max: 240 })}
            />
            <Group>
              <Button
                disabled={!valid || lockMinutes === settings.lockMinutes}
                onClick={() => void saveSettings(db, actor, { lockMinutes }).then(() => notifications.show({ color: 'teal', message: t('settings:saved') }))}
              >
                {t('common:save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
