import { Drawer, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';
import { Link } from 'react-router';
import { useApp } from '../../session/AppContext';
import { peopleByIds } from '../../db/indicators';

/** The people behind a number: who was counted, so a coordinator can check the figure (with what, for business outcomes). */
export function DrillDrawer({
  title,
  ids,
  details,
  onClose,
}: {
  title: string;
  ids: string[] | null;
  details?: ((personId: string) => string) | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation(['reports', 'participants']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const people = useLiveQuery(() => (ids ? peopleByIds(db, actor, ids, fmt.locale) : Promise.resolve([])), [db, actor, ids, fmt.locale]) ?? [];
  return (
    <Drawer opened={ids !== null} onClose={onClose} title={title} position="right" size="lg">
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports:peopleCount', { count: ids?.length ?? 0 })}
      </Text>
      <Table striped data-testid="drill-list">
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Link to={`/participants?person=${p.id}`}>
                  {p.lastName}, {p.firstName}
                </Link>
              </Table.Td>
              <Table.Td>{p.municipality}</Table.Td>
              {details && <Table.Td data-testid="drill-details">{details(p.id)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Drawer>
  );
}
