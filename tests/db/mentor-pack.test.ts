import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MentorPackError, readMentorPack } from '@shared/mentorPack';
import { createDb } from '../../src/renderer/src/db/db';
import { logSession, setMatchStatus } from '../../src/renderer/src/db/mentoring';
import { exportMentorLogs, getMentorMode, openMentorPack } from '../../src/renderer/src/db/mentorMode';
import { commitMentorLogs, exportMentorPack, getIssuedPacks, mentorLogsHistory, previewMentorLogs } from '../../src/renderer/src/db/mentorPacks';
import { dropDbs, mentoringCoordinator } from '../fixtures/mentoring';
import { newDbName, unlocked } from '../fixtures/testDb';

const PASS = 'plavi-bicikl-2026';

/** The mentor with the most active matches. */
const busiest = (active: string[]) => [...new Set(active)].sort((a, b) => active.filter((x) => x === b).length - active.filter((x) => x === a).length)[0]!;
const coordinator = () => mentoringCoordinator(busiest);

async function roundTrip() {
  const c = await coordinator();
  const pack = await exportMentorPack(c.db, c.actor, c.org, c.mentorId, PASS, { iterations: 100_000 });
  const mentorDb = createDb(newDbName());
  await mentorDb.open();
  await unlocked(mentorDb);
  const { user } = await openMentorPack(mentorDb, await readMentorPack(pack.bytes, PASS), 'en', pack.fileName);
  const mentorActor = { userId: user.id, userName: user.name, role: user.role, mentorId: user.mentorId };
  for (const [i, matchId] of pack.matchIds.slice(0, 2).entries()) {
    await logSession(mentorDb, mentorActor, {
      matchId,
      date: `2026-10-1${i}`,
      minutes: 45,
      mode: 'online',
      services: ['businessCounselling'],
      note: 'Moja bilješka',
      followUpOn: '2026-11-01',
    });
  }
  const logs = await exportMentorLogs(mentorDb, mentorActor);
  return { ...c, pack, mentorDb, user, logs };
}

describe('mentor pack, end to end through both databases', () => {
  it('the mentor’s Mreža holds only the pack; her logs come back in one transaction; the same file again changes nothing', async () => {
    const t = await roundTrip();
    try {
      expect(t.user.role).toBe('mentor');
      const mode = (await getMentorMode(t.mentorDb))!;
      expect(mode.organisation.id).toBe(t.org.id);
      expect(await t.mentorDb.people.count()).toBe(t.pack.matchIds.length + 1);
      expect(await t.mentorDb.consents.count()).toBe(0);
      expect(await t.mentorDb.matches.count()).toBe(t.pack.matchIds.length);
      expect((await t.mentorDb.mentoringSessions.toArray()).every((s) => s.orgId === t.org.id)).toBe(true);

      const before = await t.db.mentoringSessions.count();
      const preview = await previewMentorLogs(t.db, { fileName: t.logs.fileName, data: t.logs.bytes });
      expect(preview.plan.totals.add).toBe(Math.min(2, t.pack.matchIds.length));
      expect(preview.plan.totals.replace).toBe(0);
      expect(await t.db.mentoringSessions.count()).toBe(before); // dry run writes nothing
      await commitMentorLogs(t.db, t.actor, preview);
      expect(await t.db.mentoringSessions.count()).toBe(before + preview.plan.totals.add);
      const issued = (await getIssuedPacks(t.db))[0]!;
      expect(issued.mentorKey?.fingerprint).toBe(preview.plan.fingerprint);
      expect(issued.lastReturn?.exportId).toBe(preview.plan.exportId);
      expect((await mentorLogsHistory(t.db))[0]!.rowsAdded).toBe(preview.plan.totals.add);
      expect(await t.db.auditLog.filter((e) => e.summary === 'mentorLogsImported').count()).toBe(1);

      const again = await previewMentorLogs(t.db, { fileName: t.logs.fileName, data: t.logs.bytes });
      expect(again.plan.status).toBe('alreadyImported');
      expect((await commitMentorLogs(t.db, t.actor, again)).written).toBe(0);
      expect(await t.db.mentoringSessions.count()).toBe(before + preview.plan.totals.add);
    } finally {
      await dropDbs(t.db, t.mentorDb);
    }
  });

  it('a failure during the commit leaves the coordinator’s data as it was', async () => {
    const t = await roundTrip();
    try {
      const before = {
        sessions: await t.db.mentoringSessions.count(),
        history: await t.db.importHistory.count(),
        audit: await t.db.auditLog.count(),
        packs: await getIssuedPacks(t.db),
      };
      const preview = await previewMentorLogs(t.db, { fileName: t.logs.fileName, data: t.logs.bytes });
      await expect(
        commitMentorLogs(t.db, t.actor, preview, {
          beforeAudit: () => {
            throw new Error('disk full');
          },
        }),
      ).rejects.toThrow('disk full');
      expect(await t.db.mentoringSessions.count()).toBe(before.sessions);
      expect(await t.db.importHistory.count()).toBe(before.history);
      expect(await t.db.auditLog.count()).toBe(before.audit);
      expect(await getIssuedPacks(t.db)).toEqual(before.packs);
    } finally {
      await dropDbs(t.db, t.mentorDb);
    }
  });

  it('a pack does not open on an installation that already holds an organisation', async () => {
    const c = await coordinator();
    try {
      const pack = await exportMentorPack(c.db, c.actor, c.org, c.mentorId, PASS, { iterations: 100_000 });
      const err = await openMentorPack(c.db, await readMentorPack(pack.bytes, PASS), 'hr').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MentorPackError);
      expect((err as MentorPackError).code).toBe('notEmpty');
    } finally {
      await dropDbs(c.db);
    }
  });
});

describe('a newer pack without one of her matches', () => {
  it('her logs of that match still go home and land at the coordinator', async () => {
    const t = await roundTrip();
    try {
      const [closedMatch, kept] = t.pack.matchIds;
      const before = await t.mentorDb.mentoringSessions
        .where('matchId')
        .equals(closedMatch!)
        .filter((s) => s.note === 'Moja bilješka')
        .toArray();
      expect(before).toHaveLength(1);
      // The coordinator closes that match and sends a newer pack: it no longer carries it.
      await setMatchStatus(t.db, t.actor, closedMatch!, 'closed', { reason: 'goalsMet', rating: 5, outcome: 'continuing' });
      await new Promise((r) => setTimeout(r, 5));
      const newer = await exportMentorPack(t.db, t.actor, t.org, t.mentorId, PASS, { iterations: 100_000 });
      expect(newer.matchIds).not.toContain(closedMatch);
      expect(newer.matchIds).toContain(kept);
      await openMentorPack(t.mentorDb, await readMentorPack(newer.bytes, PASS), 'en', newer.fileName);
      expect((await getMentorMode(t.mentorDb))!.matchIds).not.toContain(closedMatch);

      const logs = await exportMentorLogs(t.mentorDb, { userId: t.user.id, userName: t.user.name, role: t.user.role, mentorId: t.user.mentorId });
      const preview = await previewMentorLogs(t.db, { fileName: logs.fileName, data: logs.bytes });
      expect(preview.plan.items.filter((i) => i.matchId === closedMatch && i.change === 'add')).toHaveLength(1);
      await commitMentorLogs(t.db, t.actor, preview);
      const home = await t.db.mentoringSessions.get(before[0]!.id);
      expect(home?.matchId).toBe(closedMatch);
      expect(home?.date).toBe(before[0]!.date);
    } finally {
      await dropDbs(t.db, t.mentorDb);
    }
  });
});

describe('a newer pack in mentor mode', () => {
  it('updates the pack and keeps the mentor’s own logs; an older pack or another mentor’s pack is refused', async () => {
    const t = await roundTrip();
    try {
      const mine = await t.mentorDb.mentoringSessions.filter((s) => s.note === 'Moja bilješka').toArray();
      expect(mine.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 5));
      const newer = await exportMentorPack(t.db, t.actor, t.org, t.mentorId, PASS, { iterations: 100_000 });
      const older = await readMentorPack(t.pack.bytes, PASS);
      await openMentorPack(t.mentorDb, await readMentorPack(newer.bytes, PASS), 'en', newer.fileName);
      expect((await getMentorMode(t.mentorDb))!.packId).toBe(newer.manifest.packId);
      expect(await t.mentorDb.users.count()).toBe(1);
      for (const s of mine) expect((await t.mentorDb.mentoringSessions.get(s.id))?.note).toBe('Moja bilješka');
      const err = await openMentorPack(t.mentorDb, older, 'en').catch((e: unknown) => e);
      expect((err as MentorPackError).code).toBe('olderPack');
      const otherMentor = (await t.db.matches.where('status').equals('active').toArray()).find((m) => m.mentorId !== t.mentorId)!.mentorId;
      const foreign = await exportMentorPack(t.db, t.actor, t.org, otherMentor, PASS, { iterations: 100_000 });
      const err2 = await openMentorPack(t.mentorDb, await readMentorPack(foreign.bytes, PASS), 'en').catch((e: unknown) => e);
      expect((err2 as MentorPackError).code).toBe('otherOrganisation');
    } finally {
      await dropDbs(t.db, t.mentorDb);
    }
  });
});

describe('keys are pinned: per mentor at the coordinator, the organisation’s at the mentor', () => {
  it('a second pack signed with another organisation key is refused in mentor mode, and nothing changes', async () => {
    const t = await roundTrip();
    try {
      // Someone who knows the pack passphrase and the organisation's name and id writes a pack
      // with their own key, so that her logs would be encrypted to them.
      const { generateOrgKeys } = await import('@shared/crypto');
      const { writeMentorPack } = await import('@shared/mentorPack');
      const source = {
        people: await t.db.people.toArray(),
        consents: await t.db.consents.toArray(),
        mentors: await t.db.mentors.toArray(),
        matches: await t.db.matches.toArray(),
        menteeProfiles: await t.db.menteeProfiles.toArray(),
        mentoringSessions: await t.db.mentoringSessions.toArray(),
      };
      const forged = await writeMentorPack({
        source,
        mentorId: t.mentorId,
        organisation: t.org,
        keys: await generateOrgKeys(),
        passphrase: PASS,
        iterations: 100_000,
        now: new Date(Date.now() + 60_000),
      });
      const before = await getMentorMode(t.mentorDb);
      const err = await openMentorPack(t.mentorDb, await readMentorPack(forged.bytes, PASS), 'en').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MentorPackError);
      expect((err as MentorPackError).code).toBe('organisationKeyChanged');
      expect((err as MentorPackError).params).toEqual({ expected: before!.orgFingerprint, found: forged.manifest.signer.fingerprint });
      expect(await getMentorMode(t.mentorDb)).toEqual(before);
    } finally {
      await dropDbs(t.db, t.mentorDb);
    }
  });

  it('the coordinator pins the mentor’s key once: logs for her next pack signed by another key are refused', async () => {
    const t = await roundTrip();
    try {
      await commitMentorLogs(t.db, t.actor, await previewMentorLogs(t.db, { fileName: t.logs.fileName, data: t.logs.bytes }));
      const pinned = (await getIssuedPacks(t.db))[0]!.mentorKey!;
      await new Promise((r) => setTimeout(r, 5));
      const second = await exportMentorPack(t.db, t.actor, t.org, t.mentorId, PASS, { iterations: 100_000 });
      // The new pack carries her pinned key from the start.
      expect((await getIssuedPacks(t.db)).find((p) => p.packId === second.manifest.packId)?.mentorKey).toEqual(pinned);
      // Someone else opens the second pack on another Mreža (another key) and sends "her" logs.
      const other = createDb(newDbName());
      await other.open();
      await unlocked(other);
      try {
        const { user } = await openMentorPack(other, await readMentorPack(second.bytes, PASS), 'en');
        const logs = await exportMentorLogs(other, { userId: user.id, userName: user.name, role: user.role, mentorId: user.mentorId });
        const err = await previewMentorLogs(t.db, { fileName: logs.fileName, data: logs.bytes }).catch((e: unknown) => e);
        expect((err as MentorPackError).code).toBe('signerChanged');
        expect((err as MentorPackError).params.expected).toBe(pinned.fingerprint);
      } finally {
        await dropDbs(other);
      }
      // Her own Mreža, with the second pack, still gets through.
      await openMentorPack(t.mentorDb, await readMentorPack(second.bytes, PASS), 'en');
      const hers = await exportMentorLogs(t.mentorDb, { userId: t.user.id, userName: t.user.name, role: t.user.role, mentorId: t.user.mentorId });
      const ok = await previewMentorLogs(t.db, { fileName: hers.fileName, data: hers.bytes });
      expect(ok.plan.trust).toBe('pinned');
    } finally {
      await dropDbs(t.db, t.mentorDb);
    }
  });
});
