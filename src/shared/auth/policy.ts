import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * What a sign-in passphrase must be: at least 10 characters AND a zxcvbn-ts score of at least 3
 * ("safely unguessable: moderate protection from offline slow-hash attacks"). Both, not either: a
 * long run of one word ("aaaaaaaaaaaa", "password1234") is long but weak, and a short random
 * string is strong but easily mistyped on a shared PC. The organisation's and the user's own
 * names count against it.
 */
export const MIN_SIGN_IN_PASSPHRASE = 10;
export const MAX_SIGN_IN_PASSPHRASE = 200;
export const MIN_STRENGTH_SCORE = 3;

export type PassphraseProblem = 'tooShort' | 'tooLong' | 'tooWeak';

export interface PassphraseVerdict {
  ok: boolean;
  /** zxcvbn's 0–4, for the strength meter. */
  score: 0 | 1 | 2 | 3 | 4;
  problems: PassphraseProblem[];
  /** zxcvbn's reason, as its translation key (`passphrase:warnings.<key>`), when there is one. */
  warning: string | null;
  /** zxcvbn's advice, as translation keys (`passphrase:suggestions.<key>`). */
  suggestions: string[];
}

let factory: ZxcvbnFactory | undefined;
/** Built once, on first use (its dictionaries take about half a second to rank). */
function zxcvbn(): ZxcvbnFactory {
  // No `translations`: zxcvbn then answers with its keys, which the UI translates in six languages.
  factory ??= new ZxcvbnFactory({ dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary }, graphs: zxcvbnCommon.adjacencyGraphs });
  return factory;
}

export function judgePassphrase(passphrase: string, userInputs: readonly string[] = []): PassphraseVerdict {
  const result = zxcvbn().check(passphrase.slice(0, MAX_SIGN_IN_PASSPHRASE), userInputs.filter(Boolean).flatMap((s) => [s, ...s.split(/\s+/)]));
  const problems: PassphraseProblem[] = [];
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_SIGN_IN_PASSPHRASE) problems.push('tooShort');
  if (passphrase.length > MAX_SIGN_IN_PASSPHRASE) problems.push('tooLong');
  if (result.score < MIN_STRENGTH_SCORE) problems.push('tooWeak');
  return { ok: problems.length === 0, score: result.score, problems, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}

/** Loads the dictionaries ahead of the first keystroke. */
export function warmUpPassphraseJudge(): void {
  zxcvbn();
}
