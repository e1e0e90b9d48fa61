import { beforeAll, describe, expect, it } from 'vitest';
import { judgePassphrase, loadPassphraseJudge, MIN_SIGN_IN_PASSPHRASE } from '@shared/auth/policy';

// The dictionaries load on demand (a chunk of their own in the app), before the first verdict.
beforeAll(loadPassphraseJudge);

describe('sign-in passphrase policy: at least 10 characters and a zxcvbn score of 3 or more', () => {
  it.each([['Zelena livada uz Dravu 2026'], ['brod kiša Mura tiho'], ['kišobran jabuka oblak']])('accepts %s', (p) => {
    const verdict = judgePassphrase(p, ['Sanja Horvat', 'Udruga Žene za budućnost']);
    expect(verdict.ok).toBe(true);
    expect(verdict.score).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['short and random', 'x7#Qp!2', ['tooShort', 'tooWeak']],
    ['nine characters, however strong zxcvbn finds them', 'Kq8#vZ2!m', ['tooShort']],
    ['a common password', 'password1234', ['tooWeak']],
    ['one character repeated', 'aaaaaaaaaaaa', ['tooWeak']],
    ['a keyboard row', 'qwertyuiop12', ['tooWeak']],
    ['her own name and a year', 'Sanja Horvat 2026', ['tooWeak']],
    ['old six-character passphrases', 'tajna1', ['tooShort', 'tooWeak']],
  ])('refuses %s, saying why', (_label, p, problems) => {
    const verdict = judgePassphrase(p as string, ['Sanja Horvat', 'Udruga Žene za budućnost']);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(problems);
  });

  it('gives zxcvbn reasons as keys the UI translates', () => {
    expect(judgePassphrase('Sanja Horvat 2026', ['Sanja Horvat']).warning).toBe('userInputs');
    expect(judgePassphrase('aaaaaaaaaaaa').warning).toBe('simpleRepeat');
    expect(judgePassphrase('password1234').suggestions).toContain('anotherWord');
  });

  it('counts characters, not bytes: ten letters with accents are ten', () => {
    expect(MIN_SIGN_IN_PASSPHRASE).toBe(10);
    expect(judgePassphrase('ščćžđščćžđ').problems).not.toContain('tooShort');
    expect(judgePassphrase('ščćžđščćž').problems).toContain('tooShort');
  });
});
