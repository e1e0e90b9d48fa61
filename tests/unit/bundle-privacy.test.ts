import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { bundleRowSchema, FIELD_POLICY, LOCAL_ONLY_TABLES, REFERENCES, type BundleTable } from '../../src/shared/bundle';
import { personSchema, TABLE_NAMES, TABLE_SCHEMAS } from '../../src/shared/model';

/**
 * If one of these fails you added a table or a field to the model: decide in
 * src/shared/bundle/privacy.ts whether it may leave the partner's computer.
 */
describe('the bundle privacy policy classifies everything', () => {
  it('every table is either exported or local-only', () => {
    for (const t of TABLE_NAMES) expect(t in FIELD_POLICY || t in LOCAL_ONLY_TABLES, `table ${t} is not classified`).toBe(true);
  });

  it('every person field has a rule', () => {
    const fields = Object.keys(personSchema.shape);
    const classified = Object.keys(FIELD_POLICY.people);
    for (const f of fields) expect(classified, `people.${f} is not classified`).toContain(f);
  });

  it('every field of every exported table has a rule, and no rule names a field that does not exist', () => {
    for (const [table, rules] of Object.entries(FIELD_POLICY)) {
      const shape = (TABLE_SCHEMAS[table as BundleTable] as unknown as z.ZodObject).shape;
      for (const f of Object.keys(shape)) expect(Object.keys(rules), `${table}.${f} is not classified`).toContain(f);
      for (const f of Object.keys(rules)) expect(Object.keys(shape), `${table}.${f} is classified but not in the schema`).toContain(f);
    }
  });

  it('names, contacts, birth dates and notes are dropped (notes at every level); every person reference is pseudonymised and known', () => {
    for (const f of ['firstName', 'lastName', 'phone', 'email', 'nameKey', 'birthYear'] as const) expect(FIELD_POLICY.people[f]).toBe('drop');
    expect(FIELD_POLICY.people.notes).toBe('never');
    const personRefs = Object.entries(FIELD_POLICY).flatMap(([t, rules]) =>
      Object.entries(rules)
        .filter(([f, r]) => r === 'personRef' && !(t === 'people' && f === 'id'))
        .map(([f]) => `${t}.${f}`),
    );
    const known = REFERENCES.filter((r) => r.target === 'people').map((r) => `${r.table}.${r.field}`);
    expect(personRefs.sort()).toEqual(known.sort());
  });

  it('the pseudonymised row schema does not require dropped fields and refuses them when present', () => {
    const schema = bundleRowSchema('people', 'pseudonymised');
    const row = {
      id: '1b4e28ba-2fa1-8d2c-a0e2-6c2ad5b1c2a1',
      orgId: '0a0a0a0a-0000-4000-8000-00000000000a',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      kind: 'beneficiary',
      gender: 'woman',
      targetGroups: [],
      anonymised: false,
      pseudoKey: 'a'.repeat(64),
      ageBand: '25-34',
    };
    expect(schema.safeParse(row).success).toBe(true);
    expect(schema.safeParse({ ...row, firstName: 'Ana' }).success).toBe(false);
    expect(schema.safeParse({ ...row, pseudoKey: undefined }).success).toBe(false);
    expect(schema.safeParse({ ...row, birthYear: 1990 }).success).toBe(false);
    expect(bundleRowSchema('people', 'full').safeParse(row).success).toBe(false); // full rows keep their names
  });
});
