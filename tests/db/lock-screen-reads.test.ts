import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/renderer/src/db/db';
import { dropDataKey } from '../../src/renderer/src/db/dataKey';
import { createOrganisation } from '../../src/renderer/src/db/organisations';
import { getSettings } from '../../src/renderer/src/db/settings';
import { getSelfOrganisation, setUpOrganisation } from '../../src/renderer/src/db/setup';
import { listUsers } from '../../src/renderer/src/db/users';
import { withDb } from '../fixtures/testDb';

/**
 * What the lock screen reads before anyone signs in must open while the data is sealed, whatever
 * else the tables hold: after the register held a sealed SME, a reload left a blank window
 * (getSelfOrganisation's cursor opened every organisation and threw LockedError).
 */
describe('the lock screen reads only what stays plain', () => {
  it('finds its own organisation, the users and the language among sealed rows', async () => {
    await withDb(async (db) => {
      const { org, user } = await setUpOrganisation(db, {
        name: 'Udruga Korak',
        country: 'HR',
        town: 'Čakovec',
        role: 'partner',
        language: 'sr-Cyrl',
        userName: 'Sanja Horvat',
      });
      const actor = { userId: user.id, userName: user.name, role: user.role };
      // Sealed rows before and after the own one in key order.
      for (const name of ['Ana obrt', 'Zlatne ruke d.o.o.', 'Pekara Mlinar'])
        await createOrganisation(db, actor, { name, kind: 'sme', country: 'HR', town: 'Čakovec' });
      dropDataKey(db); // locked, as after a reload
      expect((await getSelfOrganisation(db))?.id).toBe(org.id);
      expect((await listUsers(db)).map((u) => u.name)).toEqual(['Sanja Horvat']);
      expect((await getSettings(db))?.language).toBe('sr-Cyrl');
    });
  });

  it('the plain settings row names the own organisation; a store from before that, reopened locked, finds it once and remembers it', async () => {
    await withDb(async (db, name) => {
      const { org, user } = await setUpOrganisation(db, {
        name: 'Udruga Korak',
        country: 'HR',
        town: 'Čakovec',
        role: 'partner',
        language: 'hr',
        userName: 'Sanja Horvat',
      });
      expect((await getSettings(db))?.selfOrgId).toBe(org.id);
      const actor = { userId: user.id, userName: user.name, role: user.role };
      for (const sme of ['Ana obrt', 'Zlatne ruke d.o.o.']) await createOrganisation(db, actor, { name: sme, kind: 'sme', country: 'HR', town: 'Čakovec' });
      // As an installation from before the field: the app row without it.
      const { selfOrgId: _dropped, ...older } = (await getSettings(db))!;
      await db.settings.put(older);
      db.close();
      const reopened = createDb(name); // locked, as after a restart
      try {
        await reopened.open();
        expect((await getSettings(reopened))?.selfOrgId).toBe(org.id);
        expect((await getSelfOrganisation(reopened))?.name).toBe('Udruga Korak');
      } finally {
        reopened.close();
      }
    });
  });
});
