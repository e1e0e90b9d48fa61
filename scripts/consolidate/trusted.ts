/**
 * The `--trusted <file>` list: partner key fingerprints the lead compared by phone and accepts
 * although the key file has not pinned them yet. One fingerprint per line, as Mreža shows it
 * (eight groups of five digits; spaces between groups optional); `#` starts a comment, e.g. the
 * partner's name. Blank lines are ignored.
 *
 *   # Udruga Korak – Čakovec, compared with Ana on 3 Oct
 *   40213 88710 00412 93821 55123 00981 12345 67890
 */

/** A line that is not a fingerprint (1-based), so the lead can fix the file. */
export class TrustedFileError extends Error {
  constructor(readonly line: number) {
    super(`trusted file line ${line}`);
  }
}

export function parseTrustedFile(text: string): Set<string> {
  const out = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) return;
      const digits = line.replace(/\s+/g, '');
      if (!/^\d{40}$/.test(digits)) throw new TrustedFileError(i + 1);
      out.add(digits.match(/\d{5}/g)!.join(' '));
    });
  return out;
}
