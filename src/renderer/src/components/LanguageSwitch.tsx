import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@shared/i18n/locales';

const DATA = LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }));

export function LanguageSwitch({ value, onChange }: { value: Locale; onChange: (l: Locale) => void }) {
  const { t } = useTranslation('common');
  return (
    <Select
      aria-label={t('language')}
      data-testid="language-switch"
      data={DATA}
      value={value}
      onChange={(v) => isLocale(v) && onChange(v)}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} />}
      w={220}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
