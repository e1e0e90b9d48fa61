/**
 * Mentors and coordinators can be men (issue 18, item 3): no mentor-pack, mentoring or audit text
 * speaks of a mentor or coordinator only in the feminine; where the mentor is known (the logs
 * being imported, the pack being written) the text agrees with the mentor's recorded gender.
 * And the app never asks its user to confirm in a slash form ("usporedio/la sam"): the user's
 * gender is not recorded, so those sentences are worded without it.
 */
import { describe, expect, it } from 'vitest';
import { genderContext } from '../../src/shared/i18n/gender';
import { createI18n } from '../../src/shared/i18n/setup';
import { NAMESPACES, resources } from '../../src/shared/i18n/resources';

const CHECKED = ['hr', 'sr-Latn', 'bs', 'sl'] as const;

function strings(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : strings(v as object, `${prefix}${k}.`),
  );
}

// Feminine forms of mentor / coordinator and a masculine form of the same stem (any case, both scripts' Latin).
const FEMININE = /\b(mentoric|mentork|koordinatoric|koordinatork)\w*/iu;
const MASCULINE: Record<string, RegExp> = {
  mentor: /\bmentor(a|u|om|i|e|ima|ja|ju|jem|ji|jev|jem|jema)?\b|\bmentor\//iu,
  koordinator: /\bkoordinator(a|u|om|i|e|ima|ja|ju|jem|ji|jev)?\b|\bkoordinator\//iu,
};

describe('no mentor or coordinator only in the feminine', () => {
  it.each(CHECKED)('%s', (lang) => {
    const offenders: string[] = [];
    for (const ns of NAMESPACES) {
      for (const [key, text] of strings(resources[lang][ns])) {
        // A text that names a woman (key_female, genders.woman, preference.woman) is feminine by design.
        if (key.endsWith('_female') || key.endsWith('.woman')) continue;
        const m = FEMININE.exec(text);
        if (!m) continue;
        const stem = m[1]!.toLowerCase().startsWith('mentor') ? 'mentor' : 'koordinator';
        if (!MASCULINE[stem]!.test(text)) offenders.push(`${ns}:${key}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('texts about a known mentor agree with the mentor', () => {
  const t = (lang: (typeof CHECKED)[number] | 'sr-Cyrl', key: string, gender?: 'woman' | 'man' | 'notStated') =>
    createI18n(lang).t(`mentorPack:${key}`, { context: genderContext(gender) });
  it.each([
    ['hr', 'ove mentorice', 'ovog mentora'],
    ['sr-Latn', 'ove mentorke', 'ovog mentora'],
    ['sr-Cyrl', 'ове менторке', 'овог ментора'],
    ['bs', 'ove mentorice', 'ovog mentora'],
    ['sl', 'te mentorice', 'tega mentorja'],
  ] as const)('%s: import preview and export warning', (lang, woman, man) => {
    expect(t(lang, 'import.pinned', 'woman')).toContain(woman);
    expect(t(lang, 'import.pinned', 'man')).toContain(man);
    expect(t(lang, 'import.firstUse', 'woman')).toContain(woman);
    expect(t(lang, 'import.firstUse', 'man')).toContain(man);
    expect(t(lang, 'import.pinned', 'notStated')).not.toMatch(FEMININE);
    expect(t(lang, 'export.warning', 'woman')).not.toBe(t(lang, 'export.warning', 'man'));
    expect(t(lang, 'export.warning', 'man')).not.toMatch(FEMININE);
  });
});

describe('the user confirms without a slash form', () => {
  // First person ("sam" / "sem") and a slash ending: "usporedio/la sam", "natisnil/-a".
  const FIRST_PERSON = /\b(sam|sem)\b/u;
  const SLASH = /\p{L}\/-?\p{L}{1,3}\b/u;
  it.each(CHECKED)('%s', (lang) => {
    const offenders: string[] = [];
    for (const ns of NAMESPACES) {
      for (const [key, text] of strings(resources[lang][ns])) {
        if (FIRST_PERSON.test(text) && SLASH.test(text)) offenders.push(`${ns}:${key}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it.each(CHECKED)('%s: "recorded by" names the person without a gendered verb', (lang) => {
    expect(createI18n(lang).t('participants:consent.recordedBy', { name: 'Ana' })).not.toMatch(SLASH);
  });
});

describe('the notice after withdrawing a participant agrees with her or him', () => {
  it.each([
    ['hr', 'Ana Horvat je odjavljena.', 'Ivan Horvat je odjavljen.'],
    ['sr-Latn', 'Ana Horvat je odjavljena.', 'Ivan Horvat je odjavljen.'],
    ['bs', 'Ana Horvat je odjavljena.', 'Ivan Horvat je odjavljen.'],
    ['sl', 'Ana Horvat se je izpisala.', 'Ivan Horvat se je izpisal.'],
  ] as const)('%s', (lang, woman, man) => {
    const t = createI18n(lang).t;
    expect(t('programmes:enrol.withdrawn', { name: 'Ana Horvat', context: genderContext('woman') })).toBe(woman);
    expect(t('programmes:enrol.withdrawn', { name: 'Ivan Horvat', context: genderContext('man') })).toBe(man);
    expect(t('programmes:enrol.withdrawnMoved', { name: 'Ana Horvat', moved: 'Ivan', context: genderContext('woman') })).toContain(woman.slice(0, -1));
    expect(t('programmes:enrol.withdrawnMoved', { name: 'Ivan Horvat', moved: 'Ana', context: genderContext('man') })).toContain(man.slice(0, -1));
  });
});

describe('texts about any person, mentee or user do not assume a woman', () => {
  // Shown for men too, with no gender context: a person's page, the close-a-match dialog, the
  // matching rules, the passphrase a coordinator sets for a colleague.
  const KEYS = [
    'participants:noProgrammes',
    'participants:outcomes.jobsCreated',
    'participants:timeline.created',
    'mentoring:noMentees',
    'mentoring:outcomes.businessRegistered',
    'mentoring:outcomes.employed',
    'mentoring:outcomes.selfEmployed',
    'mentoring:outcomes.education',
    'mentoring:outcomes.droppedOut',
    'mentoring:blocked.preference.woman',
    'mentoring:blocked.preference.man',
    'mentoring:settings.weights.language',
    'users:passphraseHint',
  ];
  const FEMININE_ONLY =
    /\b(upisana|vpisana|njezin\w*|njen\w*|sudionice|učesnice|udeleženke|željela|želela|zaposlila|samozaposlena|nastavila|nadaljevala|odustala|odstopila|registrirala|registrovala|dodana|dodata|her|she)\b/iu;
  it.each([...CHECKED, 'en'] as const)('%s', (lang) => {
    const t = createI18n(lang).t;
    const offenders = KEYS.map((k) => `${k}: ${t(k)}`).filter((s) => FEMININE_ONLY.test(s.split(': ')[1]!));
    expect(offenders).toEqual([]);
  });
});
