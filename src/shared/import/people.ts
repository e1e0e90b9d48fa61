import { z } from 'zod';
import {
  COUNTRIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  ORG_TYPES,
  PERSON_KINDS,
  TARGET_GROUPS,
  holdsSpecialCategoryData,
  personDraftSchema,
  type PersonDraft,
} from '../model';
import { foldForSearch } from '../i18n/transliterate';
import { matchMunicipality, type MunicipalityMatch } from '../gazetteer';
import { parseBirthYear, parseImportDate } from './dates';
import { splitFullName } from './names';
import { parseShareAnswer, type ShareAnswer } from './sharing';
import type { ColumnMapping, ImportField } from './headers';
import type { Cell } from './xlsx';

export const IMPORT_ISSUE_CODES = [
  'required',
  'invalidChoice',
  'invalidYear',
  'invalidDate',
  'invalidEmail',
  'tooLong',
  'consentRequired',
  'invalidShare',
  'unknownInstitutionType',
  'invalid',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];
/** Things the user should look at in a row that is still imported (the value is kept as typed). */
export const IMPORT_WARNING_CODES = ['unknownMunicipality', 'ambiguousMunicipality', 'municipalityInOtherCountry'] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

/** One problem in one cell: which file row (1-based, as a spreadsheet numbers it), which column, what. */
export interface ImportIssue {
  row: number;
  column: string;
  field: ImportField | 'row';
  code: ImportIssueCode;
  value: string;
}

/** A remark on a row that is imported anyway: an unknown municipality with the closest names. */
export interface ImportWarning {
  row: number;
  column: string;
  field: ImportField;
  code: ImportWarningCode;
  value: string;
  /** Canonical names the user may have meant (unknown), or the places it may be (ambiguous). */
  suggestions: string[];
  /** municipalityInOtherCountry: the country the gazetteer puts it in. */
  country?: string;
}

export interface ImportedRow {
  /** Line/row number in the file (the header is row 1). */
  row: number;
  draft: PersonDraft;
  consentDate?: string;
  /** The file said yes to sharing with the lead (shareDate: the day it gave, if any). */
  shareWithLead?: boolean;
  shareDate?: string;
}

/** Words people write for each choice, folded; matched whole. */
const GENDER_WORDS: Record<(typeof GENDERS)[number], string[]> = {
  woman: ['z', 'zena', 'zenski', 'zensko', 'zenska', 'f', 'female', 'woman', 'w', 'zen.', 'z.'],
  man: ['m', 'muski', 'musko', 'muskarac', 'moski', 'male', 'man', 'mus.', 'm.'],
  other: ['drugo', 'ostalo', 'other', 'o', 'x'],
  notStated: ['ne zeli navesti', 'nije navedeno', 'nije navedeno', 'ni navedeno', 'not stated', 'n/a', 'nn', 'neznano', 'nepoznato', '-', ''],
};
const KIND_WORDS: Record<(typeof PERSON_KINDS)[number], string[]> = {
  beneficiary: [
    'korisnik',
    'korisnica',
    'korisnici',
    'beneficiary',
    'participant',
    'krajnji korisnik',
    'krajnja korisnica',
    'koncni uporabnik',
    'koncna uporabnica',
    'koncni upravicenec',
    'koncna upravicenka',
    'uporabnik',
    'uporabnica',
    'sudionik',
    'sudionica',
    'polaznik',
    'polaznica',
    'ucesnik',
    'ucesnica',
    'udelezenec',
    'udelezenka',
    'mentee',
  ],
  professional: [
    'strucnjak',
    'strucnjakinja',
    'profesionalac',
    'profesionalka',
    'strucni radnik',
    'strucna radnica',
    'strucni djelatnik',
    'strucna djelatnica',
    'strokovni delavec',
    'strokovna delavka',
    'strokovnjak',
    'strokovnjakinja',
    'professional',
    'djelatnik',
    'djelatnica',
    'zaposlenik',
    'zaposlenica',
  ],
};
const COUNTRY_WORDS: Record<(typeof COUNTRIES)[number], string[]> = {
  HR: ['hr', 'hrvatska', 'croatia', 'hrvaska'],
  RS: ['rs', 'srbija', 'serbia', 'srbija'],
  BA: ['ba', 'bih', 'bosna i hercegovina', 'bosnia and herzegovina', 'bosna in hercegovina', 'bosnia'],
  SI: ['si', 'slovenija', 'slovenia'],
  other: ['other', 'drugo', 'ostalo'],
};
const TARGET_WORDS: Record<(typeof TARGET_GROUPS)[number], string[]> = {
  roma: ['roma', 'romi', 'romkinja', 'rom', 'romska', 'romi/romkinje'],
  disability: ['disability', 'invaliditet', 'osoba s invaliditetom', 'osoba sa invaliditetom', 'invalidnost', 'oseba z invalidnostjo', 'oi'],
  singleParent: ['single parent', 'samohrani roditelj', 'samohrana majka', 'jednoroditeljska obitelj', 'enostarsevska druzina', 'samohranilka'],
  longTermUnemployed: ['long-term unemployed', 'dugotrajno nezaposleni', 'dugotrajno nezaposlena', 'dolgotrajno brezposelni', 'dugorocno nezaposlena'],
  minimumIncome: ['minimum income', 'zajamcena minimalna naknada', 'zmn', 'socijalna pomoc', 'novcana socijalna pomoc', 'denarna socialna pomoc'],
  violenceSurvivor: ['violence survivor', 'zrtva nasilja', 'zena zrtva nasilja', 'zrtva nasilja u obitelji', 'zrtva nasilja u porodici', 'zrtev nasilja'],
  lgbt: ['lgbt', 'lgbti', 'lgbtiq', 'lgbt+', 'lgbtiq+'],
  returnee: ['returnee', 'povratnik', 'povratnica', 'povratnici'],
  other: ['other', 'drugo', 'ostalo'],
};
const EMPLOYMENT_WORDS: Record<(typeof EMPLOYMENT_STATUSES)[number], string[]> = {
  unemployed: ['nezaposlen', 'nezaposlena', 'unemployed', 'brezposeln', 'brezposelna'],
  longTermUnemployed: ['dugotrajno nezaposlena', 'dugotrajno nezaposlen', 'long-term unemployed', 'dolgotrajno brezposelna'],
  employed: ['zaposlen', 'zaposlena', 'employed', 'zaposlena/zaposlen'],
  selfEmployed: ['samozaposlen', 'samozaposlena', 'self-employed', 'obrtnica', 'poduzetnica', 'preduzetnica', 'samozaposlena oseba'],
  student: ['student', 'studentica', 'studentkinja', 'ucenik', 'ucenica', 'dijak', 'studentka'],
  retired: ['umirovljenik', 'umirovljenica', 'penzioner', 'penzionerka', 'upokojenec', 'upokojenka', 'retired'],
  inactive: ['neaktivan', 'neaktivna', 'inactive', 'neaktiven', 'neaktivna oseba'],
  unknown: ['nepoznato', 'unknown', 'neznano'],
};
const EDUCATION_WORDS: Record<(typeof EDUCATION_LEVELS)[number], string[]> = {
  none: ['bez skole', 'bez obrazovanja', 'none', 'brez izobrazbe', 'nkv'],
  primary: ['osnovna', 'osnovna skola', 'os', 'primary', 'osnovna sola', 'oš'],
  secondary: ['srednja', 'srednja skola', 'ss', 'sss', 'kv', 'vkv', 'secondary', 'srednja sola', 'ses'],
  tertiary: ['visoka', 'visa', 'fakultet', 'vss', 'vss/vs', 'vs', 'tertiary', 'univerza', 'magisterij', 'visoko', 'visja'],
  unknown: ['nepoznato', 'unknown', 'neznano'],
};

/**
 * The professionals' institution types (ORG_TYPES) as the region writes them: names, their
 * abbreviations (CZSS, CSR, CSD; HZZ, NSZ, ZRSZ) and the common kinds of each. A cell that starts
 * with one of these, whole words, counts too ("CSD Celje", "JU Centar za socijalni rad Tuzla").
 */
const INSTITUTION_WORDS: Record<(typeof ORG_TYPES)[number], string[]> = {
  socialWorkCentre: [
    'centar za socijalnu skrb',
    'czss',
    'hrvatski zavod za socijalni rad',
    'zavod za socijalni rad',
    'hzsr',
    'centar za socijalni rad',
    'csr',
    'ju centar za socijalni rad',
    'javna ustanova centar za socijalni rad',
    'center za socialno delo',
    'csd',
    'socijalna skrb',
    'socijalni rad',
    'socialno delo',
    'sluzba socijalne zastite',
    'centre for social work',
    'social work centre',
    'social work center',
    'social services',
  ],
  employmentOffice: [
    'hrvatski zavod za zaposljavanje',
    'hzz',
    'zavod za zaposljavanje',
    'nacionalna sluzba za zaposljavanje',
    'nsz',
    'sluzba za zaposljavanje',
    'ju sluzba za zaposljavanje',
    'zavod za zaposljavanje federacije bih',
    'zavod za zaposljavanje republike srpske',
    'biro za zaposljavanje',
    'biro rada',
    'zavod za zaposlovanje',
    'zavod republike slovenije za zaposlovanje',
    'zrsz',
    'employment office',
    'employment service',
    'public employment service',
  ],
  ministry: ['ministarstvo', 'ministrstvo', 'ministry', 'vlada', 'vlada republike', 'government'],
  localGovernment: [
    'opcina',
    'opstina',
    'obcina',
    'mestna obcina',
    'grad',
    'gradska uprava',
    'opcinska uprava',
    'opstinska uprava',
    'obcinska uprava',
    'zupanija',
    'kanton',
    'lokalna samouprava',
    'jedinica lokalne samouprave',
    'jls',
    'lokalna uprava',
    'lokalna skupnost',
    'local government',
    'municipality',
  ],
  ngo: [
    'ngo',
    'nvo',
    'udruga',
    'udruzenje',
    'drustvo',
    'zaklada',
    'fondacija',
    'fundacija',
    'ustanova civilnog drustva',
    'organizacija civilnog drustva',
    'ocd',
    'nevladina organizacija',
    'nevladna organizacija',
    'neprofitna organizacija',
    'civil society organisation',
    'non-governmental organisation',
  ],
  school: [
    'skola',
    'sola',
    'osnovna skola',
    'srednja skola',
    'osnovna sola',
    'srednja sola',
    'gimnazija',
    'fakultet',
    'univerzitet',
    'sveuciliste',
    'univerza',
    'uciliste',
    'pucko otvoreno uciliste',
    'ljudska univerza',
    'vrtic',
    'vrtec',
    'obrazovna ustanova',
    'school',
    'university',
  ],
  healthcare: [
    'zdravstvo',
    'zdravstvena ustanova',
    'dom zdravlja',
    'zdravstveni dom',
    'bolnica',
    'bolnisnica',
    'klinika',
    'zavod za javno zdravstvo',
    'healthcare',
    'health centre',
    'hospital',
  ],
  sme: [
    'poduzece',
    'preduzece',
    'podjetje',
    'tvrtka',
    'firma',
    'obrt',
    'poslodavac',
    'delodajalec',
    'msp',
    'mala i srednja poduzeca',
    'mala i srednja preduzeca',
    'company',
    'employer',
    'business',
    'sme',
  ],
  other: ['other', 'drugo', 'ostalo'],
};

function lookupTable<K extends string>(words: Record<K, string[]>): Map<string, K> {
  const m = new Map<string, K>();
  for (const [k, list] of Object.entries(words) as Array<[K, string[]]>) for (const w of list) if (!m.has(w)) m.set(w, k);
  return m;
}
const GENDER_MAP = lookupTable(GENDER_WORDS);
const KIND_MAP = lookupTable(KIND_WORDS);
const COUNTRY_MAP = lookupTable(COUNTRY_WORDS);
const TARGET_MAP = lookupTable(TARGET_WORDS);
const EMPLOYMENT_MAP = lookupTable(EMPLOYMENT_WORDS);
const EDUCATION_MAP = lookupTable(EDUCATION_WORDS);
const INSTITUTION_MAP = lookupTable(INSTITUTION_WORDS);

const fold = (s: string) => foldForSearch(s).replace(/\s+/g, ' ').trim();

/**
 * A choice from its code ("woman"), or a word people write for it in any of the six languages.
 * `startsWith`: also the longest known word the cell starts with, whole words ("CSD Celje").
 */
function choice<K extends string>(map: Map<string, K>, codes: readonly K[], value: string, opts: { startsWith?: boolean } = {}): K | undefined {
  if ((codes as readonly string[]).includes(value)) return value as K;
  const folded = fold(value);
  const exact = map.get(folded);
  if (exact || !opts.startsWith) return exact;
  const words = folded.split(/[\s,;.()/-]+/).filter(Boolean);
  for (let n = words.length - 1; n > 0; n--) {
    const k = map.get(words.slice(0, n).join(' '));
    if (k) return k;
  }
  return undefined;
}

export function parseGender(value: string) {
  return choice(GENDER_MAP, GENDERS, value);
}

/** The professional's institution type from its name, abbreviation or kind in the region's words. */
export function parseInstitutionType(value: string) {
  return choice(INSTITUTION_MAP, ORG_TYPES, value, { startsWith: true });
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const emailSchema = z.email();

/**
 * One file row → a person draft (validated with the person schema) and the problems found, each
 * naming the row and the column. A row with any problem is not imported.
 */
export function readPersonRow(
  cells: readonly Cell[],
  mapping: ColumnMapping,
  headers: readonly string[],
  row: number,
  defaults: Partial<PersonDraft> = {},
  places: Map<string, MunicipalityMatch> = new Map(),
): { value?: ImportedRow; issues: ImportIssue[]; warnings: ImportWarning[] } {
  const issues: ImportIssue[] = [];
  const warnings: ImportWarning[] = [];
  let countryFromFile = false;
  const draft: Record<string, unknown> = { kind: 'beneficiary', gender: 'notStated', targetGroups: [], ...defaults };
  let consentDate: string | undefined;
  let share: ShareAnswer | undefined;
  const columnOf: Partial<Record<ImportField, number>> = {};
  const issue = (i: number, field: ImportField, code: ImportIssueCode, value: string) =>
    issues.push({ row, column: headers[i] ?? `#${i + 1}`, field, code, value });

  mapping.forEach((field, i) => {
    if (!field) return;
    columnOf[field] = i;
    const raw = cells[i];
    const text = cellText(raw);
    if (text === '' && field !== 'gender') return;
    switch (field) {
      case 'fullName':
      case 'fullNameSurnameFirst': {
        const split = splitFullName(text, field === 'fullName' ? 'firstNameFirst' : 'surnameFirst');
        if (!split) issue(i, field, 'invalid', text);
        else {
          draft.firstName ??= split.firstName;
          draft.lastName ??= split.lastName;
        }
        break;
      }
      case 'gender': {
        const g = parseGender(text);
        if (g) draft.gender = g;
        else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'kind': {
        const k = choice(KIND_MAP, PERSON_KINDS, text);
        if (k) draft.kind = k;
        else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'country': {
        const c = choice(COUNTRY_MAP, COUNTRIES, text.toUpperCase().length === 2 ? text.toUpperCase() : text);
        if (c) {
          draft.country = c;
          countryFromFile = true;
        } else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'employmentStatus': {
        const c = choice(EMPLOYMENT_MAP, EMPLOYMENT_STATUSES, text);
        if (c) draft.employmentStatus = c;
        else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'institutionType': {
        const c = parseInstitutionType(text);
        if (c) draft.institutionType = c;
        else issue(i, field, 'unknownInstitutionType', text);
        break;
      }
      case 'educationLevel': {
        const c = choice(EDUCATION_MAP, EDUCATION_LEVELS, text);
        if (c) draft.educationLevel = c;
        else issue(i, field, 'invalidChoice', text);
        break;
      }
      case 'targetGroups': {
        const groups = new Set<string>();
        for (const part of text
          .split(/[,;/|]+/)
          .map((p) => p.trim())
          .filter(Boolean)) {
          const g = choice(TARGET_MAP, TARGET_GROUPS, part);
          if (g) groups.add(g);
          else issue(i, field, 'invalidChoice', part);
        }
        draft.targetGroups = [...groups];
        break;
      }
      case 'birthYear': {
        const y = parseBirthYear(typeof raw === 'number' ? raw : text);
        if (y === null) issue(i, field, 'invalidYear', text);
        else draft.birthYear = y;
        break;
      }
      case 'consentDate': {
        const d = parseImportDate(typeof raw === 'number' ? raw : text);
        if (d === null) issue(i, field, 'invalidDate', text);
        else consentDate = d;
        break;
      }
      case 'shareWithLead': {
        const a = parseShareAnswer(raw instanceof Date || typeof raw === 'number' ? raw : text);
        if (a === null) issue(i, field, 'invalidShare', text);
        else share = a;
        break;
      }
      case 'email':
        if (emailSchema.safeParse(text).success) draft.email = text;
        else issue(i, field, 'invalidEmail', text);
        break;
      default:
        draft[field] = text;
    }
  });

  // The municipality in its canonical form; the country from it unless the file names one.
  if (typeof draft.municipality === 'string' && columnOf.municipality !== undefined) {
    const col = columnOf.municipality;
    const typed = draft.municipality;
    const country = countryFromFile ? (draft.country as string) : undefined;
    const cacheKey = `${country ?? ''}|${typed}`;
    let m = places.get(cacheKey);
    if (!m) places.set(cacheKey, (m = matchMunicipality(typed, country, { suggest: true })));
    const warn = (code: ImportWarningCode, suggestions: string[], extra: { country?: string } = {}) =>
      warnings.push({ row, column: headers[col] ?? `#${col + 1}`, field: 'municipality', code, value: typed, suggestions, ...extra });
    if (m.name) draft.municipality = m.name;
    if (m.municipality) {
      if (!countryFromFile) draft.country = m.municipality.country;
      else if (draft.country !== m.municipality.country) warn('municipalityInOtherCountry', [], { country: m.municipality.country });
    } else if (m.status === 'ambiguous' && !m.name)
      warn(
        'ambiguousMunicipality',
        m.suggestions.map((x) => x.name),
      );
    else if (m.status === 'unknown')
      warn(
        'unknownMunicipality',
        m.suggestions.map((x) => x.name),
      );
  }

  // Special-category data (target groups, notes) only with a recorded consent.
  if (holdsSpecialCategoryData(draft as Parameters<typeof holdsSpecialCategoryData>[0]) && !consentDate) {
    const col = (draft.targetGroups as string[]).length > 0 ? columnOf.targetGroups : columnOf.notes;
    issue(col ?? 0, (draft.targetGroups as string[]).length > 0 ? 'targetGroups' : 'notes', 'consentRequired', '');
  }

  const parsed = personDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const field = String(zi.path[0] ?? '') as ImportField;
      const nameColumn: ImportField | undefined =
        columnOf.fullName !== undefined ? 'fullName' : columnOf.fullNameSurnameFirst !== undefined ? 'fullNameSurnameFirst' : undefined;
      const fieldForName = field === 'firstName' || field === 'lastName' ? (columnOf[field] === undefined && nameColumn ? nameColumn : field) : field;
      const col = columnOf[fieldForName];
      if (issues.some((x) => x.field === fieldForName)) continue;
      const code: ImportIssueCode = zi.code === 'too_big' ? 'tooLong' : zi.code === 'too_small' || zi.code === 'invalid_type' ? 'required' : 'invalid';
      issues.push({
        row,
        column: col !== undefined ? (headers[col] ?? `#${col + 1}`) : fieldForName,
        field: fieldForName,
        code,
        value: col !== undefined ? cellText(cells[col]) : '',
      });
    }
  }
  if (issues.length > 0 || !parsed.success) return { issues, warnings: [] };
  const shared = share?.share ? { shareWithLead: true, ...(share.date ? { shareDate: share.date } : {}) } : {};
  return { value: { row, draft: parsed.data, ...(consentDate ? { consentDate } : {}), ...shared }, issues, warnings };
}

export interface ImportPreview {
  valid: ImportedRow[];
  issues: ImportIssue[];
  /** Remarks on valid rows (imported as shown): unknown or ambiguous municipalities. */
  warnings: ImportWarning[];
  /** Rows with at least one issue. */
  badRows: number;
  total: number;
}

/**
 * Validates every data row (the first row holds the headers), in chunks, handing control back
 * between chunks (`pause`) so a window stays responsive with a 10,000-row file.
 */
export async function previewImport(
  rows: readonly (readonly Cell[])[],
  mapping: ColumnMapping,
  opts: {
    chunk?: number;
    onProgress?: (done: number, total: number) => void;
    pause?: () => Promise<void>;
    signal?: { aborted: boolean };
    defaults?: Partial<PersonDraft>;
  } = {},
): Promise<ImportPreview> {
  const headers = (rows[0] ?? []).map((h) => cellText(h));
  const data = rows.slice(1);
  const chunk = opts.chunk ?? 1000;
  const pause = opts.pause ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  const valid: ImportedRow[] = [];
  const issues: ImportIssue[] = [];
  const warnings: ImportWarning[] = [];
  const places = new Map<string, MunicipalityMatch>();
  let badRows = 0;
  for (let start = 0; start < data.length; start += chunk) {
    if (opts.signal?.aborted) break;
    const end = Math.min(data.length, start + chunk);
    for (let i = start; i < end; i++) {
      const r = readPersonRow(data[i] ?? [], mapping, headers, i + 2, opts.defaults, places);
      if (r.value) {
        valid.push(r.value);
        warnings.push(...r.warnings);
      } else {
        badRows++;
        issues.push(...r.issues);
      }
    }
    opts.onProgress?.(end, data.length);
    if (end < data.length) await pause();
  }
  return { valid, issues, warnings, badRows, total: data.length };
}

/** Whether the mapping names a person at all (first and last name, or a full-name column in either order). */
export function mappingIsUsable(mapping: ColumnMapping): boolean {
  return (mapping.includes('firstName') && mapping.includes('lastName')) || mapping.includes('fullName') || mapping.includes('fullNameSurnameFirst');
}
