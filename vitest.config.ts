import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** As in electron.vite.config.ts: the renderer's code under test knows the app's version. */
const APP_VERSION = (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }).version;

export default defineConfig({
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(APP_VERSION) },
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // The CI machine is shared and noisy: a database test that takes 1 s alone took 6 s at a load of 14.
    // Speed is proven by ratios in `npm run bench`, never by a test's time limit.
    testTimeout: 30_000,
  },
});
