import { describe, expect, it } from 'vitest';
import {
  allMunicipalities,
  canonicalMunicipality,
  canonicalPlace,
  closestMunicipalities,
  editDistance,
  matchMunicipality,
  municipalityKey,
  municipalityLabel,
  placeKey,
} from '@shared/gazetteer';
import { isSamePerson } from '@shared/people/duplicates';
import { pseudoKeyInput } from '@shared/bundle/pseudonymise';

const names = (country: string) => allMunicipalities().filter((m) => m.country === country);

describe('the gazetteer holds the official lists', () => {
  it('has every unit: HR 128 cities + 428 municipalities, SI 212 občine, RS 145 units + 31 city municipalities, BA 79 FBiH + 64 RS + Brčko + Sarajevo', () => {
    expect(names('HR')).toHaveLength(556);
    expect(names('SI')).toHaveLength(212);
    expect(names('RS')).toHaveLength(176);
    expect(names('BA')).toHaveLength(145);
  });
  it('names each unit once within its country, with a unique id, and Cyrillic for Serbia and BiH', () => {
    for (const c of ['HR', 'RS', 'BA', 'SI']) {
      const list = names(c).map((m) => placeKey(m.name));
      expect(
        list.filter((n, i) => list.indexOf(n) !== i),
        c,
      ).toEqual([]);
    }
    const ids = allMunicipalities().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of allMunicipalities()) {
      if (m.country === 'RS' || m.country === 'BA') expect(m.cyrillic, m.name).toMatch(/^[\p{Script=Cyrillic}\s()-]+$/u);
      else expect(m.cyrillic).toBeUndefined();
    }
  });
  it('writes the official Cyrillic names (digraphs and all)', () => {
    const cyr = (name: string) => allMunicipalities().find((m) => m.name === name)?.cyrillic;
    expect(cyr('Mladenovac')).toBe('Младеновац');
    expect(cyr('Novi Beograd')).toBe('Нови Београд');
    expect(cyr('Odžaci')).toBe('Оџаци');
    expect(cyr('Gadžin Han')).toBe('Гаџин Хан');
    expect(cyr('Kanjiža')).toBe('Кањижа');
    expect(cyr('Inđija')).toBe('Инђија');
    expect(cyr('Ljubovija')).toBe('Љубовија');
    expect(cyr('Banja Luka')).toBe('Бања Лука');
    expect(cyr('Istočno Sarajevo')).toBe('Источно Сарајево');
    expect(cyr('Odžak')).toBe('Оџак');
    expect(cyr('Kupres (RS)')).toBe('Купрес (РС)');
  });
});

describe('lookup folds script, case, diacritics, spacing and unit prefixes', () => {
  it.each([
    ['Младеновац', 'Mladenovac', 'RS'],
    ['MLADENOVAC', 'Mladenovac', 'RS'],
    ['  mladenovac ', 'Mladenovac', 'RS'],
    ['Cakovec', 'Čakovec', 'HR'],
    ['ČAKOVEC', 'Čakovec', 'HR'],
    ['Чаковец', 'Čakovec', 'HR'],
    ['Grad Zagreb', 'Zagreb', 'HR'],
    ['Mestna občina Ljubljana', 'Ljubljana', 'SI'],
    ['Opština Zemun', 'Zemun', 'RS'],
    ['Gradska opština Novi Beograd', 'Novi Beograd', 'RS'],
    ['Novi  Beograd', 'Novi Beograd', 'RS'],
    ['Ivanić Grad', 'Ivanić-Grad', 'HR'],
    ['Dobrova-Polhov Gradec', 'Dobrova - Polhov Gradec', 'SI'],
    ['Indjija', 'Inđija', 'RS'],
    ['Гаџин Хан', 'Gadžin Han', 'RS'],
    ['Бања Лука', 'Banja Luka', 'BA'],
    ['Bosanski Novi', 'Novi Grad', 'BA'],
    ['Brčko distrikt', 'Brčko', 'BA'],
    ['Capodistria', 'Koper', 'SI'],
  ])('%s → %s (%s)', (typed, name, country) => {
    const m = matchMunicipality(typed);
    expect(m.status).toBe('known');
    expect(m.municipality).toMatchObject({ name, country });
  });
  it("a name several units share is picked by the person's country, else ambiguous", () => {
    expect(matchMunicipality('Vodice', 'SI').municipality?.country).toBe('SI');
    expect(matchMunicipality('Vodice', 'HR').municipality?.country).toBe('HR');
    expect(matchMunicipality('Vodice')).toMatchObject({ status: 'ambiguous', name: 'Vodice' });
    expect(matchMunicipality('Palilula', 'RS')).toMatchObject({
      status: 'ambiguous',
      suggestions: [{ name: 'Palilula (Beograd)' }, { name: 'Palilula (Niš)' }],
    });
    expect(matchMunicipality('Stari grad', 'HR').municipality).toMatchObject({ name: 'Stari Grad', country: 'HR' });
    expect(matchMunicipality('Trnovo', 'BA').status).toBe('ambiguous');
  });
  it('a name only another country has still matches (the country may be a default)', () => {
    expect(matchMunicipality('Mladenovac', 'HR').municipality?.country).toBe('RS');
  });
  it('keeps unknown names as typed (trimmed), and the canonical name for known ones', () => {
    expect(canonicalMunicipality('  Село   Горње ')).toBe('Село Горње');
    expect(canonicalMunicipality('Младеновац')).toBe('Mladenovac');
    expect(canonicalMunicipality('')).toBeUndefined();
    expect(canonicalPlace({ municipality: 'Младеновац' })).toEqual({ municipality: 'Mladenovac', country: 'RS' });
    expect(canonicalPlace({ municipality: 'Младеновац', country: 'HR' })).toEqual({ municipality: 'Mladenovac', country: 'HR' });
    expect(canonicalPlace({ municipality: 'Nepoznato Selo' })).toEqual({ municipality: 'Nepoznato Selo' });
  });
});

describe('closest matches for unknown names', () => {
  it('offers the names one meant, as one types and after a typo', () => {
    expect(closestMunicipalities('Mladenovc').map((m) => m.name)[0]).toBe('Mladenovac');
    expect(closestMunicipalities('Mlad').map((m) => m.name)).toContain('Mladenovac');
    expect(closestMunicipalities('Varazdn').map((m) => m.name)[0]).toBe('Varaždin');
    expect(closestMunicipalities('Младеновц').map((m) => m.name)[0]).toBe('Mladenovac');
    expect(closestMunicipalities('Tuzla, Centar').map((m) => m.name)).toContain('Tuzla');
    expect(matchMunicipality('Čakovc', 'HR', { suggest: true }).suggestions[0]?.name).toBe('Čakovec');
  });
  it("prefers the person's country among equals, and suggests nothing far-fetched", () => {
    expect(closestMunicipalities('Vodic', { country: 'SI' })[0]).toMatchObject({ name: 'Vodice', country: 'SI' });
    expect(closestMunicipalities('Vodic', { country: 'HR' })[0]).toMatchObject({ name: 'Vodice', country: 'HR' });
    expect(closestMunicipalities('Xyzzyqw')).toEqual([]);
  });
  it('edit distance counts a swap of two neighbours as one edit', () => {
    expect(editDistance('mladenovac', 'mladenovac')).toBe(0);
    expect(editDistance('mladneovac', 'mladenovac')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('one municipality rule for the duplicate finder and the cross-partner key', () => {
  const ana = { firstName: 'Ana', lastName: 'Petrović', birthYear: 1984 };
  it.each([
    ['Mladenovac', 'Младеновац'],
    ['Zagreb', 'Grad Zagreb'],
    ['Novi Grad', 'Bosanski Novi'],
    ['Ivanić-Grad', 'Ivanic Grad'],
    ['Cakovec', 'Čakovec'],
  ])('%s and %s: same person, same key input', (a, b) => {
    expect(municipalityKey(a)).toBe(municipalityKey(b));
    expect(isSamePerson({ ...ana, municipality: a }, { ...ana, municipality: b })).toBe(true);
    expect(pseudoKeyInput({ ...ana, municipality: a })).toBe(pseudoKeyInput({ ...ana, municipality: b }));
  });
  it.each([
    ['Mladenovac', 'Obrenovac'],
    ['Palilula (Beograd)', 'Palilula (Niš)'],
  ])('%s and %s: different people, different key input', (a, b) => {
    expect(isSamePerson({ ...ana, municipality: a }, { ...ana, municipality: b })).toBe(false);
    expect(pseudoKeyInput({ ...ana, municipality: a })).not.toBe(pseudoKeyInput({ ...ana, municipality: b }));
  });
});

describe("names in the user's script", () => {
  it('shows the Cyrillic name in sr-Cyrl and the canonical one elsewhere', () => {
    expect(municipalityLabel('Mladenovac', 'sr-Cyrl')).toBe('Младеновац');
    expect(municipalityLabel('Čakovec', 'sr-Cyrl')).toBe('Чаковец');
    expect(municipalityLabel('Mladenovac', 'hr')).toBe('Mladenovac');
    expect(municipalityLabel('Село Горње', 'sr-Cyrl')).toBe('Село Горње');
    expect(municipalityLabel('Nepoznato Selo', 'sr-Cyrl')).toBe('Nepoznato Selo');
  });
});
