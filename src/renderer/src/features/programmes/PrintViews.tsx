import { Button, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Person } from '@shared/model';
import { paginateSignInSheet } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { PrintButton } from '../../components/PrintButton';
import { getEventSession, loadEventDetail, participants } from '../../db/programmes';
import { platform } from '../../platform';
import { fileSlug } from '@shared/files/slug';
import { compareText } from '@shared/i18n/collation';
import { CertificateDoc, SignInSheetDoc, type DocContext } from './PrintDocs';
import './print.css';

function PrintFrame({ back, pdfName, summary, children }: { back: string; pdfName: string; summary: string; children: ReactNode }) {
  const { t } = useTranslation(['programmes']);
  const navigate = useNavigate();
  return (
    <div className="print-root">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => void navigate(back)}>
          {t('programmes:print.back')}
        </Button>
        <Text c="dimmed" size="sm" data-testid="print-summary">
          {summary}
        </Text>
        <Group gap="xs">
          <PrintButton />
          <Button leftSection={<IconPrinter size={16} />} onClick={() => void platform.invoke('print:pdf', { suggestedName: `${fileSlug(pdfName)}.pdf` })}>
            {t('programmes:print.savePdf')}
          </Button>
        </Group>
      </Group>
      <div className="a4-sheets">{children}</div>
    </div>
  );
}

function useDocContext(eventId: string | undefined) {
  const { db, actor, org } = useApp();
  const { t } = useTranslation(['programmes', 'common']);
  const fmt = useFormat();
  const detail = useLiveQuery(() => (eventId ? loadEventDetail(db, actor, eventId) : Promise.resolve(null)), [db, actor, eventId]);
  const ctx: DocContext | null = detail
    ? { t, date: fmt.date, organisation: org.name, organisationLogo: org.logo, programme: detail.programme, event: detail.event }
    : null;
  return { detail, ctx };
}

export function SignInSheetPrint() {
  const { sessionId = '' } = useParams();
  const { db } = useApp();
  const { t } = useTranslation(['programmes']);
  const session = useLiveQuery(() => getEventSession(db, sessionId), [db, sessionId]);
  const { detail, ctx } = useDocContext(session?.eventId);
  const fmt = useFormat();
  if (!session || !detail || !ctx) return null;
  const people = participants(detail, fmt.locale).map((x) => x.person);
  const index = detail.sessions.findIndex((s) => s.id === session.id);
  const pages = paginateSignInSheet(people).length;
  return (
    <PrintFrame
      back={`/programmes/${detail.programme.id}/events/${detail.event.id}/sessions`}
      pdfName={`${t('programmes:print.signInFile')}-${detail.event.title}-${session.date}`}
      summary={t('programmes:print.sheetSummary', { count: people.length, pages })}
    >
      <SignInSheetDoc ctx={ctx} session={session} people={people} sessionIndex={index} sessionCount={detail.sessions.length} />
    </PrintFrame>
  );
}

export function CertificatesPrint() {
  const { eventId = '' } = useParams();
  const [search] = useSearchParams();
  const only = search.get('person');
  const { t } = useTranslation(['programmes']);
  const { detail, ctx } = useDocContext(eventId);
  const fmt = useFormat();
  if (!detail || !ctx) return null;
  const certs = detail.certificates
    .filter((c) => !only || c.personId === only)
    .map((c) => ({ c, p: detail.people.get(c.personId) }))
    .filter((x): x is { c: (typeof detail.certificates)[number]; p: Person } => !!x.p)
    .sort((a, b) => (a.c.sequence ?? 0) - (b.c.sequence ?? 0) || compareText(fmt.locale)(a.c.number, b.c.number));
  const one = certs.length === 1 ? certs[0]! : null;
  return (
    <PrintFrame
      back={`/programmes/${detail.programme.id}/events/${detail.event.id}/certificates`}
      pdfName={one ? `${one.c.number}-${one.p.lastName}` : `${t('programmes:print.certificatesFile')}-${detail.event.title}`}
      summary={t('programmes:print.certificatesSummary', { count: certs.length })}
    >
      {certs.map(({ c, p }) => (
        <CertificateDoc key={c.id} ctx={ctx} certificate={c} person={p} sessions={detail.sessions} />
      ))}
    </PrintFrame>
  );
}
