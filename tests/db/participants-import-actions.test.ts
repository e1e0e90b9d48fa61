/**
 * The people-import pipeline as plain functions (issue 14): what the wizard calls, step by step,
 * with no screen. Open a file, check it, choose rows, write them (or be cancelled / fail).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createPerson } from '../../src/renderer/src/db/people';
import { checkImport, countToImport, openImportFile, rowsToImport, writeImport } from '../../src/renderer/src/features/participants/actions';
import { allTables, withSetUpDb } from '../fixtures/testDb';

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const FILE = csv([
  'Ime;Prezime;Spol;Godina rođenja;Općina',
  'Ana;Horvat;Ž;1984;Čakovec',
  'Iva;Kovač;Ž;1990;Varaždin',
  'Ana;Horvat;Ž;1984;Čakovec',
  'Marko;;M;1980;Čakovec',
]);

describe('participants import actions', () => {
  it('a file that cannot be read gives the code of its error and stores nothing', async () => {
    await withSetUpDb(async (db) => {
      const before = await allTables(db);
      expect(await openImportFile({ db }, 'empty.csv', new Uint8Array())).toEqual({ ok: false, code: 'empty' });
      expect(await openImportFile({ db }, 'one-line.csv', csv(['Ime;Prezime']))).toEqual({ ok: false, code: 'noData' });
      expect(await openImportFile({ db }, 'binary.csv', new Uint8Array([0x41, 0, 0x42, 0, 0x0a, 0x43, 0]))).toEqual({ ok: false, code: 'unreadable' });
      expect(await allTables(db)).toEqual(before);
    });
  });

  it('the mapping confirmed at check is the one offered for the next file with the same headers', async () => {
    await withSetUpDb(async (db) => {
      const first = await openImportFile({ db }, 'a.csv', FILE);
      if (!first.ok) throw new Error(first.code);
      expect(first.opened.remembered).toBe(false);
      expect(first.opened.mapping.slice(0, 2)).toEqual(['firstName', 'lastName']);
      // The user swaps first and last name before checking.
      const swapped = ['lastName', 'firstName', ...first.opened.mapping.slice(2)] as typeof first.opened.mapping;
      await checkImport({ db }, first.opened.file, swapped, 'beneficiary');
      const again = await openImportFile({ db }, 'b.csv', FILE);
      if (!again.ok) throw new Error(again.code);
      expect(again.opened).toMatchObject({ remembered: true, mapping: swapped });
    });
  });

  it('check reports bad rows and duplicates (stored and within the file), with progress; the rows chosen follow "skip duplicates"', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Iva', lastName: 'Kovač', gender: 'woman', birthYear: 1990, municipality: 'Varaždin' });
      const opened = await openImportFile({ db }, 'a.csv', FILE);
      if (!opened.ok) throw new Error(opened.code);
      const seen: number[] = [];
      const checked = await checkImport({ db }, opened.opened.file, opened.opened.mapping, 'beneficiary', (f) => seen.push(f));
      expect(seen.at(-1)).toBe(1);
      expect(checked.preview.valid.map((r) => r.row)).toEqual([2, 3, 4]);
      expect(checked.preview.badRows).toBe(1);
      expect(checked.duplicates.map((d) => [d.row, d.existing?.lastName ?? d.sameAsRow])).toEqual([
        [3, 'Kovač'],
        [4, 2],
      ]);
      expect(rowsToImport(checked, true).map((r) => r.row)).toEqual([2]);
      expect(countToImport(checked, true)).toBe(1);
      expect(rowsToImport(checked, false).map((r) => r.row)).toEqual([2, 3, 4]);
      expect(countToImport(checked, false)).toBe(3);
    });
  });

  it('write stores the chosen rows once; a cancel or a failure stores nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const opened = await openImportFile({ db }, 'a.csv', FILE);
      if (!opened.ok) throw new Error(opened.code);
      const checked = await checkImport({ db }, opened.opened.file, opened.opened.mapping, 'beneficiary');
      const rows = rowsToImport(checked, true);
      const before = await allTables(db);

      const stop = new AbortController();
      stop.abort();
      expect(await writeImport({ db, actor }, 'a.csv', rows, { signal: stop.signal })).toEqual({ status: 'cancelled' });
      expect(await allTables(db)).toEqual(before);

      // The store goes away mid-way (a closed database): a clear 'failed', and nothing stored.
      db.close();
      expect(await writeImport({ db, actor }, 'a.csv', rows)).toEqual({ status: 'failed' });
      await db.open();
      expect(await allTables(db)).toEqual(before);

      const progress: number[] = [];
      const written = await writeImport({ db, actor }, 'b.csv', rows, { onProgress: (done) => progress.push(done) });
      if (written.status !== 'written') throw new Error(written.status);
      expect(written.history).toMatchObject({ fileName: 'b.csv', rowsAdded: 2 });
      expect(progress).toEqual([2]);
    });
  });
});
