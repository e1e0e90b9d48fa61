import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupBytes, restoreBackup } from '../../src/renderer/src/db/backup';
import { createRecord } from '../../src/renderer/src/db/records';
import {
  attachScan,
  attachmentBytes,
  completions,
  enrolPeople,
  issueCertificates,
  loadEventDetail,
  saveEvaluation,
  saveEvent,
  saveProgramme,
  setAttendance,
  withdrawEnrolment,
} from '../../src/renderer/src/db/programmes';
import { programmeOverviews } from '../../src/renderer/src/db/overviews';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import type { Actor } from '../../src/renderer/src/db/actor';
import { giveKeyring, withSetUpDb } from '../fixtures/testDb';

async function people(db: MrezaDb, actor: Actor, n: number) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await createRecord(db, actor, 'people', {
      kind: 'beneficiary',
      firstName: `Ana${i}`,
      lastName: `Horvat${String(i).padStart(2, '0')}`,
      gender: i % 5 === 0 ? 'notStated' : 'woman',
      country: i % 2 ? 'SI' : 'HR',
    });
    out.push(p.id);
  }
  return out;
}

async function badge(db: MrezaDb, actor: Actor) {
  const programme = await saveProgramme(db, actor, {
    kind: 'badge',
    title: 'BADGE Čakovec 2026',
    funder: 'EU ESF',
    completionRule: { type: 'minShare', minShare: 0.75 },
  });
  const event = await saveEvent(
    db,
    actor,
    { programmeId: programme.id, kind: 'workshop', number: 1, title: 'Poduzetnički ciklus', capacity: 20, trainers: ['Ivana Novak'] },
    ['2026-03-26', '2026-03-31', '2026-04-07', '2026-04-14'].map((date) => ({ date, start: '17:00', end: '19:00', town: 'Čakovec', country: 'HR' as const })),
  );
  return { programme, event };
}

describe('programmes in the data store', () => {
  it('enrols 25 for 20 places, moves the first waiting person up on a withdrawal, all audited', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ids = await people(db, actor, 25);
      const { event } = await badge(db, actor);
      expect(await enrolPeople(db, actor, event.id, ids, '2026-03-01')).toEqual({ enrolled: 20, waiting: 5, skipped: 0 });
      expect(await enrolPeople(db, actor, event.id, ids.slice(0, 2))).toEqual({ enrolled: 0, waiting: 0, skipped: 2 });
      const rows = await db.enrolments.where('eventId').equals(event.id).toArray();
      const first = rows.find((r) => r.personId === ids[0])!;
      expect(await withdrawEnrolment(db, actor, first.id, '2026-03-10')).toEqual([ids[20]]);
      const after = await db.enrolments.where('eventId').equals(event.id).toArray();
      expect(after.filter((r) => r.status === 'enrolled')).toHaveLength(20);
      expect(
        after
          .filter((r) => r.status === 'waiting')
          .map((r) => r.personId)
          .sort(),
      ).toEqual(ids.slice(21).sort());
      expect(after.find((r) => r.id === first.id)).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-03-10' });
      const log = await db.auditLog.where('table').equals('enrolments').toArray();
      // Entries of one table come back in id order (random UUIDs), so compare them sorted.
      expect(log.map((l) => [l.action, l.count]).sort()).toEqual([
        ['create', 25],
        ['update', 2],
      ]);
      // Enrolling the withdrawn person again puts them at the end of the list, in the same record.
      expect(await enrolPeople(db, actor, event.id, [ids[0]!])).toEqual({ enrolled: 0, waiting: 1, skipped: 0 });
      expect(await db.enrolments.get(first.id)).toMatchObject({ status: 'waiting', waitPosition: 5, withdrawnOn: undefined });
    });
  });

  it('attendance, completion, numbered certificates only for those who meet the rule', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ids = await people(db, actor, 3);
      const { event } = await badge(db, actor);
      await enrolPeople(db, actor, event.id, ids);
      const sessions = (await loadEventDetail(db, actor, event.id))!.sessions;
      // a: 4/4, b: 3/4 with one late (meets 75%), c: 2/4.
      for (const s of sessions) await setAttendance(db, actor, s.id, ids[0]!, 'present');
      await setAttendance(db, actor, sessions[0]!.id, ids[1]!, 'late');
      await setAttendance(db, actor, sessions[1]!.id, ids[1]!, 'present');
      await setAttendance(db, actor, sessions[2]!.id, ids[1]!, 'present');
      await setAttendance(db, actor, sessions[3]!.id, ids[1]!, 'absent');
      await setAttendance(db, actor, sessions[0]!.id, ids[2]!, 'present');
      await setAttendance(db, actor, sessions[1]!.id, ids[2]!, 'present');
      await setAttendance(db, actor, sessions[2]!.id, ids[2]!, 'absent');
      await setAttendance(db, actor, sessions[2]!.id, ids[2]!, null);
      expect(await db.attendance.count()).toBe(10);
      const detail = (await loadEventDetail(db, actor, event.id))!;
      const done = completions(detail);
      expect(ids.map((id) => done.get(id)!.met)).toEqual([true, true, false]);

      const certs = await issueCertificates(db, actor, event.id, ids, 'completion', '2026-04-20');
      expect(certs.map((c) => c.number)).toEqual(expect.arrayContaining(['BADGE-2026-001', 'BADGE-2026-002']));
      expect(certs.map((c) => c.personId).sort()).toEqual([ids[0], ids[1]].sort());
      // Issuing again gives nobody a second certificate; the next one continues the numbering.
      expect(await issueCertificates(db, actor, event.id, ids, 'completion', '2026-04-20')).toEqual([]);
      await setAttendance(db, actor, sessions[2]!.id, ids[2]!, 'present');
      expect((await issueCertificates(db, actor, event.id, ids, 'completion', '2026-04-21')).map((c) => c.number)).toEqual(['BADGE-2026-003']);

      const [overview] = await programmeOverviews(db, '2026-01-01');
      expect(overview).toMatchObject({ events: 1, sessions: 4, enrolled: 3 });
    });
  });

  it('editing an event keeps sessions by id and drops removed sessions with their marks', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const [pid] = await people(db, actor, 1);
      const { event } = await badge(db, actor);
      const detail = (await loadEventDetail(db, actor, event.id))!;
      await enrolPeople(db, actor, event.id, [pid!]);
      await setAttendance(db, actor, detail.sessions[3]!.id, pid!, 'present');
      await saveEvent(
        db,
        actor,
        { ...event, title: 'Renamed' },
        detail.sessions.slice(0, 3).map((s) => ({ ...s, venue: 'Centar' })),
        event.id,
      );
      const again = (await loadEventDetail(db, actor, event.id))!;
      expect(again.event.title).toBe('Renamed');
      expect(again.sessions.map((s) => s.id)).toEqual(detail.sessions.slice(0, 3).map((s) => s.id));
      expect(again.sessions.every((s) => s.venue === 'Centar')).toBe(true);
      expect(await db.attendance.count()).toBe(0);
    });
  });

  it('scans and evaluations survive a backup round trip', async () => {
    await withSetUpDb(async (db, { actor, user }) => {
      const [pid] = await people(db, actor, 1);
      const { event } = await badge(db, actor);
      const session = (await loadEventDetail(db, actor, event.id))!.sessions[0]!;
      const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
      const scan = await attachScan(db, actor, session.id, 'potpisna-lista.PDF', bytes);
      expect(scan).toMatchObject({ mimeType: 'application/pdf', size: 200_000 });
      await saveEvaluation(db, actor, event.id, pid!, { scores: { content: 5, trainers: 4 }, comment: ' Odlično ' });
      await giveKeyring(db, user); // backups are encrypted with the data key
      const backup = await backupBytes(db);
      await db.attachments.clear();
      await db.evaluations.clear();
      await restoreBackup(db, actor, backup, 'test.json.gz');
      const [back] = await attachmentBytes(db, actor, [scan.id]);
      expect(back!.data).toEqual(bytes);
      expect(await db.evaluations.toArray()).toEqual([expect.objectContaining({ scores: { content: 5, trainers: 4 }, comment: 'Odlično' })]);
    });
  });
});
