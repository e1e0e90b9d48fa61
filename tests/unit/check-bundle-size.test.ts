// scripts/check-bundle-size.ts, which `npm test` runs over the built renderer: it must count every
// chunk (lazy ones and workers too), tell the chunks index.html loads at start, and fail a build
// over its budget. It builds nothing itself.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGET, bundleSize, overBudget } from '../../scripts/check-bundle-size';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function built(files: Record<string, string | number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mreza-size-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'number' ? 'x'.repeat(content) : content);
  }
  return dir;
}

const HTML =
  '<script type="module" src="./assets/index-A1.js"></script><link rel="modulepreload" href="./assets/useFormat-B2.js"><link rel="stylesheet" href="./assets/index-C3.css">';

describe('check-bundle-size', () => {
  it('sums every .js in assets and, separately, what index.html loads at start', () => {
    const dir = built({
      'index.html': HTML,
      'assets/index-A1.js': 1000,
      'assets/useFormat-B2.js': 300,
      'assets/ReportsPage-D4.js': 5000,
      'assets/kdfWorker-E5.js': 70,
      'assets/index-C3.css': 9999,
    });
    const size = bundleSize(dir);
    expect(size.total).toBe(6370);
    expect(size.initial).toBe(1300);
    expect(size.largest[0]).toEqual({ file: 'assets/ReportsPage-D4.js', bytes: 5000 });
  });

  it('fails a build over either budget, and passes one within both', () => {
    expect(overBudget({ total: 100, initial: 10 }, { total: 100, initial: 10 })).toEqual([]);
    expect(overBudget({ total: 101, initial: 10 }, { total: 100, initial: 10 })).toHaveLength(1);
    expect(overBudget({ total: 100, initial: 11 }, { total: 100, initial: 10 })).toHaveLength(1);
    // The budget itself: no larger than the build before the dictionaries moved out (8.70 MB, 4.99 MB at start).
    expect(BUDGET.total).toBeLessThan(8_700_000);
    expect(BUDGET.initial).toBeLessThan(4_985_000);
  });

  it('refuses to pass when there is no build to measure', () => {
    expect(() => bundleSize(built({ 'x.txt': 'no build' }))).toThrow(/npm run build/);
    expect(() => bundleSize(built({ 'index.html': HTML, 'assets/a.css': 'x' }))).toThrow(/no JavaScript/);
  });
});
