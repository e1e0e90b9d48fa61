/**
 * The recovery key: 130 random bits written as 26 Crockford base32 characters plus two check
 * characters, in seven groups of four ("7K3M-QX2D-…"). Crockford's alphabet has no I, L, O or U,
 * and reading accepts the letters people mistype for digits (O→0, I/L→1) and any case or spaces.
 * The check characters catch every single mistyped character and every swap of two neighbours.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_CHARS = 26;
const CHECK_CHARS = 2;
const GROUP = 4;

function checkOf(values: readonly number[]): [number, number] {
  // Weights 1..26: a single change of Δ (|Δ| ≤ 31) shifts the sum by at most 806 < 1024, never 0 mod 1024;
  // swapping neighbours i, i+1 shifts it by their difference.
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  sum %= 1024;
  return [sum >> 5, sum & 31];
}

/** A new recovery key, formatted for the recovery sheet. */
export function generateRecoveryKey(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(RECOVERY_KEY_CHARS);
  const values = [...bytes].map((b) => b & 31);
  return formatRecoveryKey([...values, ...checkOf(values)].map((v) => ALPHABET[v]).join(''));
}

function formatRecoveryKey(chars: string): string {
  return chars.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

export type RecoveryKeyProblem = 'length' | 'character' | 'check';

/**
 * Reads a recovery key as typed: the 26 key characters in canonical form, or what is wrong with
 * it (so the form can say so before any work is done).
 */
export function parseRecoveryKey(typed: string): { ok: true; key: string } | { ok: false; problem: RecoveryKeyProblem } {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_KEY_CHARS + CHECK_CHARS) return { ok: false, problem: 'length' };
  const values: number[] = [];
  for (const ch of cleaned) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return { ok: false, problem: 'character' };
    values.push(v);
  }
  const key = values.slice(0, RECOVERY_KEY_CHARS);
  const [a, b] = checkOf(key);
  if (values[RECOVERY_KEY_CHARS] !== a || values[RECOVERY_KEY_CHARS + 1] !== b) return { ok: false, problem: 'check' };
  return { ok: true, key: cleaned.slice(0, RECOVERY_KEY_CHARS) };
}
