import { strToU8, zipSync } from 'fflate';
import type { Attendance, EventSession, Person, Programme, ProgrammeEvent } from '../model';
import { csvBytes } from '../csv/write';
import { fileNameSlug } from '../files/slug';
import { compareText } from '../i18n/collation';
import type { Locale } from '../i18n/locales';
import { breakdown, sortedEntries } from './breakdown';

/** Texts in the user's language and the formatting the pack needs, passed in so this stays pure. */
export interface PackTexts {
  /** The UI language: the attendance list follows its alphabet (Č after C). */
  locale: Locale | string;
  date(iso: string): string;
  label(key: string, vars?: Record<string, string | number>): string;
  /** The complete standalone HTML of a session's sign-in sheet. */
  signInSheetHtml(session: EventSession): string;
}

export interface PackInput {
  organisation: string;
  programme: Programme;
  event: ProgrammeEvent;
  sessions: EventSession[];
  people: Array<Pick<Person, 'id' | 'firstName' | 'lastName' | 'gender' | 'country' | 'institution' | 'institutionType' | 'municipality'>>;
  attendance: Array<Pick<Attendance, 'sessionId' | 'personId' | 'status'>>;
  scans: Array<{ sessionId: string; fileName: string; data: Uint8Array }>;
  /**
   * The sign-in sheets as PDF, by session id, where the platform renders them (the desktop app,
   * print:htmlToPdf); a session without one gets its sheet as HTML, and the agenda says how to
   * print it (#17 part 6: the browser build keeps HTML and says so).
   */
  sheetPdfs?: ReadonlyMap<string, Uint8Array>;
}

/** The file names and contents of an event's evidence pack (agenda, sign-in sheets, scans, counts, attendance). */
export function evidencePackFiles(input: PackInput, tx: PackTexts): Record<string, Uint8Array> {
  const { programme, event, sessions } = input;
  const files: Record<string, Uint8Array> = {};
  const agenda = [
    input.organisation,
    programme.title,
    [programme.funder, programme.projectCode].filter(Boolean).join(' · '),
    '',
    `${event.number !== undefined ? `${event.number}. ` : ''}${event.title}`,
    event.topic ?? '',
    event.trainers.length ? `${tx.label('trainers')}: ${event.trainers.join(', ')}` : '',
    '',
    ...sessions.map((s) => `${tx.date(s.date)} ${s.start}–${s.end} · ${[s.venue, s.town].filter(Boolean).join(', ')}`),
    '',
    event.agenda ?? '',
  ].join('\r\n');
  const asHtml = sessions.some((s) => !input.sheetPdfs?.has(s.id));
  files['01-agenda.txt'] = strToU8((asHtml ? `${agenda}\r\n\r\n${tx.label('sheetsAsHtml')}` : agenda).replace(/(\r\n){3,}/g, '\r\n\r\n'));
  sessions.forEach((s, i) => {
    const name = `02-sign-in-sheets/${String(i + 1).padStart(2, '0')}-${s.date}`;
    const pdf = input.sheetPdfs?.get(s.id);
    if (pdf) files[`${name}.pdf`] = pdf;
    else files[`${name}.html`] = strToU8(tx.signInSheetHtml(s));
  });
  for (const scan of input.scans) {
    const s = sessions.find((x) => x.id === scan.sessionId);
    files[`03-signed-scans/${s?.date ?? 'session'}-${fileNameSlug(scan.fileName, { fallback: 'scan' })}`] = scan.data;
  }
  const b = breakdown(input.people);
  const rows: Array<Array<string | number>> = [[tx.label('dimension'), tx.label('value'), tx.label('count')]];
  rows.push([tx.label('total'), '', b.total]);
  for (const dim of ['gender', 'institutionType', 'country', 'municipality'] as const) {
    for (const [k, n] of sortedEntries(b[dim])) rows.push([tx.label(`by.${dim}`), tx.label(`${dim}.${k}`), n]);
  }
  files['04-participant-counts.csv'] = csvBytes(rows);
  const marks = new Map(input.attendance.map((a) => [`${a.sessionId}|${a.personId}`, a.status]));
  const compare = compareText(tx.locale);
  const people = [...input.people].sort((a, b2) => compare(a.lastName, b2.lastName) || compare(a.firstName, b2.firstName));
  files['05-attendance.csv'] = csvBytes([
    [tx.label('name'), tx.label('institution'), ...sessions.map((s) => tx.date(s.date))],
    ...people.map((p) => [
      `${p.lastName}, ${p.firstName}`,
      p.institution ?? p.municipality ?? '',
      ...sessions.map((s) => {
        const st = marks.get(`${s.id}|${p.id}`);
        return st ? tx.label(`status.${st}`) : '';
      }),
    ]),
  ]);
  return files;
}

export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 6 });
}
