import { ActionIcon, Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toBase64 } from '@shared/crypto/bytes';
import { inspectImage, LOGO_TYPES, MAX_LOGO_BYTES, MAX_LOGO_SIDE } from '@shared/files/image';
import { logoDataUrl, type Logo } from '@shared/model';

/**
 * Logos for the paperwork (#17 part 6): up to `max`, each checked by its bytes before it is kept
 * (a wrong file gets its reason in the user's language and changes nothing), shown as printed.
 */
export function LogoInput({
  label,
  description,
  value,
  onChange,
  max = 1,
  disabled,
}: {
  label: string;
  description?: string;
  value: readonly Logo[];
  onChange: (logos: Logo[]) => void;
  max?: number;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const add = async (file: File | null) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = inspectImage(bytes);
    if (!check.ok) {
      setError(t(`common:logo.${check.problem}`, { name: file.name, kb: Math.round(MAX_LOGO_BYTES / 1024), px: MAX_LOGO_SIDE }));
      return;
    }
    setError(null);
    const logo: Logo = {
      mime: check.mime,
      dataBase64: toBase64(bytes),
      width: check.width,
      height: check.height,
      label: file.name.replace(/\.[^.]+$/, '').slice(0, 120),
    };
    onChange([...value, logo].slice(-max));
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <Group gap="sm" align="center">
        {value.map((logo, i) => (
          <Paper key={i} withBorder p={6} radius="sm" data-testid="logo-preview">
            <Group gap={6} wrap="nowrap">
              <Image src={logoDataUrl(logo)} alt={logo.label ?? ''} h={48} w="auto" fit="contain" />
              {!disabled && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('common:logo.remove', { name: logo.label ?? '' })}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))}
        {!disabled && value.length < max && (
          <FileButton onChange={(f) => void add(f)} accept={LOGO_TYPES.join(',')}>
            {(props) => (
              <Button variant="default" leftSection={<IconPhotoPlus size={16} />} {...props}>
                {t('common:logo.choose')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert" data-testid="logo-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}
