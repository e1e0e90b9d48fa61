import { ActionIcon, Button, Group, NumberInput, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicators } from '@shared/indicators/compute';
import { applicableTargets, targetProgress } from '@shared/indicators/targets';
import { TARGET_INDICATORS, type TargetIndicator } from '@shared/model';
import { canAll } from '@shared/auth/permissions';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { listTargets } from '../../db/indicators';
import { createRecord, deleteRecord } from '../../db/records';

const SHARES = new Set<TargetIndicator>(['reach.womenShare']);

/** Targets the donor set, with progress for what the dashboard shows now (project or programme). */
export function TargetsPanel({ indicators, programmeId, programmes }: { indicators: Indicators; programmeId?: string; programmes: Map<string, string> }) {
  const { t } = useTranslation(['reports', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const all = useLiveQuery(() => listTargets(db), [db]) ?? [];
  const rows = targetProgress(indicators, applicableTargets(all, programmeId));
  const [indicator, setIndicator] = useState<TargetIndicator | null>(null);
  const [value, setValue] = useState<number | string>('');
  const canEdit = canAll(actor.role, 'editRecords');
  const valid = indicator !== null && typeof value === 'number' && value > 0 && (!SHARES.has(indicator) || value <= 100);
  const show = (id: TargetIndicator, n: number | null) => (n === null ? '—' : SHARES.has(id) ? `${fmt.number(n)} %` : fmt.number(n));

  const add = async () => {
    if (!valid) return;
    await createRecord(db, actor, 'targets', { indicator: indicator!, value: value as number, programmeId });
    setIndicator(null);
    setValue('');
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="targets">
      <Title order={5} mb="xs">
        {programmeId ? t('reports:targets.forProgramme', { name: programmes.get(programmeId) ?? '' }) : t('reports:targets.forProject')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports:targets.none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {rows.map(({ target, actual, ratio }) => (
              <Table.Tr key={target.id} data-testid="target-row">
                <Table.Td>{t(`reports:indicators.${target.indicator}`)}</Table.Td>
                <Table.Td w={160} ta="right">
                  {t('reports:targets.of', { actual: show(target.indicator, actual), target: show(target.indicator, target.value) })}
                </Table.Td>
                <Table.Td w="35%">
                  <Progress
                    value={Math.min(100, ratio * 100)}
                    color={ratio >= 1 ? 'teal' : 'orange'}
                    aria-label={t('reports:targets.progress', { name: t(`reports:indicators.${target.indicator}`) })}
                  />
                </Table.Td>
                <Table.Td w={40}>
                  {canEdit && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('reports:targets.remove')}
                      onClick={() => void deleteRecord(db, actor, 'targets', target.id)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <Stack mt="sm" gap={4}>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('reports:targets.indicator')}
              data={TARGET_INDICATORS.map((id) => ({ value: id, label: t(`reports:indicators.${id}`) }))}
              value={indicator}
              onChange={(v) => setIndicator(v as TargetIndicator | null)}
              w={280}
            />
            <NumberInput
              label={t('reports:targets.value')}
              min={0}
              value={value}
              onChange={setValue}
              w={140}
              suffix={indicator && SHARES.has(indicator) ? ' %' : undefined}
            />
            <Button variant="light" disabled={!valid} onClick={() => void add()}>
              {t('reports:targets.add')}
            </Button>
          </Group>
          {indicator && SHARES.has(indicator) && typeof value === 'number' && value > 100 && (
            <Text size="xs" c="red">
              {t('reports:targets.percentRange')}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
