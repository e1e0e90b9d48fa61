/**
 * The national store's tables (docs/postgres.md): one per bundle table, each row of a partner's
 * consolidated slice as one line of COPY text. The columns a report or an indicator view reads are
 * typed; every other field the pseudonymised level lets travel goes into `extra` (jsonb), and so
 * does a value that does not fit its column (kept as sent, the column NULL), so nothing is lost.
 * Fields the pseudonymised level drops never reach the database, whatever level a partner sent:
 * the store is the pseudonymised data set.
 */
import { matchMunicipality, placeKey } from '../../../src/shared/gazetteer';
import { ageBand } from '../../../src/shared/indicators/compute';
import { AGE_BAND_FIELD, BUNDLE_TABLES, fieldRule, PSEUDO_KEY_FIELD, type BundleTable } from '../../../src/shared/bundle/privacy';
import type { Row } from '../../../src/shared/bundle/pseudonymise';

export type PgType = 'text' | 'int' | 'numeric' | 'bool' | 'date' | 'timestamptz' | 'text[]' | 'jsonb';

/** [column, field of the bundle row, type]. */
export type Column = readonly [string, string, PgType];

const COMMON: Column[] = [
  ['created_at', 'createdAt', 'timestamptz'],
  ['updated_at', 'updatedAt', 'timestamptz'],
];

/** Typed columns per table; org_id, id and seq (the row's position in the partner's bundle) come first in every table. */
export const TABLE_COLUMNS: Record<BundleTable, Column[]> = {
  organisations: [
    ['kind', 'kind', 'text'],
    ['country', 'country', 'text'],
    ['role', 'role', 'text'],
    ['is_self', 'isSelf', 'bool'],
    ['supported_on', 'supportedOn', 'date'],
    ['jobs_created', 'jobsCreated', 'int'],
  ],
  people: [
    ['pseudo_key', PSEUDO_KEY_FIELD, 'text'],
    ['kind', 'kind', 'text'],
    ['gender', 'gender', 'text'],
    ['age_band', AGE_BAND_FIELD, 'text'],
    ['municipality', 'municipality', 'text'],
    ['country', 'country', 'text'],
    ['target_groups', 'targetGroups', 'text[]'],
    ['employment_status', 'employmentStatus', 'text'],
    ['education_level', 'educationLevel', 'text'],
    ['institution_type', 'institutionType', 'text'],
    ['anonymised', 'anonymised', 'bool'],
  ],
  consents: [
    ['person_id', 'personId', 'text'],
    ['legal_basis', 'legalBasis', 'text'],
    ['date', 'date', 'date'],
    ['processing', 'processing', 'bool'],
    ['special_categories', 'specialCategories', 'bool'],
    ['share_with_lead', 'shareWithLead', 'bool'],
    ['photos', 'photos', 'bool'],
    ['withdrawn_at', 'withdrawnAt', 'date'],
  ],
  outcomes: [
    ['person_id', 'personId', 'text'],
    ['kind', 'kind', 'text'],
    ['date', 'date', 'date'],
    ['legal_form', 'legalForm', 'text'],
    ['jobs_created', 'jobsCreated', 'int'],
    ['employer_id', 'employerId', 'text'],
  ],
  programmes: [
    ['kind', 'kind', 'text'],
    ['start_date', 'startDate', 'date'],
    ['end_date', 'endDate', 'date'],
    ['partner_org_ids', 'partnerOrgIds', 'text[]'],
  ],
  events: [
    ['programme_id', 'programmeId', 'text'],
    ['kind', 'kind', 'text'],
    ['number', 'number', 'int'],
    ['capacity', 'capacity', 'int'],
  ],
  sessions: [
    ['event_id', 'eventId', 'text'],
    ['date', 'date', 'date'],
    ['start_time', 'start', 'text'],
    ['end_time', 'end', 'text'],
    ['country', 'country', 'text'],
  ],
  enrolments: [
    ['event_id', 'eventId', 'text'],
    ['person_id', 'personId', 'text'],
    ['status', 'status', 'text'],
    ['wait_position', 'waitPosition', 'int'],
    ['enrolled_on', 'enrolledOn', 'date'],
    ['withdrawn_on', 'withdrawnOn', 'date'],
  ],
  attendance: [
    ['session_id', 'sessionId', 'text'],
    ['person_id', 'personId', 'text'],
    ['status', 'status', 'text'],
  ],
  certificates: [
    ['event_id', 'eventId', 'text'],
    ['person_id', 'personId', 'text'],
    ['kind', 'kind', 'text'],
    ['issued_on', 'issuedOn', 'date'],
    ['programme_id', 'programmeId', 'text'],
  ],
  evaluations: [
    ['event_id', 'eventId', 'text'],
    ['person_id', 'personId', 'text'],
    ['question_set_id', 'questionSetId', 'text'],
    ['scores', 'scores', 'jsonb'],
  ],
  attachments: [['session_id', 'sessionId', 'text']],
  mentors: [
    ['person_id', 'personId', 'text'],
    ['expertise', 'expertise', 'text[]'],
    ['remote', 'remote', 'bool'],
    ['capacity', 'capacity', 'int'],
    ['active', 'active', 'bool'],
  ],
  matches: [
    ['mentor_id', 'mentorId', 'text'],
    ['mentee_id', 'menteeId', 'text'],
    ['status', 'status', 'text'],
    ['proposed_on', 'proposedOn', 'date'],
    ['started_on', 'startedOn', 'date'],
    ['paused_on', 'pausedOn', 'date'],
    ['closed_on', 'closedOn', 'date'],
    ['score', 'score', 'numeric'],
  ],
  mentoringSessions: [
    ['match_id', 'matchId', 'text'],
    ['date', 'date', 'date'],
    ['time', 'time', 'text'],
    ['status', 'status', 'text'],
    ['minutes', 'minutes', 'numeric'],
    ['mode', 'mode', 'text'],
    ['services', 'services', 'text[]'],
    ['follow_up_on', 'followUpOn', 'date'],
    ['follow_up_done', 'followUpDone', 'bool'],
  ],
  menteeProfiles: [
    ['person_id', 'personId', 'text'],
    ['stage', 'stage', 'text'],
    ['needs', 'needs', 'text[]'],
    ['remote', 'remote', 'bool'],
    ['mentor_gender', 'mentorGender', 'text'],
    ['avoid_person_ids', 'avoidPersonIds', 'text[]'],
  ],
};

/** people only: computed at load from the gazetteer (reference data), so a view can group places as the app does. */
export const PLACE_COLUMNS: Column[] = [
  ['place_key', 'placeKey', 'text'],
  ['place_name', 'placeName', 'text'],
];

/** snake_case table names in the database. */
export const tableName = (t: BundleTable): string => t.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every column of a table in COPY order. */
export function columnsOf(table: BundleTable): Column[] {
  return [
    ['org_id', 'orgId', 'text'],
    ['id', 'id', 'text'],
    ['seq', '', 'int'],
    ...COMMON,
    ...TABLE_COLUMNS[table],
    ...(table === 'people' ? PLACE_COLUMNS : []),
    ['extra', '', 'jsonb'],
  ];
}

export { BUNDLE_TABLES };

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** A value as its column's COPY text, or undefined when it does not fit (it then stays in extra). */
function typed(value: unknown, type: PgType): string | null | undefined {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'int':
      return Number.isSafeInteger(value) ? String(value) : undefined;
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'bool':
      return typeof value === 'boolean' ? (value ? 't' : 'f') : undefined;
    case 'date': {
      if (typeof value !== 'string') return undefined;
      const m = DAY.exec(value);
      if (!m) return undefined;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      // A day that does not exist (2026-02-30) stays as text in extra, like any other odd value.
      return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 && value.length >= 10 ? m[0] : undefined;
    }
    case 'timestamptz':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
    case 'text[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? `{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`
        : undefined;
    case 'jsonb':
      return JSON.stringify(value);
  }
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; NULL is \N. */
function copyText(v: string | null): string {
  return v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Whether a field may be stored: what the pseudonymised level lets travel (names, contacts, free text never). */
const storable = (table: BundleTable, field: string) => fieldRule(table, field) !== 'drop' && fieldRule(table, field) !== 'never';

/**
 * One row as a COPY line. `exportYear`: a person sent with a birth year (full level) is stored with
 * the age band of the export's year instead, as a pseudonymised bundle would have carried it.
 */
export function copyLine(table: BundleTable, row: Row, seq: number, exportYear: number): string {
  const source: Row = { ...row };
  if (table === 'people') {
    if (source[AGE_BAND_FIELD] === undefined && typeof row.birthYear === 'number') source[AGE_BAND_FIELD] = ageBand(row.birthYear, exportYear);
    const m = matchMunicipality(typeof row.municipality === 'string' ? row.municipality : undefined, typeof row.country === 'string' ? row.country : undefined);
    if (m.status !== 'empty') {
      source.placeKey = m.name !== undefined ? `=${m.name}` : `~${placeKey(m.input)}`;
      source.placeName = m.name ?? m.input;
    }
  }
  const used = new Set<string>(['orgId', 'id', 'createdAt', 'updatedAt', 'placeKey', 'placeName']);
  const cells: Array<string | null> = [];
  for (const [, field, type] of columnsOf(table)) {
    if (field === '') continue;
    const v = typed(source[field], type);
    if (v !== undefined) used.add(field);
    cells.push(v ?? null);
  }
  const extra: Row = {};
  for (const [field, value] of Object.entries(row)) {
    if (used.has(field) || value === undefined) continue;
    if (field === PSEUDO_KEY_FIELD || field === AGE_BAND_FIELD || storable(table, field)) extra[field] = value;
  }
  // org_id, id, seq, …typed…, extra
  const [orgId, id, ...rest] = cells;
  return [orgId ?? null, id ?? null, String(seq), ...rest, Object.keys(extra).length ? JSON.stringify(extra) : null].map(copyText).join('\t') + '\n';
}
