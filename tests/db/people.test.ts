import type { Actor } from '../../src/renderer/src/db/actor';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@shared/import/csv';
import { guessMapping } from '@shared/import/headers';
import { previewImport } from '@shared/import/people';
import type { ConsentDraft } from '@shared/model';
import { commitImport, findImportDuplicates, lastPeopleImport, rememberMapping, rememberedMapping, undoImport } from '../../src/renderer/src/db/importPeople';
import {
  PeopleError,
  addConsent,
  addOutcome,
  anonymisePerson,
  createPerson,
  erasePerson,
  findDuplicates,
  mergePeople,
  personDossier,
  updatePerson,
  withdrawConsent,
} from '../../src/renderer/src/db/people';
import { createRecord } from '../../src/renderer/src/db/records';
import { allTables, counts, withSetUpDb } from '../fixtures/testDb';

const consent: ConsentDraft = {
  legalBasis: 'consent',
  date: '2026-01-10',
  noticeVersion: '1.0',
  processing: true,
  specialCategories: true,
  shareWithLead: true,
  photos: false,
};
const ana = { kind: 'beneficiary' as const, firstName: 'Ana', lastName: 'Petrović', gender: 'woman' as const, birthYear: 1984, municipality: 'Niš' };

/** A person with a link in every table that can point at a person. */
async function linkedWorld(db: Parameters<Parameters<typeof withSetUpDb>[0]>[0], actor: Actor, personId: string) {
  const programme = await createRecord(db, actor, 'programmes', { kind: 'badge', title: 'BADGE Čakovec' } as never);
  const event = await createRecord(db, actor, 'events', { programmeId: programme.id, kind: 'workshop', title: 'Radionica 1' } as never);
  const session = await createRecord(db, actor, 'sessions', {
    eventId: event.id,
    date: '2026-02-01',
    start: '10:00',
    end: '12:00',
    town: 'Čakovec',
    country: 'HR',
  } as never);
  await createRecord(db, actor, 'enrolments', { eventId: event.id, personId, status: 'enrolled', enrolledOn: '2026-01-15' } as never);
  await createRecord(db, actor, 'attendance', { sessionId: session.id, personId, status: 'present' } as never);
  const mentorPerson = await createPerson(db, actor, { kind: 'professional', firstName: 'Mira', lastName: 'Mentor', gender: 'woman' });
  const mentor = await db.mentors.add({
    id: crypto.randomUUID(),
    orgId: programme.orgId,
    personId: mentorPerson.id,
    createdAt: programme.createdAt,
    updatedAt: programme.createdAt,
  } as never);
  const match = crypto.randomUUID();
  await db.matches.add({
    id: match,
    orgId: programme.orgId,
    mentorId: mentor as string,
    menteeId: personId,
    status: 'active',
    createdAt: programme.createdAt,
    updatedAt: programme.createdAt,
  } as never);
  await db.mentoringSessions.add({
    id: crypto.randomUUID(),
    orgId: programme.orgId,
    matchId: match,
    date: '2026-02-02',
    minutes: 60,
    mode: 'online',
    services: ['businessCounselling'],
    createdAt: programme.createdAt,
    updatedAt: programme.createdAt,
  } as never);
  await addOutcome(db, actor, personId, { kind: 'employed', date: '2026-03-01', note: 'Trgovina' });
  return { session, event, mentorPerson, match };
}

describe('consent gating', () => {
  it('refuses target groups and notes without a consent that covers them, and writes nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const before = await allTables(db);
      await expect(createPerson(db, actor, { ...ana, targetGroups: ['roma'] })).rejects.toEqual(new PeopleError('consentRequired'));
      await expect(createPerson(db, actor, { ...ana, notes: 'x' }, { ...consent, specialCategories: false })).rejects.toThrow('consentRequired');
      expect(await allTables(db)).toEqual(before);
      const p = await createPerson(db, actor, { ...ana, targetGroups: ['roma'], notes: 'samohrana majka' }, consent);
      expect(p.targetGroups).toEqual(['roma']);
      expect(await db.consents.where('personId').equals(p.id).count()).toBe(1);
      const log = await db.auditLog.where('table').anyOf('people', 'consents').toArray();
      expect(log.map((e) => e.summary).sort()).toEqual(['consentRecorded', 'personCreated']);
    });
  });
  it('edits need a consent too, and withdrawing it removes the special data', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, ana);
      await expect(updatePerson(db, actor, p.id, { ...ana, targetGroups: ['disability'] })).rejects.toThrow('consentRequired');
      const c = await addConsent(db, actor, p.id, consent);
      await updatePerson(db, actor, p.id, { ...ana, targetGroups: ['disability'], notes: 'n' });
      await withdrawConsent(db, actor, c.id, '2026-04-01');
      const after = await db.people.get(p.id);
      expect(after?.targetGroups).toEqual([]);
      expect(after?.notes).toBeUndefined();
      expect((await db.consents.get(c.id))?.withdrawnAt).toBe('2026-04-01');
    });
  });
});

describe('duplicates', () => {
  it('finds the same person in another script or without diacritics via the nameKey index', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, ana);
      expect((await findDuplicates(db, { firstName: 'Ана', lastName: 'Петровић', birthYear: 1984, municipality: 'Ниш' })).map((d) => d.id)).toEqual([p.id]);
      expect(await findDuplicates(db, { firstName: 'Ana', lastName: 'Petrovic', birthYear: 1990 })).toEqual([]);
      expect(await findDuplicates(db, ana, p.id)).toEqual([]);
    });
  });
  it('stores the municipality in its canonical form with the country from it, and finds the person under any spelling of the place', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, { ...ana, municipality: 'Opština Mladenovac' });
      expect(await db.people.get(p.id)).toMatchObject({ municipality: 'Mladenovac', country: 'RS' });
      const edited = await updatePerson(db, actor, p.id, { ...ana, municipality: 'Младеновац', country: 'RS' });
      expect(edited).toMatchObject({ municipality: 'Mladenovac', country: 'RS' });
      expect((await findDuplicates(db, { firstName: 'Ana', lastName: 'Petrović', birthYear: 1984, municipality: 'MLADENOVAC' })).map((d) => d.id)).toEqual([
        p.id,
      ]);
      expect(await findDuplicates(db, { firstName: 'Ana', lastName: 'Petrović', birthYear: 1984, municipality: 'Obrenovac' })).toEqual([]);
      // A place the gazetteer does not know is kept as typed.
      const q = await createPerson(db, actor, { ...ana, firstName: 'Vesna', municipality: '  Selo  Kraj Reke ' });
      expect(await db.people.get(q.id)).toMatchObject({ municipality: 'Selo Kraj Reke' });
      expect((await db.people.get(q.id))?.country).toBeUndefined();
    });
  });
});

describe('erase, anonymise, merge', () => {
  it('erasure removes the person and every linked record in one go, leaves a tombstone and an audit entry', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, ana, consent);
      const other = await createPerson(db, actor, { ...ana, firstName: 'Marija', birthYear: 1990 });
      const { mentorPerson } = await linkedWorld(db, actor, p.id);
      await db.importHistory.add({
        id: crypto.randomUUID(),
        orgId: p.orgId,
        kind: 'people',
        fileName: 'x.csv',
        at: p.createdAt,
        rowsAdded: 2,
        rowsReplaced: 0,
        rowsRemoved: 0,
        recordIds: [p.id, other.id],
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
      });
      const removed = await erasePerson(db, actor, p.id);
      const c = await counts(db);
      expect(await db.people.get(p.id)).toBeUndefined();
      expect([c.consents, c.outcomes, c.enrolments, c.attendance, c.matches, c.mentoringSessions]).toEqual([0, 0, 0, 0, 0, 0]);
      expect(removed).toBe(6);
      expect(await db.people.get(other.id)).toBeDefined();
      expect(await db.people.get(mentorPerson.id)).toBeDefined();
      expect(await db.tombstones.toArray()).toEqual([expect.objectContaining({ table: 'people', recordId: p.id })]);
      expect((await db.importHistory.toArray())[0]?.recordIds).toEqual([other.id]);
      const entry = await db.auditLog.where('action').equals('delete').first();
      expect(entry).toMatchObject({ table: 'people', recordId: p.id, summary: 'personErased', count: 6 });
      expect(JSON.stringify(await db.auditLog.toArray())).not.toContain('Petrović');
    });
  });
  it('erasing a mentor removes their matches and the sessions of those matches', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const mentee = await createPerson(db, actor, ana);
      const { mentorPerson } = await linkedWorld(db, actor, mentee.id);
      await erasePerson(db, actor, mentorPerson.id);
      expect(await db.mentors.count()).toBe(0);
      expect(await db.matches.count()).toBe(0);
      expect(await db.mentoringSessions.count()).toBe(0);
      expect(await db.enrolments.count()).toBe(1);
    });
  });
  it('a failing erasure changes nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, ana);
      const before = await allTables(db);
      await expect(erasePerson(db, actor, crypto.randomUUID())).rejects.toThrow('notFound');
      expect(await allTables(db)).toEqual(before);
    });
  });
  it('anonymise keeps statistics, drops identity and outcome notes', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, { ...ana, phone: '064', email: 'ana@example.rs', targetGroups: ['roma'] }, consent);
      await addOutcome(db, actor, p.id, { kind: 'employed', date: '2026-03-01', note: 'Kod Petrovića' });
      const a = await anonymisePerson(db, actor, p.id);
      expect(a).toMatchObject({
        firstName: '—',
        lastName: '—',
        birthYear: 1980,
        municipality: 'Niš',
        gender: 'woman',
        targetGroups: ['roma'],
        anonymised: true,
      });
      expect(a.phone).toBeUndefined();
      expect((await db.outcomes.toArray())[0]?.note).toBeUndefined();
      expect(
        await db.auditLog
          .where('action')
          .equals('update')
          .filter((e) => e.summary === 'personAnonymised')
          .count(),
      ).toBe(1);
    });
  });
  it('merge re-points every linked record, keeps one of each fact, fills empty fields and leaves a tombstone', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const keep = await createPerson(db, actor, { ...ana, phone: '064 1' });
      const drop = await createPerson(db, actor, { ...ana, firstName: 'Ана', lastName: 'Петровић', email: 'ana@example.rs' }, consent);
      const { session } = await linkedWorld(db, actor, drop.id);
      // keep already attended the same session: after merging there is one attendance, not two
      await createRecord(db, actor, 'attendance', { sessionId: session.id, personId: keep.id, status: 'late' } as never);
      const merged = await mergePeople(db, actor, keep.id, drop.id);
      expect(merged).toMatchObject({ id: keep.id, firstName: 'Ana', phone: '064 1', email: 'ana@example.rs' });
      expect(await db.people.get(drop.id)).toBeUndefined();
      expect(await db.attendance.where('personId').equals(keep.id).count()).toBe(1);
      expect(await db.enrolments.where('personId').equals(keep.id).count()).toBe(1);
      expect(await db.consents.where('personId').equals(keep.id).count()).toBe(1);
      expect(await db.outcomes.where('personId').equals(keep.id).count()).toBe(1);
      expect(await db.matches.where('menteeId').equals(keep.id).count()).toBe(1);
      for (const t of ['consents', 'outcomes', 'enrolments', 'attendance'] as const)
        expect(await db.table(t).where('personId').equals(drop.id).count()).toBe(0);
      expect(await db.tombstones.where('recordId').equals(drop.id).count()).toBe(1);
      const dossier = await personDossier(db, actor, keep.id);
      expect(dossier?.mentoring).toEqual([expect.objectContaining({ role: 'mentee', otherName: 'Mira Mentor', sessions: 1, minutes: 60 })]);
      expect(dossier?.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'consent', 'outcome', 'enrolment', 'attendance']));
      await expect(mergePeople(db, actor, keep.id, keep.id)).rejects.toThrow('samePerson');
    });
  });
});

describe('import', () => {
  const csv =
    'Ime;Prezime;Spol;Godina rođenja;Općina;Ciljna skupina;Datum privole\nAna;Petrović;Ž;1984;Niš;;\nMarija;Horvat;Ž;1979;Čakovec;Romi;12.03.2024.\nMarija;Horvat;Ž;1979;Čakovec;;\n';
  it('writes all valid rows in one transaction with consents, history and one audit entry; undo removes them', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const existing = await createPerson(db, actor, ana);
      const rows = parseCsv(csv);
      const preview = await previewImport(rows, guessMapping(rows[0]!));
      expect(preview.valid).toHaveLength(3);
      const dups = await findImportDuplicates(db, preview.valid);
      expect(dups).toEqual([
        { row: 2, existing: expect.objectContaining({ id: existing.id }) },
        { row: 4, sameAsRow: 3 },
      ]);
      const toWrite = preview.valid.filter((r) => !dups.some((d) => d.row === r.row));
      const h = await commitImport(db, actor, 'popis.csv', toWrite);
      expect(h).toMatchObject({ kind: 'people', fileName: 'popis.csv', rowsAdded: 1 });
      expect(h.recordIds).toHaveLength(2); // the person and their consent
      expect(await db.people.count()).toBe(2);
      // (schema v7 dropped the nameKey index: identifying values are not indexed, the folded name is sealed)
      const marija = await db.people.filter((p) => p.nameKey === 'marija horvat').first();
      expect(marija).toMatchObject({ targetGroups: ['roma'], anonymised: false });
      expect(await db.consents.where('personId').equals(marija!.id).count()).toBe(1);
      expect(await db.auditLog.where('action').equals('import').toArray()).toEqual([
        expect.objectContaining({ table: 'people', detail: 'popis.csv', count: 1, summary: 'peopleImported' }),
      ]);
      expect((await lastPeopleImport(db))?.id).toBe(h.id);

      // Someone got enrolled meanwhile: undo takes that link away too.
      await createRecord(db, actor, 'enrolments', {
        eventId: crypto.randomUUID(),
        personId: marija!.id,
        status: 'enrolled',
        enrolledOn: '2026-01-01',
      } as never);
      expect(await undoImport(db, actor, h.id)).toBe(1);
      expect(await db.people.count()).toBe(1);
      expect(await db.consents.count()).toBe(0);
      expect(await db.enrolments.count()).toBe(0);
      expect(await lastPeopleImport(db)).toBeUndefined();
      expect(await undoImport(db, actor, h.id)).toBe(0);
    });
  });
  it('a failing write leaves the data exactly as it was', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const rows = parseCsv(csv);
      const preview = await previewImport(rows, guessMapping(rows[0]!));
      const before = await allTables(db);
      // the last row cannot be stored (not cloneable): bulkAdd fails after the first rows, the transaction rolls back
      const broken = preview.valid.map((r, i) => (i === preview.valid.length - 1 ? { ...r, draft: { ...r.draft, phone: (() => 1) as never } } : r));
      await expect(commitImport(db, actor, 'x.csv', broken)).rejects.toThrow();
      expect(await allTables(db)).toEqual(before);
    });
  });
  it('remembers the column mapping for files with the same headers', async () => {
    await withSetUpDb(async (db) => {
      expect(await rememberedMapping(db, 'ime|prezime')).toBeUndefined();
      await rememberMapping(db, 'ime|prezime', ['lastName', 'firstName']);
      expect(await rememberedMapping(db, 'ime|prezime')).toEqual(['lastName', 'firstName']);
    });
  });
});
