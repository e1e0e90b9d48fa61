// Checks the size of the built renderer's JavaScript (out/renderer, made by `npm run build`)
// against a stated budget, so the production bundle cannot grow unnoticed (#14: "the production
// bundle is no larger"). Run after the build, as `npm test` does:
//   node scripts/check-bundle-size.ts [dir]   (exits 1 when a budget is exceeded)
// Raising a budget is a decision: say in the commit what grew and why.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'out/renderer');

/**
 * Bytes of JavaScript. `total`: every .js in assets/ (lazy chunks and workers included).
 * `initial`: what index.html loads before the first screen (its script and modulepreloads).
 * Before #14/#15: 7.02 MB total. With the passphrase judge (zxcvbn-ts, 1.6 MB of dictionaries,
 * a lazy chunk since) and Argon2id: 8.70 MB total, 4.99 MB initial. After moving the dictionaries,
 * hash-wasm and the print renderer out: 8.25 MB total, 3.33 MB initial. Then encryption at rest
 * (the sealing layer and @noble/ciphers in the initial code), the organisations register, the
 * sharing basis, the error screens and their translations in six languages: 8.55 MB, 3.53 MB.
 * #19 items 3-5 (drop zones, opened files, the failed-backup banner, shortcuts, the log scrubber and
 * their texts in six languages): 8.57 → 8.66 MB (+45 kB of it @mantine/dropzone, a lazy chunk) and
 * 3.54 → 3.58 MB at start (mostly the new texts; 415 kB gzip for the start chunk).
 * Updates (#19 item 1): their strings in six languages, +11 kB initial (the notice and the
 * Settings tab are lazy chunks, the notice loaded only in the desktop app).
 * Session 7's merges (evaluations with default question sets in six languages, reminders that act,
 * logos and the EU emblem, print, the Bosnian re-read, desktop texts): 8.89 MB, 3.82 MB. Most of the
 * initial growth is text in six languages loaded at start.
 * Then Serbian Cyrillic computed from the Latin at first use instead of carried (-0.22 MB, 8.71 MB),
 * and the product minified (electron-vite left it unminified): 5.29 MB, 1.94 MB at start.
 * Session 8's merges (referrals with their namespace in six languages, 18 kB of JSON; the
 * evaluation summaries as they leave; restore on the error screen; spelling texts; collation of
 * every picker): 2.00 MB at start, 0.63 MiB gzip (#19's ceiling is 1 MB gzip), so 2.10 MB.
 * The next cut is the five languages not in use at start.
 */
export const BUDGET = { total: 5_400_000, initial: 2_100_000 } as const;

export interface BundleSize {
  total: number;
  initial: number;
  /** The largest files, for the message when a budget is exceeded. */
  largest: Array<{ file: string; bytes: number }>;
}

/** The JavaScript sizes of the built renderer in `dir`; throws when there is no build. */
export function bundleSize(dir: string): BundleSize {
  const html = join(dir, 'index.html');
  const assets = join(dir, 'assets');
  if (!existsSync(html) || !existsSync(assets)) throw new Error(`${dir} holds no built renderer: run npm run build first`);
  const js = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `assets/${f}`, bytes: statSync(join(assets, f)).size }));
  if (js.length === 0) throw new Error(`${dir} holds no JavaScript: run npm run build first`);
  const loaded = new Set([...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  return {
    total: js.reduce((n, f) => n + f.bytes, 0),
    initial: js.filter((f) => loaded.has(f.file)).reduce((n, f) => n + f.bytes, 0),
    largest: [...js].sort((a, b) => b.bytes - a.bytes).slice(0, 8),
  };
}

/** What exceeds the budget: none means the build fits. */
export function overBudget(size: Pick<BundleSize, 'total' | 'initial'>, budget: { total: number; initial: number } = BUDGET): string[] {
  const problems: string[] = [];
  if (size.total > budget.total) problems.push(`the renderer's JavaScript is ${size.total} bytes, over its budget of ${budget.total}`);
  if (size.initial > budget.initial) problems.push(`the JavaScript loaded at start is ${size.initial} bytes, over its budget of ${budget.initial}`);
  return problems;
}

const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? DIST);
  const size = bundleSize(dir);
  const problems = overBudget(size);
  for (const p of problems) console.error(`check-bundle-size: ${p}`);
  if (problems.length) {
    for (const f of size.largest) console.error(`  ${mb(f.bytes).padStart(8)}  ${f.file}`);
    process.exit(1);
  }
  console.log(
    `check-bundle-size: ${relative(ROOT, dir) || dir}: ${mb(size.total)} of JavaScript (budget ${mb(BUDGET.total)}), ${mb(size.initial)} at start (budget ${mb(BUDGET.initial)})`,
  );
}
