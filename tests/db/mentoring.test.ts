import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS } from '@shared/model';
import { closureFromChoices, NO_CLOSE_CHOICES } from '@shared/mentoring';
import { PeopleError } from '../../src/renderer/src/db/people';
import { createRecord } from '../../src/renderer/src/db/records';
import {
  acceptPairs,
  deleteSession,
  getMentoringSettings,
  logSession,
  markFollowUpDone,
  matchRows,
  menteeRows,
  mentoringReminders,
  mentorRows,
  saveMenteeProfile,
  saveMentor,
  saveMentoringSettings,
  sessionRows,
  setMatchStatus,
  updateSession,
} from '../../src/renderer/src/db/mentoring';
import { getSettings } from '../../src/renderer/src/db/settings';
import { withSetUpDb } from '../fixtures/testDb';

describe('mentoring data', () => {
  it('profiles, accepting pairs, sessions, reminders and closing with an outcome', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const vesna = await createRecord(db, actor, 'people', {
        kind: 'professional',
        firstName: 'Vesna',
        lastName: 'Kovačević',
        gender: 'woman',
        municipality: 'Čakovec',
      });
      const ana = await createRecord(db, actor, 'people', {
        kind: 'beneficiary',
        firstName: 'Ana',
        lastName: 'Horvat',
        gender: 'woman',
        municipality: 'Čakovec',
      });
      const mentor = await saveMentor(db, actor, { personId: vesna.id, expertise: ['businessPlan'], languages: ['hr'], capacity: 2 });
      await saveMenteeProfile(db, actor, { personId: ana.id, needs: ['businessPlan'], languages: ['hr'] });
      // One needs profile per person: saving again updates it.
      await saveMenteeProfile(db, actor, { personId: ana.id, needs: ['businessPlan', 'legal'], languages: ['hr'] });
      expect(await db.menteeProfiles.count()).toBe(1);

      const [m] = await acceptPairs(db, actor, [{ menteeId: ana.id, mentorId: mentor.id, score: 40 }]);
      // Accepting the same mentee twice does nothing.
      expect(await acceptPairs(db, actor, [{ menteeId: ana.id, mentorId: mentor.id, score: 40 }])).toEqual([]);
      expect((await mentorRows(db, actor))[0]!.load).toBe(1);
      expect((await menteeRows(db, actor))[0]!.current?.id).toBe(m!.id);

      await logSession(db, actor, {
        matchId: m!.id,
        date: '2026-01-10',
        minutes: 60,
        mode: 'phone',
        services: ['businessCounselling'],
        followUpOn: '2026-01-20',
      });
      const rem = await mentoringReminders(db, actor, { today: '2026-03-01' });
      expect(rem.map((r) => r.reminder.kind)).toEqual(['followUp', 'stale', 'check']);
      expect(rem[0]!.menteeName).toBe('Ana Horvat');
      expect((await sessionRows(db, actor, { mentorId: mentor.id, from: '2026-01-01', to: '2026-01-31' })).length).toBe(1);
      expect((await sessionRows(db, actor, { from: '2026-02-01' })).length).toBe(0);

      await expect(setMatchStatus(db, actor, m!.id, 'proposed')).rejects.toThrow();
      await setMatchStatus(
        db,
        actor,
        m!.id,
        'closed',
        { reason: 'goalsMet', rating: 5, outcome: 'businessRegistered', legalForm: 'obrt', jobsCreated: 1 },
        '2026-03-01',
      );
      const closed = (await matchRows(db, actor))[0]!.match;
      expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-03-01' });
      const outcome = await db.outcomes.get(closed.closure!.outcomeId!);
      // The legal form and jobs are fields of the outcome, not note text.
      expect(outcome).toMatchObject({ personId: ana.id, kind: 'businessRegistered', date: '2026-03-01', legalForm: 'obrt', jobsCreated: 1 });
      expect(outcome).not.toHaveProperty('note');
      expect(await db.auditLog.where('table').equals('outcomes').count()).toBe(1);
    });
  });

  it('closing with "mentee withdrew" and nothing else chosen stores no outcome, no rating and no jobs', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const vesna = await createRecord(db, actor, 'people', {
        kind: 'professional',
        firstName: 'Vesna',
        lastName: 'Kovačević',
        gender: 'woman',
        municipality: 'Čakovec',
      });
      const ana = await createRecord(db, actor, 'people', {
        kind: 'beneficiary',
        firstName: 'Ana',
        lastName: 'Horvat',
        gender: 'woman',
        municipality: 'Čakovec',
      });
      const mentor = await saveMentor(db, actor, { personId: vesna.id, expertise: ['businessPlan'], languages: ['hr'], capacity: 2 });
      const [m] = await acceptPairs(db, actor, [{ menteeId: ana.id, mentorId: mentor.id, score: 40 }]);
      // What the close dialog holds when the coordinator only picks the reason.
      const closure = closureFromChoices({ ...NO_CLOSE_CHOICES, reason: 'menteeWithdrew' });
      expect(closure).toEqual({ reason: 'menteeWithdrew' });
      await setMatchStatus(db, actor, m!.id, 'closed', closure, '2026-03-01');
      const closed = (await db.matches.get(m!.id))!;
      expect(closed.status).toBe('closed');
      expect(closed.closure).toEqual({ reason: 'menteeWithdrew' });
      expect(await db.outcomes.count()).toBe(0);
      expect(TABLE_SCHEMAS.matches.safeParse(closed).success).toBe(true);
    });
  });

  it('"no outcome", "dropped out" and "continuing" write no outcome; a legal form must fit the country and go with a business', async () => {
    await withSetUpDb(async (db, { actor, orgId }) => {
      await db.organisations.update(orgId, { country: 'RS' });
      const vesna = await createRecord(db, actor, 'people', {
        kind: 'professional',
        firstName: 'Весна',
        lastName: 'Ковачевић',
        gender: 'woman',
        municipality: 'Нови Сад',
      });
      const mentor = await saveMentor(db, actor, { personId: vesna.id, expertise: ['businessPlan'], languages: ['sr'], capacity: 9 });
      const pair = async (firstName: string) => {
        const p = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName, lastName: 'Петровић', gender: 'woman', municipality: 'Нови Сад' });
        const [m] = await acceptPairs(db, actor, [{ menteeId: p.id, mentorId: mentor.id, score: 40 }]);
        return m!.id;
      };
      for (const outcome of ['none', 'droppedOut', 'continuing'] as const) {
        await setMatchStatus(
          db,
          actor,
          await pair(outcome),
          'closed',
          closureFromChoices({ ...NO_CLOSE_CHOICES, reason: 'menteeWithdrew', outcome, legalForm: 'doo', jobsCreated: 3 }),
        );
      }
      expect(await db.outcomes.count()).toBe(0);

      // A Croatian obrt in a Serbian organisation is refused, and nothing is written.
      const jelena = await pair('Јелена');
      const refused = setMatchStatus(db, actor, jelena, 'closed', { reason: 'goalsMet', outcome: 'businessRegistered', legalForm: 'obrt', jobsCreated: 1 });
      await expect(refused).rejects.toBeInstanceOf(PeopleError);
      await expect(refused).rejects.toMatchObject({ code: 'legalFormNotInCountry' });
      // Jobs on an outcome that is not a business of her own are refused too.
      await expect(setMatchStatus(db, actor, jelena, 'closed', { reason: 'goalsMet', outcome: 'employed', jobsCreated: 1 })).rejects.toMatchObject({
        code: 'detailsNotForKind',
      });
      expect((await db.matches.get(jelena))!.status).toBe('active');
      expect(await db.outcomes.count()).toBe(0);

      await setMatchStatus(db, actor, jelena, 'closed', { reason: 'goalsMet', outcome: 'businessRegistered', legalForm: 'preduzetnik', jobsCreated: 2 });
      expect(await db.outcomes.toArray()).toEqual([expect.objectContaining({ kind: 'businessRegistered', legalForm: 'preduzetnik', jobsCreated: 2 })]);
    });
  });

  it('a session log is corrected (emptied fields cleared, follow-up done kept) and deleted, both audited', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const vesna = await createRecord(db, actor, 'people', {
        kind: 'professional',
        firstName: 'Vesna',
        lastName: 'Kovačević',
        gender: 'woman',
        municipality: 'Čakovec',
      });
      const ana = await createRecord(db, actor, 'people', {
        kind: 'beneficiary',
        firstName: 'Ana',
        lastName: 'Horvat',
        gender: 'woman',
        municipality: 'Čakovec',
      });
      const mentor = await saveMentor(db, actor, { personId: vesna.id, expertise: ['businessPlan'], languages: ['hr'], capacity: 2 });
      const [m] = await acceptPairs(db, actor, [{ menteeId: ana.id, mentorId: mentor.id, score: 40 }]);
      const logged = await logSession(db, actor, {
        matchId: m!.id,
        date: '2026-01-10',
        minutes: 60,
        mode: 'phone',
        services: ['businessCounselling'],
        topics: 'Plan',
        note: 'Bilješka',
        followUpOn: '2026-01-20',
      });
      await markFollowUpDone(db, actor, logged.id);
      await new Promise((r) => setTimeout(r, 2));
      const fixed = await updateSession(db, actor, logged.id, {
        matchId: m!.id,
        date: '2026-01-11',
        minutes: 90,
        mode: 'inPerson',
        services: ['businessCounselling', 'legalAdvice'],
        note: 'Bilješka',
      });
      const stored = (await db.mentoringSessions.get(logged.id))!;
      expect(stored).toMatchObject({
        date: '2026-01-11',
        minutes: 90,
        mode: 'inPerson',
        services: ['businessCounselling', 'legalAdvice'],
        note: 'Bilješka',
        followUpDone: true,
        createdAt: logged.createdAt,
      });
      expect(stored).toEqual(fixed);
      // Emptied in the form: gone from the record, not stored as undefined.
      expect(Object.keys(stored)).not.toContain('topics');
      expect(Object.keys(stored)).not.toContain('followUpOn');
      expect(stored.updatedAt > logged.updatedAt).toBe(true);
      expect(TABLE_SCHEMAS.mentoringSessions.safeParse(stored).success).toBe(true);
      await deleteSession(db, actor, logged.id);
      expect(await db.mentoringSessions.get(logged.id)).toBeUndefined();
      const trail = await db.auditLog.where('table').equals('mentoringSessions').toArray();
      expect(trail.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update', 'update']);
    });
  });

  it('mentoring settings live beside the app settings; both rows validate for backups', async () => {
    await withSetUpDb(async (db, { actor }) => {
      expect((await getMentoringSettings(db)).staleWeeks).toBe(4);
      await saveMentoringSettings(db, actor, { staleWeeks: 6, weights: { ...(await getMentoringSettings(db)).weights, needs: 50 } });
      expect(await getMentoringSettings(db)).toMatchObject({ staleWeeks: 6, weights: { needs: 50 } });
      expect((await getSettings(db))?.key).toBe('app');
      for (const row of await db.table('settings').toArray()) expect(TABLE_SCHEMAS.settings.safeParse(row).success).toBe(true);
    });
  });
});
