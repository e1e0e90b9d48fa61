import { BarChart } from '@mantine/charts';
import { Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '@shared/indicators/compute';
import { useFormat } from '../../components/useFormat';

/** A breakdown as a bar chart (where a picture helps) or a table (where the numbers matter). */
export function BreakdownCard({
  id,
  title,
  data,
  label,
  chart,
  onDrill,
}: {
  id: string;
  title: string;
  data: Breakdown;
  label: (key: string) => string;
  chart?: boolean;
  onDrill?: (key: string) => void;
}) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  const rows = data.filter((d) => d.count > 0 || chart);
  return (
    <Paper withBorder radius="md" p="md" data-testid={`breakdown-${id}`}>
      <Title order={5} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('noData')}
        </Text>
      ) : chart ? (
        <BarChart
          h={220}
          data={rows.map((d) => ({ label: label(d.key), count: d.count }))}
          dataKey="label"
          series={[{ name: 'count', label: t('value'), color: 'teal.6' }]}
          tickLine="y"
          gridAxis="y"
        />
      ) : (
        <Table striped>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.key}>
                <Table.Td>{label(d.key)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {onDrill && d.count > 0 ? (
                    <UnstyledButton
                      onClick={() => onDrill(d.key)}
                      aria-label={`${fmt.number(d.count)}: ${t('showPeople', { name: label(d.key) })}`}
                      td="underline"
                    >
                      {fmt.number(d.count)}
                    </UnstyledButton>
                  ) : (
                    fmt.number(d.count)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
