import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Node's built-ins by exact name (a folder of ours called `crypto` is not Node's). */
const NODE_BUILTIN_NAMES = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'zlib', 'stream', 'util', 'events', 'http', 'https', 'net'];
const NODE_BUILTINS = ['node:*'];

/** Layering of DESIGN.md, enforced: arrows point down. Groups naming `node:*` also forbid Node's built-ins by bare name. */
const restrict = (...patterns) => {
  const nodeGroup = patterns.find((group) => group.group.includes('node:*'));
  return [
    'error',
    {
      paths: nodeGroup ? NODE_BUILTIN_NAMES.map((name) => ({ name, message: nodeGroup.message })) : [],
      patterns: patterns.map((group) => ({ group: group.group, message: group.message })),
    },
  ];
};

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'src/renderer/out-*/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron', 'electron/*', ...NODE_BUILTINS], message: 'src/shared is pure: no Electron or Node.' },
        { group: ['react', 'react-dom', 'react/*', '@mantine/*', 'dexie', 'dexie-react-hooks', 'react-i18next'], message: 'src/shared is pure: no UI or storage.' },
        { group: ['**/renderer/**', '**/main/**'], message: 'src/shared imports neither main nor renderer.' },
      ),
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        { group: ['electron', 'electron/*', ...NODE_BUILTINS], message: 'The renderer reaches the machine only through src/renderer/src/platform.' },
        { group: ['**/main/**'], message: 'The renderer does not import main.' },
      ),
    },
  },
  {
    // Only the db layer touches IndexedDB; features go through it.
    files: ['src/renderer/src/features/**/*.{ts,tsx}', 'src/renderer/src/components/**/*.{ts,tsx}', 'src/renderer/src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron', 'electron/*', ...NODE_BUILTINS], message: 'The renderer reaches the machine only through src/renderer/src/platform.' },
        { group: ['dexie'], message: 'Only src/renderer/src/db touches IndexedDB.' },
      ),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['react', 'react-dom', 'react/*', '@mantine/*', 'dexie', 'dexie-react-hooks', 'react-i18next'], message: 'main has no UI and no IndexedDB.' },
        { group: ['**/renderer/**'], message: 'main does not import the renderer.' },
      ),
    },
  },
);
