import type { GENDERS } from '../model/person';

/**
 * The i18next context for a text about a person (`key_female`, `key_male`): Slavic verbs and
 * adjectives agree with the person ("završila" / "završio"). Without a recorded woman/man the
 * plain key is used, which holds the neutral (slash) form.
 */
export function genderContext(gender: (typeof GENDERS)[number] | undefined): 'female' | 'male' | undefined {
  if (gender === 'woman') return 'female';
  if (gender === 'man') return 'male';
  return undefined;
}
