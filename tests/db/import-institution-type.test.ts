/** Issue 17 part 5: an imported professional keeps the institution type the file gave (it drives the per-institution counts). */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/import/headers';
import { previewImport } from '@shared/import/people';
import { commitImport } from '../../src/renderer/src/db/importPeople';
import { withSetUpDb } from '../fixtures/testDb';

describe('importing professionals with their institution type', () => {
  it("stores the type read from the region's words; a row with an unknown type is reported, not stored", async () => {
    await withSetUpDb(async (db, { actor }) => {
      const rows = [
        ['Ime', 'Prezime', 'Vrsta', 'Institucija', 'Vrsta ustanove'],
        ['Mojca', 'Novak', 'strokovna delavka', 'CSD Celje', 'Center za socialno delo'],
        ['Ivo', 'Horvat', 'stručnjak', 'HZZ Čakovec', 'HZZ'],
        ['Jelena', 'Jović', 'stručnjakinja', 'Filijala Niš', 'NSZ'],
        ['Ana', 'Anić', 'stručnjakinja', 'Svemir', 'svemirska agencija'],
      ];
      const preview = await previewImport(rows, guessMapping(rows[0]!), { pause: async () => {} });
      expect(preview.badRows).toBe(1);
      expect(preview.issues.map((i) => [i.row, i.code, i.value])).toEqual([[5, 'unknownInstitutionType', 'svemirska agencija']]);
      const before = await db.people.count();
      await commitImport(db, actor, 'strokovnjaki.xlsx', preview.valid);
      expect(await db.people.count()).toBe(before + 3);
      const byName = new Map((await db.people.toArray()).map((p) => [p.lastName, p]));
      expect(byName.get('Novak')).toMatchObject({ kind: 'professional', institution: 'CSD Celje', institutionType: 'socialWorkCentre' });
      expect(byName.get('Horvat')).toMatchObject({ kind: 'professional', institutionType: 'employmentOffice' });
      expect(byName.get('Jović')).toMatchObject({ kind: 'professional', institutionType: 'employmentOffice' });
      expect(byName.has('Anić')).toBe(false);
    });
  });
});
