/**
 * Command-line consolidation at the lead (docs/bundle-format.md, "Command-line consolidation"):
 *
 *   npm run consolidate -- <bundles or folders…> --key <lead key file> --out <report.xlsx|.csv|.json>
 *   npm run consolidate -- --help
 *
 * src/shared imports its modules without file extensions and imports JSON (the translations),
 * which plain Node cannot load, and Node would pay seconds for the date-fns barrels. So Vite,
 * already here for the app, bundles scripts/consolidate/cli.ts (tree-shaken, every dependency
 * inlined) into a temporary folder, which is imported and removed again: the tool runs the very
 * same src/shared code as the app. Only erasable TypeScript here, so Node runs this file directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as Cli from './consolidate/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'mreza-consolidate-'));
try {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    publicDir: false,
    resolve: { alias: { '@shared': resolve(ROOT, 'src/shared') } },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: resolve(ROOT, 'scripts/consolidate/cli.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'cli.mjs', codeSplitting: false } },
    },
  });
  const cli = (await import(pathToFileURL(join(outDir, 'cli.mjs')).href)) as typeof Cli;
  process.exitCode = await cli.main(process.argv.slice(2));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
