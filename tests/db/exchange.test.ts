import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { InvitationError, readKeyFile } from '@shared/bundle';
import { keysToConfirm } from '@shared/consolidate';
import { computeIndicators } from '@shared/indicators/compute';
import type { Organisation } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { createLeadProject, ensureIdentity, getJoinedProject, invitationFile, joinProject } from '../../src/renderer/src/db/exchange';
import { exportBundle } from '../../src/renderer/src/db/partnerExport';
import {
  commitBundleImport as commitImport,
  keyFileSaved,
  leadKeyFile,
  listPartners,
  previewBundleImport as previewImport,
} from '../../src/renderer/src/db/bundleImport';
import { loadReportDataset } from '../../src/renderer/src/db/indicators';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { allTables, newDbName, unlocked } from '../fixtures/testDb';
import { APP_VERSION } from '../../src/renderer/src/appVersion';

interface Side {
  db: MrezaDb;
  org: Organisation;
  actor: Actor;
}

async function side(name: string, role: 'lead' | 'partner', country: 'HR' | 'RS' = 'HR'): Promise<Side> {
  const db = createDb(newDbName());
  await db.open();
  await unlocked(db);
  const { org, user } = await setUpOrganisation(db, { name, country, town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  return { db, org, actor: { userId: user.id, userName: user.name, role: user.role } };
}

async function close(...sides: Side[]) {
  for (const s of sides) {
    s.db.close();
    await Dexie.delete(s.db.name);
  }
}

const PASS = 'kukuruz-i-sunce-2026';
/** The lead ticks "I compared this fingerprint with the partner by phone" for every new partner of the preview. */
const confirmAll = (preview: { plan: Parameters<typeof keysToConfirm>[0] }) => ({ confirmedKeys: keysToConfirm(preview.plan) });
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Lead with a project, partner(s) joined with demo data. */
async function network(partners = 1) {
  const lead = await side('Udruga Nositelj', 'lead');
  await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
  const invitation = await invitationFile(lead.db, lead.actor, PASS);
  const ps: Side[] = [];
  for (let i = 0; i < partners; i++) {
    const p = await side(`Partner ${i + 1}`, 'partner', i % 2 ? 'RS' : 'HR');
    await joinProject(p.db, p.actor, invitation, PASS, 'invite.mreza-invite');
    await loadDemoData(p.db, p.actor);
    ps.push(p);
  }
  return { lead, partners: ps, invitation };
}

async function exportOf(p: Side, privacy: 'aggregate' | 'pseudonymised' | 'full' = 'pseudonymised') {
  await tick();
  const w = await exportBundle(p.db, p.actor, p.org, { privacy, acknowledgedRisk: privacy === 'full', confirmedFullList: privacy === 'full' });
  return { fileName: w.fileName, data: w.bytes, withheld: w.withheldPeople };
}

describe('exchange end to end in the data store', () => {
  it('keys are made once per installation', async () => {
    const s = await side('Udruga', 'partner');
    try {
      const a = await ensureIdentity(s.db);
      const b = await ensureIdentity(s.db);
      expect(a.fingerprint).toBe(b.fingerprint);
      expect(a.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
      expect(await s.db.exchange.count()).toBe(1);
    } finally {
      await close(s);
    }
  });

  it('a wrong passphrase is refused and joins nothing', async () => {
    const lead = await side('Udruga Nositelj', 'lead');
    const p = await side('Partner', 'partner');
    try {
      await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE');
      const invitation = await invitationFile(lead.db, lead.actor, PASS);
      const before = await allTables(p.db);
      await expect(joinProject(p.db, p.actor, invitation, 'wrong passphrase')).rejects.toSatisfy(
        (e) => e instanceof InvitationError && e.code === 'wrongPassphrase',
      );
      await expect(joinProject(p.db, p.actor, new Uint8Array([1, 2, 3]), PASS)).rejects.toBeInstanceOf(InvitationError);
      expect(await allTables(p.db)).toEqual(before);
      const joined = await joinProject(p.db, p.actor, invitation, PASS);
      expect(joined.invitation.projectName).toBe('BADGE');
      expect((await getJoinedProject(p.db))?.invitation.lead.name).toBe('Udruga Nositelj');
    } finally {
      await close(lead, p);
    }
  });

  it('partner exports → lead previews, commits; reports include the partner; re-import changes nothing; older refused', async () => {
    const { lead, partners } = await network(1);
    const [p] = partners as [Side];
    try {
      const own = await loadReportDataset(lead.db, lead.actor);
      expect(own.dataset.people.length).toBe(0);

      const first = await exportOf(p);
      expect(first.fileName).toMatch(/^mreza-partner-1-\d{4}-\d{2}-\d{2}\.mreza$/);
      const audits = await p.db.auditLog.where('action').equals('export').count();
      expect(audits).toBe(1);

      const preview = await previewImport(lead.db, [first]);
      expect(preview.refused).toEqual([]);
      const [item] = preview.plan.items;
      expect(item?.status).toBe('apply');
      expect(item?.trust).toBe('firstUse');
      expect(item?.totals.add).toBeGreaterThan(0);
      // The dry run writes nothing.
      expect(await lead.db.partnerSlices.count()).toBe(0);

      const res = await commitImport(lead.db, lead.actor, lead.org, preview, confirmAll(preview));
      expect(res.applied).toBe(1);
      expect(await lead.db.partnerSlices.count()).toBe(1);
      expect((await lead.db.importHistory.toArray()).map((h) => h.kind)).toEqual(['bundle']);
      expect(await lead.db.auditLog.where('action').equals('import').count()).toBe(1);
      expect((await listPartners(lead.db))[0]?.name).toBe('Partner 1');
      // Which Mreža wrote it (#19 item 1): the lead sees who would have to update.
      expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
      expect((await listPartners(lead.db))[0]?.appVersion).toBe(APP_VERSION);

      const partnerPeople = await p.db.people.count();
      const report = await loadReportDataset(lead.db, lead.actor);
      expect(report.dataset.people.length).toBe(partnerPeople - first.withheld);
      expect(report.partnerNames.get(p.org.id)).toBe('Partner 1');
      // Partner programmes travel without their titles (free text): the lead numbers them by kind.
      const programmes = await p.db.programmes.toArray();
      expect(report.partnerProgrammes.map((x) => x.id).sort()).toEqual(programmes.map((x) => x.id).sort());
      expect(report.partnerProgrammes.map((x) => x.title)).toEqual(programmes.map(() => undefined));
      expect(report.partnerProgrammes.map((x) => x.number).sort()).toEqual(programmes.map((_, i) => i + 1));
      const partnerOwn = computeIndicators((await loadReportDataset(p.db, p.actor)).dataset, {}, '2100-01-01').indicators;
      const atLead = computeIndicators(report.dataset, { personKey: report.personKey }, '2100-01-01').indicators;
      expect(atLead.reach.total).toBeGreaterThan(0);
      expect(atLead.reach.total).toBeLessThanOrEqual(partnerOwn.reach.total);
      const filtered = computeIndicators(report.dataset, { personKey: report.personKey, orgId: p.org.id }, '2100-01-01').indicators;
      expect(filtered.reach.total).toBe(atLead.reach.total);

      // The same file again: nothing changes.
      const snapshot = await allTables(lead.db);
      const again = await previewImport(lead.db, [first]);
      expect(again.plan.items[0]?.status).toBe('unchanged');
      expect((await commitImport(lead.db, lead.actor, lead.org, again)).applied).toBe(0);
      expect(await allTables(lead.db)).toEqual(snapshot);

      // A newer export replaces; the older one is then refused, naming the newer.
      const second = await exportOf(p);
      const newer = await previewImport(lead.db, [second]);
      expect(newer.plan.items[0]?.status).toBe('apply');
      expect(newer.plan.items[0]?.trust).toBe('pinned');
      await commitImport(lead.db, lead.actor, lead.org, newer);
      const older = await previewImport(lead.db, [first]);
      expect(older.plan.items[0]?.status).toBe('refused');
      expect(older.plan.items[0]?.problems[0]?.code).toBe('older');
      expect(older.plan.items[0]?.problems[0]?.params.newerExportedAt).toBe(newer.plan.items[0]?.exportedAt);

      // A flipped byte: refused before planning.
      const tampered = second.data.slice();
      tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
      const bad = await previewImport(lead.db, [{ fileName: 'bad.mreza', data: tampered }]);
      expect(bad.plan.items).toEqual([]);
      expect(['tampered', 'damaged']).toContain(bad.refused[0]?.problem.code);
    } finally {
      await close(lead, p);
    }
  });

  it('counts people once across partners', async () => {
    const { lead, partners } = await network(2);
    try {
      const files = [await exportOf(partners[0]!), await exportOf(partners[1]!)];
      const steps: string[] = [];
      // Each partner is stored on its own step, so the window can show how far it got.
      const preview = await previewImport(lead.db, files);
      await commitImport(lead.db, lead.actor, lead.org, preview, {
        ...confirmAll(preview),
        onProgress: (done, total) => steps.push(`${done}/${total}`),
      });
      expect(steps).toEqual(['0/2', '1/2', '2/2']);
      const report = await loadReportDataset(lead.db, lead.actor);
      const unique = computeIndicators(report.dataset, { personKey: report.personKey }, '2100-01-01').indicators.reach.total;
      const one = computeIndicators(report.dataset, { personKey: report.personKey, orgId: partners[0]!.org.id }, '2100-01-01').indicators.reach.total;
      const two = computeIndicators(report.dataset, { personKey: report.personKey, orgId: partners[1]!.org.id }, '2100-01-01').indicators.reach.total;
      expect(unique).toBeGreaterThan(0);
      expect(unique).toBeLessThanOrEqual(one + two);
      expect((await listPartners(lead.db)).map((x) => x.name)).toEqual(['Partner 1', 'Partner 2']);
    } finally {
      await close(lead, ...partners);
    }
  });

  it("the lead's own people get the same pseudonymous key: someone served by the lead and a partner counts once", async () => {
    const { lead, partners } = await network(1);
    try {
      // The demo data is seeded: the lead serves the very same people as the partner.
      await loadDemoData(lead.db, lead.actor);
      const ownOnly = computeIndicators((await loadReportDataset(lead.db, lead.actor)).dataset, {}, '2100-01-01').indicators.reach.total;
      const preview = await previewImport(lead.db, [await exportOf(partners[0]!)]);
      await commitImport(lead.db, lead.actor, lead.org, preview, confirmAll(preview));
      const report = await loadReportDataset(lead.db, lead.actor);
      const partnerReach = computeIndicators(report.dataset, { personKey: report.personKey, orgId: partners[0]!.org.id }, '2100-01-01').indicators.reach.total;
      expect(ownOnly).toBeGreaterThan(0);
      expect(partnerReach).toBeGreaterThan(0);
      expect(computeIndicators(report.dataset, { personKey: report.personKey }, '2100-01-01').indicators.reach.total).toBe(ownOnly);
      // Without the lead's keys the same people would count twice.
      const partnerKeyOnly = (id: string) => (report.own.people.some((p) => p.id === id) ? id : report.personKey!(id));
      expect(computeIndicators(report.dataset, { personKey: partnerKeyOnly }, '2100-01-01').indicators.reach.total).toBe(ownOnly + partnerReach);
      // A lead's own person and a partner's person with the same name, birth year and town share one key.
      // (Only people whose consent lets the partner share them travel, so look for any such pair.)
      const partnerKeys = new Set(report.dataset.people.filter((p) => p.orgId === partners[0]!.org.id).map((p) => report.personKey!(p.id)));
      expect(report.own.people.filter((p) => partnerKeys.has(report.personKey!(p.id))).length).toBeGreaterThan(0);
    } finally {
      await close(lead, ...partners);
    }
  });

  it("the lead's key file opens with its passphrase and carries the project and the pinned partner keys", async () => {
    const { lead, partners } = await network(1);
    try {
      const preview = await previewImport(lead.db, [await exportOf(partners[0]!)]);
      await commitImport(lead.db, lead.actor, lead.org, preview, confirmAll(preview));
      const { fileName, data } = await leadKeyFile(lead.db, lead.actor, lead.org, PASS);
      expect(fileName).toBe('mreza-lead-key-badge-2026.mreza-key');
      const { file, keys } = await readKeyFile(data, PASS);
      const identity = await ensureIdentity(lead.db);
      expect(keys.publicKeys).toEqual(identity.keys.publicKeys);
      expect(file.lead).toEqual({ orgId: lead.org.id, name: 'Udruga Nositelj', fingerprint: identity.fingerprint });
      expect(file.pins).toEqual({ [partners[0]!.org.id]: (await listPartners(lead.db))[0]!.fingerprint });
      await keyFileSaved(lead.db, lead.actor, fileName);
      expect((await lead.db.auditLog.where('action').equals('export').toArray()).map((a) => a.detail)).toEqual([fileName]);
    } finally {
      await close(lead, ...partners);
    }
  });

  it('one transaction: a failure mid-commit leaves nothing behind', async () => {
    const { lead, partners } = await network(1);
    try {
      const file = await exportOf(partners[0]!);
      const preview = await previewImport(lead.db, [file]);
      const before = await allTables(lead.db);
      await expect(
        commitImport(lead.db, lead.actor, lead.org, preview, {
          ...confirmAll(preview),
          beforeAudit: () => {
            throw new Error('disk full');
          },
        }),
      ).rejects.toThrow('disk full');
      expect(await allTables(lead.db)).toEqual(before);
      expect(await lead.db.partnerSlices.count()).toBe(0);
    } finally {
      await close(lead, ...partners);
    }
  });

  it('trust is explicit: a new partner is written only after the lead confirms its fingerprint; then it is pinned', async () => {
    const { lead, partners } = await network(1);
    const [p] = partners as [Side];
    try {
      const file = await exportOf(p);
      const preview = await previewImport(lead.db, [file]);
      const fingerprint = preview.plan.items[0]!.fingerprint;
      expect(keysToConfirm(preview.plan)).toEqual({ [p.org.id]: fingerprint });
      const before = await allTables(lead.db);
      // No confirmation, or a confirmation of other digits: nothing is written.
      expect(await commitImport(lead.db, lead.actor, lead.org, preview)).toMatchObject({ applied: 0 });
      expect(
        await commitImport(lead.db, lead.actor, lead.org, preview, { confirmedKeys: { [p.org.id]: '11111 11111 11111 11111 11111 11111 11111 11111' } }),
      ).toMatchObject({ applied: 0 });
      expect(await allTables(lead.db)).toEqual(before);
      // Confirmed by phone: written, the confirmation audited, the key pinned.
      expect(await commitImport(lead.db, lead.actor, lead.org, preview, { confirmedKeys: { [p.org.id]: fingerprint } })).toMatchObject({ applied: 1 });
      const confirmation = await lead.db.auditLog.filter((e) => e.summary === 'partnerKeyConfirmed').toArray();
      expect(confirmation.map((e) => [e.recordId, e.detail])).toEqual([[p.org.id, `Partner 1: ${fingerprint}`]]);
      expect((await listPartners(lead.db))[0]?.fingerprint).toBe(fingerprint);

      // A forged bundle for the known partner, signed by a new key: refused with a clear message,
      // and no confirmation can let it in.
      const impostor = await side('Netko drugi', 'partner');
      try {
        const invitation = await invitationFile(lead.db, lead.actor, PASS);
        await joinProject(impostor.db, impostor.actor, invitation, PASS);
        await loadDemoData(impostor.db, impostor.actor);
        const forged = await exportBundle(impostor.db, impostor.actor, { ...impostor.org, id: p.org.id, name: 'Partner 1' }, { privacy: 'pseudonymised' });
        const refused = await previewImport(lead.db, [{ fileName: 'forged.mreza', data: forged.bytes }]);
        expect(refused.refused.map((r) => r.problem.code)).toEqual(['signerChanged']);
        expect(refused.refused[0]!.problem.params).toMatchObject({ organisation: 'Partner 1', expected: fingerprint });

        // A bundle claiming the lead's own organisation: refused, confirmed or not.
        const claimsLead = await exportBundle(
          impostor.db,
          impostor.actor,
          { ...impostor.org, id: lead.org.id, name: lead.org.name },
          { privacy: 'pseudonymised' },
        );
        const own = await previewImport(lead.db, [{ fileName: 'lead.mreza', data: claimsLead.bytes }]);
        expect(own.plan.items.map((i) => [i.status, i.problems[0]?.code])).toEqual([['refused', 'ownOrganisation']]);
        const snapshot = await allTables(lead.db);
        const fp = own.plan.items[0]!.fingerprint;
        expect(await commitImport(lead.db, lead.actor, lead.org, own, { confirmedKeys: { [lead.org.id]: fp } })).toMatchObject({ applied: 0 });
        expect(await allTables(lead.db)).toEqual(snapshot);
      } finally {
        await close(impostor);
      }
    } finally {
      await close(lead, p);
    }
  });

  it('an export to another project is refused', async () => {
    const a = await network(1);
    const b = await network(0);
    try {
      const file = await exportOf(a.partners[0]!);
      const preview = await previewImport(b.lead.db, [file]);
      expect(preview.plan.items).toEqual([]);
      expect(preview.refused[0]?.problem.code).toBe('wrongRecipient');
    } finally {
      await close(a.lead, b.lead, ...a.partners);
    }
  });
});
