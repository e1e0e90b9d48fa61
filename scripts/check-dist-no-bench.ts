// Checks the built renderer (out/renderer, made by `npm run build`) for bench code: the benchmarks'
// hooks (src/renderer/src/bench) are built only by `npm run bench`, in their own mode into
// out-bench/ (electron.vite.config.ts), and must never ship. Run after the build, as `npm test`
// does: node scripts/check-dist-no-bench.ts [dir]   (exits 1 when bench code is found).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'out/renderer');

/**
 * Strings only the bench's code holds, which survive minification (a window property, error
 * messages). tests/unit/check-dist-no-bench.test.ts keeps them true: each must be in the bench's
 * sources and in no other source of src/.
 */
export const BENCH_MARKERS = ['__mrezaBench', 'armKeystroke first', 'dashboardFirst first', 'lead identity not installed', 'replanEveryRow'] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Problems with the built renderer in `dir`: none means it was built and holds no bench code. */
export function benchCodeIn(dir: string): string[] {
  if (!existsSync(join(dir, 'index.html'))) return [`${dir} holds no built renderer (index.html): run npm run build first`];
  const built = files(dir).filter((f) => /\.(m?js|html)$/.test(f));
  if (!built.some((f) => f.endsWith('.js'))) return [`${dir} holds no JavaScript: run npm run build first`];
  const problems: string[] = [];
  for (const file of built) {
    const text = readFileSync(file, 'utf8');
    for (const marker of BENCH_MARKERS) if (text.includes(marker)) problems.push(`${relative(dir, file)} holds bench code ("${marker}")`);
    if (/src\/bench\//.test(text)) problems.push(`${relative(dir, file)} refers to src/bench/`);
  }
  return problems;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? DIST);
  const problems = benchCodeIn(dir);
  for (const p of problems) console.error(`check-dist-no-bench: ${p}`);
  if (problems.length) process.exit(1);
  console.log(`check-dist-no-bench: ${relative(ROOT, dir) || dir} holds no bench code`);
}
