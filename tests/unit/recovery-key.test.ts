import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, parseRecoveryKey } from '@shared/auth/recoveryKey';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('recovery key', () => {
  it('is 7 groups of 4 Crockford characters (no I, L, O, U) and reads back', () => {
    for (let i = 0; i < 200; i++) {
      const key = generateRecoveryKey();
      expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      const parsed = parseRecoveryKey(key);
      expect(parsed).toEqual({ ok: true, key: key.replace(/-/g, '').slice(0, 26) });
    }
  });

  it('every single mistyped character and every swap of neighbours is caught', () => {
    const key = generateRecoveryKey().replace(/-/g, '');
    for (let i = 0; i < key.length; i++) {
      for (const c of ALPHABET) {
        if (c === key[i]) continue;
        const typo = key.slice(0, i) + c + key.slice(i + 1);
        expect(parseRecoveryKey(typo), `${i} ${c}`).toEqual({ ok: false, problem: 'check' });
      }
    }
    for (let i = 0; i < 25; i++) {
      if (key[i] === key[i + 1]) continue;
      const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      expect(parseRecoveryKey(swapped).ok, `swap ${i}`).toBe(false);
    }
  });

  it('says what is wrong: length, a foreign character', () => {
    const key = generateRecoveryKey();
    expect(parseRecoveryKey(key.slice(0, -1))).toEqual({ ok: false, problem: 'length' });
    expect(parseRecoveryKey('')).toEqual({ ok: false, problem: 'length' });
    expect(parseRecoveryKey(key.slice(0, -1) + 'U')).toEqual({ ok: false, problem: 'character' });
    expect(parseRecoveryKey(key.slice(0, -1) + '*')).toEqual({ ok: false, problem: 'character' });
  });

  it('accepts it as people type it from paper: any case, spaces, O for 0, I or L for 1', () => {
    const values = Array.from({ length: 26 }, (_, i) => (i === 0 ? 0 : i === 1 ? 1 : 2));
    // A key that starts with 0 and 1, built with a valid check.
    let sum = 0;
    values.forEach((v, i) => (sum += (i + 1) * v));
    sum %= 1024;
    const key = values.map((v) => ALPHABET[v]).join('') + ALPHABET[sum >> 5] + ALPHABET[sum & 31];
    expect(parseRecoveryKey(key).ok).toBe(true);
    expect(parseRecoveryKey('o' + 'l' + key.slice(2).toLowerCase()).ok).toBe(true);
    expect(
      parseRecoveryKey(
        'O I ' +
          key
            .slice(2)
            .match(/.{1,4}/g)!
            .join(' - '),
      ).ok,
    ).toBe(true);
  });
});
