import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
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
});
