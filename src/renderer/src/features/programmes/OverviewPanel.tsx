import { Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@shared/model';
import { municipalityLabel } from '@shared/gazetteer';
import { sortedEntries } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { participationOverview } from '../../db/overviews';

/** Participants (unique people) by gender, country, institution type and municipality; enrolments, attendance rate, completions, certificates. */
export function OverviewPanel({ programme, eventIds }: { programme: Programme; eventIds: string[] }) {
  const { t } = useTranslation(['programmes', 'common']);
  const { db } = useApp();
  const fmt = useFormat();
  const o = useLiveQuery(() => participationOverview(db, programme, eventIds), [db, programme, eventIds.join()]);
  if (!o) return null;
  const pct = (x: number) => `${fmt.number(Math.round(x * 100))} %`;
  const label = (dim: string, key: string) => {
    if (key === 'unknown') return t('programmes:overview.unknown');
    if (dim === 'gender') return t(`programmes:genders.${key}`);
    if (dim === 'country') return t(`common:countries.${key}`);
    if (dim === 'institutionType') return t(`programmes:orgTypes.${key}`);
    if (dim === 'municipality') return municipalityLabel(key, fmt.locale);
    return key;
  };
  const dims = ['gender', 'country', 'institutionType', 'municipality'] as const;
  const several = eventIds.length > 1;
  return (
    <Stack data-testid="overview">
      <SimpleGrid cols={{ base: 2, md: several ? 6 : 5 }}>
        {(
          [
            ['enrolledPeople', fmt.number(o.people), null],
            // Over several events one person holds several places: enrolments are their own figure.
            ...(several ? ([['enrolments', fmt.number(o.enrolments), t('programmes:overview.enrolmentsHint')]] as const) : []),
            ['waiting', fmt.number(o.waiting), null],
            ['attendanceRate', pct(o.attendanceRate), null],
            ['completions', fmt.number(o.completions), null],
            ['certificates', fmt.number(o.certificates), null],
          ] as const
        ).map(([k, v, hint]) => (
          <Card withBorder key={k} padding="sm">
            <Text size="xs" c="dimmed">
              {t(`programmes:overview.${k}`)}
            </Text>
            <Text fw={700} size="xl" data-testid={`overview-${k}`}>
              {v}
            </Text>
            {hint && (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {dims.map((dim) => {
          const rows = sortedEntries(o.breakdown[dim]).filter(([, n]) => n > 0);
          return (
            <Card withBorder key={dim} padding="sm" data-testid={`overview-${dim}`}>
              <Title order={5} mb="xs">
                {t(`programmes:overview.by.${dim}`)}
              </Title>
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('programmes:overview.none')}
                </Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {rows.slice(0, 12).map(([key, n]) => (
                      <Table.Tr key={key}>
                        <Table.Td w="45%">{label(dim, key)}</Table.Td>
                        <Table.Td>
                          <Progress value={o.breakdown.total ? (n / o.breakdown.total) * 100 : 0} aria-hidden />
                        </Table.Td>
                        <Table.Td ta="right" w={60}>
                          <Group justify="flex-end">{fmt.number(n)}</Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
