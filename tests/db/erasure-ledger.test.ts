import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { keysToConfirm } from '@shared/consolidate';
import type { Organisation } from '@shared/model';
import { actorOf, type Actor } from '../../src/renderer/src/db/actor';
import { backupBytes, restoreBackup, takeSnapshot } from '../../src/renderer/src/db/backup';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { createLeadProject, invitationFile, joinProject } from '../../src/renderer/src/db/exchange';
import { commitBundleImport, previewBundleImport } from '../../src/renderer/src/db/bundleImport';
import { exportBundle } from '../../src/renderer/src/db/partnerExport';
import { loadReportDataset } from '../../src/renderer/src/db/indicators';
import { deleteLedger, erasureLedger } from '../../src/renderer/src/db/ledger';
import { anonymisePerson, erasePerson, peopleForList } from '../../src/renderer/src/db/people';
import { searchEverything, searchPeople } from '../../src/renderer/src/db/search';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { giveKeyring, unlocked } from '../fixtures/testDb';
import { newDbName } from '../fixtures/testDb';

const PASS = 'kukuruz-i-sunce-2026';
let opened: MrezaDb[] = [];

afterEach(async () => {
  for (const db of opened) {
    await deleteLedger(db);
    db.close();
    await Dexie.delete(db.name);
  }
  opened = [];
});

async function installation(name: string, role: 'lead' | 'partner'): Promise<{ db: MrezaDb; org: Organisation; actor: Actor }> {
  const db = createDb(newDbName());
  opened.push(db);
  await db.open();
  await unlocked(db); // signed in: the data key is held, as in the app
  const { org, user } = await setUpOrganisation(db, { name, country: 'HR', town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  // Backups are encrypted with the data key: she signs in with her passphrase, as in the app.
  await giveKeyring(db, user);
  return { db, org, actor: actorOf(user) };
}

/** A partner with demo data that joined a lead's project; "she" is a demo participant with links in several tables who consented to sharing. */
async function setting() {
  const lead = await installation('Udruga Nositelj', 'lead');
  await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
  const partner = await installation('Udruga Korak', 'partner');
  await joinProject(partner.db, partner.actor, await invitationFile(lead.db, lead.actor, PASS), PASS, 'invite.mreza-invite');
  await loadDemoData(partner.db, partner.actor);
  const enrolled = new Set((await partner.db.enrolments.toArray()).map((e) => e.personId));
  const sharing = new Set((await partner.db.consents.toArray()).filter((c) => c.shareWithLead && !c.withdrawnAt).map((c) => c.personId));
  const her = (await partner.db.people.toArray()).find((p) => enrolled.has(p.id) && sharing.has(p.id) && !p.anonymised)!;
  return { lead, partner, her };
}

/** The partner's full-level bundle, imported at the lead: what the lead then holds of this partner. */
async function sendToLead(s: Awaited<ReturnType<typeof setting>>) {
  await new Promise((r) => setTimeout(r, 5));
  const w = await exportBundle(s.partner.db, s.partner.actor, s.partner.org, { privacy: 'full', acknowledgedRisk: true, confirmedFullList: true });
  const preview = await previewBundleImport(s.lead.db, [{ fileName: w.fileName, data: w.bytes }]);
  await commitBundleImport(s.lead.db, s.lead.actor, s.lead.org, preview, { confirmedKeys: keysToConfirm(preview.plan) });
  const slice = (await s.lead.db.partnerSlices.toArray())[0]!;
  return { manifest: w.manifest, slice };
}

const linkedTables = ['consents', 'outcomes', 'enrolments', 'attendance', 'certificates', 'evaluations', 'menteeProfiles'] as const;

describe('the erasure ledger outlives a restore (#15 item 5)', () => {
  it('attack: erase her, restore an older backup that holds her: she stays gone from people, search, reports and the next bundle, and the lead is told again', async () => {
    const s = await setting();
    const { db, actor } = s.partner;
    const name = `${s.her.firstName} ${s.her.lastName}`;
    const older = await backupBytes(db); // taken while she was there
    expect((await takeSnapshot(db)).tables.people.some((p) => (p as { id: string }).id === s.her.id)).toBe(true);

    await erasePerson(db, actor, s.her.id);
    expect(await erasureLedger(db)).toEqual([expect.objectContaining({ personId: s.her.id, kind: 'erased' })]);
    // The ledger holds her id and nothing that identifies her.
    expect(JSON.stringify(await erasureLedger(db))).not.toContain(s.her.lastName);

    await restoreBackup(db, actor, older, 'older.json.gz');

    expect(await db.people.get(s.her.id)).toBeUndefined();
    for (const t of linkedTables) expect(await db.table(t).where('personId').equals(s.her.id).count(), t).toBe(0);
    expect(await db.matches.where('menteeId').equals(s.her.id).count()).toBe(0);
    expect((await searchEverything(db, actor, name)).filter((h) => h.id === s.her.id)).toEqual([]);
    expect(await searchPeople(db, actor, s.her.lastName)).not.toContainEqual(expect.objectContaining({ id: s.her.id }));
    expect((await peopleForList(db, actor)).map((p) => p.id)).not.toContain(s.her.id);
    const report = await loadReportDataset(db, actor);
    expect(report.dataset.people.map((p) => p.id)).not.toContain(s.her.id);
    expect(report.dataset.enrolments.map((e) => e.personId)).not.toContain(s.her.id);
    // The tombstone the old backup did not have is back, and the restore says what it did.
    expect(await db.tombstones.where('recordId').equals(s.her.id).count()).toBe(1);
    expect(await db.auditLog.filter((e) => e.summary === 'erasuresReapplied').toArray()).toEqual([expect.objectContaining({ count: 1, userId: actor.userId })]);

    const { manifest, slice } = await sendToLead(s);
    const sent = slice.tables.people ?? [];
    expect(sent.length).toBe(manifest.counts.people);
    expect(sent.map((p) => p.id)).not.toContain(s.her.id);
    expect(sent.map((p) => `${String(p.firstName)} ${String(p.lastName)}`)).not.toContain(name);
    expect(slice.tombstones.map((t) => t.recordId)).toContain(s.her.id);
  }, 60_000);

  it('a bundle never carries someone the ledger holds, even if her row came back by other means', async () => {
    const s = await setting();
    const { db, actor } = s.partner;
    const row = (await db.people.get(s.her.id))!;
    const consents = await db.consents.where('personId').equals(s.her.id).toArray();
    await erasePerson(db, actor, s.her.id);
    // Written back behind the app's back (an old copy of the database, a script).
    await db.people.add(row);
    await db.consents.bulkAdd(consents);
    await db.tombstones.where('recordId').equals(s.her.id).delete();
    const { slice } = await sendToLead(s);
    expect((slice.tables.people ?? []).map((p) => p.id)).not.toContain(s.her.id);
    expect((slice.tables.consents ?? []).map((c) => c.personId)).not.toContain(s.her.id);
    expect(slice.tombstones.map((t) => t.recordId)).toContain(s.her.id);
  }, 60_000);

  it('an anonymisation is not undone by a restore either', async () => {
    const s = await setting();
    const { db, actor } = s.partner;
    const older = await backupBytes(db);
    await anonymisePerson(db, actor, s.her.id);
    await restoreBackup(db, actor, older, 'older.json.gz');
    const back = (await db.people.get(s.her.id))!;
    expect(back.anonymised).toBe(true);
    expect(back.lastName).not.toBe(s.her.lastName);
    expect(await searchPeople(db, actor, s.her.lastName)).not.toContainEqual(expect.objectContaining({ id: s.her.id }));
  }, 60_000);

  it('an erasure that fails leaves nothing in the ledger', async () => {
    const s = await setting();
    const { db, actor } = s.partner;
    await expect(erasePerson(db, actor, crypto.randomUUID())).rejects.toThrow('notFound');
    expect(await erasureLedger(db)).toEqual([]);
    // Her erasure aborted mid-way (a table the transaction cannot write): the ledger is taken back.
    db.tombstones.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(erasePerson(db, actor, s.her.id)).rejects.toThrow('disk full');
    expect(await db.people.get(s.her.id)).toBeDefined();
    expect(await erasureLedger(db)).toEqual([]);
  }, 60_000);

  it('backups never contain the ledger', async () => {
    const s = await setting();
    await erasePerson(s.partner.db, s.partner.actor, s.her.id);
    const snapshot = await takeSnapshot(s.partner.db);
    expect(Object.keys(snapshot.tables)).not.toContain('erasures');
    expect(JSON.stringify(snapshot)).not.toContain('"kind":"erased"');
  }, 60_000);
});
