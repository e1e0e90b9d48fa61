/**
 * Texts printed on paper around a name or title the app cannot decline (issue 18, item 4): the
 * organisation's name follows a noun that takes the case ("za organizaciju Udruga Žene…", not
 * "za Udruga Žene…"), and the attendance certificate's verb line does not end in a preposition
 * that would need the event title, printed on its own line in the nominative, in another case.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/shared/i18n/setup';

describe('printed texts around names and titles', () => {
  it.each([
    ['hr', 'za organizaciju Udruga Žene za budućnost'],
    ['sr-Latn', 'za organizaciju Udruga Žene za budućnost'],
    ['sr-Cyrl', 'за организацију Udruga Žene za budućnost'],
    ['bs', 'za organizaciju Udruga Žene za budućnost'],
    ['sl', 'za organizacijo Udruga Žene za budućnost'],
  ] as const)('%s: the signature line names the organisation after a noun', (locale, expected) => {
    expect(createI18n(locale).t('programmes:print.forOrganisation', { name: 'Udruga Žene za budućnost' })).toBe(expected);
  });

  it.each(['hr', 'sr-Latn', 'sr-Cyrl', 'bs', 'sl'] as const)('%s: the attendance verb line ends in no preposition', (locale) => {
    const t = createI18n(locale).t;
    for (const context of [undefined, 'female', 'male'])
      expect(t('programmes:print.certificateText.attendance', { context })).not.toMatch(/\s(u|na|v|в|у|на)$/u);
  });
});
