import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listTargets, logReportExport } from '../../src/renderer/src/db/indicators';
import { acceptPairs, mentoringCounts, saveMenteeProfile, saveMentor } from '../../src/renderer/src/db/mentoring';
import { homeFigures } from '../../src/renderer/src/db/overviews';
import { countPeople, createPerson, getPeople, getPerson } from '../../src/renderer/src/db/people';
import { getEventSession } from '../../src/renderer/src/db/programmes';
import { createRecord } from '../../src/renderer/src/db/records';
import { withSetUpDb } from '../fixtures/testDb';

/** The reads screens used to run on tables themselves, now named db functions (issue 14). */
describe('named reads for the screens', () => {
  it('people by id keep the asked order and leave out the missing; the count is the registry size', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ana = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Anić', gender: 'woman' });
      const bo = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Bosa', lastName: 'Bosić', gender: 'woman' });
      expect((await getPeople(db, [bo.id, 'gone', ana.id])).map((p) => p.id)).toEqual([bo.id, ana.id]);
      expect((await getPerson(db, ana.id))?.firstName).toBe('Ana');
      expect(await getPerson(db, 'gone')).toBeUndefined();
      expect(await countPeople(db)).toBe(2);
    });
  });

  it('home figures count active matches only; mentoring counts mentors and mentees', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const m = await createPerson(db, actor, { kind: 'professional', firstName: 'Mira', lastName: 'Mentor', gender: 'woman' });
      const a = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Anić', gender: 'woman' });
      const b = await createPerson(db, actor, { kind: 'beneficiary', firstName: 'Bosa', lastName: 'Bosić', gender: 'woman' });
      const mentor = await saveMentor(db, actor, { personId: m.id, capacity: 3 } as never);
      await saveMenteeProfile(db, actor, { personId: a.id } as never);
      await acceptPairs(db, actor, [{ menteeId: a.id, mentorId: mentor.id, score: 1 }], 'active');
      await acceptPairs(db, actor, [{ menteeId: b.id, mentorId: mentor.id, score: 1 }], 'proposed');
      expect(await homeFigures(db)).toEqual({ people: 3, mentors: 1, activeMatches: 1, sessions: 0 });
      expect(await mentoringCounts(db)).toEqual({ mentors: 1, mentees: 1 });
    });
  });

  it('a session is read by id; targets are listed; a report export leaves an audit trace', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const programme = await createRecord(db, actor, 'programmes', { kind: 'badge', title: 'BADGE' } as never);
      const event = await createRecord(db, actor, 'events', { programmeId: programme.id, kind: 'workshop', title: 'R1' } as never);
      const session = await createRecord(db, actor, 'sessions', {
        eventId: event.id,
        date: '2026-02-01',
        start: '10:00',
        end: '12:00',
        town: 'Čakovec',
        country: 'HR',
      } as never);
      expect((await getEventSession(db, session.id))?.eventId).toBe(event.id);
      await createRecord(db, actor, 'targets', { indicator: 'reach.total', value: 100 } as never);
      expect((await listTargets(db)).map((x) => x.value)).toEqual([100]);
      await logReportExport(db, actor, 'mreza-report-2026-02-01.xlsx');
      const trace = await db.auditLog.where('action').equals('export').toArray();
      expect(trace.map((e) => [e.table, e.detail])).toEqual([['report', 'mreza-report-2026-02-01.xlsx']]);
    });
  });
});
