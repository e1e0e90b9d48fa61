import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasExtension } from '@shared/files/kinds';

// Loaded with the first screen that takes a file, not at start (the start-up bundle has a budget).
const Dropzone = lazy(() => import('@mantine/dropzone').then((m) => ({ default: m.Dropzone })));

/** A dropped file, read: the same shape the platform's open dialog returns. */
export interface DroppedFile {
  fileName: string;
  data: Uint8Array;
}

/**
 * Where a screen that takes a file also takes it by drag and drop. The zone never opens a picker
 * itself (the screen's own button does, through the platform's dialog); a file of the wrong type
 * is refused here with a message naming what is accepted, and nothing is read.
 */
export function FileDropzone({
  extensions,
  multiple = false,
  disabled = false,
  onFiles,
  children,
  testId = 'file-dropzone',
}: {
  /** Without dots, as in the platform's file filters. */
  extensions: readonly string[];
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: DroppedFile[]) => void | Promise<void>;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation('desktop');
  const [error, setError] = useState<string | null>(null);
  const list = extensions.map((e) => `.${e}`).join(', ');
  const drop = async (files: File[]) => {
    setError(null);
    if (files.length === 0) return;
    if (!multiple && files.length > 1) return setError(t('drop.tooMany'));
    const wrong = files.find((f) => !hasExtension(f.name, extensions));
    if (wrong) return setError(t('drop.wrongType', { fileName: wrong.name, extensions: list }));
    await onFiles(await Promise.all(files.map(async (f) => ({ fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) }))));
  };
  const content = (
    <Group justify="center" gap="md" wrap="wrap">
      <IconFileUpload size={28} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
      <Stack gap={0}>
        <Text size="sm">{t(multiple ? 'drop.hereMany' : 'drop.here')}</Text>
        <Text size="xs" c="dimmed">
          {t('drop.accepts', { extensions: list })}
        </Text>
      </Stack>
      {children}
    </Group>
  );
  return (
    <Stack gap="xs" data-file-dropzone>
      <Suspense fallback={content}>
        <Dropzone
          onDrop={(files) => void drop(files)}
          multiple={multiple}
          disabled={disabled}
          activateOnClick={false}
          enablePointerEvents
          data-testid={testId}
          p="md"
        >
          {content}
        </Dropzone>
      </Suspense>
      {error && (
        <Alert color="red" role="alert" data-testid={`${testId}-error`}>
          {error}
        </Alert>
      )}
    </Stack>
  );
}
