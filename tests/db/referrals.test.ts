import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeBackup } from '@shared/backup/format';
import { referralSchema } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import { clearAllData, restoreBackup, takeSnapshot } from '../../src/renderer/src/db/backup';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { orgToday } from '../../src/renderer/src/db/orgDay';
import { anonymisePerson, createPerson, erasePerson, mergePeople } from '../../src/renderer/src/db/people';
import { ForbiddenError } from '../../src/renderer/src/db/permissions';
import {
  ReferralError,
  changeReferralStatus,
  createReferral,
  deleteReferral,
  referralReminderRows,
  referralsOf,
  snoozeReferralReminder,
  updateReferral,
} from '../../src/renderer/src/db/referrals';
import { withSetUpDb } from '../fixtures/testDb';

async function person(db: MrezaDb, actor: Actor, firstName = 'Marina') {
  return createPerson(db, actor, { kind: 'beneficiary', firstName, lastName: 'Horvat', gender: 'woman', targetGroups: [] });
}

const draft = (personId: string, over: Record<string, unknown> = {}) => ({
  personId,
  kind: 'socialWorkCentre' as const,
  institution: 'Centar za socijalnu skrb Čakovec',
  date: '2026-03-02',
  reason: 'Zajamčena minimalna naknada',
  contactPerson: 'Ana Kovač, socijalna radnica',
  followUpOn: '2026-03-09',
  ...over,
});

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  return e instanceof ReferralError ? e.code : e instanceof ForbiddenError ? 'forbidden' : String(e);
}

describe('referrals: record, correct, move through statuses', () => {
  it('a coordinator records one, changes it, moves it to closed; every write is in the audit log', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await person(db, actor);
      const r = await createReferral(db, actor, draft(p.id));
      expect(r).toMatchObject({ status: 'sent', history: [{ status: 'sent', date: '2026-03-02' }] });
      const changed = await updateReferral(db, actor, r.id, draft(p.id, { institution: 'CZSS Čakovec', contactPerson: '' }));
      expect(changed.institution).toBe('CZSS Čakovec');
      expect(changed.contactPerson).toBeUndefined();
      await changeReferralStatus(db, actor, r.id, { to: 'accepted', date: '2026-03-04', followUpOn: '2026-03-20' });
      await changeReferralStatus(db, actor, r.id, { to: 'serviceStarted', date: '2026-03-10' });
      const closed = await changeReferralStatus(db, actor, r.id, { to: 'closed', date: '2026-03-30', outcome: 'Naknada odobrena' });
      expect(closed).toMatchObject({ status: 'closed', outcome: 'Naknada odobrena' });
      expect(closed.followUpOn).toBeUndefined();
      expect(closed.history.map((s) => s.status)).toEqual(['sent', 'accepted', 'serviceStarted', 'closed']);
      expect(await referralsOf(db, actor, p.id)).toEqual([closed]);
      const log = (await db.auditLog.where('table').equals('referrals').sortBy('seq')).map((e) => [e.action, e.summary, e.detail]);
      expect(log).toEqual([
        ['create', 'referralRecorded', undefined],
        ['update', 'referralChanged', undefined],
        ['update', 'referralStatus', 'accepted'],
        ['update', 'referralStatus', 'serviceStarted'],
        ['update', 'referralStatus', 'closed'],
      ]);
      await deleteReferral(db, actor, r.id);
      expect(await db.referrals.count()).toBe(0);
    });
  });

  it('refuses what the state machine refuses, and keeps the row as it was', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await person(db, actor);
      const r = await createReferral(db, actor, draft(p.id));
      const today = await orgToday(db);
      expect(await code(changeReferralStatus(db, actor, r.id, { to: 'serviceStarted', date: '2026-03-03' }))).toBe('notAllowed');
      expect(await code(changeReferralStatus(db, actor, r.id, { to: 'accepted', date: '2026-03-01' }))).toBe('dateBeforePrevious');
      expect(await code(changeReferralStatus(db, actor, r.id, { to: 'accepted', date: '2999-01-01' }))).toBe('dateInFuture');
      expect(await code(changeReferralStatus(db, actor, r.id, { to: 'closed', date: today, outcome: '  ' }))).toBe('closeNeedsOutcome');
      expect(await db.referrals.get(r.id)).toEqual(r);
      await changeReferralStatus(db, actor, r.id, { to: 'accepted', date: '2026-03-05' });
      // The day it was sent may not move past the acceptance.
      expect(await code(updateReferral(db, actor, r.id, draft(p.id, { date: '2026-03-06' })))).toBe('dateAfterStatus');
      expect(await code(createReferral(db, actor, draft(p.id, { date: '2999-01-01', followUpOn: undefined })))).toBe('dateInFuture');
      expect(await code(createReferral(db, actor, draft(p.id, { followUpOn: '2026-03-01' })))).toBe('followUpBeforeDate');
      expect(await code(createReferral(db, actor, draft(crypto.randomUUID())))).toBe('personNotFound');
      const declined = await changeReferralStatus(db, actor, (await createReferral(db, actor, draft(p.id))).id, { to: 'declined', date: '2026-03-03' });
      expect(declined.status).toBe('declined');
    });
  });
});

describe('referrals: who may', () => {
  it('staff may; a mentor and a viewer may neither read nor write, and a refusal changes nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await person(db, actor);
      const staff: Actor = { userName: 'Ivana', role: 'staff' };
      const r = await createReferral(db, staff, draft(p.id));
      expect(await referralsOf(db, staff, p.id)).toHaveLength(1);
      for (const role of ['mentor', 'viewer'] as const) {
        const other: Actor = { userName: role, role };
        expect(await code(referralsOf(db, other, p.id))).toBe('forbidden');
        expect(await code(createReferral(db, other, draft(p.id)))).toBe('forbidden');
        expect(await code(updateReferral(db, other, r.id, draft(p.id, { reason: 'changed' })))).toBe('forbidden');
        expect(await code(changeReferralStatus(db, other, r.id, { to: 'accepted', date: '2026-03-03' }))).toBe('forbidden');
        expect(await code(deleteReferral(db, other, r.id))).toBe('forbidden');
        expect(await code(snoozeReferralReminder(db, other, { referralId: r.id }, '2999-01-01'))).toBe('forbidden');
        expect(await referralReminderRows(db, other)).toEqual([]);
      }
      expect(await db.referrals.toArray()).toEqual([r]);
    });
  });
});

describe('referrals follow the person', () => {
  it('erasure removes her referrals (and nobody else’s)', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const her = await person(db, actor);
      const other = await person(db, actor, 'Ljiljana');
      await createReferral(db, actor, draft(her.id));
      await createReferral(db, actor, draft(her.id, { kind: 'legalAid', institution: 'Pravna klinika' }));
      const kept = await createReferral(db, actor, draft(other.id));
      await erasePerson(db, actor, her.id);
      expect(await db.referrals.toArray()).toEqual([kept]);
    });
  });

  it('attack: erase her, restore a backup made before: her referrals stay gone', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const her = await person(db, actor);
      await createReferral(db, actor, draft(her.id));
      const older = encodeBackup(await takeSnapshot(db));
      await erasePerson(db, actor, her.id);
      await restoreBackup(db, actor, older, 'mreza-backup-older.json.gz');
      expect(await db.people.get(her.id)).toBeUndefined();
      expect(await db.referrals.count()).toBe(0);
    });
  });

  it('anonymisation drops the reason, contact and outcome, and keeps kind, dates and status for the figures', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const her = await person(db, actor);
      const r = await createReferral(db, actor, draft(her.id));
      await changeReferralStatus(db, actor, r.id, { to: 'closed', date: '2026-03-05', outcome: 'Nije se javila' });
      await anonymisePerson(db, actor, her.id);
      const [after] = await db.referrals.toArray();
      expect(after).toMatchObject({ kind: 'socialWorkCentre', status: 'closed', date: '2026-03-02' });
      expect(after).not.toHaveProperty('reason');
      expect(after).not.toHaveProperty('contactPerson');
      expect(after).not.toHaveProperty('outcome');
    });
  });

  it('merging two records of one woman keeps the referrals of both', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const a = await person(db, actor);
      const b = await person(db, actor, 'Marina2');
      await createReferral(db, actor, draft(a.id));
      await createReferral(db, actor, draft(b.id, { kind: 'employmentOffice', institution: 'HZZ Čakovec' }));
      await mergePeople(db, actor, a.id, b.id);
      expect((await referralsOf(db, actor, a.id)).map((r) => r.kind).sort()).toEqual(['employmentOffice', 'socialWorkCentre']);
    });
  });

  it('a backup carries them and a restore brings them back', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const her = await person(db, actor);
      const r = await createReferral(db, actor, draft(her.id));
      const snapshot = await takeSnapshot(db);
      expect(snapshot.tables.referrals).toEqual([r]);
      await clearAllData(db, actor);
      expect(await db.referrals.count()).toBe(0);
      await restoreBackup(db, actor, encodeBackup(snapshot), 'mreza-backup.json.gz');
      expect(await db.referrals.toArray()).toEqual([r]);
    });
  });
});

describe('follow-up reminders', () => {
  it('are due from the follow-up day while the referral is open; "update status" answers it; a snooze hides it until its day', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const her = await person(db, actor);
      const r = await createReferral(db, actor, draft(her.id, { followUpOn: '2026-03-09' }));
      expect(await referralReminderRows(db, actor, { today: '2026-03-08' })).toEqual([]);
      const [row] = await referralReminderRows(db, actor, { today: '2026-03-10' });
      expect(row).toMatchObject({ personName: 'Marina Horvat', reminder: { referralId: r.id, due: '2026-03-09', overdueDays: 1 } });
      // Snoozed until a later day: gone until then, back on that day.
      const today = await orgToday(db);
      const until = '2999-01-01';
      await snoozeReferralReminder(db, actor, row!.reminder, until);
      expect(await referralReminderRows(db, actor, { today })).toEqual([]);
      expect(await referralReminderRows(db, actor, { today: until })).toHaveLength(1);
      // Updating the status with the next follow-up day moves the reminder there; closing ends it.
      await changeReferralStatus(db, actor, r.id, { to: 'accepted', date: '2026-03-11', followUpOn: '2026-04-01' });
      expect((await referralReminderRows(db, actor, { today: '2026-03-31' })).length).toBe(0);
      await changeReferralStatus(db, actor, r.id, { to: 'closed', date: '2026-03-12', closeReason: 'personWithdrew' });
      expect(await referralReminderRows(db, actor, { today: until })).toEqual([]);
    });
  });
});

describe('the demo data', () => {
  it('has referrals in every state, valid, with follow-ups due on the home screen', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await loadDemoData(db, actor);
      const all = await db.referrals.toArray();
      expect(new Set(all.map((r) => r.status))).toEqual(new Set(['closed', 'accepted', 'sent', 'declined', 'serviceStarted']));
      for (const r of all) expect(referralSchema.safeParse(r).success).toBe(true);
      expect((await referralReminderRows(db, actor)).map((r) => r.referral.institution).sort()).toEqual([
        'Center za socialno delo Celje',
        'Hrvatski zavod za zapošljavanje, Područni ured Čakovec',
      ]);
    });
  });
});
