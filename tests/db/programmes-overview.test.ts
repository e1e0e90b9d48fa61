import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src/renderer/src/db/records';
import { enrolPeople, saveEvent, saveProgramme, setAttendance } from '../../src/renderer/src/db/programmes';
import { participationOverview, programmeOverviews } from '../../src/renderer/src/db/overviews';
import { withSetUpDb } from '../fixtures/testDb';

describe('programme overview: people are counted once, enrolments are counted as enrolments', () => {
  it('8 people in three modules (24 enrolments): Participants 8, breakdowns sum to 8, Enrolments 24', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const people: string[] = [];
      for (let i = 0; i < 8; i++) {
        people.push(
          (
            await createRecord(db, actor, 'people', {
              kind: 'professional',
              firstName: `Ana${i}`,
              lastName: 'Kovač',
              gender: i < 6 ? 'woman' : 'man',
              country: i % 2 ? 'SI' : 'HR',
            })
          ).id,
        );
      }
      const programme = await saveProgramme(db, actor, {
        kind: 'crossBorder',
        title: 'Socijalna aktivacija',
        completionRule: { type: 'minShare', minShare: 1 },
      });
      const events = [];
      for (let m = 1; m <= 3; m++) {
        const ev = await saveEvent(db, actor, { programmeId: programme.id, kind: 'module', number: m, title: `Modul ${m}`, capacity: 7 }, [
          { date: `2025-0${m}-10`, start: '09:00', end: '15:00', town: 'Čakovec', country: 'HR' },
        ]);
        events.push(ev);
        // Seven places: the eighth person waits in every module.
        await enrolPeople(db, actor, ev.id, people, '2025-01-01');
        const [session] = await db.sessions.where('eventId').equals(ev.id).toArray();
        for (const p of people.slice(0, 7)) await setAttendance(db, actor, session!.id, p, 'present');
      }
      const o = await participationOverview(
        db,
        programme,
        events.map((e) => e.id),
        '2026-01-01',
      );
      expect(o.people).toBe(7);
      expect(o.enrolments).toBe(21);
      expect(Object.values(o.breakdown.gender).reduce((a, b) => a + b, 0)).toBe(o.people);
      expect(Object.values(o.breakdown.country).reduce((a, b) => a + b, 0)).toBe(o.people);
      // The same person waiting for three modules is one person waiting.
      expect(o.waiting).toBe(1);
      // Completed: people who completed at least one event, not completed enrolments.
      expect(o.completions).toBe(7);
      expect(o.attendanceRate).toBe(1);

      // The programme card ("N enrolled people") counts people too.
      const [card] = await programmeOverviews(db);
      expect(card!.enrolled).toBe(7);

      // One event: people and enrolments are the same number.
      const one = await participationOverview(db, programme, [events[0]!.id], '2026-01-01');
      expect([one.people, one.enrolments, one.waiting, one.completions]).toEqual([7, 7, 1, 7]);
    });
  });
});
