import { describe, expect, it, vi } from 'vitest';
import type { ThirdPartyModule } from 'i18next';
import { LOCALES } from '../../src/shared/i18n/locales';
import { collectMissingKeys, createI18n, NAMESPACES } from '../../src/shared/i18n/setup';

describe('createI18n', () => {
  it('initialises synchronously for every locale, with all namespaces', () => {
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      expect(i18n.isInitialized).toBe(true);
      expect(i18n.language).toBe(locale);
      expect(i18n.resolvedLanguage).toBe(locale);
      for (const ns of NAMESPACES) expect(i18n.hasLoadedNamespace(ns)).toBe(true);
      expect(i18n.t('appName')).toBe(locale === 'sr-Cyrl' ? 'Мрежа' : 'Mreža');
    }
  });

  it('uses common as the default namespace and switches language', async () => {
    const i18n = createI18n('sr-Latn');
    expect(i18n.t('save')).toBe('Sačuvaj');
    expect(i18n.t('common:save')).toBe('Sačuvaj');
    await i18n.changeLanguage('sr-Cyrl');
    expect(i18n.t('save')).toBe('Сачувај');
    await i18n.changeLanguage('sl');
    expect(i18n.t('save')).toBe('Shrani');
  });

  it('applies plugins before init', () => {
    const init = vi.fn();
    const plugin: ThirdPartyModule = { type: '3rdParty', init };
    const i18n = createI18n('hr', { plugins: [plugin] });
    expect(init).toHaveBeenCalledWith(i18n);
  });

  it('does not escape interpolated values (React does)', () => {
    const i18n = createI18n('en');
    i18n.addResourceBundle('en', 'test', { hello: 'Hello, {{name}}' });
    expect(i18n.t('hello', { ns: 'test', name: '<b>Ana & Ivo</b>' })).toBe('Hello, <b>Ana & Ivo</b>');
  });

  it('creates independent instances', async () => {
    const a = createI18n('hr');
    const b = createI18n('sl');
    await a.changeLanguage('en');
    expect(b.language).toBe('sl');
  });
});

describe('missing keys', () => {
  it('reports missing keys through onMissingKey, and is silent by default', () => {
    const { missing, onMissingKey } = collectMissingKeys();
    const i18n = createI18n('hr', { onMissingKey, fallbackToEnglish: false });
    expect(i18n.t('noSuchKey')).toBe('noSuchKey');
    expect(i18n.t('nav:alsoMissing')).toBe('alsoMissing');
    expect(missing).toEqual(['hr:common:noSuchKey', 'hr:nav:alsoMissing']);
    expect(i18n.options.saveMissing).toBe(true);
    expect(createI18n('hr').options.saveMissing).toBe(false);
  });

  it('falls back to English only as a safety net', () => {
    const { missing, onMissingKey } = collectMissingKeys();
    const withFallback = createI18n('hr', { onMissingKey });
    withFallback.addResourceBundle('en', 'test', { onlyEnglish: 'English text' });
    expect(withFallback.t('onlyEnglish', { ns: 'test' })).toBe('English text');
    expect(missing).toEqual([]);
    const strict = createI18n('hr', { fallbackToEnglish: false });
    strict.addResourceBundle('en', 'test', { onlyEnglish: 'English text' });
    expect(strict.t('onlyEnglish', { ns: 'test' })).toBe('onlyEnglish');
  });

  it('treats an empty string as missing', () => {
    const i18n = createI18n('hr');
    i18n.addResourceBundle('hr', 'test', { empty: '' });
    i18n.addResourceBundle('en', 'test', { empty: 'English' });
    expect(i18n.t('empty', { ns: 'test' })).toBe('English');
  });
});

describe('plural rules', () => {
  const slavic = ['hr', 'sr-Latn', 'sr-Cyrl', 'bs'] as const;

  it('resolves the Slavic categories for hr, sr-Latn, sr-Cyrl and bs, and sl’s dual', () => {
    for (const locale of slavic) {
      expect(new Intl.PluralRules(locale).resolvedOptions().pluralCategories.sort()).toEqual(['few', 'one', 'other']);
      expect(createI18n(locale).services.pluralResolver.getSuffixes(locale)).toEqual(['_one', '_few', '_other']);
    }
    expect(createI18n('sl').services.pluralResolver.getSuffixes('sl')).toEqual(['_one', '_two', '_few', '_other']);
    expect(createI18n('en').services.pluralResolver.getSuffixes('en')).toEqual(['_one', '_other']);
  });

  // Which form each count takes (CLDR): the expectations are written out, not computed.
  const counts = [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 102, 103, 111];
  const expected = {
    slavic: ['other', 'one', 'few', 'few', 'few', 'other', 'other', 'other', 'other', 'one', 'few', 'other', 'one', 'few', 'few', 'other'],
    sl: ['other', 'one', 'two', 'few', 'few', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'one', 'two', 'few', 'other'],
    en: ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other'],
  };
  const forms = { n_one: 'one', n_two: 'two', n_few: 'few', n_many: 'many', n_other: 'other' };

  it.each([...slavic.map((l) => [l, expected.slavic] as const), ['sl', expected.sl] as const, ['en', expected.en] as const])(
    '%s picks the right plural category',
    (locale, categories) => {
      const i18n = createI18n(locale, { fallbackToEnglish: false });
      i18n.addResourceBundle(locale, 'test', forms);
      expect(counts.map((count) => i18n.t('n', { ns: 'test', count }))).toEqual(categories);
    },
  );

  it('common:people in Croatian, Serbian (both scripts), Bosnian, Slovenian and English', () => {
    const people = (locale: (typeof LOCALES)[number]) => {
      const i18n = createI18n(locale, { fallbackToEnglish: false });
      return [1, 2, 5, 21, 22, 25].map((count) => i18n.t('people', { count }));
    };
    expect(people('hr')).toEqual(['1 osoba', '2 osobe', '5 osoba', '21 osoba', '22 osobe', '25 osoba']);
    expect(people('sr-Latn')).toEqual(['1 osoba', '2 osobe', '5 osoba', '21 osoba', '22 osobe', '25 osoba']);
    expect(people('sr-Cyrl')).toEqual(['1 особа', '2 особе', '5 особа', '21 особа', '22 особе', '25 особа']);
    expect(people('bs')).toEqual(['1 osoba', '2 osobe', '5 osoba', '21 osoba', '22 osobe', '25 osoba']);
    expect(people('sl')).toEqual(['1 oseba', '2 osebi', '5 oseb', '21 oseb', '22 oseb', '25 oseb']);
    expect(people('en')).toEqual(['1 person', '2 people', '5 people', '21 people', '22 people', '25 people']);
    const sl = createI18n('sl');
    expect([3, 4, 101, 102, 103].map((count) => sl.t('people', { count }))).toEqual(['3 osebe', '4 osebe', '101 oseba', '102 osebi', '103 osebe']);
  });
});
