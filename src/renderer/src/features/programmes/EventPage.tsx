import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Menu, Stack, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown, IconCertificate, IconChevronDown, IconEdit, IconFileZip, IconPaperclip, IconPrinter } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApp } from '../../session/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { staticMarkup } from '../../components/staticMarkup';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { attachScan, attachmentBytes, completions, issueCertificates, loadEventDetail, participants, type EventDetail } from '../../db/programmes';
import { saveEvidencePack } from './actions/evidencePack';
import { platform } from '../../platform';
import { AttendanceGrid } from './AttendanceGrid';
import { EnrolmentPanel } from './EnrolmentPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { EventForm } from './EventForm';
import { calendarSessions, saveIcs } from './files';
import { OverviewPanel } from './OverviewPanel';
import { SignInSheetDoc } from './PrintDocs';
import printCss from './print.css?inline';

const TABS = ['sessions', 'enrolment', 'attendance', 'certificates', 'evaluation', 'overview'] as const;

export function EventPage() {
  const { programmeId = '', eventId = '', tab = 'sessions' } = useParams();
  const { t } = useTranslation(['programmes', 'common']);
  const { db, actor } = useApp();
  const navigate = useNavigate();
  const [editing, editState] = useDisclosure();
  const detail = useLiveQuery(() => loadEventDetail(db, actor, eventId), [db, actor, eventId]);
  if (detail === undefined) return null;
  if (detail === null)
    return (
      <EmptyState icon={null} title={t('programmes:notFound')}>
        {''}
      </EmptyState>
    );
  const { programme, event } = detail;
  const base = `/programmes/${programmeId}/events/${eventId}`;
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor href="#/programmes" onClick={(e) => (e.preventDefault(), void navigate('/programmes'))}>
          {t('programmes:title')}
        </Anchor>
        <Anchor href={`#/programmes/${programme.id}`} onClick={(e) => (e.preventDefault(), void navigate(`/programmes/${programme.id}`))}>
          {programme.title}
        </Anchor>
        <Text>{event.title}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${event.number !== undefined ? `${event.number}. ` : ''}${event.title}`}
        description={[t(`programmes:eventKinds.${event.kind}`), event.topic, event.trainers.join(', ')].filter(Boolean).join(' · ')}
        actions={<EventActions detail={detail} onEdit={editState.open} />}
      />
      <EventForm
        key={event.updatedAt + detail.sessions.length}
        opened={editing}
        onClose={editState.close}
        programme={programme}
        event={event}
        sessions={detail.sessions}
      />
      <Tabs value={TABS.includes(tab as never) ? tab : 'sessions'} onChange={(v) => void navigate(`${base}/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`programmes:tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <SessionsPanel detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="enrolment">
          <EnrolmentPanel detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance">
          <AttendanceGrid detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="certificates">
          <CertificatesPanel detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation">
          <EvaluationPanel detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="overview">
          <OverviewPanel programme={programme} eventIds={[event.id]} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function EventActions({ detail, onEdit }: { detail: EventDetail; onEdit: () => void }) {
  const { t } = useTranslation(['programmes', 'common']);
  const { db, actor, org } = useApp();
  const fmt = useFormat();
  const { programme, event, sessions } = detail;

  const exportIcs = async () => {
    if (sessions.length === 0) return notifications.show({ color: 'yellow', message: t('programmes:noSessions') });
    const saved = await saveIcs(event.title, calendarSessions(programme, [{ event, sessions }]));
    if (saved) notifications.show({ color: 'teal', message: t('programmes:icsSaved', { file: saved.fileName }) });
  };

  const evidencePack = async () => {
    const ctx = { t, date: fmt.date, organisation: org.name, organisationLogo: org.logo, programme, event };
    const saved = await saveEvidencePack({ db, actor }, detail, {
      t,
      locale: fmt.locale,
      date: fmt.date,
      organisation: org.name,
      signInSheetHtml: (s, people) =>
        `<!doctype html><html lang="${fmt.locale}"><head><meta charset="utf-8"><title>${t('programmes:print.signInTitle')}</title><style>${printCss}</style></head><body>` +
        staticMarkup(<SignInSheetDoc ctx={ctx} session={s} people={people} sessionIndex={sessions.indexOf(s)} sessionCount={sessions.length} />) +
        '</body></html>',
    });
    if (saved) notifications.show({ color: 'teal', message: t('programmes:pack.saved', { file: saved }) });
  };

  return (
    <>
      <Button variant="default" leftSection={<IconCalendarDown size={16} />} onClick={() => void exportIcs()}>
        {t('programmes:exportIcs')} (.ics)
      </Button>
      <Button variant="default" leftSection={<IconFileZip size={16} />} onClick={() => void evidencePack()}>
        {t('programmes:pack.button')} (.zip)
      </Button>
      <Button leftSection={<IconEdit size={16} />} onClick={onEdit}>
        {t('programmes:event.edit')}
      </Button>
    </>
  );
}

function SessionsPanel({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { programme, event, sessions } = detail;
  const attach = async (sessionId: string) => {
    const files = await platform.invoke('file:open', {
      filters: [{ name: 'PDF / image', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] }],
      multiple: true,
    });
    for (const f of files) await attachScan(db, actor, sessionId, f.fileName, f.data);
    if (files.length) notifications.show({ color: 'teal', message: t('programmes:scans.attached', { count: files.length }) });
  };
  const download = async (id: string) => {
    const [a] = await attachmentBytes(db, actor, [id]);
    if (a) await platform.invoke('file:save', { suggestedName: a.attachment.fileName, filters: [], data: a.data });
  };
  if (sessions.length === 0) return <Text c="dimmed">{t('programmes:noSessions')}</Text>;
  return (
    <Card withBorder padding={0}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programmes:session.date')}</Table.Th>
            <Table.Th>{t('programmes:session.time')}</Table.Th>
            <Table.Th>{t('programmes:session.place')}</Table.Th>
            <Table.Th>{t('programmes:scans.title')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => {
            const scans = detail.attachments.filter((a) => a.sessionId === s.id);
            return (
              <Table.Tr key={s.id} data-testid="session-line">
                <Table.Td>{fmt.date(s.date)}</Table.Td>
                <Table.Td>
                  {s.start}–{s.end}
                </Table.Td>
                <Table.Td>{[s.venue, s.town, t(`common:countries.${s.country}`)].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {scans.map((a) => (
                      <Badge key={a.id} variant="light" style={{ cursor: 'pointer', textTransform: 'none' }} onClick={() => void download(a.id)}>
                        {a.fileName}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPrinter size={14} />}
                      onClick={() => void navigate(`/programmes/print/sign-in/${s.id}`)}
                    >
                      {t('programmes:session.signInSheet')}
                    </Button>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} aria-label={t('programmes:session.more')}>
                          {t('programmes:session.more')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPaperclip size={14} />} onClick={() => void attach(s.id)}>
                          {t('programmes:scans.attach')}
                        </Menu.Item>
                        <Menu.Item
                          leftSection={<IconCalendarDown size={14} />}
                          onClick={() => void saveIcs(`${event.title}-${s.date}`, calendarSessions(programme, [{ event, sessions: [s] }]))}
                        >
                          {t('programmes:session.ics')} (.ics)
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function CertificatesPanel({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const rows = participants(detail, fmt.locale);
  const done = completions(detail);
  const issued = new Map(detail.certificates.map((c) => [c.personId, c]));
  const eligible = rows.filter(({ person }) => done.get(person.id)?.met && !issued.has(person.id)).map(({ person }) => person.id);
  const rule = detail.programme.completionRule;
  const issue = async (ids: string[]) => {
    const made = await issueCertificates(db, actor, detail.event.id, ids);
    notifications.show({ color: 'teal', message: t('programmes:certificates.issued', { count: made.length }) });
  };
  const print = (personId?: string) => void navigate(`/programmes/print/certificates/${detail.event.id}${personId ? `?person=${personId}` : ''}`);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {rule.type === 'minShare'
            ? t('programmes:ruleMinShare', { percent: Math.round(rule.minShare * 100) })
            : t('programmes:ruleCompulsory', { count: rule.sessionIds.length })}
        </Text>
        <Group>
          <Button leftSection={<IconCertificate size={16} />} disabled={eligible.length === 0} onClick={() => void issue(eligible)} data-testid="issue-all">
            {t('programmes:certificates.issueAll', { count: eligible.length })}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={detail.certificates.length === 0} onClick={() => print()}>
            {t('programmes:certificates.printAll')}
          </Button>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('programmes:attendance.empty')}</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes:attendance.person')}</Table.Th>
                <Table.Th>{t('programmes:certificates.attended')}</Table.Th>
                <Table.Th>{t('programmes:certificates.status')}</Table.Th>
                <Table.Th>{t('programmes:certificates.number')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ person }) => {
                const r = done.get(person.id);
                const cert = issued.get(person.id);
                return (
                  <Table.Tr key={person.id} data-testid="certificate-row">
                    <Table.Td>
                      {person.lastName}, {person.firstName}
                    </Table.Td>
                    <Table.Td>
                      {r?.attended ?? 0}/{r?.total ?? 0} ({fmt.number(Math.round((r?.share ?? 0) * 100))} %)
                    </Table.Td>
                    <Table.Td>
                      <Badge color={cert ? 'teal' : r?.met ? 'blue' : 'gray'} variant="light">
                        {t(`programmes:certificates.${cert ? 'has' : r?.met ? 'eligible' : 'notYet'}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{cert ? `${cert.number} · ${fmt.date(cert.issuedOn)}` : ''}</Table.Td>
                    <Table.Td ta="right">
                      {cert ? (
                        <Button size="compact-sm" variant="subtle" leftSection={<IconPrinter size={14} />} onClick={() => print(person.id)}>
                          {t('programmes:certificates.print')}
                        </Button>
                      ) : (
                        r?.met && (
                          <Button size="compact-sm" variant="subtle" onClick={() => void issue([person.id])}>
                            {t('programmes:certificates.issue')}
                          </Button>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
