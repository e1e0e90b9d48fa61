import { COUNTRIES, ORG_KINDS, type Country, type OrganisationDraft } from '../model';
import { foldForSearch } from '../i18n/transliterate';
import { matchMunicipality } from '../gazetteer';
import { organisationKey, parseOrganisationDraft } from '../organisations/register';
import { parseImportDate } from './dates';
import { COUNTRY_HEADERS, MUNICIPALITY_HEADERS, normaliseHeader } from './headers';
import type { Cell } from './xlsx';

/**
 * Importing the register of organisations (employers, SMEs, institutions, NGOs) from a CSV/XLSX
 * file: the same steps and row report as the people import (shared/import/people.ts), with the
 * organisation's own columns, words and the one schema (organisationDraftSchema).
 */
export const ORG_IMPORT_FIELDS = ['name', 'kind', 'municipality', 'country', 'sector', 'contactPerson', 'support', 'supportedOn', 'jobsCreated'] as const;
export type OrgImportField = (typeof ORG_IMPORT_FIELDS)[number];
export type OrgColumnMapping = Array<OrgImportField | null>;

export const ORG_IMPORT_ISSUE_CODES = ['required', 'invalidChoice', 'invalidDate', 'invalidNumber', 'tooLong', 'invalid'] as const;
export type OrgImportIssueCode = (typeof ORG_IMPORT_ISSUE_CODES)[number];

/** One problem in one cell: the file row (1-based, the header is row 1), its column, what is wrong. */
export interface OrgImportIssue {
  row: number;
  column: string;
  field: OrgImportField;
  code: OrgImportIssueCode;
  value: string;
}

export interface OrgImportedRow {
  row: number;
  draft: OrganisationDraft;
}

/** Header words in the six languages, folded (no diacritics, Cyrillic read as Latin). */
const SYNONYMS: Record<OrgImportField, string[]> = {
  name: [
    'naziv',
    'naziv organizacije',
    'naziv poslodavca',
    'naziv tvrtke',
    'naziv firme',
    'naziv preduzeca',
    'naziv poduzeca',
    'naziv podjetja',
    'ime podjetja',
    'ime organizacije',
    'organizacija',
    'poslodavac',
    'tvrtka',
    'firma',
    'delodajalec',
    'podjetje',
    'name',
    'organisation',
    'organization',
    'employer',
    'company',
  ],
  kind: ['vrsta', 'tip', 'vrsta organizacije', 'vrsta poslodavca', 'tip organizacije', 'kategorija', 'kind', 'type', 'category'],
  // Where an organisation is: also its seat.
  municipality: [...MUNICIPALITY_HEADERS, 'sjediste', 'sediste', 'sedez'],
  country: [...COUNTRY_HEADERS],
  sector: ['djelatnost', 'delatnost', 'dejavnost', 'sektor', 'grana', 'podrucje djelatnosti', 'oblast', 'sector', 'industry'],
  contactPerson: ['kontakt', 'kontakt osoba', 'osoba za kontakt', 'kontaktna osoba', 'kontaktna oseba', 'odgovorna osoba', 'contact', 'contact person'],
  support: [
    'podrska',
    'potpora',
    'podpora',
    'vrsta podrske',
    'vrsta potpore',
    'vrsta podpore',
    'pruzena podrska',
    'pruzena potpora',
    'support',
    'support given',
  ],
  supportedOn: ['datum podrske', 'datum potpore', 'datum podpore', 'podrzano', 'support date', 'date of support', 'supported on'],
  jobsCreated: [
    'radna mjesta',
    'radna mesta',
    'broj radnih mjesta',
    'broj radnih mesta',
    'otvorena radna mjesta',
    'otvorena radna mesta',
    'nova radna mjesta',
    'nova radna mesta',
    'delovna mesta',
    'nova delovna mesta',
    'stevilo delovnih mest',
    'jobs',
    'jobs opened',
    'jobs created',
  ],
};
const LOOKUP = new Map<string, OrgImportField>();
for (const field of ORG_IMPORT_FIELDS) for (const word of SYNONYMS[field]) LOOKUP.set(word, field);

/** One guess per column from its header; a field goes to the first column that names it. */
export function guessOrgMapping(headers: readonly string[]): OrgColumnMapping {
  const used = new Set<OrgImportField>();
  return headers.map((h) => {
    const text = normaliseHeader(h);
    let field = LOOKUP.get(text) ?? null;
    // "Broj radnih mjesta (novih)", "Datum potpore (dd.mm.gggg)": the longest synonym it starts with.
    if (!field) {
      let best = 0;
      for (const [word, f] of LOOKUP) if (word.length > best && word.length >= 4 && text.startsWith(`${word} `)) [field, best] = [f, word.length];
    }
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** Whether the mapping names the organisation at all. */
export function orgMappingIsUsable(mapping: OrgColumnMapping): boolean {
  return mapping.includes('name');
}

/** Words people write for each kind, folded; matched whole. */
const KIND_WORDS: Record<(typeof ORG_KINDS)[number], string[]> = {
  sme: [
    'msp',
    'mala i srednja poduzeca',
    'mala i srednja preduzeca',
    'mala in srednja podjetja',
    'malo poduzece',
    'srednje poduzece',
    'malo preduzece',
    'srednje preduzece',
    'malo podjetje',
    'srednje podjetje',
    'mikro poduzece',
    'mikro preduzece',
    'mikro podjetje',
    'obrt',
    'sme',
    'small business',
  ],
  employer: [
    'poslodavac',
    'delodajalec',
    'employer',
    'tvrtka',
    'firma',
    'poduzece',
    'preduzece',
    'podjetje',
    'veliko poduzece',
    'veliko preduzece',
    'veliko podjetje',
    'company',
  ],
  public: [
    'javna ustanova',
    'javna institucija',
    'institucija',
    'ustanova',
    'javni zavod',
    'zavod',
    'javno poduzece',
    'javno preduzece',
    'javno podjetje',
    'ministarstvo',
    'ministrstvo',
    'opcina',
    'opstina',
    'obcina',
    'public',
    'public institution',
  ],
  ngo: [
    'udruga',
    'udruzenje',
    'drustvo',
    'nvo',
    'nvu',
    'ngo',
    'nevladina organizacija',
    'nevladna organizacija',
    'organizacija civilnog drustva',
    'ocd',
    'zaklada',
    'fondacija',
    'fundacija',
    'partner',
    'partnerska organizacija',
  ],
  other: ['drugo', 'ostalo', 'other'],
};
const KIND_MAP = new Map<string, OrganisationDraft['kind']>();
for (const [k, words] of Object.entries(KIND_WORDS)) for (const w of words) KIND_MAP.set(w, k as OrganisationDraft['kind']);
const COUNTRY_WORDS: Record<string, Country> = {
  hr: 'HR',
  hrvatska: 'HR',
  croatia: 'HR',
  hrvaska: 'HR',
  rs: 'RS',
  srbija: 'RS',
  serbia: 'RS',
  ba: 'BA',
  bih: 'BA',
  'bosna i hercegovina': 'BA',
  'bosna in hercegovina': 'BA',
  'bosnia and herzegovina': 'BA',
  si: 'SI',
  slovenija: 'SI',
  slovenia: 'SI',
  other: 'other',
  drugo: 'other',
  ostalo: 'other',
};

const fold = (s: string) => foldForSearch(s).replace(/\s+/g, ' ').trim();

/** A kind from its code ("sme") or a word for it in any of the six languages ("MSP", "udruga", "delodajalec"). */
export function parseOrgKind(text: string): OrganisationDraft['kind'] | undefined {
  if ((ORG_KINDS as readonly string[]).includes(text)) return text as OrganisationDraft['kind'];
  return KIND_MAP.get(fold(text));
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** A count of jobs: 3, "3", "3.0"; not "tri", -1 or 2.5. */
function parseCount(cell: Cell | undefined): number | null {
  const n = typeof cell === 'number' ? cell : /^\d+([.,]0+)?$/.test(cellText(cell)) ? Number(cellText(cell).replace(',', '.')) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * One file row → an organisation draft (checked with the one schema) and the problems found, each
 * naming its row and column. A row with a problem is not imported; it stays in the report.
 */
export function readOrganisationRow(
  cells: readonly Cell[],
  mapping: OrgColumnMapping,
  headers: readonly string[],
  row: number,
  defaults: { kind: OrganisationDraft['kind']; country: Country },
): { value?: OrgImportedRow; issues: OrgImportIssue[] } {
  const issues: OrgImportIssue[] = [];
  const draft: Record<string, unknown> = { kind: defaults.kind };
  let country: Country | undefined;
  const columnOf: Partial<Record<OrgImportField, number>> = {};
  const issue = (i: number, field: OrgImportField, code: OrgImportIssueCode, value: string) =>
    issues.push({ row, column: headers[i] || `#${i + 1}`, field, code, value });
  mapping.forEach((field, i) => {
    if (!field) return;
    columnOf[field] = i;
    const raw = cells[i];
    const text = cellText(raw);
    if (text === '') return;
    switch (field) {
      case 'kind': {
        const k = parseOrgKind(text);
        if (k) draft.kind = k;
        else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'country': {
        const c = (COUNTRIES as readonly string[]).includes(text.toUpperCase()) ? (text.toUpperCase() as Country) : COUNTRY_WORDS[fold(text)];
        if (c) country = c;
        else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'supportedOn': {
        const d = parseImportDate(raw instanceof Date || typeof raw === 'number' ? raw : text);
        if (d === null) issue(i, field, 'invalidDate', text);
        else draft.supportedOn = d;
        break;
      }
      case 'jobsCreated': {
        const n = parseCount(raw);
        if (n === null) issue(i, field, 'invalidNumber', text);
        else draft.jobsCreated = n;
        break;
      }
      case 'municipality':
        draft.town = text;
        break;
      default:
        draft[field] = text;
    }
  });
  // The country: the file's, else the gazetteer's for a known municipality, else the organisation's own.
  draft.country = country ?? matchMunicipality(draft.town as string | undefined).municipality?.country ?? defaults.country;
  const parsed = parseOrganisationDraft(draft as Parameters<typeof parseOrganisationDraft>[0]);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const key = String(zi.path[0] ?? '');
      const field = (key === 'town' ? 'municipality' : key) as OrgImportField;
      if (issues.some((x) => x.field === field)) continue;
      const col = columnOf[field];
      const code: OrgImportIssueCode = zi.code === 'too_big' ? 'tooLong' : zi.code === 'too_small' || zi.code === 'invalid_type' ? 'required' : 'invalid';
      issues.push({
        row,
        column: col !== undefined ? headers[col] || `#${col + 1}` : field,
        field,
        code,
        value: col !== undefined ? cellText(cells[col]) : '',
      });
    }
  }
  if (issues.length > 0 || !parsed.success) return { issues };
  return { value: { row, draft: parsed.data }, issues };
}

export interface OrgImportPreview {
  valid: OrgImportedRow[];
  issues: OrgImportIssue[];
  badRows: number;
  total: number;
  /** Valid rows that repeat an organisation already in the register, or an earlier row of the file. */
  duplicates: Array<{ row: number; existing?: string; sameAsRow?: number }>;
}

/**
 * Checks every data row (the first row holds the headers) and finds the rows that repeat a stored
 * organisation (`stored`: organisationKey → its name) or an earlier row. Registers are short
 * (hundreds of rows), so this runs in one go.
 */
export function previewOrganisationImport(
  rows: readonly (readonly Cell[])[],
  mapping: OrgColumnMapping,
  defaults: { kind: OrganisationDraft['kind']; country: Country },
  stored: ReadonlyMap<string, string> = new Map(),
): OrgImportPreview {
  const headers = (rows[0] ?? []).map((h) => cellText(h));
  const valid: OrgImportedRow[] = [];
  const issues: OrgImportIssue[] = [];
  const duplicates: OrgImportPreview['duplicates'] = [];
  const firstRow = new Map<string, number>();
  let badRows = 0;
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => cellText(c) === '')) return; // a blank line is no row
    const r = readOrganisationRow(cells, mapping, headers, i + 2, defaults);
    if (!r.value) {
      badRows++;
      issues.push(...r.issues);
      return;
    }
    valid.push(r.value);
    const key = organisationKey(r.value.draft);
    const existing = stored.get(key);
    if (existing !== undefined) duplicates.push({ row: r.value.row, existing });
    else if (firstRow.has(key)) duplicates.push({ row: r.value.row, sameAsRow: firstRow.get(key)! });
    else firstRow.set(key, r.value.row);
  });
  return { valid, issues, badRows, total: valid.length + badRows, duplicates };
}
