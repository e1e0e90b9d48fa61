/**
 * Texts about a person whose gender is recorded agree with it (issue 18, item 3): the certificate
 * says "završila" for a woman and "završio" for a man; the slash form only when the gender is
 * not stated. Also: no Slavic status label is feminine-only, and Slovenian keeps its clitic order.
 */
import { describe, expect, it } from 'vitest';
import { genderContext } from '../../src/shared/i18n/gender';
import { createI18n } from '../../src/shared/i18n/setup';

const certificate = (locale: Parameters<typeof createI18n>[0], kind: 'completion' | 'attendance', gender: 'woman' | 'man' | 'other' | 'notStated') =>
  createI18n(locale).t(`programmes:print.certificateText.${kind}`, { context: genderContext(gender) });

describe('gender-aware certificate text', () => {
  it.each([
    ['hr', 'uspješno završila', 'uspješno završio', 'uspješno završio/la'],
    ['sr-Latn', 'uspešno završila', 'uspešno završio', 'uspešno završio/la'],
    ['sr-Cyrl', 'успешно завршила', 'успешно завршио', 'успешно завршио/ла'],
    ['bs', 'uspješno završila', 'uspješno završio', 'uspješno završio/la'],
    ['sl', 'uspešno zaključila', 'uspešno zaključil', 'uspešno zaključil/a'],
  ] as const)('%s completion: woman, man, not stated', (locale, woman, man, neutral) => {
    expect(certificate(locale, 'completion', 'woman')).toBe(woman);
    expect(certificate(locale, 'completion', 'man')).toBe(man);
    expect(certificate(locale, 'completion', 'notStated')).toBe(neutral);
    expect(certificate(locale, 'completion', 'other')).toBe(neutral);
  });

  it('Slovenian certificate reads "da je Ana … sodelovala" (no "da je Ana se udeležil/a")', () => {
    const i18n = createI18n('sl');
    const sentence = `${i18n.t('programmes:print.certifies')} Ana Novak ${certificate('sl', 'attendance', 'woman')}`;
    expect(sentence).toBe('S tem potrjujemo, da je Ana Novak sodelovala na dogodku');
    expect(sentence).not.toMatch(/je \S+ \S+ se /);
  });
});

describe('status labels shown for men and professionals', () => {
  it.each(['hr', 'sr-Latn', 'bs'] as const)('%s attendance statuses carry no gender', (locale) => {
    const t = createI18n(locale).t;
    for (const s of ['present', 'late', 'excused', 'absent']) expect(t(`programmes:attendance.status.${s}`)).not.toMatch(/\/|(?:na|la)$/);
  });

  it.each([
    ['hr', 'Zaposlena', 'Zaposlen'],
    ['sr-Latn', 'Zaposlena', 'Zaposlen'],
    ['bs', 'Zaposlena', 'Zaposlen'],
    ['sl', 'Zaposlena', 'Zaposlen'],
  ] as const)('%s employment status agrees with the person', (locale, woman, man) => {
    const t = createI18n(locale).t;
    expect(t('participants:employment.employed', { context: genderContext('woman') })).toBe(woman);
    expect(t('participants:employment.employed', { context: genderContext('man') })).toBe(man);
    expect(t('participants:employment.employed', { context: genderContext('notStated') })).toContain('/');
  });
});
