import { describe, expect, it } from 'vitest';
import {
  appSettingsSchema,
  auditEntrySchema,
  consentSchema,
  eventSchema,
  matchSchema,
  mentorSchema,
  mentoringSessionSchema,
  organisationSchema,
  organisationSetupSchema,
  personSchema,
  programmeSchema,
  sessionSchema,
  TABLE_NAMES,
  TABLE_SCHEMAS,
  userSchema,
} from '@shared/model';
import { buildDemoData } from '@shared/demo/demoData';
import { SCHEMA_VERSION } from '@shared/model/schemaVersion';
import { AT_REST_STORE } from '@shared/model/protectedFields';
import * as schema from '../../src/renderer/src/db/schema';

const base = {
  id: '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b',
  orgId: '0b7a4c1e-1d2f-4a3b-8c4d-5e6f7a8b9c01',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const person = { ...base, kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' };
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

describe('TABLE_SCHEMAS', () => {
  it('names exactly the stores the current Dexie schema opens, and every store of an older version', () => {
    const version = (v: number) => (schema as unknown as Record<string, Record<string, string> | undefined>)[`STORES_V${v}`];
    const current = version(SCHEMA_VERSION);
    expect(current, `db/schema.ts has no STORES_V${SCHEMA_VERSION}`).toBeDefined();
    // Besides the model's tables, only the encryption marker's store (outside every backup).
    expect(
      Object.keys(current ?? {})
        .filter((t) => t !== AT_REST_STORE)
        .sort(),
    ).toEqual([...TABLE_NAMES].sort());
    for (let v = 1; v < SCHEMA_VERSION; v++)
      for (const t of Object.keys(version(v) ?? {}).filter((t) => t !== AT_REST_STORE)) expect(TABLE_NAMES, `a table of v${v}`).toContain(t);
  });

  // Backups and restores validate each table's rows with its entry here: a wrong or permissive
  // entry would let a table's rows through unchecked, or refuse good ones.
  const demo = buildDemoData('00000000-0000-4000-8000-000000000001', new Date('2026-11-23T10:00:00Z'), () => crypto.randomUUID()) as unknown as Record<
    string,
    unknown[]
  >;
  const withRows = TABLE_NAMES.filter((t) => (demo[t] ?? []).length > 0);

  it.each(withRows)('%s: its schema accepts its own demo rows and refuses every other table’s', (table) => {
    expect(withRows.length).toBeGreaterThan(10);
    for (const row of demo[table]!) expect(ok(TABLE_SCHEMAS[table], row), JSON.stringify(row)).toBe(true);
    for (const other of withRows) if (other !== table) expect(ok(TABLE_SCHEMAS[table], demo[other]![0]), `a row of ${other}`).toBe(false);
  });

  it.each(TABLE_NAMES)('%s: its schema refuses an empty row', (table) => {
    expect(ok(TABLE_SCHEMAS[table], {})).toBe(false);
  });
});

describe('base record fields', () => {
  it('need UUIDs and ISO timestamps', () => {
    expect(ok(personSchema, person)).toBe(true);
    expect(ok(personSchema, { ...person, id: '42' })).toBe(false);
    expect(ok(personSchema, { ...person, orgId: undefined })).toBe(false);
    expect(ok(personSchema, { ...person, createdAt: '2026-03-01 10:00' })).toBe(false);
    expect(ok(personSchema, { ...person, updatedAt: '2026-03-01T11:00:00+01:00' })).toBe(true);
  });

  it('calendar dates must exist', () => {
    const consent = {
      ...base,
      personId: base.id,
      legalBasis: 'consent',
      date: '2024-02-29',
      noticeVersion: '2026-01',
      processing: true,
      specialCategories: false,
      shareWithLead: true,
      photos: false,
    };
    expect(ok(consentSchema, consent)).toBe(true);
    expect(ok(consentSchema, { ...consent, date: '2026-02-30' })).toBe(false);
    expect(ok(consentSchema, { ...consent, date: '01.03.2026.' })).toBe(false);
  });
});

describe('personSchema', () => {
  it('applies defaults and trims names', () => {
    const p = personSchema.parse({ ...person, firstName: '  Ana ', lastName: 'Horvat\t' });
    expect(p).toMatchObject({ firstName: 'Ana', lastName: 'Horvat', targetGroups: [], nameKey: '', anonymised: false });
    expect(p.email).toBeUndefined();
  });

  it('rejects a bad e-mail', () => {
    expect(ok(personSchema, { ...person, email: 'ana.horvat@example.org' })).toBe(true);
    for (const email of ['ana', 'ana@', '@example.org', 'ana horvat@example.org', '']) expect(ok(personSchema, { ...person, email }), email).toBe(false);
  });

  it('rejects a birth year out of range or not whole', () => {
    expect(ok(personSchema, { ...person, birthYear: 1900 })).toBe(true);
    expect(ok(personSchema, { ...person, birthYear: 2100 })).toBe(true);
    expect(ok(personSchema, { ...person, birthYear: 1899 })).toBe(false);
    expect(ok(personSchema, { ...person, birthYear: 2101 })).toBe(false);
    expect(ok(personSchema, { ...person, birthYear: 1984.5 })).toBe(false);
    expect(ok(personSchema, { ...person, birthYear: '1984' })).toBe(false);
  });

  it('rejects an unknown target group, gender or kind', () => {
    expect(ok(personSchema, { ...person, targetGroups: ['roma', 'disability'] })).toBe(true);
    expect(ok(personSchema, { ...person, targetGroups: ['aliens'] })).toBe(false);
    expect(ok(personSchema, { ...person, gender: 'female' })).toBe(false);
    expect(ok(personSchema, { ...person, kind: 'volunteer' })).toBe(false);
  });

  it('rejects empty or over-long names', () => {
    expect(ok(personSchema, { ...person, firstName: '   ' })).toBe(false);
    expect(ok(personSchema, { ...person, lastName: 'x'.repeat(101) })).toBe(false);
    expect(ok(personSchema, { ...person, notes: 'x'.repeat(5001) })).toBe(false);
  });
});

describe('programme, event and session schemas', () => {
  it('programmes default to the 80 % completion rule and no partners', () => {
    const p = programmeSchema.parse({ ...base, kind: 'badge', title: 'BADGE' });
    expect(p.completionRule).toEqual({ type: 'minShare', minShare: 0.8 });
    expect(p.partnerOrgIds).toEqual([]);
    expect(ok(programmeSchema, { ...base, kind: 'badge', title: 'BADGE', completionRule: { type: 'minShare', minShare: 1.5 } })).toBe(false);
    expect(ok(programmeSchema, { ...base, kind: 'badge', title: 'BADGE', completionRule: { type: 'compulsory', sessionIds: [base.id] } })).toBe(true);
    expect(ok(programmeSchema, { ...base, kind: 'festival', title: 'BADGE' })).toBe(false);
  });

  it('events default to no trainers; capacity must be positive', () => {
    const e = eventSchema.parse({ ...base, programmeId: base.id, kind: 'workshop', title: 'Radionica' });
    expect(e.trainers).toEqual([]);
    expect(ok(eventSchema, { ...e, capacity: 0 })).toBe(false);
  });

  it('session times are HH:mm on a 24-hour clock', () => {
    const s = { ...base, eventId: base.id, date: '2026-03-02', start: '09:00', end: '23:59', town: 'Čakovec', country: 'HR' };
    expect(ok(sessionSchema, s)).toBe(true);
    for (const start of ['9:00', '24:00', '12:60', '12:00:00']) expect(ok(sessionSchema, { ...s, start }), start).toBe(false);
    expect(ok(sessionSchema, { ...s, country: 'DE' })).toBe(false);
  });
});

describe('mentoring schemas', () => {
  it('mentors get defaults; capacity is bounded', () => {
    const m = mentorSchema.parse({ ...base, personId: base.id, capacity: 3 });
    expect(m).toMatchObject({ expertise: [], sectors: [], languages: [], remote: false, active: true });
    expect(ok(mentorSchema, { ...base, personId: base.id, capacity: 51 })).toBe(false);
    expect(ok(mentorSchema, { ...base, personId: base.id, capacity: 3, expertise: ['cooking'] })).toBe(false);
  });

  it('matches need a known status; mentoring sessions need at least one service and sane minutes', () => {
    expect(ok(matchSchema, { ...base, mentorId: base.id, menteeId: base.id, status: 'active' })).toBe(true);
    expect(ok(matchSchema, { ...base, mentorId: base.id, menteeId: base.id, status: 'done' })).toBe(false);
    const s = { ...base, matchId: base.id, date: '2026-04-01', minutes: 60, mode: 'online', services: ['legalAdvice'] };
    expect(ok(mentoringSessionSchema, s)).toBe(true);
    expect(ok(mentoringSessionSchema, { ...s, services: [] })).toBe(false);
    expect(ok(mentoringSessionSchema, { ...s, minutes: 0 })).toBe(false);
    expect(ok(mentoringSessionSchema, { ...s, minutes: 24 * 60 + 1 })).toBe(false);
  });
});

describe('organisation, user, settings and audit schemas', () => {
  it('the setup form trims and requires names, a known country and language', () => {
    const input = { name: ' Udruga ', country: 'HR', town: 'Čakovec', role: 'lead', language: 'hr', userName: 'Marija' };
    expect(organisationSetupSchema.parse(input).name).toBe('Udruga');
    expect(ok(organisationSetupSchema, { ...input, name: '' })).toBe(false);
    expect(ok(organisationSetupSchema, { ...input, userName: ' ' })).toBe(false);
    expect(ok(organisationSetupSchema, { ...input, country: 'AT' })).toBe(false);
    expect(ok(organisationSetupSchema, { ...input, language: 'de' })).toBe(false);
    expect(ok(organisationSchema, { ...base, name: 'U', country: 'HR', town: 'T', role: 'lead' })).toBe(false); // isSelf is required
  });

  it('users default to enabled and need a known role', () => {
    expect(userSchema.parse({ ...base, name: 'Marija', role: 'viewer' }).disabled).toBe(false);
    expect(ok(userSchema, { ...base, name: 'Marija', role: 'admin' })).toBe(false);
  });

  it('settings default the lock and the suppression threshold', () => {
    expect(appSettingsSchema.parse({ key: 'app', language: 'sl' })).toEqual({ key: 'app', language: 'sl', lockMinutes: 10, suppressionThreshold: 5 });
    expect(ok(appSettingsSchema, { key: 'app', language: 'sl', lockMinutes: 241 })).toBe(false);
    expect(ok(appSettingsSchema, { key: 'app', language: 'sl', suppressionThreshold: 0 })).toBe(false);
    expect(ok(appSettingsSchema, { key: 'other', language: 'sl' })).toBe(false);
  });

  it('audit entries default the summary and cap its length', () => {
    const e = { id: base.id, at: base.createdAt, userName: 'Mreža', action: 'backup', table: '*' };
    expect(auditEntrySchema.parse(e).summary).toBe('');
    expect(ok(auditEntrySchema, { ...e, summary: 'x'.repeat(501) })).toBe(false);
    expect(ok(auditEntrySchema, { ...e, action: 'hack' })).toBe(false);
  });
});
