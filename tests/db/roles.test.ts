import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ActorRole } from '@shared/auth/permissions';
import type { Organisation } from '@shared/model';

// Files go through main in the app; here the bridge only says where they "went".
vi.mock('../../src/renderer/src/platform', () => ({
  isElectron: false,
  platform: {
    invoke: async (channel: string) => {
      if (channel === 'file:save') return { fileName: 'saved.file' };
      if (channel === 'backup:write') return { fileName: 'mreza-backup.json.gz', createdAt: new Date().toISOString(), size: 1, reason: 'manual' };
      throw new Error(`unexpected channel ${channel}`);
    },
    on: () => () => undefined,
  },
}));

import { actorOf, SYSTEM_ACTOR, type Actor } from '../../src/renderer/src/db/actor';
import { recordSharingBasis, undoSharingBasis } from '../../src/renderer/src/db/sharing';
import { queryAudit } from '../../src/renderer/src/db/audit';
import { verifyAuditLog } from '../../src/renderer/src/db/auditChain';
import { backupBytes, clearAllData, restoreBackup } from '../../src/renderer/src/db/backup';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { createLeadProject, invitationFile, joinProject } from '../../src/renderer/src/db/exchange';
import { commitBundleImport, keyFileSaved, leadKeyFile, previewBundleImport } from '../../src/renderer/src/db/bundleImport';
import { exportBundle } from '../../src/renderer/src/db/partnerExport';
import { loadReportDataset, peopleByIds } from '../../src/renderer/src/db/indicators';
import { logSession, matchRows, saveMentoringSettings, sessionRows } from '../../src/renderer/src/db/mentoring';
import { exportMentorPack } from '../../src/renderer/src/db/mentorPacks';
import {
  anonymisePerson,
  createPerson,
  erasePerson,
  logPeopleExport,
  mergePeople,
  peopleForList,
  personDossier,
  updatePerson,
} from '../../src/renderer/src/db/people';
import { ForbiddenError } from '../../src/renderer/src/db/permissions';
import { addResponse, importResponses, loadEvaluationSummaries, loadEventResponses, saveQuestionSet } from '../../src/renderer/src/db/evaluations';
import { loadEventDetail, saveProgramme } from '../../src/renderer/src/db/programmes';
import { commitOrganisationImport, createOrganisation, deleteOrganisation, listRegister, updateOrganisation } from '../../src/renderer/src/db/organisations';
import { createRecord, updateRecord } from '../../src/renderer/src/db/records';
import { searchEverything, searchPeople } from '../../src/renderer/src/db/search';
import { saveSettings } from '../../src/renderer/src/db/settings';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { giveKeyring, TEST_PASSPHRASE, unlocked } from '../fixtures/testDb';
import { addUser, setPassphrase } from '../../src/renderer/src/db/users';
import { exportPeopleList } from '../../src/renderer/src/features/participants/exportPeople';
import { saveReport } from '../../src/renderer/src/features/reports/exportReport';
import { backupToFile, clearWithSafetyCopy, restoreWithSafetyCopy, writeBackup } from '../../src/renderer/src/features/backups/actions';
import { newDbName } from '../fixtures/testDb';

const PASS = 'kukuruz-i-sunce-2026';
const opened: MrezaDb[] = [];

afterAll(async () => {
  for (const db of opened) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function installation(name: string, role: 'lead' | 'partner'): Promise<{ db: MrezaDb; org: Organisation; coordinator: Actor }> {
  const db = createDb(newDbName());
  opened.push(db);
  await db.open();
  await unlocked(db); // signed in: the data key is held, as in the app
  const { org, user } = await setUpOrganisation(db, { name, country: 'HR', town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  return { db, org, coordinator: actorOf(user) };
}

/**
 * A lead with a project and a partner that joined it, with demo data, a user of every role and a
 * mentor user whose mentor record has one mentee (Ana) and not another person (Bora).
 */
async function world() {
  const lead = await installation('Udruga Nositelj', 'lead');
  await createLeadProject(lead.db, lead.coordinator, lead.org, 'BADGE 2026');
  const partner = await installation('Udruga Korak', 'partner');
  const { db, coordinator } = partner;
  await joinProject(db, coordinator, await invitationFile(lead.db, lead.coordinator, PASS), PASS, 'invite.mreza-invite');
  await loadDemoData(db, coordinator);
  const ana = await createPerson(db, coordinator, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Mentija', gender: 'woman' });
  const bora = await createPerson(db, coordinator, { kind: 'beneficiary', firstName: 'Bora', lastName: 'Drugić', gender: 'woman' });
  const mira = await createPerson(db, coordinator, { kind: 'professional', firstName: 'Mira', lastName: 'Mentorić', gender: 'woman' });
  const mentor = await createRecord(db, coordinator, 'mentors', { personId: mira.id, capacity: 3 });
  const own = await createRecord(db, coordinator, 'matches', { mentorId: mentor.id, menteeId: ana.id, status: 'active' });
  const otherMentor = await createRecord(db, coordinator, 'mentors', { personId: bora.id, capacity: 1 });
  const other = await createRecord(db, coordinator, 'matches', {
    mentorId: otherMentor.id,
    menteeId: (await db.people.toArray()).find((p) => p.kind === 'beneficiary' && p.id !== ana.id && p.id !== bora.id)!.id,
    status: 'active',
  });
  const actors: Record<ActorRole, Actor> = { coordinator, system: SYSTEM_ACTOR } as Record<ActorRole, Actor>;
  for (const role of ['staff', 'mentor', 'viewer'] as const) {
    const user = await addUser(db, coordinator, { name: `Korisnica ${role}`, role });
    actors[role] = actorOf(role === 'mentor' ? await updateRecord(db, coordinator, 'users', user.id, { mentorId: mentor.id }) : user);
  }
  const event = (await db.events.toArray())[0]!;
  // Backups are encrypted with the data key: the coordinator signs in with her passphrase, as in the app.
  await giveKeyring(db, { id: coordinator.userId! });
  return { lead, partner, actors, ana, bora, own, other, mentor, event };
}

type World = Awaited<ReturnType<typeof world>>;
type Outcome = 'allowed' | 'forbidden';

/** Every guarded entry point, called as the user would through the real functions. */
function actions(w: World): Array<[string, (a: Actor) => Promise<unknown>]> {
  const { db, org } = w.partner;
  const fresh = () =>
    createPerson(db, w.partner.coordinator, { kind: 'beneficiary', firstName: 'Nova', lastName: `Osoba ${crypto.randomUUID().slice(0, 4)}`, gender: 'woman' });
  const minimal = { kind: 'beneficiary' as const, firstName: 'Bora', lastName: 'Drugić', gender: 'woman' as const };
  const employer = { name: 'Pekara Mlinar d.o.o.', kind: 'sme' as const, country: 'HR' as const, town: 'Varaždin', supportedOn: '2026-05-12', jobsCreated: 2 };
  return [
    ['read people: the list', (a) => peopleForList(db, a)],
    ['read people: her own mentee', (a) => personDossier(db, a, w.ana.id)],
    ['read people: anyone else', (a) => personDossier(db, a, w.bora.id)],
    ['read people: search', (a) => searchPeople(db, a, 'Dru')],
    ['read people: event participants', (a) => loadEventDetail(db, a, w.event.id)],
    ['read people: behind a figure', (a) => peopleByIds(db, a, [w.bora.id])],
    ['read people: matches', (a) => matchRows(db, a)],
    ['reports', (a) => loadReportDataset(db, a)],
    ['edit: add a person', (a) => createPerson(db, a, { ...minimal, firstName: 'Dodana' })],
    ['edit: change a person', (a) => updatePerson(db, a, w.bora.id, { ...minimal, municipality: 'Prelog' })],
    ['edit: merge', async (a) => mergePeople(db, a, (await fresh()).id, (await fresh()).id)],
    [
      'edit: record the basis for sharing in bulk',
      async (a) => recordSharingBasis(db, a, [(await fresh()).id], { legalBasis: 'consent', date: '2026-03-01', noticeVersion: '1.0' }),
    ],
    [
      'edit: undo a bulk sharing basis',
      async (a) =>
        undoSharingBasis(
          db,
          a,
          (await recordSharingBasis(db, w.partner.coordinator, [(await fresh()).id], { legalBasis: 'consent', date: '2026-03-01', noticeVersion: '1.0' }))
            .batch!.id,
        ),
    ],
    ['edit: a programme', (a) => saveProgramme(db, a, { kind: 'badge', title: `Program ${a.role}` })],
    ['evaluations: enter an anonymous response', async (a) => addResponse(db, a, (await db.events.toCollection().first())!.id, { scores: { content: 4 } })],
    [
      'evaluations: import responses',
      async (a) => importResponses(db, a, (await db.events.toCollection().first())!.id, 'obrazac.csv', [{ scores: { content: 5 }, receivedAt: `${a.role} 1` }]),
    ],
    [
      'evaluations: change the questions',
      async (a) => saveQuestionSet(db, a, (await db.programmes.toCollection().first())!.id, { scaleMax: 5, questions: [{ key: 'content', kind: 'scale' }] }),
    ],
    ['evaluations: read the responses', async (a) => loadEventResponses(db, a, (await db.events.toCollection().first())!.id)],
    [
      'evaluations: read the summaries',
      async (a) => {
        const event = (await db.events.toCollection().first())!;
        return loadEvaluationSummaries(db, a, { eventIds: [event.id], programmeId: event.programmeId });
      },
    ],
    ['organisations: read the register', (a) => listRegister(db, a)],
    ['organisations: add', (a) => createOrganisation(db, a, { ...employer, name: `MSP ${a.role}` })],
    [
      'organisations: change',
      async (a) => updateOrganisation(db, a, (await createOrganisation(db, w.partner.coordinator, employer)).id, { ...employer, jobsCreated: 3 }),
    ],
    ['organisations: delete', async (a) => deleteOrganisation(db, a, (await createOrganisation(db, w.partner.coordinator, employer)).id)],
    ['organisations: import', (a) => commitOrganisationImport(db, a, 'poslodavci.csv', [{ row: 2, draft: { ...employer, name: `Uvezeni ${a.role}` } }])],
    [
      'log a session: her own match',
      (a) => logSession(db, a, { matchId: w.own.id, date: '2026-02-01', minutes: 30, mode: 'phone', services: ['businessCounselling'] }),
    ],
    [
      'log a session: another match',
      (a) => logSession(db, a, { matchId: w.other.id, date: '2026-02-01', minutes: 30, mode: 'phone', services: ['businessCounselling'] }),
    ],
    ['erase', async (a) => erasePerson(db, a, (await fresh()).id)],
    ['anonymise', async (a) => anonymisePerson(db, a, (await fresh()).id)],
    ['export list (CSV)', (a) => exportPeopleList(db, a, [['Ime'], ['Ana']], 'csv', 'popis.csv', 'Popis')],
    ['export list: audit', (a) => logPeopleExport(db, a, 'popis.csv', 1)],
    ['export a mentor pack', (a) => exportMentorPack(db, a, org, w.mentor.id, PASS)],
    ['export report', (a) => saveReport(a, 'csv', [], 'izvjestaj')],
    ['bundle: aggregate', (a) => exportBundle(db, a, org, { privacy: 'aggregate', dryRun: true })],
    ['bundle: pseudonymised', (a) => exportBundle(db, a, org, { privacy: 'pseudonymised', dryRun: true })],
    ['bundle: full', (a) => exportBundle(db, a, org, { privacy: 'full', acknowledgedRisk: true, confirmedFullList: true, dryRun: true })],
    ['lead: import bundles', async (a) => commitBundleImport(w.lead.db, a, w.lead.org, await previewBundleImport(w.lead.db, []))],
    ['lead: key file', (a) => leadKeyFile(w.lead.db, a, w.lead.org, PASS)],
    ['lead: key file saved', (a) => keyFileSaved(w.lead.db, a, 'kljuc.mreza-key')],
    ['lead: invitation', (a) => invitationFile(w.lead.db, a, PASS)],
    ['backup: automatic', (a) => writeBackup(db, 'auto', a)],
    ['backup: now', (a) => writeBackup(db, 'manual', a)],
    ['backup: save to file', (a) => backupToFile(db, a, org.name)],
    ['backup: restore', async (a) => restoreWithSafetyCopy(db, a, await backupBytes(db), 'kopija.json.gz')],
    ['backup: restore (db)', async (a) => restoreBackup(db, a, await backupBytes(db), 'kopija.json.gz')],
    ['users: add', (a) => addUser(db, a, { name: `Nova ${a.role}`, role: 'viewer', passphrase: TEST_PASSPHRASE })],
    ['users: disable someone', async (a) => updateRecord(db, a, 'users', (await db.users.filter((u) => u.role === 'viewer').first())!.id, { disabled: false })],
    [
      'users: someone else\u2019s passphrase',
      async (a) => setPassphrase(db, a, (await db.users.filter((u) => u.id !== a.userId).first())!.id, 'dugacka lozinka 2026'),
    ],
    ['settings: organisation', (a) => updateRecord(db, a, 'organisations', org.id, { town: 'Varaždin' })],
    ['settings: suppression threshold', (a) => saveSettings(db, a, { suppressionThreshold: 6 })],
    ['settings: matching', (a) => saveMentoringSettings(db, a, { staleWeeks: 5 })],
    ['settings: own language', (a) => saveSettings(db, a, { language: 'sl' })],
    ['audit log: read', (a) => queryAudit(db, a, {})],
    ['audit log: verify', (a) => verifyAuditLog(db, a)],
    // Destructive: last.
    ['clear all data', (a) => clearWithSafetyCopy(db, a)],
    ['clear all data (db)', (a) => clearAllData(db, a)],
  ];
}

const Y: Outcome = 'allowed';
const N: Outcome = 'forbidden';
/** The expected table, written out (not derived from PERMISSION_TABLE, so a slip there shows here). */
const EXPECTED: Record<string, Record<ActorRole, Outcome>> = {
  'read people: the list': { coordinator: Y, staff: Y, mentor: Y, viewer: N, system: N },
  'read people: her own mentee': { coordinator: Y, staff: Y, mentor: Y, viewer: N, system: N },
  'read people: anyone else': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'read people: search': { coordinator: Y, staff: Y, mentor: Y, viewer: N, system: N },
  'read people: event participants': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'read people: behind a figure': { coordinator: Y, staff: Y, mentor: Y, viewer: N, system: N },
  'read people: matches': { coordinator: Y, staff: Y, mentor: Y, viewer: N, system: N },
  reports: { coordinator: Y, staff: Y, mentor: N, viewer: Y, system: N },
  'edit: add a person': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'edit: change a person': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'edit: merge': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'edit: record the basis for sharing in bulk': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'edit: undo a bulk sharing basis': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'edit: a programme': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'evaluations: enter an anonymous response': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'evaluations: import responses': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'evaluations: change the questions': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'evaluations: read the responses': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'evaluations: read the summaries': { coordinator: Y, staff: Y, mentor: N, viewer: Y, system: N },
  'organisations: read the register': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'organisations: add': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'organisations: change': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'organisations: delete': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'organisations: import': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'log a session: her own match': { coordinator: Y, staff: Y, mentor: Y, viewer: N, system: N },
  'log a session: another match': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  erase: { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  anonymise: { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'export list (CSV)': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'export list: audit': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'export a mentor pack': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'export report': { coordinator: Y, staff: Y, mentor: N, viewer: Y, system: N },
  'bundle: aggregate': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'bundle: pseudonymised': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'bundle: full': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'lead: import bundles': { coordinator: Y, staff: Y, mentor: N, viewer: N, system: N },
  'lead: key file': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'lead: key file saved': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'lead: invitation': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'backup: automatic': { coordinator: Y, staff: Y, mentor: Y, viewer: Y, system: Y },
  'backup: now': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'backup: save to file': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'backup: restore': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'backup: restore (db)': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'users: add': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'users: disable someone': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'users: someone else\u2019s passphrase': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'settings: organisation': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'settings: suppression threshold': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'settings: matching': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'settings: own language': { coordinator: Y, staff: Y, mentor: Y, viewer: Y, system: Y },
  'audit log: read': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'audit log: verify': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'clear all data': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
  'clear all data (db)': { coordinator: Y, staff: N, mentor: N, viewer: N, system: N },
};

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return 'allowed';
  } catch (e) {
    // Anything but a refusal by role is a failure of the test itself, shown with its message.
    return e instanceof ForbiddenError ? 'forbidden' : `error: ${(e as Error).message}`;
  }
}

describe('roles are enforced where data is read and written (#15 item 4)', () => {
  it.each(['coordinator', 'staff', 'mentor', 'viewer', 'system'] as const)(
    'every guarded action as %s',
    async (role) => {
      const w = await world();
      const actor = w.actors[role];
      const got: Record<string, Outcome | string> = {};
      const want: Record<string, Outcome> = {};
      for (const [name, run] of actions(w)) {
        got[name] = await outcomeOf(() => run(actor));
        want[name] = EXPECTED[name]![role];
      }
      expect(got).toEqual(want);
    },
    120_000,
  );

  it('a refusal changes nothing', async () => {
    const w = await world();
    const { db } = w.partner;
    const before = await db.people.count();
    const log = await db.auditLog.count();
    await expect(erasePerson(db, w.actors.staff, w.bora.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPerson(db, w.actors.viewer, { kind: 'beneficiary', firstName: 'X', lastName: 'Y', gender: 'woman' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.people.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(log);
  }, 60_000);

  it('a mentor reads only her own mentees and matches; a viewer finds no names, programmes only', async () => {
    const w = await world();
    const { db } = w.partner;
    const mentor = w.actors.mentor;
    expect((await peopleForList(db, mentor)).map((p) => p.firstName).sort()).toEqual(['Ana', 'Mira']);
    expect((await searchEverything(db, mentor, 'Drugić')).filter((h) => h.kind === 'person')).toEqual([]);
    expect((await searchEverything(db, mentor, 'Mentija')).map((h) => h.label)).toEqual(['Ana Mentija']);
    expect((await matchRows(db, mentor)).map((r) => r.match.id)).toEqual([w.own.id]);
    // Asking for another mentor's rows still gives only her own.
    expect((await sessionRows(db, mentor, { mentorId: w.other.mentorId })).every((r) => r.match.id === w.own.id)).toBe(true);
    expect(await peopleByIds(db, mentor, [w.ana.id, w.bora.id])).toEqual([expect.objectContaining({ id: w.ana.id })]);

    const viewer = w.actors.viewer;
    const programme = (await db.programmes.toArray())[0]!;
    const hits = await searchEverything(db, viewer, programme.title.slice(0, 5));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'programme')).toBe(true);
    expect(await searchEverything(db, viewer, 'Drugić')).toEqual([]);
    // Aggregated figures are hers.
    expect((await loadReportDataset(db, viewer)).dataset.people.length).toBeGreaterThan(0);
  }, 60_000);

  it('an actor without a role (a caller that forgot it) is refused', async () => {
    const w = await world();
    const noRole = { userName: 'Netko' } as unknown as Actor;
    await expect(peopleForList(w.partner.db, noRole)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(erasePerson(w.partner.db, noRole, w.bora.id)).rejects.toBeInstanceOf(ForbiddenError);
  }, 60_000);
});
