/**
 * Bundles the consolidation CLI with Vite (already here for the app): src/shared imports modules
 * without file extensions and imports JSON (the translations), which plain Node cannot load, so
 * every dependency is inlined and tree-shaken into one ES module. Used by `npm run consolidate`
 * (a temporary bundle, run at once) and `npm run build:cli` (one file for M&E officers).
 */
import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/** `entry`: cli.ts (exports `main`) or standalone.ts (runs it on import). */
export async function bundleCli(entry: 'cli' | 'standalone', outDir: string, fileName: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    publicDir: false,
    resolve: { alias: { '@shared': resolve(ROOT, 'src/shared') } },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: resolve(ROOT, `scripts/consolidate/${entry}.ts`),
      outDir,
      emptyOutDir: false,
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: { output: { format: 'es', entryFileNames: fileName, codeSplitting: false } },
    },
  });
  return resolve(outDir, fileName);
}
