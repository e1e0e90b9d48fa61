import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MentorPackError } from '@shared/mentorPack';
import { actorOf } from '../../src/renderer/src/db/actor';
import { createDb } from '../../src/renderer/src/db/db';
import { logSession } from '../../src/renderer/src/db/mentoring';
import { getMentorMode } from '../../src/renderer/src/db/mentorMode';
import { signIn } from '../../src/renderer/src/db/signIn';
import { dropDbs, mentoringCoordinator } from '../fixtures/mentoring';
import { newDbName, TEST_PASSPHRASE } from '../fixtures/testDb';

/**
 * Mentor packs as plain functions (#14: orchestration in features/mentoring/actions): the
 * coordinator's pack out and logs in, the mentor's first run, her logs file, and ending mentoring.
 * The platform is a fake: the file she picks, where a saved file goes, what main was asked.
 */
const calls: string[] = [];
let picked: { fileName: string; data: Uint8Array } | undefined;
let saveAs: string | null = null;
const saved: Array<{ fileName: string; data: Uint8Array }> = [];
vi.mock('../../src/renderer/src/platform', () => ({
  platform: {
    invoke: async (channel: string, request: { suggestedName?: string; data?: Uint8Array }) => {
      calls.push(channel);
      if (channel === 'file:open') return picked ? [picked] : [];
      if (channel === 'file:save') {
        if (!saveAs) return null;
        saved.push({ fileName: saveAs, data: request.data! });
        return { fileName: saveAs };
      }
      if (channel === 'backup:deleteAll') return undefined;
      if (channel === 'backupFolder:forget') return { supported: true };
      throw new Error(`unexpected ${channel}`);
    },
    on: () => () => undefined,
  },
  isElectron: true,
}));
const actions = await import('../../src/renderer/src/features/mentoring/actions');

const PASS = 'plavi-bicikl-2026';

afterEach(() => {
  calls.length = 0;
  picked = undefined;
  saveAs = null;
  saved.length = 0;
});

const coordinator = () => mentoringCoordinator();

describe('mentor pack actions', { timeout: 240_000 }, () => {
  it('pack out, first run with her own passphrase, her logs back in; a cancelled save writes no file', async () => {
    const c = await coordinator();
    const mentorDb = createDb(newDbName());
    await mentorDb.open();
    try {
      expect(await actions.saveMentorPack(c.db, c.actor, c.org, c.mentorId, PASS)).toBeUndefined();
      saveAs = 'paket.mreza-mentor';
      const pack = await actions.saveMentorPack(c.db, c.actor, c.org, c.mentorId, PASS);
      const mentees = await c.db.matches.where({ mentorId: c.mentorId, status: 'active' }).count();
      expect(pack).toMatchObject({ fileName: 'paket.mreza-mentor', count: mentees });
      expect(pack!.mentor.length).toBeGreaterThan(0);

      // The mentor's computer: cancelled dialog, wrong passphrase, then the pack.
      expect(await actions.pickMentorPack()).toBeNull();
      picked = { fileName: 'paket.mreza-mentor', data: saved.at(-1)!.data };
      const file = (await actions.pickMentorPack())!;
      const wrong = await actions.readPackFile(file, 'krivo-geslo-2026').catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(MentorPackError);
      expect(await mentorDb.people.count()).toBe(0);
      const opened = await actions.readPackFile(file, PASS);
      const { userId, recoveryKey } = await actions.storeMentorPack(mentorDb, opened, 'hr', file.fileName, TEST_PASSPHRASE);
      expect(recoveryKey).toBeTruthy();
      expect((await getMentorMode(mentorDb))?.organisation.id).toBe(c.org.id);
      // From now on the lock screen asks for her own passphrase.
      expect(await signIn(mentorDb, userId, TEST_PASSPHRASE)).toMatchObject({ ok: true });

      const mentor = actorOf((await mentorDb.users.get(userId))!);
      const matchId = (await mentorDb.matches.toArray())[0]!.id;
      await logSession(mentorDb, mentor, {
        matchId,
        date: '2026-10-12',
        minutes: 45,
        mode: 'online',
        services: ['businessCounselling'],
        note: 'Moja bilješka',
      });
      saveAs = 'zapisi.mreza-logs';
      // Her logs file holds every log of her mentees, the new one with them.
      expect(await actions.saveMyLogs(mentorDb, mentor)).toEqual({ fileName: 'zapisi.mreza-logs', count: await mentorDb.mentoringSessions.count() });

      // Back at the coordinator: a dry run, then one transaction.
      const before = await c.db.mentoringSessions.count();
      picked = { fileName: 'zapisi.mreza-logs', data: saved.at(-1)!.data };
      const logsFile = (await actions.pickLogsFile())!;
      const preview = await actions.previewLogs(c.db, logsFile);
      expect(preview.plan.totals.add).toBe(1);
      expect(await c.db.mentoringSessions.count()).toBe(before);
      expect(await actions.commitLogs(c.db, c.actor, preview)).toEqual({ written: 1 });
      expect(await c.db.mentoringSessions.count()).toBe(before + 1);
    } finally {
      await dropDbs(c.db, mentorDb);
    }
  });

  it('a newer pack later refreshes her mentees without a new passphrase or user', async () => {
    const c = await coordinator();
    const mentorDb = createDb(newDbName());
    await mentorDb.open();
    try {
      saveAs = 'paket.mreza-mentor';
      await actions.saveMentorPack(c.db, c.actor, c.org, c.mentorId, PASS);
      const first = await actions.storeMentorPack(
        mentorDb,
        await actions.readPackFile({ fileName: 'a', data: saved.at(-1)!.data }, PASS),
        'hr',
        'a',
        TEST_PASSPHRASE,
      );
      // She opens the newer pack signed in, as the app asks.
      expect(await signIn(mentorDb, first.userId, TEST_PASSPHRASE)).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 5));
      await actions.saveMentorPack(c.db, c.actor, c.org, c.mentorId, PASS);
      const newer = await actions.storeMentorPack(mentorDb, await actions.readPackFile({ fileName: 'b', data: saved.at(-1)!.data }, PASS), 'hr', 'b');
      expect(newer.userId).toBe(first.userId);
      expect(newer.recoveryKey).toBeUndefined();
      expect(await mentorDb.users.count()).toBe(1);
    } finally {
      await dropDbs(c.db, mentorDb);
    }
  });

  it('ending mentoring: names what goes, deletes the backups before and after the database, then starts afresh', async () => {
    const c = await coordinator();
    const mentorDb = createDb(newDbName());
    await mentorDb.open();
    try {
      saveAs = 'paket.mreza-mentor';
      await actions.saveMentorPack(c.db, c.actor, c.org, c.mentorId, PASS);
      const { userId } = await actions.storeMentorPack(
        mentorDb,
        await actions.readPackFile({ fileName: 'a', data: saved.at(-1)!.data }, PASS),
        'hr',
        'a',
        TEST_PASSPHRASE,
      );
      expect(await signIn(mentorDb, userId, TEST_PASSPHRASE)).toMatchObject({ ok: true });
      const summary = await actions.endMentoringPreview(mentorDb);
      expect(summary.mentees.length).toBeGreaterThan(0);
      calls.length = 0;
      let reloaded = 0;
      await actions.endMentoringOnThisComputer(mentorDb, () => reloaded++);
      expect(calls).toEqual(['backup:deleteAll', 'backupFolder:forget', 'backup:deleteAll']);
      expect(reloaded).toBe(1);
      expect((await Dexie.getDatabaseNames()).includes(mentorDb.name)).toBe(false);
    } finally {
      await dropDbs(c.db);
    }
  });
});
