import { actorOf } from '../../src/renderer/src/db/actor';
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readMentorPack } from '@shared/mentorPack';
import { TABLE_NAMES } from '@shared/model';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { logSession, saveMenteeProfile, setMatchStatus } from '../../src/renderer/src/db/mentoring';
import { exportMentorLogs, getMentorMode, openMentorPack } from '../../src/renderer/src/db/mentorMode';
import { deleteMentorDatabase, endMentoringSummary, menteeLogs } from '../../src/renderer/src/db/mentorLaptop';
import { commitMentorLogs, exportMentorPack, previewMentorLogs } from '../../src/renderer/src/db/mentorPacks';
import { dropDbs, mentoringCoordinator } from '../fixtures/mentoring';
import { newDbName, unlocked } from '../fixtures/testDb';

/** #15 item 6: a mentor's laptop holds her mentees only while she mentors them. */

const PASS = 'plavi-bicikl-2026';
const fast = { iterations: 100_000 };
const tick = () => new Promise((r) => setTimeout(r, 5));

async function world() {
  // A mentor with two active matches or more: one leaves, one stays.
  const { db, org, actor, mentorId } = await mentoringCoordinator((active) => [...new Set(active)].find((id) => active.filter((x) => x === id).length >= 2)!);
  // Every mentee of hers has needs recorded (they travel in the pack).
  for (const m of await db.matches.where('mentorId').equals(mentorId).toArray())
    await saveMenteeProfile(db, actor, { personId: m.menteeId, stage: 'idea', needs: ['marketing'], sector: 'Pekarstvo' });
  const pack = await exportMentorPack(db, actor, org, mentorId, PASS, fast);
  const mentorDb = createDb(newDbName());
  await mentorDb.open();
  await unlocked(mentorDb); // a data key held (the app opens a first pack with her new passphrase; no Argon2id here)
  const { user: mentorUser } = await openMentorPack(mentorDb, await readMentorPack(pack.bytes, PASS), 'hr', pack.fileName);
  const mentor = actorOf(mentorUser);
  const [leaving, staying] = pack.matchIds as [string, string];
  const leavingMatch = (await mentorDb.matches.get(leaving))!;
  const leavingPerson = (await mentorDb.people.get(leavingMatch.menteeId))!;
  return { db, org, actor, mentorId, mentorDb, mentor, leaving, staying, leavingPerson };
}
type World = Awaited<ReturnType<typeof world>>;

async function log(w: World, matchId: string, topics: string) {
  return logSession(w.mentorDb, w.mentor, {
    matchId,
    date: '2026-10-12',
    minutes: 45,
    mode: 'online',
    services: ['businessCounselling'],
    topics,
    note: 'Moja bilješka',
  });
}

/** Her logs file, imported at the coordinator. */
async function sendHome(w: World) {
  const logs = await exportMentorLogs(w.mentorDb, w.mentor);
  await commitMentorLogs(w.db, w.actor, await previewMentorLogs(w.db, { fileName: logs.fileName, data: logs.bytes }));
}

async function newerPack(w: World) {
  await tick();
  const pack = await exportMentorPack(w.db, w.actor, w.org, w.mentorId, PASS, fast);
  return openMentorPack(w.mentorDb, await readMentorPack(pack.bytes, PASS), 'hr', pack.fileName);
}

/** Every row of every table, as text: what a thief of the laptop could read. */
async function everything(db: MrezaDb): Promise<string> {
  const out: unknown[] = [];
  for (const name of TABLE_NAMES) out.push(await db.table(name).toArray());
  return JSON.stringify(out);
}

describe('a newer pack that no longer carries a mentee', () => {
  it('removes her, her needs, the match and its logs once the coordinator has her logs', async () => {
    const w = await world();
    try {
      await log(w, w.leaving, 'Poslovni plan');
      await log(w, w.staying, 'Cijene');
      await sendHome(w);
      await setMatchStatus(w.db, w.actor, w.leaving, 'closed', { reason: 'goalsMet', rating: 5, outcome: 'continuing' });
      expect(await w.mentorDb.menteeProfiles.where('personId').equals(w.leavingPerson.id).count()).toBe(1);

      const opened = await newerPack(w);
      expect(opened.removed).toBe(1);
      expect(opened.waiting).toEqual([]);
      expect(await w.mentorDb.people.get(w.leavingPerson.id)).toBeUndefined();
      expect(await w.mentorDb.matches.get(w.leaving)).toBeUndefined();
      expect(await w.mentorDb.menteeProfiles.where('personId').equals(w.leavingPerson.id).count()).toBe(0);
      expect(await w.mentorDb.mentoringSessions.where('matchId').equals(w.leaving).count()).toBe(0);
      const all = await everything(w.mentorDb);
      expect(all).not.toContain(w.leavingPerson.lastName);
      expect(all).not.toContain('Poslovni plan');
      // The mentee she still has is untouched, with her logs.
      expect(await w.mentorDb.matches.get(w.staying)).toBeDefined();
      expect((await w.mentorDb.mentoringSessions.where('matchId').equals(w.staying).toArray()).map((s) => s.topics)).toContain('Cijene');
      expect(await w.mentorDb.auditLog.filter((e) => e.summary === 'mentorPackMenteesRemoved').count()).toBe(1);
    } finally {
      await dropDbs(w.db, w.mentorDb);
    }
  });

  it('keeps just her unsent logs (and the mentee’s name, no contacts or needs) until a later pack confirms they are home', async () => {
    const w = await world();
    try {
      await log(w, w.leaving, 'Poslovni plan');
      await sendHome(w);
      await tick();
      const late = await log(w, w.leaving, 'Zadnji susret'); // written after her last file went home
      await setMatchStatus(w.db, w.actor, w.leaving, 'closed', { reason: 'goalsMet', rating: 5, outcome: 'continuing' });

      const opened = await newerPack(w);
      expect(opened.removed).toBe(0);
      expect(opened.waiting).toEqual([{ name: `${w.leavingPerson.firstName} ${w.leavingPerson.lastName}`, count: 1 }]);
      const kept = (await w.mentorDb.people.get(w.leavingPerson.id))!;
      expect(kept.lastName).toBe(w.leavingPerson.lastName);
      expect(kept.phone).toBeUndefined();
      expect(kept.email).toBeUndefined();
      expect(await w.mentorDb.menteeProfiles.where('personId').equals(w.leavingPerson.id).count()).toBe(0);
      // The log already home goes; the unsent one stays, and she sees that it waits.
      expect((await w.mentorDb.mentoringSessions.where('matchId').equals(w.leaving).toArray()).map((s) => s.id)).toEqual([late.id]);
      const mode = (await getMentorMode(w.mentorDb))!;
      expect(mode.matchIds).not.toContain(w.leaving);
      expect((await menteeLogs(w.mentorDb, mode)).find((m) => m.ended)).toMatchObject({ unsent: 1, notInAFile: 1 });

      // She sends it; the coordinator imports it; the next pack confirms it and the rest goes.
      const logs = await exportMentorLogs(w.mentorDb, w.mentor);
      const preview = await previewMentorLogs(w.db, { fileName: logs.fileName, data: logs.bytes });
      expect(preview.plan.items.filter((i) => i.id === late.id)).toHaveLength(1);
      await commitMentorLogs(w.db, w.actor, preview);
      expect((await w.db.mentoringSessions.get(late.id))?.topics).toBe('Zadnji susret');
      const again = await newerPack(w);
      expect(again).toMatchObject({ removed: 1, waiting: [] });
      expect(await w.mentorDb.people.get(w.leavingPerson.id)).toBeUndefined();
      expect(await w.mentorDb.mentoringSessions.get(late.id)).toBeUndefined();
      expect(await w.mentorDb.matches.get(w.leaving)).toBeUndefined();
    } finally {
      await dropDbs(w.db, w.mentorDb);
    }
  });

  it('a file she wrote but the coordinator never imported does not count as home', async () => {
    const w = await world();
    try {
      await log(w, w.leaving, 'Poslovni plan');
      await exportMentorLogs(w.mentorDb, w.mentor); // written, perhaps never sent
      await setMatchStatus(w.db, w.actor, w.leaving, 'closed', { reason: 'goalsMet', rating: 5, outcome: 'continuing' });
      const opened = await newerPack(w);
      expect(opened.waiting).toHaveLength(1);
      expect(
        await w.mentorDb.mentoringSessions
          .where('matchId')
          .equals(w.leaving)
          .filter((s) => s.topics === 'Poslovni plan')
          .count(),
      ).toBe(1);
      const mode = (await getMentorMode(w.mentorDb))!;
      // In a file, but not confirmed.
      expect((await menteeLogs(w.mentorDb, mode)).find((m) => m.ended)).toMatchObject({ unsent: 1, notInAFile: 0 });
    } finally {
      await dropDbs(w.db, w.mentorDb);
    }
  });

  it('a mentee she never wrote a log for goes at once, with the logs the pack brought', async () => {
    const w = await world();
    try {
      await setMatchStatus(w.db, w.actor, w.leaving, 'closed', { reason: 'goalsMet', rating: 5, outcome: 'continuing' });
      const opened = await newerPack(w);
      expect(opened).toMatchObject({ removed: 1, waiting: [] });
      expect(await w.mentorDb.mentoringSessions.where('matchId').equals(w.leaving).count()).toBe(0);
    } finally {
      await dropDbs(w.db, w.mentorDb);
    }
  });
});

describe('End mentoring on this computer', () => {
  it('names what it deletes, then deletes the whole database: nothing of it is left in IndexedDB', async () => {
    const w = await world();
    try {
      await log(w, w.staying, 'Cijene');
      const summary = await endMentoringSummary(w.mentorDb);
      expect(summary.mentees.map((m) => m.name)).toContain(`${w.leavingPerson.firstName} ${w.leavingPerson.lastName}`);
      expect(summary.mentees.reduce((n, m) => n + m.unsent, 0)).toBe(1);
      expect(summary.logs).toBeGreaterThan(0);
      const name = w.mentorDb.name;
      await deleteMentorDatabase(w.mentorDb);
      expect(await Dexie.exists(name)).toBe(false);
      const left = (await indexedDB.databases()).map((d) => d.name);
      expect(left).not.toContain(name);
      expect(left).not.toContain(`${name}-ledger`); // the erasure ledger and the audit chain's head go too
    } finally {
      await dropDbs(w.db, w.mentorDb);
    }
  });

  it('refuses on an installation that is not in mentor mode: a coordinator’s data is never deleted this way', async () => {
    const w = await world();
    try {
      await expect(deleteMentorDatabase(w.db)).rejects.toThrow();
      expect(await w.db.people.count()).toBeGreaterThan(0);
    } finally {
      await dropDbs(w.db, w.mentorDb);
    }
  });
});
