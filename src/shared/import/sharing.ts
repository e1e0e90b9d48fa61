import { foldForSearch } from '../i18n/transliterate';
import type { ConsentDraft } from '../model';
import { UNTICKED_CONSENT_CHOICES } from '../people/sharing';
import { parseImportDate } from './dates';

/**
 * The import column "share with the lead": yes, no or the date it was agreed, as the region writes
 * it (folded, so Cyrillic "да"/"не" read as "da"/"ne"). A date means yes, given that day.
 */
const YES = new Set([
  'da',
  'd',
  'yes',
  'y',
  'ja',
  'true',
  'x',
  '+',
  '1',
  'moze',
  'dijeli',
  'deli',
  'deli se',
  'dijeli se',
  'se deli',
  'soglasa',
  'soglasam',
  'suglasna',
  'suglasan',
  'saglasna',
  'saglasan',
  'pristala',
  'pristao',
  'privolila',
]);
const NO = new Set(['ne', 'n', 'no', 'false', '0', '-', 'nije', 'nema', 'ne dijeli', 'ne deli', 'ne moze', 'ni', 'nisem', 'ne soglasa']);

export type ShareAnswer = { share: false } | { share: true; date?: string };

/** Null when the cell says none of these: the row gets an error instead of a guess. */
export function parseShareAnswer(value: string | number | Date): ShareAnswer | null {
  if (typeof value === 'number') {
    if (value === 1) return { share: true };
    if (value === 0) return { share: false };
  }
  if (typeof value === 'string') {
    const word = foldForSearch(value)
      .replace(/\s+/g, ' ')
      .replace(/[.!]+$/, '')
      .trim();
    if (YES.has(word)) return { share: true };
    if (NO.has(word)) return { share: false };
  }
  const date = parseImportDate(value);
  return date ? { share: true, date } : null;
}

/**
 * The consents an imported row stores: the one its consent date records (consent to processing,
 * covering special categories, as before), sharing with the lead only where the file says so, and,
 * when the file gives sharing a date of its own or no consent date at all, a row for the sharing
 * alone (dated by the file, else the import day).
 */
export function importedConsents(
  row: { consentDate?: string | undefined; shareWithLead?: boolean | undefined; shareDate?: string | undefined },
  opts: { notice: string; today: string; recordedBy?: string | undefined },
): { main?: ConsentDraft; sharing?: ConsentDraft } {
  const by = opts.recordedBy ? { recordedBy: opts.recordedBy.slice(0, 120) } : {};
  const shareOnMain = !!row.shareWithLead && !!row.consentDate && (!row.shareDate || row.shareDate === row.consentDate);
  const main: ConsentDraft | undefined = row.consentDate
    ? {
        legalBasis: 'consent',
        date: row.consentDate,
        noticeVersion: opts.notice,
        processing: true,
        ...UNTICKED_CONSENT_CHOICES,
        specialCategories: true,
        shareWithLead: shareOnMain,
        ...by,
      }
    : undefined;
  const sharing: ConsentDraft | undefined =
    row.shareWithLead && !shareOnMain
      ? {
          legalBasis: 'consent',
          date: row.shareDate ?? row.consentDate ?? opts.today,
          noticeVersion: opts.notice,
          processing: false,
          ...UNTICKED_CONSENT_CHOICES,
          shareWithLead: true,
          ...by,
        }
      : undefined;
  return { ...(main ? { main } : {}), ...(sharing ? { sharing } : {}) };
}
