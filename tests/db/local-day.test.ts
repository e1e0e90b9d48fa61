/**
 * Issue 13, item 5 at the data layer: every date the app writes or compares for "today" is the
 * organisation's local day. At 00:10 in Zagreb (23:10 UTC the day before, in winter) a new match,
 * an enrolment, a certificate, a closed match and the reminders used to be dated yesterday.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, updateRecord } from '../../src/renderer/src/db/records';
import { acceptPairs, logSession, matchRows, mentoringReminders, saveMentor, setMatchStatus } from '../../src/renderer/src/db/mentoring';
import { enrolPeople, issueCertificates, saveEvent, saveProgramme, setAttendance } from '../../src/renderer/src/db/programmes';
import { programmeOverviews, participationOverview } from '../../src/renderer/src/db/overviews';
import { orgToday } from '../../src/renderer/src/db/orgDay';
import { queryAudit } from '../../src/renderer/src/db/audit';
import { withSetUpDb } from '../fixtures/testDb';

const WINTER_0010 = new Date('2026-01-14T23:10:00Z');
const SUMMER_0010 = new Date('2026-07-14T22:10:00Z');

describe('the organisation\u2019s day in the data layer', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('an organisation set up before time zones existed gets its country\u2019s zone; a chosen zone wins', async () => {
    await withSetUpDb(async (db, { orgId, actor }) => {
      vi.setSystemTime(WINTER_0010);
      expect((await db.organisations.get(orgId))!.timeZone).toBeUndefined();
      expect(await orgToday(db)).toBe('2026-01-15');
      vi.setSystemTime(SUMMER_0010);
      expect(await orgToday(db)).toBe('2026-07-15');
      // An organisation that works on UTC (say, a mission abroad) chooses it in Settings.
      await updateRecord(db, actor, 'organisations', orgId, { timeZone: 'UTC' });
      expect(await orgToday(db)).toBe('2026-07-14');
    });
  });

  it('mentoring at 00:10: the match starts today, a session of today is held, the match closes today, follow-ups due today show', async () => {
    await withSetUpDb(async (db, { actor }) => {
      vi.setSystemTime(WINTER_0010);
      const vesna = await createRecord(db, actor, 'people', { kind: 'professional', firstName: 'Vesna', lastName: 'Kovačević', gender: 'woman' });
      const ana = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      const mentor = await saveMentor(db, actor, { personId: vesna.id, expertise: ['businessPlan'], languages: ['hr'], capacity: 2 });
      const [m] = await acceptPairs(db, actor, [{ menteeId: ana.id, mentorId: mentor.id, score: 40 }]);
      expect(m).toMatchObject({ proposedOn: '2026-01-15', startedOn: '2026-01-15' });
      await logSession(db, actor, {
        matchId: m!.id,
        date: '2026-01-15',
        minutes: 60,
        mode: 'phone',
        services: ['psychosocialSupport'],
        followUpOn: '2026-01-15',
      });
      // A session logged for tomorrow is not held yet.
      await logSession(db, actor, { matchId: m!.id, date: '2026-01-16', minutes: 60, mode: 'phone', services: ['psychosocialSupport'] });
      expect((await matchRows(db, actor))[0]).toMatchObject({ sessions: 1, lastSession: '2026-01-15' });
      expect((await mentoringReminders(db, actor)).map((r) => r.reminder.kind)).toContain('followUp');
      await setMatchStatus(db, actor, m!.id, 'closed', { reason: 'goalsMet', rating: 5, outcome: 'none' });
      expect((await db.matches.get(m!.id))!.closedOn).toBe('2026-01-15');
    });
  });

  it('training at 00:10: enrolment and certificate dated today, today\u2019s session is held and the next one is tomorrow', async () => {
    await withSetUpDb(async (db, { actor }) => {
      vi.setSystemTime(WINTER_0010);
      const programme = await saveProgramme(db, actor, { kind: 'badge', title: 'BADGE Čakovec', completionRule: { type: 'minShare', minShare: 0.5 } });
      const event = await saveEvent(db, actor, { programmeId: programme.id, kind: 'workshop', number: 1, title: 'Ciklus', capacity: 10, trainers: [] }, [
        { date: '2026-01-15', start: '09:00', end: '11:00', town: 'Čakovec', country: 'HR' },
        { date: '2026-01-16', start: '09:00', end: '11:00', town: 'Čakovec', country: 'HR' },
      ]);
      const ana = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      await enrolPeople(db, actor, event.id, [ana.id]);
      expect((await db.enrolments.toArray())[0]!.enrolledOn).toBe('2026-01-15');
      const [today, tomorrow] = (await db.sessions.toArray()).sort((a, b) => a.date.localeCompare(b.date));
      await setAttendance(db, actor, today!.id, ana.id, 'present');
      // Half the sessions attended meets the rule; the certificate is dated today.
      const [certificate] = await issueCertificates(db, actor, event.id, [ana.id]);
      expect(certificate!.issuedOn).toBe('2026-01-15');
      expect((await programmeOverviews(db))[0]!.nextSession?.id).toBe(today!.id);
      // One session held (today's), attended: 100 %, not 50 % with tomorrow's counted as missed.
      expect((await participationOverview(db, programme, [event.id])).attendanceRate).toBe(1);
      expect(tomorrow!.date).toBe('2026-01-16');
    });
  });

  it('the audit log\u2019s day filter is the organisation\u2019s day', async () => {
    await withSetUpDb(async (db, { actor }) => {
      vi.setSystemTime(WINTER_0010);
      await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      const entries = await queryAudit(db, actor, { from: '2026-01-15', to: '2026-01-15' });
      expect(entries.map((e) => e.table)).toContain('people');
      expect((await queryAudit(db, actor, { to: '2026-01-14' })).map((e) => e.table)).not.toContain('people');
    });
  });
});
