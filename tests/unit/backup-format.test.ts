import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, decodeBackup, encodeBackup, type Snapshot } from '@shared/backup/format';
import { backupStamp } from '@shared/backup/rotation';
import { TABLE_NAMES, TABLE_SCHEMAS } from '@shared/model';
import { personNameKey } from '@shared/people/nameKey';
import fixtureV1 from '../fixtures/db-v1.json';

const v1 = fixtureV1.tables as unknown as Snapshot['tables'];
/** The fixture as current-schema data (people carry their name key). */
const tables: Snapshot['tables'] = {
  ...v1,
  people: (v1.people as Array<{ firstName: string; lastName: string }>).map((p) => ({ ...p, nameKey: personNameKey(p) })),
};
const snapshot: Snapshot = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: 2, createdAt: '2026-03-01T12:00:00.000Z', tables };
const gz = (v: unknown) => gzipSync(strToU8(typeof v === 'string' ? v : JSON.stringify(v)));

function codeOf(fn: () => unknown): { code: string; params: Record<string, unknown> } | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return { code: (e as BackupError).code, params: (e as BackupError).params };
  }
  return undefined;
}

describe('encodeBackup / decodeBackup', () => {
  it('round-trips a snapshot, as gzip', () => {
    const bytes = encodeBackup(snapshot);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const back = decodeBackup(bytes, 2);
    // Tables newer than the fixture come back empty; fields added since are filled with their defaults.
    const expected = Object.fromEntries(
      TABLE_NAMES.map((t) => [t, ((tables as Partial<Snapshot['tables']>)[t] ?? []).map((row) => TABLE_SCHEMAS[t].parse(row))]),
    );
    expect(back).toEqual({ ...JSON.parse(JSON.stringify(snapshot)), tables: expected });
    expect(Object.keys(back.tables).sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('reads files that leave out empty tables', () => {
    const back = decodeBackup(gz({ ...snapshot, tables: { users: tables.users } }), 2);
    expect(back.tables.users).toEqual(tables.users);
    expect(back.tables.people).toEqual([]);
  });

  it('accepts older schema versions and refuses newer ones with the numbers', () => {
    expect(() => decodeBackup(gz({ ...snapshot, schemaVersion: 1 }), 2)).not.toThrow();
    expect(codeOf(() => decodeBackup(gz({ ...snapshot, schemaVersion: 3 }), 2))).toEqual({ code: 'newerSchema', params: { found: 3, supported: 2 } });
    expect(codeOf(() => decodeBackup(gz({ ...snapshot, formatVersion: BACKUP_FORMAT_VERSION + 1 }), 2))?.code).toBe('newerFormat');
  });

  it.each([
    ['truncated gzip', () => encodeBackup(snapshot).slice(0, 100)],
    ['random bytes', () => crypto.getRandomValues(new Uint8Array(512))],
    ['empty', () => new Uint8Array()],
    ['plain (not gzipped) JSON', () => strToU8(JSON.stringify(snapshot))],
    ['gzip of non-JSON', () => gz('<html>not a backup</html>')],
    ['gzip of a JSON array', () => gz([1, 2, 3])],
    ['gzip of JSON null', () => gz('null')],
    ['wrong format name', () => gz({ ...snapshot, format: 'excel' })],
    ['tables not an object of arrays', () => gz({ ...snapshot, tables: { people: 'many' } })],
    ['missing schema version', () => gz({ ...snapshot, schemaVersion: undefined })],
  ])('refuses %s as notBackup', (_label, make) => {
    expect(codeOf(() => decodeBackup(make(), 2))?.code).toBe('notBackup');
  });

  it('refuses a file with one invalid row, naming table, 1-based row and field', () => {
    const people = [...tables.people] as Array<Record<string, unknown>>;
    people[1] = { ...people[1], birthYear: 1800 };
    expect(codeOf(() => decodeBackup(gz({ ...snapshot, tables: { ...tables, people } }), 2))).toEqual({
      code: 'invalidRow',
      params: { table: 'people', row: 2, field: 'birthYear' },
    });
    const matches = [{ ...(tables.matches[0] as object), mentorId: 'nope' }];
    expect(codeOf(() => decodeBackup(gz({ ...snapshot, tables: { ...tables, matches } }), 2))?.params).toEqual({ table: 'matches', row: 1, field: 'mentorId' });
  });

  it('gives back rows as the schemas define them (defaults filled, unknown fields dropped)', () => {
    const user: Record<string, unknown> = { ...(tables.users[0] as Record<string, unknown>), extra: 'junk' };
    delete user.disabled;
    const back = decodeBackup(gz({ ...snapshot, tables: { users: [user] } }), 2);
    expect(back.tables.users).toEqual([{ ...(tables.users[0] as object), disabled: false }]);
  });

  it('has a translatable error with a readable message', () => {
    const e = new BackupError('newerSchema', { found: 3, supported: 2 });
    expect(e.name).toBe('BackupError');
    expect(e.message).toContain('newerSchema');
    expect(e).toBeInstanceOf(Error);
  });
});

describe('backupStamp', () => {
  it('is the UTC time to the millisecond, sortable as text', () => {
    expect(backupStamp(new Date('2026-03-01T09:05:07.042Z'))).toBe('20260301T090507042Z');
    const a = backupStamp(new Date('2026-03-01T09:59:59.999Z'));
    const b = backupStamp(new Date('2026-03-01T10:00:00.000Z'));
    expect(a < b).toBe(true);
  });
});
