import { ZxcvbnFactory } from '@zxcvbn-ts/core';

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
let loading: Promise<void> | undefined;
const readyListeners = new Set<() => void>();

/**
 * Loads the dictionaries (about 1.6 MB of words, names and leaked passwords) and builds the judge,
 * once. They are fetched only when a passphrase is first judged, not with the app: most starts only
 * ask for an existing passphrase, which needs no judge.
 */
export function loadPassphraseJudge(): Promise<void> {
  loading ??= Promise.all([import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([common, en]) => {
      // No `translations`: zxcvbn then answers with its keys, which the UI translates in six languages.
      factory = new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs });
      for (const listener of readyListeners) listener();
    },
    (e: unknown) => {
      loading = undefined; // a failed fetch may be tried again
      throw e;
    },
  );
  return loading;
}

/** Whether judgePassphrase can answer now (loadPassphraseJudge has finished). */
export function passphraseJudgeReady(): boolean {
  return factory !== undefined;
}

/** Called once the judge is ready (for a screen to judge what was typed while it loaded). */
export function onPassphraseJudgeReady(listener: () => void): () => void {
  readyListeners.add(listener);
  return () => readyListeners.delete(listener);
}

/** Judges a passphrase, loading the judge first when needed (the data layer's check). */
export async function judgePassphraseLoaded(passphrase: string, userInputs: readonly string[] = []): Promise<PassphraseVerdict> {
  await loadPassphraseJudge();
  return judgePassphrase(passphrase, userInputs);
}

/** Judges a passphrase; the judge must be loaded (loadPassphraseJudge), else this throws. */
export function judgePassphrase(passphrase: string, userInputs: readonly string[] = []): PassphraseVerdict {
  if (!factory) throw new Error('the passphrase judge is not loaded yet (loadPassphraseJudge)');
  const result = factory.check(
    passphrase.slice(0, MAX_SIGN_IN_PASSPHRASE),
    userInputs.filter(Boolean).flatMap((s) => [s, ...s.split(/\s+/)]),
  );
  const problems: PassphraseProblem[] = [];
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_SIGN_IN_PASSPHRASE) problems.push('tooShort');
  if (passphrase.length > MAX_SIGN_IN_PASSPHRASE) problems.push('tooLong');
  if (result.score < MIN_STRENGTH_SCORE) problems.push('tooWeak');
  return { ok: problems.length === 0, score: result.score, problems, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
