import { describe, expect, it } from 'vitest';
import { compareText, sortByLabel } from '../../src/shared/i18n/collation';
import { comparePeople } from '../../src/shared/people/list';
import type { Person } from '../../src/shared/model';

const sorted = (locale: string, names: string[]) => [...names].sort(compareText(locale));

describe('lists sort as people read', () => {
  it('Croatian, Serbian and Bosnian: C Č Ć D DŽ Đ … S Š … Z Ž, each a letter of its own', () => {
    const names = ['Đurić', 'Zec', 'Šimić', 'Cvijić', 'Džaferović', 'Čolić', 'Ćosić', 'Dukić', 'Žagar', 'Sertić', 'Ljubić', 'Lukić', 'Njegovan', 'Novak'];
    const abeceda = ['Cvijić', 'Čolić', 'Ćosić', 'Dukić', 'Džaferović', 'Đurić', 'Lukić', 'Ljubić', 'Novak', 'Njegovan', 'Sertić', 'Šimić', 'Zec', 'Žagar'];
    for (const locale of ['hr', 'sr-Latn', 'sr-Cyrl', 'bs']) expect(sorted(locale, names), locale).toEqual(abeceda);
  });
  it('Slovenian: Č after C, Š after S, Ž after Z', () => {
    expect(sorted('sl', ['Žnidar', 'Zupan', 'Čeh', 'Cerar', 'Šuštar', 'Sever'])).toEqual(['Cerar', 'Čeh', 'Sever', 'Šuštar', 'Zupan', 'Žnidar']);
  });
  it('Cyrillic text in the азбука’s order; numbers by value', () => {
    expect(sorted('sr-Cyrl', ['Шабац', 'Ћуприја', 'Чачак', 'Ниш', 'Ђаковица', 'Београд'])).toEqual(['Београд', 'Ђаковица', 'Ниш', 'Ћуприја', 'Чачак', 'Шабац']);
    expect(sorted('hr', ['radionica 10', 'radionica 2'])).toEqual(['radionica 2', 'radionica 10']);
  });
  it('the participants list sorts names in the UI language', () => {
    const person = (id: string, lastName: string, firstName = 'Ana') => ({ id, lastName, firstName }) as Person;
    const people = [person('1', 'Zec'), person('2', 'Čolić'), person('3', 'Cvijić'), person('4', 'Ćosić')];
    expect([...people].sort(comparePeople({ key: 'name' }, 'hr')).map((p) => p.lastName)).toEqual(['Cvijić', 'Čolić', 'Ćosić', 'Zec']);
    expect([...people].sort(comparePeople({ key: 'name', desc: true }, 'sl')).map((p) => p.lastName)).toEqual(['Zec', 'Ćosić', 'Čolić', 'Cvijić']);
  });
  it('a picker’s choices sort by the label the user reads, not by id or stored key', () => {
    const choices = [
      { value: 'a1', label: 'Žena i zajednica' },
      { value: 'b2', label: 'Čakovec' },
      { value: 'c3', label: 'Centar' },
      { value: 'd4', label: 'Đakovo' },
      { value: 'e5', label: 'Dubrovnik' },
    ];
    expect(sortByLabel(choices, 'hr').map((c) => c.label)).toEqual(['Centar', 'Čakovec', 'Dubrovnik', 'Đakovo', 'Žena i zajednica']);
    expect(choices[0]!.label).toBe('Žena i zajednica');
    const towns = [
      { value: 'Čačak', label: 'Чачак' },
      { value: 'Beograd', label: 'Београд' },
      { value: 'Đakovica', label: 'Ђаковица' },
    ];
    expect(sortByLabel(towns, 'sr-Cyrl').map((c) => c.value)).toEqual(['Beograd', 'Đakovica', 'Čačak']);
  });
});
