import { TimePicker, type TimePickerProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

type Props = Omit<TimePickerProps, 'value' | 'onChange' | 'format'> & {
  /** "HH:mm" (24-hour), or '' for no time. */
  value?: string | undefined;
  onChange: (value: string) => void;
  /** Names the field for screen readers when it has no visible label (a row of a table). */
  'aria-label'?: string;
};

/**
 * A time of day typed as 24-hour hours and minutes in every language. A native time input follows
 * the operating system's locale instead, so an English Windows would show a Croatian
 * coordinator "5:00 PM" for a workshop printed as 17:00 on the sign-in sheet.
 */
export function TimeField({ value, onChange, 'aria-label': ariaLabel, ...rest }: Props) {
  const { t } = useTranslation();
  const name = ariaLabel ?? (typeof rest.label === 'string' ? rest.label : undefined);
  return (
    <TimePicker
      format="24h"
      value={value ?? ''}
      onChange={onChange}
      hoursInputLabel={name ? t('common:timeHours', { field: name }) : undefined}
      minutesInputLabel={name ? t('common:timeMinutes', { field: name }) : undefined}
      {...rest}
    />
  );
}
