import { Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggest } from '@shared/matching';
import { languageName, normaliseLanguageCode } from '@shared/mentoring';
import { canAll } from '@shared/auth/permissions';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { useFormat } from '../../components/useFormat';
import {
  acceptPairs,
  allMentorStats,
  getMentoringSettings,
  menteeRows,
  mentorRows,
  toMenteeInput,
  toMentorInput,
  type MenteeRow,
  type MentorRow,
} from '../../db/mentoring';
import { MenteeForm, MentorForm } from './ProfileForms';
import { useReasonText } from './useReasons';

export function MentorsTab() {
  const { t, i18n } = useTranslation('mentoring');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const today = useToday();
  const data = useLiveQuery(async () => {
    const rows = await mentorRows(db, actor, undefined, fmt.locale);
    const stats = await allMentorStats(db, today());
    return { rows, stats };
  }, [db, actor, today]);
  const [editing, setEditing] = useState<MentorRow | 'new' | null>(null);
  if (!data) return null;
  return (
    <Stack>
      {canAll(actor.role, 'editRecords') && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('addMentor')}</Button>
        </Group>
      )}
      <Paper withBorder radius="md">
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mentor')}</Table.Th>
              <Table.Th>{t('expertise')}</Table.Th>
              <Table.Th>{t('load')}</Table.Th>
              <Table.Th>{t('hours')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((m) => {
              const st = data.stats.get(m.mentor.id);
              return (
                <Table.Tr
                  key={m.mentor.id}
                  data-testid="mentor-row"
                  style={{ cursor: 'pointer' }}
                  onClick={() => canAll(actor.role, 'editRecords') && setEditing(m)}
                >
                  <Table.Td>
                    <Text fw={500}>{m.name}</Text>
                    <Text size="xs" c="dimmed">
                      {[
                        m.person?.municipality,
                        m.mentor.region,
                        m.mentor.languages.map((l) => languageName(normaliseLanguageCode(l), i18n.language)).join(', '),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.mentor.expertise.map((e) => (
                        <Badge key={e} variant="outline" size="sm">
                          {t(`areas.${e}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('loadValue', { active: m.load, capacity: m.mentor.capacity })}</Table.Td>
                  <Table.Td>
                    {fmt.number(Math.round(((st?.minutes ?? 0) / 60) * 10) / 10)}
                    <Text size="xs" c="dimmed">
                      {t('sessionsCount', { count: st?.sessions ?? 0 })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={m.mentor.active ? 'teal' : 'gray'} variant="light">
                      {m.mentor.active ? t('active') : t('paused')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing === 'new' ? t('addMentor') : t('editMentor')} size="lg">
        {editing && <MentorForm mentor={editing === 'new' ? undefined : editing.mentor} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

export function MenteesTab() {
  const { t, i18n } = useTranslation('mentoring');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = useLiveQuery(() => menteeRows(db, actor, fmt.locale), [db, actor, fmt.locale]);
  const [editing, setEditing] = useState<MenteeRow | 'new' | null>(null);
  const [suggestFor, setSuggestFor] = useState<MenteeRow | null>(null);
  if (!rows) return null;
  return (
    <Stack>
      <Group>
        <Button onClick={() => setEditing('new')}>{t('addMentee')}</Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('noMentees')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentee')}</Table.Th>
                <Table.Th>{t('needs')}</Table.Th>
                <Table.Th>{t('stage')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.profile.id} data-testid="mentee-row">
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setEditing(r)}>
                      {r.name}
                    </Button>
                    <Text size="xs" c="dimmed" pl={8}>
                      {[
                        r.person?.municipality,
                        r.profile.sector,
                        r.profile.languages.map((l) => languageName(normaliseLanguageCode(l), i18n.language)).join(', '),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.profile.needs.map((n) => (
                        <Badge key={n} variant="outline" size="sm">
                          {t(`areas.${n}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`stages.${r.profile.stage}`)}</Table.Td>
                  <Table.Td>
                    {r.current ? (
                      <Badge variant="light">{t(`statuses.${r.current.status}`)}</Badge>
                    ) : (
                      <Badge color="orange" variant="light">
                        {t('unmatched')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!r.current && (
                      <Button size="xs" variant="light" onClick={() => setSuggestFor(r)}>
                        {t('suggestions')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing === 'new' ? t('addMentee') : t('editMentee')} size="lg">
        {editing && <MenteeForm profile={editing === 'new' ? undefined : editing.profile} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={!!suggestFor} onClose={() => setSuggestFor(null)} title={suggestFor ? t('suggestFor', { name: suggestFor.name }) : ''} size="xl">
        {suggestFor && <Suggestions mentee={suggestFor} onDone={() => setSuggestFor(null)} />}
      </Modal>
    </Stack>
  );
}

function Suggestions({ mentee, onDone }: { mentee: MenteeRow; onDone: () => void }) {
  const { t } = useTranslation('mentoring');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const { reason } = useReasonText();
  const data = useLiveQuery(async () => {
    const [mentors, settings] = await Promise.all([mentorRows(db, actor, undefined, fmt.locale), getMentoringSettings(db)]);
    const names = new Map(mentors.map((m) => [m.mentor.id, m.name]));
    return { list: suggest(toMenteeInput(mentee), mentors.map(toMentorInput), settings.weights), names };
  }, [db, mentee]);
  if (!data) return null;
  return (
    <Stack gap="xs">
      {!data.list.some((s) => s.eligible) && <Text c="dimmed">{t('noEligible')}</Text>}
      {data.list.map((s, i) => (
        <Paper key={s.mentorId} withBorder p="sm" radius="md" data-testid="suggestion" opacity={s.eligible ? 1 : 0.55}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text fw={600}>
                {s.eligible ? `${i + 1}. ` : ''}
                {data.names.get(s.mentorId)}
              </Text>
              <Text size="sm" c={s.eligible ? undefined : 'red'}>
                {(s.eligible ? s.reasons : s.blocked).map(reason).join(' · ')}
              </Text>
            </Stack>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Badge size="lg" variant="light" color={s.eligible ? 'teal' : 'gray'}>
                {t('score')} {s.score}
              </Badge>
              {s.eligible && (
                <Button
                  size="xs"
                  onClick={() =>
                    void acceptPairs(db, actor, [{ menteeId: mentee.profile.personId, mentorId: s.mentorId, score: s.score }]).then((done) => {
                      notifications.show({ color: 'teal', message: t('accepted', { count: done.length }) });
                      onDone();
                    })
                  }
                >
                  {t('choose')}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
