import type { TFunction } from 'i18next';
import { municipalityLabel } from '@shared/gazetteer';
import type { Locale } from '@shared/i18n/locales';
import { fileSlug } from '@shared/files/slug';
import type { EventSession, Person } from '@shared/model';
import { evidencePackFiles, zipFiles } from '@shared/programmes';
import { attachmentBytes, participants, type EventDetail } from '../../../db/programmes';
import { platform } from '../../../platform';
import type { ProgrammeActionContext } from './context';

// Apart from actions/index.ts: it reaches the platform bridge (print to PDF, the save dialog), which Node tests of the other actions do not have.

/** What the pack needs from the screen: the language, and each sign-in sheet as a full HTML page. */
export interface EvidencePackLabels {
  t: TFunction;
  locale: Locale;
  date: (value: string) => string;
  organisation: string;
  signInSheetHtml: (session: EventSession, people: Person[]) => string;
}

/**
 * The event's evidence pack (.zip) for the donor's controller: the sign-in sheets (PDF in the
 * desktop app; the browser build answers null to print:htmlToPdf and the pack keeps HTML), the
 * scans, attendance and the agenda. Returns the saved file's name, or null when the user cancelled.
 */
export async function saveEvidencePack({ db, actor }: ProgrammeActionContext, detail: EventDetail, labels: EvidencePackLabels): Promise<string | null> {
  const { t, locale, date } = labels;
  const { programme, event, sessions } = detail;
  const people = participants(detail, locale).map((x) => x.person);
  const scans = (
    await attachmentBytes(
      db,
      actor,
      detail.attachments.map((a) => a.id),
    )
  ).map(({ attachment, data }) => ({ sessionId: attachment.sessionId, fileName: attachment.fileName, data }));
  const label = (key: string, vars?: Record<string, string | number>) => {
    const [head, rest] = [key.split('.')[0]!, key.split('.').slice(1).join('.')];
    if (head === 'gender') return t(`programmes:genders.${rest}`);
    if (head === 'institutionType') return rest === 'unknown' ? t('programmes:overview.unknown') : t(`programmes:orgTypes.${rest}`);
    if (head === 'country') return rest === 'unknown' ? t('programmes:overview.unknown') : t(`common:countries.${rest}`);
    if (head === 'municipality') return rest === 'unknown' ? t('programmes:overview.unknown') : municipalityLabel(rest, locale);
    if (head === 'status') return t(`programmes:attendance.status.${rest}`);
    if (head === 'by') return t(`programmes:overview.by.${rest}`);
    return t(`programmes:pack.${key}`, vars ?? {});
  };
  const signInSheetHtml = (s: EventSession) => labels.signInSheetHtml(s, people);
  // The desktop app renders each sheet to PDF; the browser build answers null and the pack keeps HTML.
  const sheetPdfs = new Map<string, Uint8Array>();
  for (const s of sessions) {
    const pdf = await platform.invoke('print:htmlToPdf', { html: new TextEncoder().encode(signInSheetHtml(s)) });
    if (!pdf) break;
    sheetPdfs.set(s.id, pdf);
  }
  const files = evidencePackFiles(
    { organisation: labels.organisation, programme, event, sessions, people, attendance: detail.attendance, scans, sheetPdfs },
    { locale, date, label, signInSheetHtml },
  );
  const saved = await platform.invoke('file:save', {
    suggestedName: `${fileSlug(t('programmes:pack.fileName'))}-${fileSlug(event.title)}.zip`,
    filters: [{ name: 'ZIP', extensions: ['zip'] }],
    data: zipFiles(files),
  });
  return saved?.fileName ?? null;
}
