/**
 * The exchange flows as plain functions (issue 14): what the Exchange screen calls, with a save
 * dialog stand-in. Lead: start the project, save the invitation and the key file, inspect and
 * apply partners' bundles. Partner: join, see who stays home, write the bundle.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Request } from '@shared/ipc';
import { listPartners } from '../../src/renderer/src/db/bundleImport';
import { createDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { getJoinedProject, getLeadProject } from '../../src/renderer/src/db/exchange';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import {
  applyBundles,
  confirmKey,
  inspectBundles,
  joinLeadProject,
  peopleWithheld,
  planStatus,
  saveInvitation,
  saveLeadKeyFile,
  startLeadProject,
  writePartnerBundle,
  type ExchangeActionContext,
} from '../../src/renderer/src/features/exchange/actions';
import { newDbName, unlocked } from '../fixtures/testDb';

const PASS = 'kukuruz-i-sunce-2026';

/** A save dialog that keeps what it was given; `cancel` makes the next one cancelled. */
function dialog() {
  const saved: Request<'file:save'>[] = [];
  const d = {
    saved,
    cancelNext: false,
    save: async (r: Request<'file:save'>) => {
      if (d.cancelNext) {
        d.cancelNext = false;
        return null;
      }
      saved.push(r);
      return { fileName: `/home/marija/${r.suggestedName}` };
    },
  };
  return d;
}

async function side(name: string, role: 'lead' | 'partner', save: ReturnType<typeof dialog>): Promise<ExchangeActionContext> {
  const db = createDb(newDbName());
  await db.open();
  await unlocked(db); // signed in: the data key is held, as in the app
  const { org, user } = await setUpOrganisation(db, { name, country: 'HR', town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  return { db, org, actor: { userId: user.id, userName: user.name, role: user.role }, saveFile: save.save };
}

const exportsLogged = async (ctx: ExchangeActionContext) => (await ctx.db.auditLog.where('action').equals('export').toArray()).length;

describe('exchange actions', () => {
  it('lead and partner: from a new project to the partner in the lead’s data, all through the actions', async () => {
    const leadDialog = dialog();
    const partnerDialog = dialog();
    const lead = await side('Udruga Nositelj', 'lead', leadDialog);
    const partner = await side('Partner 1', 'partner', partnerDialog);
    try {
      // Without a project there is no invitation to save, and bundles are refused clearly.
      expect(await saveInvitation(lead, PASS)).toBeUndefined();
      expect(await inspectBundles(lead, [{ fileName: 'x.mreza', data: new Uint8Array([1, 2, 3]) }])).toEqual({
        ok: false,
        problem: { code: 'notAllowed', params: { reason: 'noProject' } },
      });

      const started = await startLeadProject(lead, '  BADGE 2026  ');
      expect(started.ok && started.value.invitation.projectName).toBe('BADGE 2026');
      expect((await getLeadProject(lead.db))?.invitation.projectName).toBe('BADGE 2026');

      leadDialog.cancelNext = true;
      expect(await saveInvitation(lead, PASS)).toBeUndefined();
      expect(await saveInvitation(lead, PASS)).toMatch(/\/home\/marija\/.+/);
      const invitation = leadDialog.saved.at(-1)!;

      // A wrong passphrase is a refusal with its code, and joins nothing.
      expect(await joinLeadProject(partner, { fileName: invitation.suggestedName, data: invitation.data }, 'wrong passphrase')).toEqual({
        ok: false,
        problem: { code: 'wrongPassphrase', params: {} },
      });
      expect(await getJoinedProject(partner.db)).toBeUndefined();
      const joined = await joinLeadProject(partner, { fileName: invitation.suggestedName, data: invitation.data }, PASS);
      expect(joined.ok && joined.value.invitation.projectName).toBe('BADGE 2026');

      await loadDemoData(partner.db, partner.actor);
      const withheld = await peopleWithheld(partner, 'pseudonymised');
      expect(withheld).toBeGreaterThanOrEqual(0);
      // The dry run is not logged.
      expect(await exportsLogged(partner)).toBe(0);

      // Full records are refused until the user acknowledged the risk.
      const refused = await writePartnerBundle(partner, { privacy: 'full', acknowledgedRisk: false, confirmedFullList: true, passphrase: '' });
      expect(refused.ok).toBe(false);
      const written = await writePartnerBundle(partner, { privacy: 'pseudonymised', acknowledgedRisk: false, confirmedFullList: false, passphrase: '' });
      expect(written).toEqual({ ok: true, value: expect.stringMatching(/\.mreza$/) });
      expect(await exportsLogged(partner)).toBe(1);
      const bundle = partnerDialog.saved.at(-1)!;

      const inspected = await inspectBundles(lead, [{ fileName: bundle.suggestedName, data: bundle.data }]);
      if (!inspected.ok) throw new Error(inspected.problem.code);
      // A new partner: nothing is written until the lead confirmed its key by phone.
      expect(planStatus(inspected.value, {})).toEqual({ applicable: 0, keysWaiting: 1 });
      const item = inspected.value.plan.items[0]!;
      const confirmed = confirmKey({}, item.organisation.id, item.fingerprint, true);
      expect(planStatus(inspected.value, confirmed)).toEqual({ applicable: 1, keysWaiting: 0 });
      expect(confirmKey(confirmed, item.organisation.id, item.fingerprint, false)).toEqual({});

      const unconfirmed = await applyBundles(lead, inspected.value, {});
      expect(unconfirmed).toEqual({ ok: true, value: { applied: 0, totals: { add: 0, replace: 0, remove: 0 } } });
      expect(await listPartners(lead.db)).toEqual([]);
      const progress: number[] = [];
      const applied = await applyBundles(lead, inspected.value, confirmed, (done) => progress.push(done));
      expect(applied.ok && applied.value.applied).toBe(1);
      expect(progress).toEqual([0, 1]);
      expect((await listPartners(lead.db)).map((p) => p.name)).toEqual(['Partner 1']);
      // The same dry run again is stale now: refused, nothing written twice.
      const again = await applyBundles(lead, inspected.value, confirmed);
      expect(again).toEqual({ ok: false, problem: { code: 'notAllowed', params: { reason: 'stale' } } });

      // The key file: a cancelled dialog logs nothing; a saved one is logged.
      const before = await exportsLogged(lead);
      leadDialog.cancelNext = true;
      expect(await saveLeadKeyFile(lead, PASS)).toBeUndefined();
      expect(await exportsLogged(lead)).toBe(before);
      expect(await saveLeadKeyFile(lead, PASS)).toMatch(/\.mreza-key$/);
      expect(await exportsLogged(lead)).toBe(before + 1);
    } finally {
      for (const s of [lead, partner]) {
        s.db.close();
        await Dexie.delete(s.db.name);
      }
    }
    // Two installations, keys, a demo organisation's bundle: seconds on a busy 2-core machine.
  }, 60_000);
});
