import { describe, expect, it } from 'vitest';
import { countryForLocale, defaultLanguages, legalFormsFor } from '@shared/country/defaults';
import { LEGAL_FORMS } from '@shared/model';
import { businessDetailsByPerson, businessDetailsProblem, migrateLegacyOutcome, parseLegacyOutcomeNote } from '@shared/people/outcomes';

describe('defaults from the organisation’s country and language', () => {
  it('new mentor and mentee profiles speak the country’s language, not Croatian everywhere', () => {
    expect(defaultLanguages('RS', 'sr-Cyrl')).toEqual(['sr']);
    expect(defaultLanguages('RS', 'sr-Latn')).toEqual(['sr']);
    expect(defaultLanguages('SI', 'sl')).toEqual(['sl']);
    expect(defaultLanguages('BA', 'bs')).toEqual(['bs']);
    expect(defaultLanguages('HR', 'hr')).toEqual(['hr']);
    // The country decides, whatever language the screens are in.
    expect(defaultLanguages('SI', 'en')).toEqual(['sl']);
    // Where the country says nothing, the organisation's language does.
    expect(defaultLanguages('other', 'sr-Cyrl')).toEqual(['sr']);
    expect(defaultLanguages(undefined, 'en')).toEqual(['en']);
  });

  it('the first-run country follows the language, and English suggests none', () => {
    expect(countryForLocale('hr')).toBe('HR');
    expect(countryForLocale('sr-Cyrl')).toBe('RS');
    expect(countryForLocale('sr-Latn')).toBe('RS');
    expect(countryForLocale('bs')).toBe('BA');
    expect(countryForLocale('sl')).toBe('SI');
    expect(countryForLocale('en')).toBeUndefined();
  });

  it('legal forms fit the country', () => {
    expect(legalFormsFor('HR')).toEqual(['obrt', 'jdoo', 'doo', 'opg', 'association', 'cooperative', 'other']);
    expect(legalFormsFor('RS')).toEqual(['preduzetnik', 'doo', 'cooperative', 'association', 'other']);
    expect(legalFormsFor('BA')).toEqual(['samostalniObrtnik', 'doo', 'cooperative', 'association', 'other']);
    expect(legalFormsFor('SI')).toEqual(['sp', 'doo', 'cooperative', 'association', 'other']);
    expect(legalFormsFor('other')).toEqual(LEGAL_FORMS);
    // Every form some country offers is a valid code.
    for (const c of ['HR', 'RS', 'BA', 'SI'] as const) for (const f of legalFormsFor(c)) expect(LEGAL_FORMS).toContain(f);
  });

  it('a legal form and jobs go only with a business of her own, and only a form the country has', () => {
    expect(businessDetailsProblem('businessRegistered', { legalForm: 'obrt', jobsCreated: 1 }, 'HR')).toBeNull();
    expect(businessDetailsProblem('businessRegistered', { legalForm: 'obrt' }, 'RS')).toBe('legalFormNotInCountry');
    expect(businessDetailsProblem('selfEmployed', { legalForm: 'sp', jobsCreated: 0 }, 'SI')).toBeNull();
    expect(businessDetailsProblem('employed', { jobsCreated: 1 }, 'HR')).toBe('detailsNotForKind');
    expect(businessDetailsProblem('droppedOut', { legalForm: 'doo' }, 'HR')).toBe('detailsNotForKind');
    expect(businessDetailsProblem(undefined, {}, 'HR')).toBeNull();
  });
});

describe('outcomes written by v3 closures: legal form and jobs out of the note', () => {
  it('reads exactly what the v3 closure wrote, and nothing out of prose', () => {
    expect(parseLegacyOutcomeNote('obrt; jobs:1')).toEqual({ legalForm: 'obrt', jobsCreated: 1, note: undefined });
    expect(parseLegacyOutcomeNote('jdoo')).toEqual({ legalForm: 'jdoo', jobsCreated: undefined, note: undefined });
    expect(parseLegacyOutcomeNote('jobs:12')).toEqual({ legalForm: undefined, jobsCreated: 12, note: undefined });
    // A note the user added around the token keeps her words.
    expect(parseLegacyOutcomeNote('Pekara u Prelogu; jobs:3')).toEqual({ legalForm: undefined, jobsCreated: 3, note: 'Pekara u Prelogu' });
    expect(parseLegacyOutcomeNote('Registrirala obrt')).toBeUndefined();
    expect(parseLegacyOutcomeNote('Otvorila 2 radna mjesta')).toBeUndefined();
    expect(parseLegacyOutcomeNote(undefined)).toBeUndefined();
  });

  it('migrates business outcomes only and leaves others as they were', () => {
    const o = { kind: 'businessRegistered' as const, note: 'doo; jobs:2', date: '2026-03-01' };
    expect(migrateLegacyOutcome(o)).toEqual({ kind: 'businessRegistered', legalForm: 'doo', jobsCreated: 2, date: '2026-03-01' });
    const employed = { kind: 'employed' as const, note: 'jobs:1' };
    expect(migrateLegacyOutcome(employed)).toBe(employed);
    const prose = { kind: 'selfEmployed' as const, note: 'Registrirala obrt' };
    expect(migrateLegacyOutcome(prose)).toBe(prose);
    // Running it again changes nothing.
    const once = migrateLegacyOutcome(o);
    expect(migrateLegacyOutcome(once)).toBe(once);
  });
});

describe('the drill-down of a business outcome', () => {
  it('lists each person’s legal form and jobs for outcomes of that kind in the period', () => {
    const outcomes = [
      { personId: 'a', kind: 'businessRegistered' as const, date: '2026-02-01', legalForm: 'obrt' as const, jobsCreated: 1 },
      { personId: 'a', kind: 'businessRegistered' as const, date: '2025-02-01', legalForm: 'doo' as const },
      { personId: 'b', kind: 'selfEmployed' as const, date: '2026-02-01', jobsCreated: 2 },
      { personId: 'c', kind: 'businessRegistered' as const, date: '2026-03-01' },
    ];
    const got = businessDetailsByPerson(outcomes, 'businessRegistered', { from: '2026-01-01', to: '2026-12-31' });
    expect([...got]).toEqual([['a', [{ legalForm: 'obrt', jobsCreated: 1 }]]]);
  });
});
