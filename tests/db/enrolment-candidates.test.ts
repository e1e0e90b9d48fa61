/** Issue 17 part 5: the enrolment panel's candidates, by kind and target group, read from the registry. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveMentor } from '../../src/renderer/src/db/mentoring';
import { createRecord } from '../../src/renderer/src/db/records';
import { enrolmentCandidates } from '../../src/renderer/src/db/search';
import { withSetUpDb } from '../fixtures/testDb';

describe('enrolment candidates', () => {
  it('a mentor (even one recorded as a beneficiary) is not a participant; professionals and target groups filter as chosen', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const person = (firstName: string, kind: 'beneficiary' | 'professional', targetGroups: string[] = []) =>
        createRecord(db, actor, 'people', { kind, firstName, lastName: 'Horvat', gender: 'woman', targetGroups: targetGroups as never });
      await person('Ana', 'beneficiary', ['roma']);
      await person('Iva', 'beneficiary');
      const mara = await person('Mara', 'beneficiary');
      await saveMentor(db, actor, { personId: mara.id, expertise: ['businessPlan'], languages: ['hr'], capacity: 2 });
      await person('Mojca', 'professional');
      const names = async (f: Parameters<typeof enrolmentCandidates>[3]) => (await enrolmentCandidates(db, actor, 'horvat', f)).map((p) => p.firstName).sort();
      expect(await names({})).toEqual(['Ana', 'Iva', 'Mara', 'Mojca']);
      expect(await names({ kind: 'participant' })).toEqual(['Ana', 'Iva']);
      expect(await names({ kind: 'mentor' })).toEqual(['Mara']);
      expect(await names({ kind: 'professional' })).toEqual(['Mojca']);
      expect(await names({ kind: 'participant', targetGroup: 'roma' })).toEqual(['Ana']);
    });
  });

  it('candidates come in the alphabetical order of the UI language: Č, Ć, Đ, Š, Ž in their places, Cyrillic in azbuka order', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const lastNames = ['Žic', 'Šarić', 'Đurić', 'Dukić', 'Ćosić', 'Čačić', 'Cvetić', 'Zorić', 'Шарић', 'Ђурић', 'Дукић', 'Жиц', 'Јовић', 'Абрамовић'];
      for (const lastName of lastNames)
        await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName, gender: 'woman', targetGroups: [] });
      const order = async (locale: string) => (await enrolmentCandidates(db, actor, '', {}, 300, locale)).map((p) => p.lastName);
      expect(await order('hr')).toEqual([
        'Cvetić',
        'Čačić',
        'Ćosić',
        'Dukić',
        'Đurić',
        'Šarić',
        'Zorić',
        'Žic',
        'Абрамовић',
        'Дукић',
        'Ђурић',
        'Жиц',
        'Јовић',
        'Шарић',
      ]);
      expect((await order('sr-Cyrl')).slice(8)).toEqual(['Абрамовић', 'Дукић', 'Ђурић', 'Жиц', 'Јовић', 'Шарић']);
    });
  });
});
