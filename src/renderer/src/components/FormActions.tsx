import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The foot of every dialog form: Cancel, then Save (the form's submit). */
export function FormActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit">{t('save')}</Button>
    </Group>
  );
}
