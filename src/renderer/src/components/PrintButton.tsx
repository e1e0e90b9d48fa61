import { Button, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../platform';

/**
 * "Print…": the operating system's print dialog for the page on screen (A4), beside "Save PDF"
 * where paper is the point (sign-in sheets, certificates, the donor report, the recovery sheet,
 * which is better on paper than in a PDF on disk).
 */
export function PrintButton({
  landscape = false,
  onPrinted,
  children,
  ...rest
}: ButtonProps & { landscape?: boolean; onPrinted?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={16} />}
      data-testid="print-button"
      onClick={() => void platform.invoke('print:print', { landscape }).then((printed) => printed && onPrinted?.())}
      {...rest}
    >
      {children ?? t('common:printDialog')}
    </Button>
  );
}
