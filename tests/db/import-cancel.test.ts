/**
 * Issue 13 item 10: cancel means cancel. A 20,000-row people import written in one transaction
 * can be stopped while it is writing; then nothing is written, and the audit log says nothing
 * was imported. Progress reports rows done of the total as it goes.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@shared/import/csv';
import { guessMapping } from '@shared/import/headers';
import { previewImport, type ImportedRow } from '@shared/import/people';
import { commitImport, ImportCancelled, importUndoEffect, lastPeopleImport, undoImport } from '../../src/renderer/src/db/importPeople';
import { createRecord } from '../../src/renderer/src/db/records';
import { createPerson } from '../../src/renderer/src/db/people';
import { allTables, withSetUpDb } from '../fixtures/testDb';

const ROWS = 20_000;

async function bigImport(): Promise<ImportedRow[]> {
  const lines = ['Ime;Prezime;Spol;Godina rođenja;Općina;Datum privole'];
  for (let i = 0; i < ROWS; i++) lines.push(`Ana${i};Horvat${i};Ž;${1950 + (i % 50)};Čakovec;${i % 2 ? '12.03.2024.' : ''}`);
  const rows = parseCsv(lines.join('\n') + '\n');
  const preview = await previewImport(rows, guessMapping(rows[0]!));
  expect(preview.valid).toHaveLength(ROWS);
  return preview.valid;
}

describe('cancelling a running people import', () => {
  it('stopped half-way: zero rows written, no history, the audit log as before', async () => {
    const rows = await bigImport();
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Vesna', lastName: 'Kovač', gender: 'woman', birthYear: 1980, municipality: 'Čakovec' });
      const before = await allTables(db);
      const controller = new AbortController();
      const seen: Array<[number, number]> = [];
      const result = commitImport(db, actor, 'popis-20000.csv', rows, {
        signal: controller.signal,
        onProgress: (done, total) => {
          seen.push([done, total]);
          // The user clicks "Import nothing" once about half the rows are written.
          if (done >= ROWS / 2) controller.abort();
        },
      });
      await expect(result).rejects.toBeInstanceOf(ImportCancelled);
      // It really was mid-way: some rows had been written inside the transaction.
      expect(seen.at(-1)![0]).toBeGreaterThanOrEqual(ROWS / 2);
      expect(seen.at(-1)![0]).toBeLessThan(ROWS);
      expect(await allTables(db)).toEqual(before);
      expect(await db.people.count()).toBe(1);
      expect(await db.auditLog.where('action').equals('import').count()).toBe(0);
      expect(await lastPeopleImport(db)).toBeUndefined();
    });
  }, 60_000);

  it('cancelled before it starts: nothing written', async () => {
    const rows = (await bigImport()).slice(0, 50);
    await withSetUpDb(async (db, { actor }) => {
      const before = await allTables(db);
      const controller = new AbortController();
      controller.abort();
      await expect(commitImport(db, actor, 'x.csv', rows, { signal: controller.signal })).rejects.toBeInstanceOf(ImportCancelled);
      expect(await allTables(db)).toEqual(before);
    });
  }, 60_000);

  it('reports rows done of the total, in order, up to every row; not cancelled, it writes them all', async () => {
    const rows = await bigImport();
    await withSetUpDb(async (db, { actor }) => {
      const seen: Array<[number, number]> = [];
      const h = await commitImport(db, actor, 'popis-20000.csv', rows, { onProgress: (done, total) => seen.push([done, total]) });
      expect(seen.length).toBeGreaterThanOrEqual(10);
      expect(seen.every(([, total]) => total === ROWS)).toBe(true);
      expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
      expect(seen.at(-1)).toEqual([ROWS, ROWS]);
      expect(h.rowsAdded).toBe(ROWS);
      expect(await db.people.count()).toBe(ROWS);
      expect(await db.consents.count()).toBe(ROWS / 2);
      expect(await db.auditLog.where('action').equals('import').count()).toBe(1);
    });
  }, 60_000);
});

describe('what undoing an import would remove (for its confirmation)', () => {
  it('counts the people still there and the records entered for them since, not the import’s own consents', async () => {
    const rows = (await bigImport()).slice(0, 4);
    await withSetUpDb(async (db, { actor }) => {
      const h = await commitImport(db, actor, 'popis.csv', rows);
      expect(await importUndoEffect(db, h.id)).toMatchObject({ people: 4, linked: 0, history: { fileName: 'popis.csv' } });
      const someone = (await db.people.toArray())[0]!;
      await createRecord(db, actor, 'enrolments', {
        eventId: crypto.randomUUID(),
        personId: someone.id,
        status: 'enrolled',
        enrolledOn: '2026-01-01',
      } as never);
      await createRecord(db, actor, 'outcomes', { personId: someone.id, kind: 'employed', date: '2026-02-01' } as never);
      expect(await importUndoEffect(db, h.id)).toMatchObject({ people: 4, linked: 2 });
      // Counted as it will be removed: undo then removes exactly that.
      const before = { people: await db.people.count(), enrolments: await db.enrolments.count(), outcomes: await db.outcomes.count() };
      expect(await undoImport(db, actor, h.id)).toBe(4);
      expect(before.people - (await db.people.count())).toBe(4);
      expect(before.enrolments + before.outcomes - (await db.enrolments.count()) - (await db.outcomes.count())).toBe(2);
      expect(await importUndoEffect(db, h.id)).toBeNull();
    });
  }, 60_000);
});
