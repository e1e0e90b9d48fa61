/**
 * An imported person passes the rules a person typed in passes (issue 14): one check for a new
 * person (createPerson's), one duplicate finder. A caller that skips the preview cannot store what
 * the form would refuse.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ImportedRow } from '@shared/import/people';
import { commitImport, findImportDuplicates } from '../../src/renderer/src/db/importPeople';
import { PeopleError, createPerson, findDuplicates } from '../../src/renderer/src/db/people';
import { allTables, withSetUpDb } from '../fixtures/testDb';

const row = (n: number, draft: Partial<ImportedRow['draft']>, consentDate?: string): ImportedRow =>
  ({
    row: n,
    draft: { kind: 'beneficiary', gender: 'woman', targetGroups: [], firstName: 'Ana', lastName: 'Petrović', ...draft },
    ...(consentDate ? { consentDate } : {}),
  }) as ImportedRow;

describe('an imported person, by the rules of one typed in', () => {
  it('special-category data without a consent is refused and nothing of the file is stored', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const before = await allTables(db);
      await expect(commitImport(db, actor, 'f.csv', [row(2, {}), row(3, { firstName: 'Iva', targetGroups: ['roma'] })])).rejects.toSatisfy(
        (e) => e instanceof PeopleError && e.code === 'consentRequired',
      );
      await expect(commitImport(db, actor, 'f.csv', [row(2, { notes: 'trudna' })])).rejects.toSatisfy(
        (e) => e instanceof PeopleError && e.code === 'consentRequired',
      );
      expect(await allTables(db)).toEqual(before);
      // With the consent date the file gave, it is stored, with that consent.
      await commitImport(db, actor, 'f.csv', [row(2, { notes: 'trudna' }, '2024-03-12')]);
      expect(await db.consents.count()).toBe(1);
    });
  });

  it('the municipality is stored in its canonical form with its country, as the form stores it', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const typed = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Mara', lastName: 'Babić', gender: 'woman', municipality: 'Младеновац' });
      await commitImport(db, actor, 'f.csv', [row(2, { municipality: 'Младеновац' })]);
      const imported = (await db.people.toArray()).find((p) => p.firstName === 'Ana')!;
      expect([imported.municipality, imported.country]).toEqual([typed.municipality, typed.country]);
      expect(imported.municipality).toBe('Mladenovac');
    });
  });

  it('duplicates: the file and the form find the same stored people; names swapped within the file count too', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const stored = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Petrović', gender: 'woman', birthYear: 1984 });
      const rows = [
        row(2, { firstName: 'Petrović', lastName: 'Ana', birthYear: 1984 }),
        row(3, { firstName: 'Iva', lastName: 'Kovač' }),
        row(4, { firstName: 'Kovač', lastName: 'Iva' }),
      ];
      expect((await findDuplicates(db, rows[0]!.draft)).map((p) => p.id)).toEqual([stored.id]);
      expect(await findImportDuplicates(db, rows)).toEqual([
        { row: 2, existing: { id: stored.id, firstName: 'Ana', lastName: 'Petrović', birthYear: 1984, municipality: undefined } },
        { row: 4, sameAsRow: 3 },
      ]);
    });
  });
});
