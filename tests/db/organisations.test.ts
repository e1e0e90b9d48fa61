import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { previewOrganisationImport, guessOrgMapping } from '@shared/import/organisations';
import { computeIndicators } from '@shared/indicators/compute';
import { loadReportDataset } from '../../src/renderer/src/db/indicators';
import {
  commitOrganisationImport,
  createOrganisation,
  deleteOrganisation,
  deleteOrganisationEffect,
  lastOrganisationImport,
  listRegister,
  organisationImportUndoEffect,
  registerKeys,
  undoOrganisationImport,
  updateOrganisation,
  OrganisationError,
} from '../../src/renderer/src/db/organisations';
import { addOutcome, createPerson, PeopleError } from '../../src/renderer/src/db/people';
import { ForbiddenError } from '../../src/renderer/src/db/permissions';
import { withSetUpDb } from '../fixtures/testDb';

const SME = {
  name: 'Pekara Mlinar d.o.o.',
  kind: 'sme' as const,
  country: 'HR' as const,
  town: 'varazdin',
  sector: 'pekarstvo',
  contactPerson: 'Ivan Mlinar',
  support: 'mentorstvo i obuka',
  supportedOn: '2026-05-12',
  jobsCreated: 3,
};

describe('the register of organisations (db)', () => {
  it('adds, changes and deletes an entry, each in the audit log; the municipality in the gazetteer\u2019s form', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const o = await createOrganisation(db, actor, SME);
      expect(o).toMatchObject({ town: 'Varaždin', role: 'other', isSelf: false, jobsCreated: 3 });
      const changed = await updateOrganisation(db, actor, o.id, { ...SME, contactPerson: undefined, jobsCreated: 4 });
      expect(changed.contactPerson).toBeUndefined();
      expect(changed.jobsCreated).toBe(4);
      await deleteOrganisation(db, actor, o.id);
      expect(await db.organisations.get(o.id)).toBeUndefined();
      // In the order written (the chain's seq), not the index's order of ids.
      const log = (await db.auditLog.where('table').equals('organisations').sortBy('seq')).filter((e) => e.recordId === o.id).map((e) => [e.action, e.summary]);
      expect(log).toEqual([
        ['create', 'organisationAdded'],
        ['update', 'organisationChanged'],
        ['delete', 'organisationDeleted'],
      ]);
    });
  });

  it('refuses what the schema refuses and never touches this organisation\u2019s own row', async () => {
    await withSetUpDb(async (db, { actor, orgId }) => {
      await expect(createOrganisation(db, actor, { ...SME, name: '  ' })).rejects.toBeInstanceOf(OrganisationError);
      await expect(createOrganisation(db, actor, { ...SME, jobsCreated: -2 })).rejects.toBeInstanceOf(OrganisationError);
      await expect(updateOrganisation(db, actor, orgId, SME)).rejects.toMatchObject({ code: 'notFound' });
      await expect(deleteOrganisation(db, actor, orgId)).rejects.toMatchObject({ code: 'notFound' });
      expect(await db.organisations.get(orgId)).toMatchObject({ isSelf: true });
      expect(await listRegister(db, actor)).toEqual([]);
    });
  });

  it('links a job outcome to its employer; deleting the employer keeps the outcome without it', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const o = await createOrganisation(db, actor, SME);
      const ana = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      await expect(addOutcome(db, actor, ana.id, { kind: 'qualification', date: '2026-06-01', employerId: o.id })).rejects.toMatchObject({
        code: 'employerNotForKind',
      });
      await expect(addOutcome(db, actor, ana.id, { kind: 'employed', date: '2026-06-01', employerId: crypto.randomUUID() })).rejects.toBeInstanceOf(
        PeopleError,
      );
      const job = await addOutcome(db, actor, ana.id, { kind: 'employed', date: '2026-06-01', employerId: o.id });
      expect((await listRegister(db, actor))[0]!.placed).toBe(1);
      const report = await loadReportDataset(db, actor);
      const i = computeIndicators(report.dataset, {}, '2026-11-23').indicators.outcomes;
      expect([i.smesSupported, i.jobsOpened, i.placedWithEmployers]).toEqual([1, 3, 1]);
      expect(await deleteOrganisationEffect(db, actor, o.id)).toEqual({ linkedOutcomes: 1 });
      await deleteOrganisation(db, actor, o.id);
      const kept = await db.outcomes.get(job.id);
      expect(kept).toMatchObject({ kind: 'employed', date: '2026-06-01' });
      expect(kept!.employerId).toBeUndefined();
    });
  });

  it('imports a file in one go with its history, skips nothing silently, and undoes it', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createOrganisation(db, actor, SME);
      const file = [
        ['Naziv', 'Vrsta', 'Općina', 'Radna mjesta', 'Datum potpore'],
        ['Pekara Mlinar d.o.o.', 'MSP', 'Varaždin', '3', '12.05.2026'],
        ['Zadruga Zeleni vrt', 'MSP', 'Prelog', '2', '01.06.2026'],
        ['Salon Vesna', 'MSP', 'Čakovec', 'dva', ''],
      ];
      const preview = previewOrganisationImport(file, guessOrgMapping(file[0]!), { kind: 'sme', country: 'HR' }, await registerKeys(db, actor));
      expect(preview.duplicates).toEqual([{ row: 2, existing: 'Pekara Mlinar d.o.o.' }]);
      expect(preview.issues).toEqual([{ row: 4, column: 'Radna mjesta', field: 'jobsCreated', code: 'invalidNumber', value: 'dva' }]);
      const rows = preview.valid.filter((r) => !preview.duplicates.some((d) => d.row === r.row));
      const h = await commitOrganisationImport(db, actor, 'poslodavci.xlsx', rows);
      expect((await listRegister(db, actor)).map((o) => o.name).sort()).toEqual(['Pekara Mlinar d.o.o.', 'Zadruga Zeleni vrt']);
      expect((await lastOrganisationImport(db, actor))?.id).toBe(h.id);
      const zadruga = (await listRegister(db, actor)).find((o) => o.name === 'Zadruga Zeleni vrt')!;
      const ana = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      await addOutcome(db, actor, ana.id, { kind: 'employed', date: '2026-06-02', employerId: zadruga.id });
      expect(await organisationImportUndoEffect(db, actor, h.id)).toMatchObject({ organisations: 1, linkedOutcomes: 1 });
      expect(await undoOrganisationImport(db, actor, h.id)).toBe(1);
      expect((await listRegister(db, actor)).map((o) => o.name)).toEqual(['Pekara Mlinar d.o.o.']);
      expect(await lastOrganisationImport(db, actor)).toBeUndefined();
      expect((await db.outcomes.toArray()).map((o) => [o.kind, o.employerId])).toEqual([['employed', undefined]]);
      expect((await db.auditLog.where('table').equals('organisations').toArray()).map((e) => e.summary)).toContain('organisationsImportUndone');
    });
  });

  it('a mentor or a viewer can neither read nor write the register; a refusal changes nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const o = await createOrganisation(db, actor, SME);
      const log = await db.auditLog.count();
      for (const role of ['mentor', 'viewer'] as const) {
        const other = { ...actor, role };
        await expect(listRegister(db, other)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(createOrganisation(db, other, SME)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(updateOrganisation(db, other, o.id, { ...SME, name: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(deleteOrganisation(db, other, o.id)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(commitOrganisationImport(db, other, 'f.csv', [])).rejects.toBeInstanceOf(ForbiddenError);
      }
      expect(await db.organisations.get(o.id)).toEqual(o);
      expect(await db.auditLog.count()).toBe(log);
      await expect(listRegister(db, { ...actor, role: 'staff' })).resolves.toHaveLength(1);
    });
  });
});
