// scripts/check-dist-no-bench.ts, which `npm test` runs over the built renderer: its markers must
// be the bench's own (or it would pass a bundle holding bench code), and it must tell a clean
// build from one with bench code and from no build at all. It builds nothing itself.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCH_MARKERS, benchCodeIn } from '../../scripts/check-dist-no-bench';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH = join(ROOT, 'src/renderer/src/bench');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function built(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mreza-dist-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('check-dist-no-bench', () => {
  it.each(BENCH_MARKERS)('marker %j is in the bench’s sources and in no other source', (marker) => {
    const bench = sources(BENCH).filter((f) => readFileSync(f, 'utf8').includes(marker));
    const elsewhere = sources(join(ROOT, 'src')).filter((f) => !f.startsWith(BENCH) && readFileSync(f, 'utf8').includes(marker));
    expect(bench.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
  });

  it('passes a build without bench code', () => {
    expect(benchCodeIn(built({ 'index.html': '<script src="./assets/index-1.js"></script>', 'assets/index-1.js': 'console.log("app")' }))).toEqual([]);
  });

  it.each(BENCH_MARKERS)('fails a build whose chunk holds %j', (marker) => {
    const dir = built({
      'index.html': '<script src="./assets/index-1.js"></script>',
      'assets/index-1.js': 'app()',
      'assets/hooks-2.js': `window[${JSON.stringify(marker)}]=1`,
    });
    expect(benchCodeIn(dir)).toEqual([expect.stringContaining('hooks-2.js holds bench code')]);
  });

  it('fails where nothing was built, rather than passing an empty folder', () => {
    expect(benchCodeIn(built({}))).toEqual([expect.stringContaining('no built renderer')]);
    expect(benchCodeIn(built({ 'index.html': '' }))).toEqual([expect.stringContaining('no JavaScript')]);
  });
});
