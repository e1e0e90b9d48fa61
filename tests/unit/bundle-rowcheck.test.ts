/**
 * The fast row check (src/shared/bundle/rowCheck.ts) may only save time: whatever it lets
 * through, zod must accept and return unchanged. Checked on every table's real rows, then on
 * 20,000 seeded mutations of them (fields dropped, added, retyped, padded, bent out of format).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BUNDLE_TABLES, bundleRowSchema, inspectBundle, tablesAt, tombstoneRowSchema, type BundleTable } from '../../src/shared/bundle';
import { rowCheckFor } from '../../src/shared/bundle/rowCheck';
import { readNdjson } from '../../src/shared/bundle/signed';
import { canonicalJson, utf8 } from '../../src/shared/crypto';
import { mulberry32 } from '../../src/shared/random/mulberry32';
import { exportBundle, makeWorld, ORG_A } from '../fixtures/bundles/world';

type Level = 'pseudonymised' | 'full';
const samples: Array<{ table: BundleTable | 'tombstones'; level: Level; schema: z.ZodType; rows: Array<Record<string, unknown>> }> = [];

beforeAll(async () => {
  const world = await makeWorld();
  // The demo data lacks a few tables: one row each, so every table's check meets a real row.
  const t = world.a.tables;
  const base = (): { id: string; orgId: string; createdAt: string; updatedAt: string } => ({
    id: crypto.randomUUID(),
    orgId: ORG_A,
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-02T08:00:00+02:00',
  });
  const add = (table: string, row: object) => ((t as unknown as Record<string, object[]>)[table] ??= []).push(row);
  const shared = t.people.filter((p) => t.consents.some((c) => c.personId === p.id && c.shareWithLead));
  add('mentors', {
    ...base(),
    personId: shared[0]!.id,
    expertise: ['marketing'],
    sectors: ['turizam'],
    languages: ['hr'],
    remote: true,
    capacity: 3,
    active: true,
  });
  add('menteeProfiles', {
    ...base(),
    personId: shared[1]!.id,
    stage: 'starting',
    sector: 'IT',
    needs: ['finance'],
    languages: ['hr', 'en'],
    remote: false,
    mentorGender: 'any',
    avoidPersonIds: [shared[2]!.id],
  });
  add('evaluations', { ...base(), eventId: t.events[0]!.id, personId: shared[1]!.id, scores: { content: 5, usefulness: 4 } });
  add('attachments', { ...base(), sessionId: t.sessions[0]!.id, fileName: 'potpisi.pdf', mimeType: 'application/pdf', size: 4, dataBase64: 'JVBERg==' });
  add('tombstones', { ...base(), table: 'people', recordId: crypto.randomUUID(), erasedAt: '2026-09-03T08:00:00.000Z' });
  for (const level of ['pseudonymised', 'full'] as const) {
    const written = await exportBundle(world, world.a, { privacy: level, acknowledgedRisk: level === 'full', confirmedFullList: level === 'full' });
    const bundle = await inspectBundle(written.bytes, world.leadKeys, { projectId: world.invitation.projectId });
    for (const table of tablesAt(level))
      samples.push({ table, level, schema: bundleRowSchema(table, level), rows: (bundle.tables[table] ?? []) as Array<Record<string, unknown>> });
    samples.push({ table: 'tombstones', level, schema: tombstoneRowSchema, rows: bundle.tombstones as Array<Record<string, unknown>> });
  }
});

const BIG_TABLES: BundleTable[] = ['people', 'consents', 'enrolments', 'attendance', 'matches', 'mentoringSessions', 'menteeProfiles'];

describe('the fast row check', () => {
  it('exists for the big tables at both levels, and passes every real row of every table it exists for', () => {
    for (const table of BIG_TABLES)
      for (const level of ['pseudonymised', 'full'] as const) expect(rowCheckFor(bundleRowSchema(table, level)), `${table} ${level}`).not.toBeNull();
    let checked = 0;
    for (const s of samples) {
      const fast = rowCheckFor(s.schema);
      if (!fast) continue;
      for (const row of s.rows) {
        expect(fast(row), `${s.table} ${s.level} ${canonicalJson(row)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(new Set(samples.filter((s) => s.rows.length).map((s) => s.table))).toEqual(new Set([...BUNDLE_TABLES, 'tombstones']));
  });

  it('lets nothing through that zod would refuse or change, over 20,000 mutated rows', () => {
    const rand = mulberry32(20261123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const allValues = samples.flatMap((s) => s.rows.flatMap((r) => Object.values(r)));
    const strings = [
      '',
      ' ',
      ' Čakovec',
      'Čakovec ',
      'ČAKOVEC',
      'a'.repeat(5000),
      '2026-02-30',
      '2026-13-01',
      '2026-11-23',
      '2026-11-23T10:00:00Z',
      '2026-11-23T25:00:00Z',
      '24:00',
      '09:30',
      '00000000-0000-0000-0000-000000000000',
      'not-a-uuid',
      '0a0a0a0a-0000-4000-8000-00000000000A',
      'woman',
      'held',
      'beneficiary',
      'x@example.org',
      'HR',
      'other',
    ];
    const numbers = [0, -1, 1, 1.5, 59, 60, 1440, 1441, 1900, 2100, 2 ** 53, -(2 ** 53), 1e21, -0];
    const replacement = (old: unknown): unknown => {
      switch (Math.floor(rand() * 9)) {
        case 0:
          return pick(strings);
        case 1:
          return pick(numbers);
        case 2:
          return rand() < 0.5;
        case 3:
          return null;
        case 4:
          return Array.isArray(old) ? [...old, pick(allValues)] : [old];
        case 5:
          return {};
        case 6:
          return pick(allValues);
        case 7:
          return typeof old === 'string' && old.length ? old.slice(0, -1) + pick(['0', 'Z', ' ', 'ž', '-', 'A']) : old;
        default:
          return typeof old === 'number' ? old + pick([-1, 1, 0.5]) : Array.isArray(old) ? old.slice(1) : old;
      }
    };
    let fastYes = 0;
    let zodOnly = 0;
    for (let k = 0; k < 20_000; k++) {
      const s = pick(samples.filter((x) => x.rows.length));
      const fast = rowCheckFor(s.schema);
      if (!fast) continue;
      const row: Record<string, unknown> = JSON.parse(JSON.stringify(pick(s.rows)));
      const keys = Object.keys(row);
      for (let m = 1 + Math.floor(rand() * 2); m > 0; m--) {
        const what = rand();
        const key = pick(keys);
        if (what < 0.15) delete row[key];
        else if (what < 0.25) row[pick(['extra', 'firstName', 'note', 'pseudoKey', '__proto__'])] = pick(allValues);
        else row[key] = replacement(row[key]);
      }
      // Rows arrive as JSON text.
      const value: unknown = JSON.parse(JSON.stringify(row));
      const verdict = s.schema.safeParse(value);
      if (fast(value)) {
        fastYes++;
        expect(verdict.success, `${s.table} ${s.level}: ${JSON.stringify(value)}`).toBe(true);
        expect(canonicalJson(verdict.data)).toBe(canonicalJson(value));
      } else if (verdict.success) zodOnly++;
    }
    // The mutations reach both sides: some stay valid, some are valid only after zod's changes.
    expect(fastYes).toBeGreaterThan(1000);
    expect(zodOnly).toBeGreaterThan(10);
  });

  it("reading an entry still gives zod's answer where the fast check steps aside: trimmed text, refusals with their field", () => {
    const people = samples.find((s) => s.table === 'people' && s.level === 'pseudonymised')!;
    const row = { ...people.rows[0]!, municipality: '  Čakovec ' };
    const [read] = readNdjson(utf8(`${JSON.stringify(row)}\n`), 'people', people.schema, 1);
    expect(read!.municipality).toBe('Čakovec');
    const bad = { ...people.rows[0]!, birthYear: 1800.5 };
    expect(() => readNdjson(utf8(`${JSON.stringify(bad)}\n`), 'people', people.schema, 1)).toThrow(
      expect.objectContaining({ code: 'invalidRow', params: expect.objectContaining({ field: 'birthYear', line: 1 }) }),
    );
    const extra = { ...people.rows[0]!, firstName: 'Ana' };
    expect(() => readNdjson(utf8(`${JSON.stringify(extra)}\n`), 'people', people.schema, 1)).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ field: 'firstName', reason: 'notAllowed' }) }),
    );
  });
});
