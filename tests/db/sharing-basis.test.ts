import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { consentScope } from '@shared/bundle/consentScope';
import { guessMapping } from '@shared/import/headers';
import { previewImport } from '@shared/import/people';
import { commitImport, undoImport } from '../../src/renderer/src/db/importPeople';
import { addConsent, createPerson, withdrawConsent } from '../../src/renderer/src/db/people';
import { ForbiddenError } from '../../src/renderer/src/db/permissions';
import { SharingError, lastSharingBasis, recordSharingBasis, sharingBasisPlan, undoSharingBasis, withheldBreakdown } from '../../src/renderer/src/db/sharing';
import { allTables, withSetUpDb } from '../fixtures/testDb';

const basis = { legalBasis: 'publicTask' as const, date: '2026-04-01', noticeVersion: '2026-01' };
const woman = (firstName: string) => ({ kind: 'beneficiary' as const, firstName, lastName: 'Kovač', gender: 'woman' as const });
const processingOnly = {
  legalBasis: 'consent' as const,
  date: '2026-01-10',
  noticeVersion: '1.0',
  processing: true,
  specialCategories: false,
  shareWithLead: false,
  photos: false,
};

/** Four people: no consent, consent to processing only, sharing, objected (sharing withdrawn). */
async function world(db: Parameters<Parameters<typeof withSetUpDb>[0]>[0], actor: Parameters<Parameters<typeof withSetUpDb>[0]>[1]['actor']) {
  const none = await createPerson(db, actor, woman('Ana'));
  const processing = await createPerson(db, actor, woman('Bea'), processingOnly);
  const sharing = await createPerson(db, actor, woman('Cvijeta'), { ...processingOnly, shareWithLead: true });
  const objected = await createPerson(db, actor, woman('Dora'), { ...processingOnly, shareWithLead: true });
  const [c] = await db.consents.where('personId').equals(objected.id).toArray();
  await withdrawConsent(db, actor, c!.id, '2026-02-01');
  return { ids: [none.id, processing.id, sharing.id, objected.id], none, processing, sharing, objected };
}

const dropped = async (db: Parameters<Parameters<typeof withSetUpDb>[0]>[0]) =>
  consentScope({ people: await db.people.toArray(), consents: await db.consents.toArray() } as never).dropped.get('people')!;

describe('recording the basis for sharing with the lead in bulk', () => {
  it('adds a sharing basis for those without one, leaves objections alone, logs the count only, and the export then takes them', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const w = await world(db, actor);
      expect(await withheldBreakdown(db, actor)).toEqual({ noBasis: 2, objected: 1, total: 3, erased: 0 });
      expect(await sharingBasisPlan(db, actor, w.ids)).toEqual({ record: [w.none.id, w.processing.id], alreadyShared: 1, objected: 1, anonymised: 0 });

      const { batch } = await recordSharingBasis(db, actor, w.ids, basis);
      expect(batch?.rowsAdded).toBe(2);
      const added = await db.consents.bulkGet(batch!.recordIds);
      for (const c of added) expect(c).toMatchObject({ ...basis, shareWithLead: true, specialCategories: false, photos: false, recordedBy: actor.userName });
      expect(added.map((c) => c!.personId).sort()).toEqual([w.none.id, w.processing.id].sort());
      // Her earlier consent to processing is untouched.
      expect((await db.consents.where('personId').equals(w.processing.id).toArray()).find((c) => c.processing)).toMatchObject({ shareWithLead: false });

      const log = (await db.auditLog.toArray()).filter((e) => e.summary === 'sharingBasisRecorded');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ count: 2, table: 'consents', userName: actor.userName });
      expect(JSON.stringify(log[0])).not.toMatch(/Ana|Bea|Kovač/);

      expect([...(await dropped(db))]).toEqual([w.objected.id]);
      expect(await withheldBreakdown(db, actor)).toEqual({ noBasis: 0, objected: 1, total: 1, erased: 0 });
      expect((await lastSharingBasis(db))?.id).toBe(batch!.id);
    });
  });

  it('undo puts every person back where she was, and is logged', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const w = await world(db, actor);
      const before = await allTables(db);
      const { batch } = await recordSharingBasis(db, actor, w.ids, basis);
      expect(await undoSharingBasis(db, actor, batch!.id)).toBe(2);
      const after = await allTables(db);
      expect(after.consents).toEqual(before.consents);
      expect(after.people).toEqual(before.people);
      expect((await dropped(db)).size).toBe(3);
      expect(await lastSharingBasis(db)).toBeUndefined();
      expect((await db.auditLog.toArray()).filter((e) => e.summary === 'sharingBasisUndone')[0]).toMatchObject({ count: 2 });
      // Twice changes nothing.
      expect(await undoSharingBasis(db, actor, batch!.id)).toBe(0);
    });
  });

  it('undo keeps a basis withdrawn since (she objected after: that stays recorded)', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const w = await world(db, actor);
      const { batch } = await recordSharingBasis(db, actor, w.ids, basis);
      const ofAna = (await db.consents.bulkGet(batch!.recordIds)).find((c) => c!.personId === w.none.id)!;
      await withdrawConsent(db, actor, ofAna.id, '2026-04-05');
      expect(await undoSharingBasis(db, actor, batch!.id)).toBe(1);
      expect(await db.consents.get(ofAna.id)).toMatchObject({ withdrawnAt: '2026-04-05' });
    });
  });

  it('nobody to record: writes nothing, logs nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const w = await world(db, actor);
      const before = await allTables(db);
      expect((await recordSharingBasis(db, actor, [w.sharing.id, w.objected.id], basis)).batch).toBeNull();
      expect(await allTables(db)).toEqual(before);
    });
  });

  it('refuses a basis without date or notice version, and roles that may not edit people, writing nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const w = await world(db, actor);
      const before = await allTables(db);
      await expect(recordSharingBasis(db, actor, w.ids, { ...basis, date: '1.4.2026' })).rejects.toBeInstanceOf(SharingError);
      await expect(recordSharingBasis(db, actor, w.ids, { ...basis, noticeVersion: '  ' })).rejects.toBeInstanceOf(SharingError);
      for (const role of ['viewer', 'mentor', 'system'] as const)
        await expect(recordSharingBasis(db, { ...actor, role }, w.ids, basis)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await allTables(db)).toEqual(before);
      const { batch } = await recordSharingBasis(db, actor, w.ids, basis);
      await expect(undoSharingBasis(db, { ...actor, role: 'viewer' }, batch!.id)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  it('an added consent on her page still records a fresh basis for someone who objected (bulk does not)', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const w = await world(db, actor);
      await addConsent(db, actor, w.objected.id, { ...processingOnly, shareWithLead: true, date: '2026-05-01' });
      expect((await sharingBasisPlan(db, actor, [w.objected.id])).alreadyShared).toBe(1);
    });
  });
});

describe('people imported with a sharing column', () => {
  it('reach the export where the file says yes (they never did: the import always wrote "do not share"), and undoing the import removes their consents', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const header = ['Ime', 'Prezime', 'Privola', 'Deljenje sa nosiocem'];
      const preview = await previewImport(
        [header, ['Ana', 'Horvat', '10.1.2026.', 'да'], ['Bea', 'Kovač', '', '1.2.2026.'], ['Cvita', 'Novak', '10.1.2026.', 'не']],
        guessMapping(header),
      );
      const history = await commitImport(db, actor, 'popis.xlsx', preview.valid);
      const byName = new Map((await db.people.toArray()).map((p) => [p.id, p.firstName]));
      expect([...(await dropped(db))].map((id) => byName.get(id))).toEqual(['Cvita']);
      const shared = (await db.consents.toArray()).filter((c) => c.shareWithLead);
      expect(shared.map((c) => [byName.get(c.personId), c.date, c.recordedBy]).sort()).toEqual([
        ['Ana', '2026-01-10', actor.userName],
        ['Bea', '2026-02-01', actor.userName],
      ]);
      await undoImport(db, actor, history.id);
      expect(await db.consents.count()).toBe(0);
    });
  }, 30_000);
});
