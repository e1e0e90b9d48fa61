import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '@shared/model';
import { isPlainField, isPlainRow, isSignInField, PLAIN_FIELDS } from '@shared/model/protectedFields';
import { secretPart } from '@shared/crypto/sealRow';
import { STORES_V7 } from '../../src/renderer/src/db/schema';

/** Every field name a table's zod schema knows (discriminated unions: every option's). */
function schemaFields(schema: z.ZodType): Set<string> {
  const out = new Set<string>();
  const walk = (s: z.ZodType) => {
    const def = (s as unknown as { def: { type: string; options?: z.ZodType[]; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType } })
      .def;
    if (def.type === 'object') for (const k of Object.keys((s as z.ZodObject).shape)) out.add(k);
    else if (def.type === 'union') def.options!.forEach(walk);
    else if (def.innerType) walk(def.innerType);
    else if (def.in) walk(def.in);
  };
  walk(schema);
  return out;
}

describe('what stays plain at rest (model/protectedFields.ts)', () => {
  it('every field kept plain exists in its table and says why', () => {
    for (const table of TABLE_NAMES) {
      const fields = schemaFields(TABLE_SCHEMAS[table]);
      for (const [field, why] of Object.entries(PLAIN_FIELDS[table])) {
        expect(fields.has(field), `${table}.${field} is not in the schema`).toBe(true);
        expect(why.length, `${table}.${field} says why`).toBeGreaterThan(5);
      }
    }
  });

  it('every index of the current schema is on a plain field (IndexedDB cannot index a sealed value)', () => {
    for (const [table, spec] of Object.entries(STORES_V7)) {
      const paths = spec.split(',').flatMap((s) =>
        s
          .trim()
          .replace(/^[&*+]/, '')
          .replace(/^\[|\]$/g, '')
          .split('+'),
      );
      for (const path of paths) expect(isPlainField(table, path), `${table}.${path}`).toBe(true);
    }
  });

  it('every name, contact, free text, key and secret is sealed', () => {
    const sealed: Partial<Record<TableName, string[]>> = {
      people: [
        'firstName',
        'lastName',
        'nameKey',
        'phone',
        'email',
        'birthYear',
        'municipality',
        'country',
        'institution',
        'jobTitle',
        'targetGroups',
        'notes',
        'employmentStatus',
        'educationLevel',
      ],
      consents: ['noticeVersion'],
      outcomes: ['note'],
      programmes: ['title', 'funder', 'partners'],
      events: ['title', 'topic', 'trainers', 'agenda'],
      sessions: ['venue', 'town'],
      certificates: ['number'],
      evaluations: ['scores', 'comment'],
      attachments: ['fileName', 'dataBase64'],
      mentors: ['sectors', 'region', 'availability'],
      matches: ['closeReason', 'goals', 'checks', 'closure'],
      mentoringSessions: ['topics', 'note', 'nextSteps'],
      menteeProfiles: ['sector', 'needs', 'region', 'notes', 'avoidPersonIds'],
      auditLog: ['summary', 'detail'],
      importHistory: ['fileName'],
      exchange: ['keys', 'secret', 'invitation'],
      partnerSlices: ['name', 'fileName', 'tables', 'tombstones', 'indicators'],
      organisations: ['name', 'town'],
      settings: ['weights', 'packs', 'organisation', 'orgPublicKeys'],
    };
    for (const [table, fields] of Object.entries(sealed)) for (const f of fields) expect(isPlainField(table, f), `${table}.${f}`).toBe(false);
  });

  it("the own organisation, sign-in's keyring and its wrap fields stay plain (the lock screen needs them); other organisations do not", () => {
    expect(isPlainRow('organisations', { isSelf: true, name: 'Udruga' })).toBe(true);
    expect(secretPart('organisations', { id: 'o', isSelf: false, name: 'Obrt Marija Horvat', town: 'Prelog', country: 'HR' })).toEqual({
      name: 'Obrt Marija Horvat',
      town: 'Prelog',
    });
    expect(secretPart('settings', { key: 'keyring', recoveryWrap: 'x', kdfMemory: 65536, anything: 'y' })).toBeNull();
    for (const f of ['passHash', 'passSalt', 'passphraseWrap', 'recoveryWrap', 'kdfParams', 'kdfSalt']) expect(isSignInField(f), f).toBe(true);
    expect(secretPart('users', { id: 'u', name: 'Marija', role: 'coordinator', keyWrap: 'x', kdfSalt: 's' })).toBeNull();
  });

  it('a field nobody listed is sealed (a new field is protected until someone says why it may be plain)', () => {
    expect(secretPart('people', { id: 'p', kind: 'beneficiary', shoeSize: 38 })).toEqual({ shoeSize: 38 });
    expect(secretPart('people', { id: 'p', kind: 'beneficiary', notes: '' })).toBeNull();
  });
});
