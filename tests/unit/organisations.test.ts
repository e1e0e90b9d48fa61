import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/shared/indicators/compute';
import { EMPTY_DATASET, type Dataset } from '../../src/shared/indicators/dataset';
import { protectIndicators, stateOf } from '../../src/shared/indicators/protectIndicators';
import { guessOrgMapping, parseOrgKind, previewOrganisationImport } from '../../src/shared/import/organisations';
import {
  employerProblem,
  filterRegister,
  isRegistered,
  organisationKey,
  parseOrganisationDraft,
  placedByEmployer,
  registerMunicipalities,
} from '../../src/shared/organisations/register';

const SELF = 'org-self';
const TODAY = '2026-11-23';

type Org = Dataset['organisations'][number];
const sme = (id: string, over: Partial<Org> = {}): Org => ({ id, orgId: SELF, kind: 'sme', country: 'HR', isSelf: false, ...over });

function world(): Dataset {
  const ds: Dataset = structuredClone(EMPTY_DATASET);
  ds.organisations.push({ id: SELF, orgId: SELF, kind: 'ngo', country: 'HR', isSelf: true });
  return ds;
}

describe('the SME and job figures (docs/indicators.md)', () => {
  it('counts SMEs by their support date; an SME recorded without one was not supported', () => {
    const ds = world();
    ds.organisations.push(
      sme('a', { supportedOn: '2026-03-10', jobsCreated: 2 }),
      sme('b', { supportedOn: '2026-09-01', jobsCreated: 3 }),
      sme('c'),
      sme('d', { kind: 'employer', supportedOn: '2026-03-11', jobsCreated: 40 }),
    );
    const all = computeIndicators(ds, {}, TODAY).indicators.outcomes;
    expect(all.smesSupported).toBe(2);
    expect(all.jobsOpened).toBe(5);
    const spring = computeIndicators(ds, { from: '2026-01-01', to: '2026-06-30' }, TODAY).indicators.outcomes;
    expect(spring.smesSupported).toBe(1);
    expect(spring.jobsOpened).toBe(2);
  });

  it('counts people placed with an employer once, by the job outcome that names it', () => {
    const ds = world();
    ds.organisations.push(sme('a', { supportedOn: '2026-03-10' }));
    ds.outcomes.push(
      { id: 'o1', orgId: SELF, personId: 'p1', kind: 'employed', date: '2026-04-01', employerId: 'a' },
      { id: 'o2', orgId: SELF, personId: 'p1', kind: 'employed', date: '2026-05-01', employerId: 'a' },
      { id: 'o3', orgId: SELF, personId: 'p2', kind: 'employed', date: '2026-05-01' },
      { id: 'o4', orgId: SELF, personId: 'p3', kind: 'employed', date: '2025-05-01', employerId: 'a' },
    );
    const { indicators, drilldown } = computeIndicators(ds, { from: '2026-01-01', to: '2026-12-31' }, TODAY);
    expect(indicators.outcomes.placedWithEmployers).toBe(1);
    expect([...drilldown.get('outcomes.placedWithEmployers')!]).toEqual(['p1']);
    expect(indicators.outcomes.byKind.find((k) => k.key === 'employed')!.count).toBe(2);
  });

  it('a report that leaves hides a small number of people placed, not the jobs opened', () => {
    const ds = world();
    ds.organisations.push(sme('a', { supportedOn: '2026-03-10', jobsCreated: 2 }));
    ds.outcomes.push({ id: 'o1', orgId: SELF, personId: 'p1', kind: 'employed', date: '2026-04-01', employerId: 'a' });
    const p = protectIndicators(computeIndicators(ds, {}, TODAY).indicators, 5);
    expect(stateOf(p, 'outcomes.placedWithEmployers')).toBe('small');
    expect(stateOf(p, 'outcomes.jobsOpened')).toBe('shown');
  });
});

describe('the register of organisations', () => {
  const rows = [
    { id: '1', name: 'Žito d.o.o.', kind: 'employer' as const, town: 'Osijek', sector: 'prehrana', contactPerson: 'Ivana Kovač' },
    { id: '2', name: 'Čipkarstvo Lepoglava', kind: 'sme' as const, town: 'Lepoglava', sector: 'rukotvorine', contactPerson: undefined },
    { id: '3', name: 'Centar za socijalnu skrb Čakovec', kind: 'public' as const, town: 'Čakovec', sector: undefined, contactPerson: 'Marko Novak' },
    { id: '4', name: 'Cvjećarnica Ana', kind: 'sme' as const, town: 'Čakovec', sector: 'cvjećarstvo', contactPerson: undefined },
  ];

  it('searches names, sectors and contacts without diacritics or script, and filters by kind and municipality', () => {
    expect(filterRegister(rows, { query: 'cipkar' }).map((r) => r.id)).toEqual(['2']);
    expect(filterRegister(rows, { query: 'КОВАЧ' }).map((r) => r.id)).toEqual(['1']);
    // In the Croatian alphabet (the default) C comes before Č: Cvjećarnica, then Čipkarstvo.
    expect(filterRegister(rows, { kind: 'sme' }).map((r) => r.id)).toEqual(['4', '2']);
    const cakovec = registerMunicipalities(rows).find((m) => m.name === 'Čakovec')!.key;
    expect(filterRegister(rows, { municipality: cakovec }).map((r) => r.id)).toEqual(['3', '4']);
  });

  it('sorts by name as Croatian reads (C, Č, …, Ž)', () => {
    expect(filterRegister(rows, {}, 'hr').map((r) => r.name)).toEqual([
      'Centar za socijalnu skrb Čakovec',
      'Cvjećarnica Ana',
      'Čipkarstvo Lepoglava',
      'Žito d.o.o.',
    ]);
  });

  it('holds neither this organisation nor the project partners', () => {
    expect(isRegistered({ isSelf: true, role: 'partner' })).toBe(false);
    expect(isRegistered({ isSelf: false, role: 'partner' })).toBe(false);
    expect(isRegistered({ isSelf: false, role: 'other' })).toBe(true);
  });

  it('a job outcome may name an employer of the register; other outcomes may not', () => {
    expect(employerProblem('employed', 'x', { isSelf: false, role: 'other' })).toBeNull();
    expect(employerProblem('qualification', 'x', { isSelf: false, role: 'other' })).toBe('employerNotForKind');
    expect(employerProblem('employed', 'x', undefined)).toBe('employerNotFound');
    expect(employerProblem('employed', 'x', { isSelf: true, role: 'partner' })).toBe('employerNotFound');
    expect(employerProblem('employed', undefined, undefined)).toBeNull();
  });

  it('counts the people placed with each employer once', () => {
    const placed = placedByEmployer([
      { personId: 'p1', kind: 'employed', employerId: 'e' },
      { personId: 'p1', kind: 'employed', employerId: 'e' },
      { personId: 'p2', kind: 'employed', employerId: 'e' },
      { personId: 'p3', kind: 'qualification', employerId: 'e' },
    ]);
    expect(placed.get('e')?.size).toBe(2);
  });

  it('stores the municipality in the gazetteer\u2019s form and refuses what the schema refuses', () => {
    const ok = parseOrganisationDraft({ name: ' Pekara Mlinar ', kind: 'sme', country: 'HR', town: 'cakovec', jobsCreated: 2 });
    expect(ok.success && ok.data).toMatchObject({ name: 'Pekara Mlinar', town: 'Čakovec' });
    expect(parseOrganisationDraft({ name: '', kind: 'sme', country: 'HR', town: 'Čakovec' }).success).toBe(false);
    expect(parseOrganisationDraft({ name: 'X', kind: 'sme', country: 'HR', town: 'Čakovec', jobsCreated: -1 }).success).toBe(false);
    expect(parseOrganisationDraft({ name: 'X', kind: 'sme', country: 'HR', town: 'Čakovec', supportedOn: '2026-13-01' }).success).toBe(false);
  });

  it('knows one organisation however its name is spelt', () => {
    expect(organisationKey({ name: 'Pekara Mlinar d.o.o.', town: 'Čakovec' })).toBe(organisationKey({ name: 'PEKARA  MLINAR D.O.O.', town: 'Чаковец' }));
  });
});

describe('importing the register from a spreadsheet', () => {
  const file = [
    ['Naziv poslodavca', 'Vrsta', 'Općina', 'Djelatnost', 'Osoba za kontakt', 'Vrsta potpore', 'Datum potpore', 'Broj radnih mjesta'],
    ['Pekara Mlinar d.o.o.', 'MSP', 'Varaždin', 'pekarstvo', 'Ivan Mlinar', 'mentorstvo', '21.09.2026', 3],
    ['Zadruga Zeleni vrt', 'zadruga', 'Prelog', 'poljoprivreda', '', '', '', ''],
    ['', 'MSP', 'Čakovec', '', '', '', '', ''],
    ['Frizerski salon Vesna', 'MSP', 'Čakovec', 'frizerstvo', '', 'obuka', '31.02.2026', 'tri'],
    ['Delodajalec Ptuj', 'delodajalec', 'Ptuj', '', '', '', '', '2'],
    ['pekara mlinar d.o.o.', 'MSP', 'varazdin', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
  ];

  it('reads the headers and words of the region', () => {
    expect(guessOrgMapping(file[0] as string[])).toEqual(['name', 'kind', 'municipality', 'sector', 'contactPerson', 'support', 'supportedOn', 'jobsCreated']);
    expect(guessOrgMapping(['Назив', 'Врста', 'Општина', 'Делатност', 'Контакт особа', 'Подршка', 'Датум подршке', 'Радна места'])).toEqual([
      'name',
      'kind',
      'municipality',
      'sector',
      'contactPerson',
      'support',
      'supportedOn',
      'jobsCreated',
    ]);
    expect(['MSP', 'mala i srednja preduzeća', 'Mala in srednja podjetja', 'poslodavac', 'Udruga', 'javna ustanova'].map(parseOrgKind)).toEqual([
      'sme',
      'sme',
      'sme',
      'employer',
      'ngo',
      'public',
    ]);
  });

  it('imports the good rows, reports each bad cell by row and column and loses nothing', () => {
    const p = previewOrganisationImport(file, guessOrgMapping(file[0] as string[]), { kind: 'sme', country: 'HR' }, new Map());
    expect(p.valid.map((r) => r.row)).toEqual([2, 6, 7]);
    expect(p.valid[0]!.draft).toMatchObject({
      name: 'Pekara Mlinar d.o.o.',
      kind: 'sme',
      town: 'Varaždin',
      country: 'HR',
      supportedOn: '2026-09-21',
      jobsCreated: 3,
      contactPerson: 'Ivan Mlinar',
    });
    expect(p.valid[1]!.draft).toMatchObject({ kind: 'employer', town: 'Ptuj', country: 'SI', jobsCreated: 2 });
    expect(p.badRows).toBe(3);
    expect(p.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Vrsta', 'invalidChoice'],
      [4, 'Naziv poslodavca', 'required'],
      [5, 'Datum potpore', 'invalidDate'],
      [5, 'Broj radnih mjesta', 'invalidNumber'],
    ]);
    expect(p.total).toBe(6);
    expect(p.duplicates).toEqual([{ row: 7, sameAsRow: 2 }]);
  });

  it('finds rows that repeat an organisation already in the register', () => {
    const stored = new Map([[organisationKey({ name: 'Delodajalec Ptuj', town: 'Ptuj' }), 'Delodajalec Ptuj']]);
    const p = previewOrganisationImport(file, guessOrgMapping(file[0] as string[]), { kind: 'sme', country: 'HR' }, stored);
    expect(p.duplicates).toContainEqual({ row: 6, existing: 'Delodajalec Ptuj' });
  });
});
