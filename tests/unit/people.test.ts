import { describe, expect, it } from 'vitest';
import { consentDraftSchema, coversSpecialCategories, personDraftSchema, personSchema, type Person } from '@shared/model';
import { anonymisedPerson, birthYearBand } from '@shared/people/anonymise';
import { candidateNameKeys, duplicatesWithin, isSamePerson } from '@shared/people/duplicates';
import { comparePeople, peopleMatcher, queryWords } from '@shared/people/list';
import { personNameKey } from '@shared/people/nameKey';

const base = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
function person(p: Partial<Person> & Pick<Person, 'firstName' | 'lastName'>, id = base.id): Person {
  const row = personSchema.parse({ ...base, id, kind: 'beneficiary', gender: 'woman', ...p });
  return { ...row, nameKey: personNameKey(row) };
}

describe('schemas', () => {
  it('a draft needs names and a known gender; special data is optional', () => {
    expect(personDraftSchema.safeParse({ kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' }).success).toBe(true);
    expect(personDraftSchema.safeParse({ kind: 'beneficiary', firstName: '', lastName: 'Horvat', gender: 'woman' }).success).toBe(false);
    expect(personDraftSchema.safeParse({ kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'female' }).success).toBe(false);
    expect(
      consentDraftSchema.safeParse({
        legalBasis: 'consent',
        date: '2026-02-30',
        noticeVersion: '1',
        processing: true,
        specialCategories: true,
        shareWithLead: false,
        photos: false,
      }).success,
    ).toBe(false);
  });
  it('only a live consent that covers special categories allows them', () => {
    const c = { processing: true, specialCategories: true };
    expect(coversSpecialCategories([c])).toBe(true);
    expect(coversSpecialCategories([{ ...c, withdrawnAt: '2026-01-02' }])).toBe(false);
    expect(coversSpecialCategories([{ ...c, specialCategories: false }])).toBe(false);
    expect(coversSpecialCategories([])).toBe(false);
  });
});

describe('duplicates: same folded name, birth year and municipality', () => {
  const ana = { firstName: 'Ana', lastName: 'Petrović', birthYear: 1984, municipality: 'Niš' };
  it.each([
    ['Cyrillic spelling', { firstName: 'Ана', lastName: 'Петровић', birthYear: 1984, municipality: 'Ниш' }, true],
    ['no diacritics, other case', { firstName: 'ANA', lastName: 'petrovic', birthYear: 1984, municipality: 'nis' }, true],
    ['swapped names', { firstName: 'Petrović', lastName: 'Ana', birthYear: 1984, municipality: 'Niš' }, true],
    ['unknown birth year', { firstName: 'Ana', lastName: 'Petrović', municipality: 'Niš' }, true],
    ['another birth year', { firstName: 'Ana', lastName: 'Petrović', birthYear: 1985, municipality: 'Niš' }, false],
    ['another municipality', { firstName: 'Ana', lastName: 'Petrović', birthYear: 1984, municipality: 'Beograd' }, false],
    ['another name', { firstName: 'Ana', lastName: 'Petrov', birthYear: 1984, municipality: 'Niš' }, false],
  ])('%s', (_l, other, same) => {
    expect(isSamePerson(ana, other)).toBe(same);
  });
  it('finds repeats within a file and gives both key orders', () => {
    expect(duplicatesWithin([ana, { firstName: 'Marija', lastName: 'Horvat' }, { firstName: 'Ана', lastName: 'Петровић', birthYear: 1984 }])).toEqual(
      new Map([[2, 0]]),
    );
    expect(candidateNameKeys(ana)).toEqual(['ana petrovic', 'petrovic ana']);
  });
});

describe('list search and filters', () => {
  const people = [
    person({ firstName: 'Marija', lastName: 'Česar', municipality: 'Čakovec', targetGroups: ['roma'] }, '00000000-0000-4000-8000-000000000011'),
    person({ firstName: 'Јелена', lastName: 'Петровић', municipality: 'Niš', gender: 'woman' }, '00000000-0000-4000-8000-000000000012'),
    person({ firstName: 'Ivan', lastName: 'Horvat', municipality: 'Čakovec', gender: 'man', kind: 'professional' }, '00000000-0000-4000-8000-000000000013'),
  ];
  const names = (f: Parameters<typeof peopleMatcher>[0]) => people.filter(peopleMatcher(f)).map((p) => p.lastName);
  it('is diacritics- and script-insensitive: "cesar" finds Česar, "petrovic" and "петровић" find Петровић', () => {
    expect(names({ query: 'cesar' })).toEqual(['Česar']);
    expect(names({ query: 'petrovic' })).toEqual(['Петровић']);
    expect(names({ query: 'Petrović jel' })).toEqual(['Петровић']);
    expect(names({ query: 'ПЕТРОВИЋ' })).toEqual(['Петровић']);
    expect(names({ query: 'марија' })).toEqual(['Česar']);
    expect(queryWords('  Đurđa  ČESAR ')).toEqual(['djurdja', 'cesar']);
  });
  it('filters by kind, gender, municipality (folded), target group, ids and outcome', () => {
    expect(names({ kind: 'professional' })).toEqual(['Horvat']);
    expect(names({ gender: 'woman' })).toEqual(['Česar', 'Петровић']);
    expect(names({ municipality: 'cakovec' })).toEqual(['Česar', 'Horvat']);
    expect(names({ targetGroup: 'roma' })).toEqual(['Česar']);
    expect(names({ ids: new Set(['00000000-0000-4000-8000-000000000013']) })).toEqual(['Horvat']);
    expect(names({ hasOutcome: true, outcomeIds: new Set(['00000000-0000-4000-8000-000000000012']) })).toEqual(['Петровић']);
    expect(names({ hasOutcome: false, outcomeIds: new Set(['00000000-0000-4000-8000-000000000012']) })).toEqual(['Česar', 'Horvat']);
  });
  it('sorts by name with Croatian collation, and descending', () => {
    expect([...people].sort(comparePeople({ key: 'name' })).map((p) => p.lastName)).toEqual(['Česar', 'Horvat', 'Петровић']);
    expect([...people].sort(comparePeople({ key: 'name', desc: true })).map((p) => p.lastName)[0]).toBe('Петровић');
  });
});

describe('anonymise', () => {
  it('keeps the statistics and drops the identity; target groups only with consent', () => {
    const p = person({
      firstName: 'Ana',
      lastName: 'Horvat',
      birthYear: 1987,
      municipality: 'Čakovec',
      phone: '091',
      email: 'a@b.hr',
      notes: 'x',
      institution: 'CZSS',
      targetGroups: ['roma'],
    });
    const a = anonymisedPerson(p, false, '2026-02-01T00:00:00.000Z');
    expect(a).toMatchObject({
      id: p.id,
      firstName: '—',
      lastName: '—',
      gender: 'woman',
      birthYear: 1985,
      municipality: 'Čakovec',
      targetGroups: [],
      anonymised: true,
      nameKey: '',
    });
    expect(a).not.toHaveProperty('phone');
    expect(a).not.toHaveProperty('email');
    expect(a).not.toHaveProperty('notes');
    expect(a).not.toHaveProperty('institution');
    expect(personSchema.parse(a)).toEqual(a);
    expect(anonymisedPerson(p, true, a.updatedAt).targetGroups).toEqual(['roma']);
    expect(birthYearBand(1980)).toBe(1980);
    expect(birthYearBand(1984)).toBe(1980);
  });
});
