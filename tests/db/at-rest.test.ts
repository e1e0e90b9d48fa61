import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AtRestTamperedError } from '@shared/crypto/atRestCipher';
import type { ExchangeIdentity } from '@shared/model';
import { SEALED_FIELD } from '@shared/model/protectedFields';
import type { Actor } from '../../src/renderer/src/db/actor';
import { AtRestError, LockedError } from '../../src/renderer/src/db/atRest';
import { requireDataKey } from '../../src/renderer/src/db/keyring';
import { dropDataKey, getDataKey, setDataKey } from '../../src/renderer/src/db/dataKey';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { createLeadProject, ensureIdentity } from '../../src/renderer/src/db/exchange';
import { getLinkageSecret } from '../../src/renderer/src/db/linkage';
import { acceptPairs, logSession, saveMenteeProfile, saveMentor } from '../../src/renderer/src/db/mentoring';
import { addOutcome, createPerson, erasePerson, peopleForList } from '../../src/renderer/src/db/people';
import { changeReferralStatus, createReferral } from '../../src/renderer/src/db/referrals';
import { attachScan, saveEvaluation, saveEvent, saveProgramme } from '../../src/renderer/src/db/programmes';
import { searchEverything } from '../../src/renderer/src/db/search';
import { STORES_V9 } from '../../src/renderer/src/db/schema';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { allTables, newDbName, testDataKey, unlocked, withDb, withSetUpDb } from '../fixtures/testDb';
import { rawStoreText } from './rawStoreScan';
import { addResponse, saveQuestionSet } from '../../src/renderer/src/db/evaluations';

const PLANTED = {
  firstName: 'Zdenkaplanta',
  lastName: 'Vrbanićplant',
  phone: '+385 91 765 4321',
  email: 'planted.person@example.org',
  notes: 'Planted note: left a violent partner in March',
  outcomeNote: 'Planted outcome note about her new bakery',
  sessionNote: 'Planted mentoring log note: talked about debts',
  sessionTopics: 'Planted topics of the session',
  evaluationComment: 'Planted evaluation comment by a participant',
  evaluationAnswer: 'Planted anonymous answer: my husband would not let me come',
  questionWording: 'Planted question wording about the safe house',
  scanName: 'planted-sign-in-sheet-Vrbanić.png',
  institution: 'Planted Centre for Social Work Koprivnica',
  referralReason: 'Planted referral reason: eviction notice, needs one-off assistance',
  referralContact: 'Planted contact: Ivana Socijalnić, 048 555 999',
  referralInstitution: 'Planted legal aid office Plantograd',
  referralOutcome: 'Planted referral outcome: legal aid lawyer took her case',
};

async function setUp(db: MrezaDb): Promise<Actor> {
  // Staff names are plain by design (the lock screen lists them): none of the planted or demo names.
  const { user } = await setUpOrganisation(db, {
    name: 'Udruga Test',
    country: 'HR',
    town: 'Varaždin',
    role: 'lead',
    language: 'hr',
    userName: 'Koordinatorica Testna',
  });
  return { userId: user.id, userName: user.name, role: user.role };
}

/** Everything a demo session writes: demo data, a person with planted details, her outcome, a programme, mentoring, exchange keys and the project secret. */
async function demoSession(db: MrezaDb, actor: Actor) {
  await loadDemoData(db, actor);
  const org = (await db.organisations.filter((o) => o.isSelf).first())!;
  const person = await createPerson(
    db,
    actor,
    {
      kind: 'beneficiary',
      firstName: PLANTED.firstName,
      lastName: PLANTED.lastName,
      gender: 'woman',
      birthYear: 1987,
      municipality: 'Koprivnica',
      phone: PLANTED.phone,
      email: PLANTED.email,
      notes: PLANTED.notes,
      targetGroups: ['violenceSurvivor'],
    },
    { legalBasis: 'consent', date: '2026-03-02', noticeVersion: '2026-01', processing: true, specialCategories: true, shareWithLead: false, photos: false },
  );
  await addOutcome(db, actor, person.id, { kind: 'selfEmployed', date: '2026-05-01', note: PLANTED.outcomeNote });
  const referral = await createReferral(db, actor, {
    personId: person.id,
    kind: 'legalAid',
    institution: PLANTED.referralInstitution,
    date: '2026-03-02',
    reason: PLANTED.referralReason,
    contactPerson: PLANTED.referralContact,
    followUpOn: '2026-03-09',
  });
  await changeReferralStatus(db, actor, referral.id, { to: 'accepted', date: '2026-03-03' });
  await changeReferralStatus(db, actor, referral.id, { to: 'serviceStarted', date: '2026-03-04' });
  await changeReferralStatus(db, actor, referral.id, { to: 'closed', date: '2026-03-05', outcome: PLANTED.referralOutcome });
  const mentorPerson = await createPerson(db, actor, {
    kind: 'professional',
    firstName: 'Plantedmentor',
    lastName: 'Mentorićplant',
    gender: 'woman',
    institution: PLANTED.institution,
    targetGroups: [],
  });
  const mentor = await saveMentor(db, actor, {
    personId: mentorPerson.id,
    expertise: ['psychosocial'],
    sectors: [],
    languages: ['hr'],
    remote: false,
    capacity: 2,
    active: true,
  });
  await saveMenteeProfile(db, actor, {
    personId: person.id,
    stage: 'idea',
    needs: ['psychosocial'],
    languages: ['hr'],
    remote: false,
    mentorGender: 'any',
    avoidPersonIds: [],
    notes: PLANTED.notes,
  });
  const [match] = await acceptPairs(db, actor, [{ menteeId: person.id, mentorId: mentor.id, score: 0.9 }]);
  await logSession(db, actor, {
    matchId: match!.id,
    date: '2026-03-04',
    minutes: 60,
    mode: 'inPerson',
    services: ['psychosocialSupport'],
    topics: PLANTED.sessionTopics,
    note: PLANTED.sessionNote,
  });
  const programme = await saveProgramme(db, actor, {
    kind: 'badge',
    title: 'Planted programme title',
    partnerOrgIds: [],
    completionRule: { type: 'minShare', minShare: 0.8 },
  });
  const event = await saveEvent(db, actor, { programmeId: programme.id, kind: 'workshop', title: 'Planted workshop', trainers: ['Plantedtrainer Trenerić'] }, [
    { date: '2026-03-10', start: '10:00', end: '12:00', venue: 'Planted venue', town: 'Koprivnica', country: 'HR' },
  ]);
  const session = (await db.sessions.where('eventId').equals(event.id).first())!;
  await saveEvaluation(db, actor, event.id, person.id, { comment: PLANTED.evaluationComment });
  // An anonymous paper form's answer in words, on a form with a reworded question: both typed text.
  await saveQuestionSet(db, actor, programme.id, {
    scaleMax: 5,
    questions: [
      { key: 'content', kind: 'scale', text: PLANTED.questionWording },
      { key: 'suggestions', kind: 'text' },
    ],
  });
  await addResponse(db, actor, event.id, { scores: { content: 4 }, answers: { suggestions: PLANTED.evaluationAnswer } });
  await attachScan(db, actor, session.id, PLANTED.scanName, new TextEncoder().encode('PNG with planted signatures'));
  await createLeadProject(db, actor, org, 'Planted project');
  await ensureIdentity(db);
  const stored = (await db.exchange.get('identity')) as ExchangeIdentity;
  const secret = (await getLinkageSecret(db))!.secret;
  const privateKeys = [stored.keys.signPrivate, stored.keys.encryptPrivate].map((jwk) => String((jwk as { d?: unknown }).d));
  expect(privateKeys.every((d) => d.length > 20)).toBe(true);
  return { person, secret, privateKeys };
}

describe('encryption at rest: what IndexedDB holds', () => {
  it('after a full demo session, no store or index read through raw IndexedDB holds a planted name, phone, e-mail, note, key or secret, nor any demo name', async () => {
    await withDb(async (db, name) => {
      const actor = await setUp(db);
      const { secret, privateKeys } = await demoSession(db, actor);
      const people = await peopleForList(db, actor);
      expect(people.length).toBeGreaterThan(20);
      // An erasure: the ledger beside the store (kept outside backups) learns of it, by id only.
      const erased = people.find((p) => p.phone !== PLANTED.phone)!;
      await erasePerson(db, actor, erased.id);
      const ledger = await rawStoreText(`${name}-ledger`);
      expect(ledger.rows).toBeGreaterThan(0);
      const { text: storeText, stores, rows } = await rawStoreText(name);
      const text = `${storeText}\n${ledger.text}`;
      expect(stores).toEqual(expect.arrayContaining(['people', 'mentoringSessions', 'exchange', 'settings', 'auditLog', 'atRest', 'referrals']));
      expect(rows).toBeGreaterThan(100);
      const planted = [...Object.values(PLANTED), secret, ...privateKeys, 'Plantedmentor', 'Mentorićplant', 'Plantedtrainer'];
      const demoNames = [...new Set(people.flatMap((p) => [`${p.firstName} ${p.lastName}`, p.lastName]))];
      for (const s of [...planted, ...demoNames]) expect(text.includes(s), `"${s}" is in IndexedDB as plain text`).toBe(false);
      // ...while the app, unlocked, reads every one of them.
      expect(people.map((p) => p.phone)).toContain(PLANTED.phone);
      expect(JSON.stringify(await allTables(db))).toContain(PLANTED.sessionNote);
      expect(JSON.stringify(await allTables(db))).toContain(PLANTED.referralReason);
    });
  });

  it('the proof is not empty: the same rows stored without the encryption layer show the planted strings', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await demoSession(db, actor);
      const rows = await allTables(db);
      const name = newDbName();
      const plain = new Dexie(name);
      plain.version(1).stores(STORES_V9);
      try {
        await plain.open();
        await plain.transaction('rw', plain.tables, async () => {
          for (const [table, list] of Object.entries(rows)) await plain.table(table).bulkAdd(list);
        });
        const { text } = await rawStoreText(name);
        for (const s of [
          PLANTED.phone,
          PLANTED.email,
          PLANTED.notes,
          PLANTED.sessionNote,
          PLANTED.lastName,
          PLANTED.evaluationAnswer,
          PLANTED.referralReason,
          PLANTED.referralContact,
        ])
          expect(text).toContain(s);
      } finally {
        plain.close();
        await Dexie.delete(name);
      }
    });
  });

  it('keeps plain only ids, dates, codes and what the lock screen needs; indexes of people hold no names', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, {
        kind: 'beneficiary',
        firstName: 'Ana',
        lastName: 'Kovačević',
        gender: 'woman',
        municipality: 'Čakovec',
        phone: '091 111 2222',
        targetGroups: [],
      });
      const stored = (await rawRow(db.name, 'people', p.id))!;
      expect(Object.keys(stored).sort()).toEqual([SEALED_FIELD, 'anonymised', 'createdAt', 'gender', 'id', 'kind', 'orgId', 'updatedAt'].sort());
      expect(stored[SEALED_FIELD]).toBeInstanceOf(Uint8Array);
      expect(db.people.schema.indexes.map((i) => i.name).sort()).toEqual(['gender', 'kind', 'orgId', 'updatedAt']);
      // The lock screen's rows stay readable: the own organisation, users, app settings.
      const org = (await rawRow(db.name, 'organisations', (await db.organisations.toArray())[0]!.id))!;
      expect(org.name).toBe('Udruga Mreža');
      expect((await rawRow(db.name, 'settings', 'app'))!.language).toBe('hr');
    });
  });
});

async function rawPut(name: string, store: string, row: Record<string, unknown>): Promise<void> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(store, 'readwrite');
      tx.objectStore(store).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    });
  } finally {
    idb.close();
  }
}

/** One row as IndexedDB holds it (raw API). */
async function rawRow(name: string, store: string, key: string): Promise<Record<string, unknown> | undefined> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  try {
    return await new Promise((resolve, reject) => {
      const req = idb.transaction(store).objectStore(store).get(key);
      req.onsuccess = () => resolve(req.result as Record<string, unknown> | undefined);
      req.onerror = () => reject(req.error ?? new Error('get failed'));
    });
  } finally {
    idb.close();
  }
}

describe('encryption at rest: locked means no key', () => {
  it('locked, a sealed row cannot be read (LockedError, never ciphertext) and nothing with fields to seal can be written; unlocking restores everything', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createPerson(db, actor, {
        kind: 'beneficiary',
        firstName: 'Ana',
        lastName: 'Kovačević',
        gender: 'woman',
        phone: '091 111 2222',
        targetGroups: [],
      });
      const key = getDataKey(db)!;
      const before = await allTables(db);
      dropDataKey(db);
      expect(getDataKey(db)).toBeUndefined();
      await expect(db.people.get(p.id)).rejects.toBeInstanceOf(LockedError);
      await expect(db.people.toArray()).rejects.toBeInstanceOf(LockedError);
      await expect(db.people.bulkGet([p.id])).rejects.toBeInstanceOf(LockedError);
      await expect(db.people.filter(() => true).toArray()).rejects.toBeInstanceOf(LockedError);
      await expect(searchEverything(db, actor, 'kovac')).rejects.toBeInstanceOf(LockedError);
      await expect(
        createPerson(db, actor, { kind: 'beneficiary', firstName: 'Iva', lastName: 'Novak', gender: 'woman', targetGroups: [] }),
      ).rejects.toBeInstanceOf(LockedError);
      await expect(db.people.toCollection().modify({ notes: 'x' })).rejects.toThrow();
      // The lock screen's reads still work: users, settings, the own organisation.
      expect((await db.users.toArray()).map((u) => u.name)).toEqual(['Marija Horvat']);
      expect((await db.settings.get('app'))?.language).toBe('hr');
      expect(await db.organisations.filter((o) => o.isSelf).count()).toBe(1);
      await setDataKey(db, key);
      expect(await allTables(db)).toEqual(before);
      expect((await searchEverything(db, actor, 'kovac')).map((h) => h.id)).toEqual([p.id]);
    });
  });

  it('a change that needs the data key while locked (a new passphrase wrap) throws the same LockedError, with the code the UI translates', async () => {
    await withSetUpDb(async (db) => {
      dropDataKey(db);
      let thrown: unknown;
      try {
        requireDataKey(db);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LockedError);
      expect(thrown).toBeInstanceOf(AtRestError);
      expect(thrown).toMatchObject({ code: 'locked' });
    });
  });

  it('a wrong key is refused at once and changes nothing; the right one opens', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Kovačević', gender: 'woman', targetGroups: [] });
      const key = getDataKey(db)!;
      const before = await allTables(db);
      dropDataKey(db);
      await expect(setDataKey(db, testDataKey())).rejects.toMatchObject({ code: 'wrongKey' });
      expect(getDataKey(db)).toBeUndefined();
      await expect(db.people.toArray()).rejects.toBeInstanceOf(LockedError);
      await expect(setDataKey(db, new Uint8Array(16))).rejects.toThrow(TypeError);
      await setDataKey(db, key);
      expect(await allTables(db)).toEqual(before);
    });
  });

  it('once encrypted, a store never takes plain text again: not after a reopen without a key', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Kovačević', gender: 'woman', targetGroups: [] });
      const reopened = createDb(db.name);
      try {
        await reopened.open();
        await expect(
          createPerson(reopened, actor, { kind: 'beneficiary', firstName: 'Iva', lastName: 'Novak', phone: '091 000 0000', gender: 'woman', targetGroups: [] }),
        ).rejects.toBeInstanceOf(LockedError);
        await expect(reopened.people.toArray()).rejects.toBeInstanceOf(LockedError);
      } finally {
        reopened.close();
      }
      expect(await db.people.count()).toBe(1);
    });
  });

  it('a store never encrypted refuses rows with anything to seal until the key arrives, while setup works before sign-in', async () => {
    const name = newDbName();
    const db = createDb(name);
    try {
      await db.open();
      const actor = await setUp(db); // organisation, first user, settings: nothing to seal
      await expect(
        createPerson(db, actor, { kind: 'beneficiary', firstName: 'Iva', lastName: 'Novak', gender: 'woman', targetGroups: [] }),
      ).rejects.toBeInstanceOf(LockedError);
      await unlocked(db);
      await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Iva', lastName: 'Novak', gender: 'woman', targetGroups: [] });
      expect((await rawStoreText(name)).text).not.toContain('Novak');
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('a sealed value moved to another row is refused, not read as that row; the rest still opens', async () => {
    const name = newDbName();
    const db = createDb(name);
    try {
      await db.open();
      const key = await unlocked(db);
      const actor = await setUp(db);
      const a = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Kovačević', gender: 'woman', targetGroups: [] });
      const b = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Iva', lastName: 'Novak', gender: 'woman', targetGroups: [] });
      const rawA = (await rawRow(name, 'people', a.id))!;
      await rawPut(name, 'people', { ...(await rawRow(name, 'people', b.id))!, [SEALED_FIELD]: rawA[SEALED_FIELD] });
      dropDataKey(db);
      await setDataKey(db, key); // one damaged row does not keep anyone out
      await expect(db.people.get(b.id)).rejects.toBeInstanceOf(AtRestTamperedError);
      expect((await db.people.get(a.id))?.lastName).toBe('Kovačević');
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
