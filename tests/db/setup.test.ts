import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS, type OrganisationSetup } from '@shared/model';
import { getSelfOrganisation, setUpOrganisation } from '../../src/renderer/src/db/setup';
import { getSettings } from '../../src/renderer/src/db/settings';
import { allTables, counts, withDb } from '../fixtures/testDb';

const input: OrganisationSetup = { name: '  Udruga Korak  ', country: 'HR', town: 'Čakovec', role: 'lead', language: 'sr-Cyrl', userName: 'Marija Horvat' };

describe('setUpOrganisation', () => {
  it('creates the self organisation, a coordinator, settings and audit entries', async () => {
    await withDb(async (db) => {
      const { org, user } = await setUpOrganisation(db, input);

      expect(org).toMatchObject({ name: 'Udruga Korak', country: 'HR', town: 'Čakovec', role: 'lead', isSelf: true });
      expect(org.orgId).toBe(org.id);
      expect(TABLE_SCHEMAS.organisations.parse(org)).toEqual(org);
      expect(await getSelfOrganisation(db)).toEqual(org);

      expect(user).toMatchObject({ name: 'Marija Horvat', role: 'coordinator', orgId: org.id, disabled: false });
      expect(user.passHash).toBeUndefined();
      expect(await db.users.toArray()).toEqual([user]);
      expect(TABLE_SCHEMAS.users.safeParse(user).success).toBe(true);

      const settings = await getSettings(db);
      expect(settings).toEqual({ key: 'app', language: 'sr-Cyrl', lockMinutes: 10, suppressionThreshold: 5, selfOrgId: org.id });
      expect(TABLE_SCHEMAS.settings.safeParse(settings).success).toBe(true);

      const log = await db.auditLog.toArray();
      expect(log).toHaveLength(2);
      expect(log).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'create', table: 'organisations', recordId: org.id, userId: user.id, userName: 'Marija Horvat' }),
          expect.objectContaining({ action: 'create', table: 'users', recordId: user.id, userId: user.id, userName: 'Marija Horvat' }),
        ]),
      );
      for (const e of log) expect(TABLE_SCHEMAS.auditLog.safeParse(e).success).toBe(true);
    });
  });

  it('refuses a second setup and leaves the first one untouched', async () => {
    await withDb(async (db) => {
      await setUpOrganisation(db, input);
      const before = await allTables(db);
      await expect(setUpOrganisation(db, { ...input, name: 'Another' })).rejects.toThrow(/already set up/);
      expect(await allTables(db)).toEqual(before);
    });
  });

  it.each([
    ['an empty name', { name: '   ' }],
    ['an empty user name', { userName: '' }],
    ['an unknown country', { country: 'DE' }],
    ['an unknown language', { language: 'de' }],
  ])('rejects %s and writes nothing', async (_label, bad) => {
    await withDb(async (db) => {
      await expect(setUpOrganisation(db, { ...input, ...bad } as OrganisationSetup)).rejects.toThrow();
      expect(Object.values(await counts(db)).every((n) => n === 0)).toBe(true);
      expect(await getSelfOrganisation(db)).toBeUndefined();
    });
  });
});
