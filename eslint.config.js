import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// The layers of docs/architecture.md, enforced. Two rules carry them:
//  - import-x/no-restricted-paths: which of OUR folders may import which (ZONES below), one rule
//    configuration for every file, so no later block can replace an earlier one's zones;
//  - no-restricted-imports: which PACKAGES a runtime may use, set exactly once per file by
//    disjoint `files`/`ignores` (in flat config a later block's options replace an earlier one's).
// tests/unit/import-zones.test.ts lints probe files and expects every forbidden import to fail.

const ROOT = import.meta.dirname;
const RENDERER = 'src/renderer/src';
const FEATURES = `${RENDERER}/features`;

/** Every Node built-in by name (`fs/promises`, `buffer`, …) and with the `node:` prefix. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const nodeBan = (message) => ({ paths: NODE_BUILTINS.map((name) => ({ name, message })), patterns: [{ group: ['node:*'], message }] });
const UI_PACKAGES = ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*', '@tabler/*', 'react-i18next', 'react-router', 'recharts'];
const STORAGE_PACKAGES = ['dexie', 'dexie/*', 'dexie-react-hooks'];

/** One `no-restricted-imports` setting from bans (`{ paths?, patterns? }`), merged. */
const banned = (...bans) => ['error', { paths: bans.flatMap((b) => b.paths ?? []), patterns: bans.flatMap((b) => b.patterns ?? []) }];

/** The features of the renderer: each may import another only through that one's `index.ts`. */
const features = readdirSync(join(ROOT, FEATURES), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Everything of ours that is not the bench (the bench may import anything; nothing imports it). */
const NOT_BENCH = ['src/main/**', 'src/shared/**', `${RENDERER}/!(bench)/**`, `${RENDERER}/*`, 'src/renderer/*', 'scripts/!(bench).ts', 'scripts/*/**'];

export const ZONES = [
  {
    target: 'src/shared',
    from: '.',
    except: ['./src/shared', './node_modules'],
    message: 'src/shared is pure: it imports nothing of ours outside src/shared.',
  },
  { target: 'src/main', from: 'src/renderer', message: 'main does not import the renderer (they talk through src/shared/ipc.ts).' },
  { target: 'src/renderer', from: 'src/main', message: 'The renderer does not import main (it reaches the machine through platform/).' },
  {
    target: `${RENDERER}/db`,
    from: [`${RENDERER}/features`, `${RENDERER}/components`, `${RENDERER}/app`, `${RENDERER}/session`],
    message: 'db/ is data access only: it imports no UI (features, components, app).',
  },
  {
    target: `${RENDERER}/session`,
    from: [`${RENDERER}/features`, `${RENDERER}/components`, `${RENDERER}/app`],
    message: 'session/ holds who is signed in and today: it sits below components, features and app.',
  },
  {
    target: `${RENDERER}/workers`,
    from: [`${RENDERER}/features`, `${RENDERER}/components`, `${RENDERER}/app`, `${RENDERER}/session`],
    message: 'workers/ run shared rules off the main thread: they import no UI.',
  },
  {
    target: `${RENDERER}/components`,
    from: [`${RENDERER}/features`, `${RENDERER}/app`],
    message: 'components/ are shared building blocks: they import no feature and not app/.',
  },
  { target: FEATURES, from: `${RENDERER}/app`, message: 'Features do not import app/ (the composition root imports features, not the other way).' },
  ...features.map((feature) => ({
    target: `${FEATURES}/${feature}`,
    from: FEATURES,
    except: [`./${feature}`, ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
    message: 'A feature imports another only through its public index.ts.',
  })),
  { target: 'scripts', from: 'src/renderer', message: 'Scripts import no renderer code (shared rules live in src/shared).' },
  ...NOT_BENCH.map((target) => ({
    target,
    from: ['src/renderer/src/bench/**', 'tests/bench/**'],
    message: 'Nothing of the product imports the bench (it is built only by `npm run bench`).',
  })),
];

const BASE_OPTIONS = { basePath: ROOT, zones: ZONES };

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'src/renderer/out-*/**',
      'dist/**',
      'dist-cli/**',
      'node_modules/**',
      '.tools/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x parses no .ts/.tsx dependency, and no-cycle sees no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.node'],
          alias: { '@shared': [join(ROOT, 'src/shared')] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', BASE_OPTIONS],
      // An import the resolver cannot follow would slip past the zones: every one must resolve.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:', '\\?(worker|url|raw|inline)$'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': banned(
        nodeBan('src/shared is pure: no Node (it runs in the renderer, main and scripts alike).'),
        { patterns: [{ group: ['electron', 'electron/*'], message: 'src/shared is pure: no Electron.' }] },
        { patterns: [{ group: [...UI_PACKAGES, ...STORAGE_PACKAGES], message: 'src/shared is pure: no UI or storage.' }] },
      ),
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'localStorage',
        'indexedDB',
        'navigator',
        'process',
        'Buffer',
        'require',
        '__dirname',
        '__filename',
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': banned({ patterns: [{ group: [...UI_PACKAGES, ...STORAGE_PACKAGES], message: 'main has no UI and no IndexedDB.' }] }),
    },
  },
  {
    // Only db/ touches IndexedDB; the bench times raw IndexedDB against db/ on purpose.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: [`${RENDERER}/db/**`, `${RENDERER}/bench/**`],
    rules: {
      'no-restricted-imports': banned(
        nodeBan('The renderer reaches the machine only through src/renderer/src/platform.'),
        { patterns: [{ group: ['electron', 'electron/*'], message: 'The renderer reaches the machine only through src/renderer/src/platform.' }] },
        { patterns: [{ group: ['dexie', 'dexie/*'], message: 'Only src/renderer/src/db touches IndexedDB.' }] },
      ),
    },
  },
  {
    files: [`${RENDERER}/db/**/*.{ts,tsx}`, `${RENDERER}/bench/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': banned(nodeBan('The renderer reaches the machine only through src/renderer/src/platform.'), {
        patterns: [{ group: ['electron', 'electron/*'], message: 'The renderer reaches the machine only through src/renderer/src/platform.' }],
      }),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Last: turns off stylistic rules that would fight Prettier (`npm run format:check`).
  prettier,
);
