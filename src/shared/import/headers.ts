import { foldForSearch } from '../i18n/transliterate';

/** The person fields an imported column can fill. */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'fullNameSurnameFirst',
  'kind',
  'gender',
  'birthYear',
  'municipality',
  'country',
  'phone',
  'email',
  'employmentStatus',
  'educationLevel',
  'institution',
  'institutionType',
  'jobTitle',
  'targetGroups',
  'notes',
  'consentDate',
  'shareWithLead',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Column index → field, or null for a column that is not imported. */
export type ColumnMapping = Array<ImportField | null>;

/**
 * Header words in en, hr, sr (Latin and Cyrillic: headers are folded first), bs and sl. Folded
 * (lower case, no diacritics, Cyrillic → Latin), so "Općina", "Opština", "Општина" and "Občina"
 * all meet here.
 */
/** A municipality or country column, in the region's words (folded): people's and organisations' imports alike. */
export const MUNICIPALITY_HEADERS = [
  'opcina',
  'opstina',
  'obcina',
  'municipality',
  'grad',
  'mjesto',
  'mesto',
  'kraj',
  'town',
  'city',
  'place',
  'grad/opcina',
  'opcina/grad',
] as const;
export const COUNTRY_HEADERS = ['drzava', 'country', 'zemlja'] as const;

const SYNONYMS: Record<ImportField, string[]> = {
  firstName: ['ime', 'first name', 'firstname', 'given name', 'name (first)', 'ime sudionika', 'ime ucesnika', 'ime udelezenca'],
  lastName: ['prezime', 'priimek', 'last name', 'lastname', 'surname', 'family name'],
  fullName: [
    'ime i prezime',
    'ime in priimek',
    'ime, prezime',
    'ime prezime',
    'ime/prezime',
    'ime, priimek',
    'ime priimek',
    'name',
    'full name',
    'name and surname',
    'first and last name',
    'naziv',
    'sudionik',
    'ucesnik',
    'udelezenec',
    'participant',
  ],
  // Registers often put the surname first ("PREZIME Ime", "Prezime, Ime"); the split follows the header.
  fullNameSurnameFirst: [
    'prezime i ime',
    'prezime, ime',
    'prezime ime',
    'prezime/ime',
    'priimek in ime',
    'priimek, ime',
    'priimek ime',
    'priimek/ime',
    'surname and name',
    'surname, name',
    'surname, first name',
    'surname first name',
    'last name, first name',
    'last name first name',
  ],
  kind: ['vrsta', 'tip', 'kategorija', 'kind', 'type', 'category', 'vrsta osobe', 'vrsta udelezenca'],
  gender: ['spol', 'pol', 'gender', 'sex', 'rod'],
  birthYear: [
    'godina rodjenja',
    'godiste',
    'leto rojstva',
    'letnik',
    'birth year',
    'year of birth',
    'datum rodjenja',
    'datum rojstva',
    'date of birth',
    'birth date',
    'rodjen',
    'rodjena',
    'god. rodjenja',
  ],
  municipality: [...MUNICIPALITY_HEADERS, 'prebivaliste'],
  country: [...COUNTRY_HEADERS],
  phone: ['telefon', 'tel', 'tel.', 'mobitel', 'mobilni', 'mobilni telefon', 'broj telefona', 'phone', 'mobile', 'telephone', 'gsm'],
  email: ['e-mail', 'email', 'e-posta', 'eposta', 'mail', 'elektronska posta', 'elektronicka posta', 'imejl', 'e-mail adresa'],
  employmentStatus: ['radni status', 'status zaposlenja', 'zaposlenost', 'zaposlitveni status', 'employment status', 'employment', 'status na trzistu rada'],
  educationLevel: [
    'obrazovanje',
    'strucna sprema',
    'razina obrazovanja',
    'nivo obrazovanja',
    'stepen obrazovanja',
    'izobrazba',
    'stopnja izobrazbe',
    'education',
    'education level',
  ],
  institution: ['institucija', 'ustanova', 'organizacija', 'poslodavac', 'institution', 'organisation', 'organization', 'employer', 'delodajalec'],
  institutionType: [
    'vrsta institucije',
    'vrsta ustanove',
    'vrsta organizacije',
    'tip institucije',
    'tip ustanove',
    'tip organizacije',
    'vrsta zavoda',
    'vrsta delodajalca',
    'institution type',
    'type of institution',
    'institution kind',
    'organisation type',
    'organization type',
  ],
  jobTitle: ['radno mjesto', 'radno mesto', 'funkcija', 'pozicija', 'zanimanje', 'delovno mesto', 'job title', 'position', 'role'],
  targetGroups: ['ciljna skupina', 'ciljna grupa', 'ciljne skupine', 'ciljne grupe', 'ranjiva skupina', 'ranjiva grupa', 'target group', 'target groups'],
  notes: ['napomena', 'napomene', 'biljeska', 'beleska', 'biljeske', 'opomba', 'opombe', 'komentar', 'notes', 'note', 'comments', 'comment'],
  // "yes/no/date": sharing with the lead partner (the project's lead organisation).
  shareWithLead: [
    'dijeljenje',
    'dijeljenje s nositeljem',
    'dijeljenje s nositeljem projekta',
    'dijeljenje podataka',
    'privola za dijeljenje',
    'privola za dijeljenje podataka',
    'dijeli s nositeljem',
    'deljenje',
    'deljenje s nosiocem',
    'deljenje sa nosiocem',
    'deljenje s nosiocem projekta',
    'deljenje sa nosiocem projekta',
    'deljenje podataka',
    'saglasnost za deljenje',
    'saglasnost za dijeljenje',
    'dijeljenje s nosiocem',
    'dijeljenje s nosiocem projekta',
    'suglasnost za dijeljenje',
    'deljenje z vodilnim partnerjem',
    'deljenje podatkov',
    'posredovanje podatkov',
    'soglasje za deljenje',
    'privolitev za deljenje',
    'vodilni partner',
    'share with lead',
    'share with the lead',
    'share with lead partner',
    'sharing',
    'consent to share',
    'shared with lead',
    'lead partner',
  ],
  consentDate: [
    'privola',
    'datum privole',
    'saglasnost',
    'datum saglasnosti',
    'suglasnost',
    'privolitev',
    'datum privolitve',
    'soglasje',
    'consent',
    'consent date',
    'date of consent',
  ],
};

export function normaliseHeader(header: string): string {
  return foldForSearch(header).replace(/[*:_]/g, ' ').replace(/\s+/g, ' ').trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const word of SYNONYMS[field]) LOOKUP.set(word, field);

/** The field a header names, or null when it is not recognised. */
export function guessField(header: string): ImportField | null {
  // "Prezime / Ime" and "Prezime ,Ime" read as "prezime/ime" and "prezime, ime".
  const h = normaliseHeader(header)
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*,\s*/g, ', ');
  if (!h) return null;
  const exact = LOOKUP.get(h);
  if (exact) return exact;
  // "Godina rođenja (yyyy)", "Telefon / mobitel": the longest synonym the header starts with.
  let best: ImportField | null = null;
  let bestLength = 0;
  for (const [word, field] of LOOKUP) {
    if (word.length > bestLength && word.length >= 3 && (h.startsWith(`${word} `) || h.startsWith(`${word}(`) || h.startsWith(`${word}/`))) {
      best = field;
      bestLength = word.length;
    }
  }
  return best;
}

/** One guess per column; a field is given to the first column that names it only. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const field = guessField(h);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** The key a remembered mapping is stored under: the folded headers, in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}
