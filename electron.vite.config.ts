import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'src/shared') };
/** The app's version for the renderer (About, the version a partner's bundle carries): package.json's, as app.getVersion() says. */
const APP_VERSION = (JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * `--mode bench` (scripts/bench.ts, into out-bench/): the same page with the bench's entry in
 * place of the app's, so the benchmarks' hooks exist only in that build, never in the product's.
 */
export const BENCH_MODE = 'bench';
const APP_ENTRY = './src/main.tsx';
const BENCH_ENTRY = './src/bench/main.tsx';

function benchEntry(): Plugin {
  return {
    name: 'mreza-bench-entry',
    transformIndexHtml: {
      order: 'pre', // before Vite turns the script tag into the built chunk's
      handler(html) {
        if (!html.includes(`src="${APP_ENTRY}"`))
          throw new Error(`index.html no longer loads ${APP_ENTRY}: update the bench entry swap in electron.vite.config.ts`);
        return html.replace(`src="${APP_ENTRY}"`, `src="${BENCH_ENTRY}"`);
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  /** The bench build goes to out-bench/ so it never overwrites (or passes for) the product's out/. */
  const outDir = (part: string) => (mode === BENCH_MODE ? { outDir: resolve(__dirname, 'out-bench', part) } : {});
  return {
    main: {
      resolve: { alias },
      build: {
        ...outDir('main'),
        rollupOptions: {
          input: { index: resolve(__dirname, 'src/main/index.ts') },
        },
      },
    },
    preload: {
      resolve: { alias },
      build: {
        ...outDir('preload'),
        rollupOptions: {
          input: { index: resolve(__dirname, 'src/main/preload/index.ts') },
          // A sandboxed preload cannot be an ES module.
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer: {
      root: resolve(__dirname, 'src/renderer'),
      base: './',
      resolve: { alias },
      plugins: mode === BENCH_MODE ? [react(), benchEntry()] : [react()],
      define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(APP_VERSION) },
      build: {
        ...outDir('renderer'),
        // The product is minified (electron-vite leaves it as written by default): #14's "no larger".
        minify: true,
        rollupOptions: {
          input: { index: resolve(__dirname, 'src/renderer/index.html') },
        },
      },
    },
  };
});
