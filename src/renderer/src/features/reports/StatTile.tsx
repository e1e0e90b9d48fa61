import { ActionIcon, Group, Paper, Popover, Text, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** One headline figure with its definition a click away, and the people behind it a click away too. */
export function StatTile({ id, value, onDrill }: { id: string; value: string; onDrill?: () => void }) {
  const { t } = useTranslation('reports');
  const label = t(`indicators.${id}`);
  const number = (
    <Text fz={30} fw={700} lh={1.2} data-testid="tile-value">
      {value}
    </Text>
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid="summary-tile" data-indicator={id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
        <Text size="xs" tt="uppercase" fw={600} c="dimmed">
          {label}
        </Text>
        <Popover width={320} withArrow shadow="md" position="bottom-end">
          <Popover.Target>
            <ActionIcon variant="subtle" size="sm" color="gray" aria-label={t('definitionOf', { name: label })}>
              <IconInfoCircle size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Text size="sm">{t(`definitions.${id}`)}</Text>
          </Popover.Dropdown>
        </Popover>
      </Group>
      {onDrill ? (
        <UnstyledButton onClick={onDrill} aria-label={`${value}: ${t('showPeople', { name: label })}`}>
          {number}
        </UnstyledButton>
      ) : (
        number
      )}
    </Paper>
  );
}
