import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dayjsDatePattern, parseUserDate } from '@shared/i18n/format';
import { useFormat } from './useFormat';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** ISO "yyyy-MM-dd", or '' / undefined for no date. */
  value?: string | undefined;
  onChange: (iso: string) => void;
};

/**
 * A date shown and typed the way the user's language writes it (23.11.2026. / 23. 11. 2026 /
 * 23/11/2026), with a calendar; the value stays ISO. Native date inputs follow the browser's
 * locale instead of the app's, so an English Windows would ask a Croatian coordinator for mm/dd.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { locale } = useFormat();
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat={dayjsDatePattern(locale)}
      placeholder={t('common:datePlaceholder')}
      dateParser={parseUserDate}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      clearable={!rest.required}
      // The clear button stays a mouse target so Tab goes to the next field, as in a form typed from the keyboard.
      clearButtonProps={{ tabIndex: -1, 'aria-label': t('common:clearDate') }}
      {...rest}
      // Typing replaces a prefilled date instead of appending to it.
      onFocus={(e) => {
        e.currentTarget.select();
        rest.onFocus?.(e);
      }}
    />
  );
}
