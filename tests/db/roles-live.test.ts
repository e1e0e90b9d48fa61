import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { actorOf, type Actor } from '../../src/renderer/src/db/actor';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import { peopleByIds } from '../../src/renderer/src/db/indicators';
import { matchRows, menteeRows, saveMenteeProfile } from '../../src/renderer/src/db/mentoring';
import { createPerson, peopleForList, personDossier, updatePerson } from '../../src/renderer/src/db/people';
import { createRecord, updateRecord } from '../../src/renderer/src/db/records';
import { searchEverything, searchPeople } from '../../src/renderer/src/db/search';
import { addUser } from '../../src/renderer/src/db/users';
import { withSetUpDb } from '../fixtures/testDb';

const tick = (ms = 100) => new Promise((r) => setTimeout(r, ms));

/** Subscribes like useLiveQuery does; returns what it has seen so far. */
function watch<T>(query: () => Promise<T>): { values: T[]; stop: () => void } {
  const values: T[] = [];
  const sub = liveQuery(query).subscribe((v) => values.push(v));
  return { values, stop: () => sub.unsubscribe() };
}

async function mentorWorld(db: MrezaDb, coordinator: Actor) {
  const ana = await createPerson(db, coordinator, { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
  const mira = await createPerson(db, coordinator, { kind: 'professional', firstName: 'Mira', lastName: 'Mentorić', gender: 'woman' });
  const mentor = await createRecord(db, coordinator, 'mentors', { personId: mira.id, capacity: 2 });
  await createRecord(db, coordinator, 'matches', { mentorId: mentor.id, menteeId: ana.id, status: 'active' });
  await saveMenteeProfile(db, coordinator, { personId: ana.id });
  const user = await addUser(db, coordinator, { name: 'Mira Mentorić', role: 'mentor' });
  return { ana, mentor: actorOf(await updateRecord(db, coordinator, 'users', user.id, { mentorId: mentor.id })) };
}

describe('reads checked by role still follow changes on screen (live queries)', () => {
  it.each(['coordinator', 'mentor'] as const)('as %s: the list, a person, search, the people behind a figure, mentees and matches', async (role) => {
    await withSetUpDb(async (db, { actor: coordinator }) => {
      const { ana, mentor } = await mentorWorld(db, coordinator);
      const actor = role === 'mentor' ? mentor : coordinator;
      const phone = (p: { phone?: string | undefined } | undefined) => p?.phone ?? '-';
      // Each read called directly as the querier, as the screens' useLiveQuery calls them; what it
      // returned is looked at afterwards.
      const queries: Record<string, [() => Promise<unknown>, (v: never) => string]> = {
        list: [() => peopleForList(db, actor), (v: Awaited<ReturnType<typeof peopleForList>>) => v.map(phone).sort().join()],
        person: [() => personDossier(db, actor, ana.id), (v: Awaited<ReturnType<typeof personDossier>>) => phone(v?.person)],
        search: [() => searchPeople(db, actor, 'ana'), (v: Awaited<ReturnType<typeof searchPeople>>) => v.map(phone).join()],
        everything: [() => searchEverything(db, actor, 'ana'), (v: Awaited<ReturnType<typeof searchEverything>>) => v.map((h) => h.detail ?? '-').join()],
        figure: [() => peopleByIds(db, actor, [ana.id]), (v: Awaited<ReturnType<typeof peopleByIds>>) => v.map(phone).join()],
        mentees: [() => menteeRows(db, actor), (v: Awaited<ReturnType<typeof menteeRows>>) => v.map((r) => phone(r.person)).join()],
        matches: [() => matchRows(db, actor), (v: Awaited<ReturnType<typeof matchRows>>) => v.map((r) => r.menteeName).join()],
      };
      // One screen at a time, as a user has it open: the change must reach it.
      for (const [i, [name, [query, show]]] of Object.entries(queries).entries()) {
        const w = watch(query);
        await tick();
        const before = show(w.values.at(-1) as never);
        await updatePerson(db, coordinator, ana.id, {
          kind: 'beneficiary',
          firstName: 'Ana',
          lastName: `Horvat ${i}`,
          gender: 'woman',
          phone: `09${i}`,
          municipality: `Mjesto ${i}`,
        });
        await tick(300);
        w.stop();
        expect(show(w.values.at(-1) as never), name).not.toBe(before);
      }
    });
  });

  it('a write checked by role inside a larger transaction joins it: a failure later rolls it back', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await expect(
        db.transaction('rw', [db.programmes, db.auditLog, db.organisations], async () => {
          await createRecord(db, actor, 'programmes', { kind: 'other', title: 'Half done' });
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      expect(await db.programmes.count()).toBe(0);
    });
  });
});
