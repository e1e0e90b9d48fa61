import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/renderer/src/db/actor';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import { createRecord } from '../../src/renderer/src/db/records';
import { searchEverything } from '../../src/renderer/src/db/search';
import { withSetUpDb } from '../fixtures/testDb';

async function seed(db: MrezaDb, actor: Actor) {
  const person = (firstName: string, lastName: string, municipality?: string) =>
    createRecord(db, actor, 'people', { kind: 'beneficiary', firstName, lastName, gender: 'woman', municipality });
  return {
    sanja: await person('Sanja', 'Česar', 'Čakovec'),
    jelena: await person('Јелена', 'Петровић', 'Нови Сад'),
    ana: await person('Ana', 'Petrović', 'Varaždin'),
    djurdja: await person('Đurđica', 'Šimunović'),
    badge: await createRecord(db, actor, 'programmes', { kind: 'badge', title: 'BADGE – Savjetovanje i trening za poduzetnice 2026' }),
    cross: await createRecord(db, actor, 'programmes', { kind: 'crossBorder', title: 'Prekogranična radionica o socijalnoj aktivaciji' }),
  };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

describe('searchEverything', () => {
  it('ignores diacritics: "cesar" finds "Česar"', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const s = await seed(db, actor);
      expect(await searchEverything(db, actor, 'cesar')).toEqual([{ kind: 'person', id: s.sanja.id, label: 'Sanja Česar', detail: 'Čakovec' }]);
      expect(ids(await searchEverything(db, actor, 'ČESAR'))).toEqual([s.sanja.id]);
      expect(ids(await searchEverything(db, actor, 'djurdjica'))).toEqual([s.djurdja.id]);
      expect(ids(await searchEverything(db, actor, 'simunovic'))).toEqual([s.djurdja.id]);
    });
  });

  it('ignores the script: "petrovic" finds "Петровић" and Cyrillic queries find Latin names', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const s = await seed(db, actor);
      expect(ids(await searchEverything(db, actor, 'petrovic'))).toEqual(ids([s.jelena, s.ana]));
      expect((await searchEverything(db, actor, 'jelena')).map((h) => h.label)).toEqual(['Јелена Петровић']);
      expect(ids(await searchEverything(db, actor, 'Цесар'))).toEqual([s.sanja.id]);
    });
  });

  it('every word of a multi-word query must match, in any order', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const s = await seed(db, actor);
      expect(ids(await searchEverything(db, actor, 'ana petrovic'))).toEqual([s.ana.id]);
      expect(ids(await searchEverything(db, actor, 'Petrović  Ana'))).toEqual([s.ana.id]);
      expect(ids(await searchEverything(db, actor, 'jel petr'))).toEqual([s.jelena.id]);
      expect(await searchEverything(db, actor, 'ana cesar')).toEqual([]);
    });
  });

  it('finds programmes by title, diacritics-insensitive', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const s = await seed(db, actor);
      expect(await searchEverything(db, actor, 'prekogranicna')).toEqual([{ kind: 'programme', id: s.cross.id, label: s.cross.title }]);
      expect(ids(await searchEverything(db, actor, 'badge 2026'))).toEqual([s.badge.id]);
      expect(ids(await searchEverything(db, actor, 'socijalnoj aktivaciji'))).toEqual([s.cross.id]);
    });
  });

  it('needs two characters and stops at the limit, people first', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const s = await seed(db, actor);
      expect(await searchEverything(db, actor, 'a')).toEqual([]);
      expect(await searchEverything(db, actor, '  ')).toEqual([]);
      for (let i = 0; i < 5; i++) await createRecord(db, actor, 'programmes', { kind: 'other', title: `Radionica Ana ${i}` });
      const hits = await searchEverything(db, actor, 'ana', 3);
      expect(hits).toHaveLength(3);
      expect(hits.map((h) => h.kind)).toEqual(['person', 'programme', 'programme']);
      expect(hits[0]?.id).toBe(s.ana.id);
      expect(await searchEverything(db, actor, 'ana', 12)).toHaveLength(6);
    });
  });
});
