// Runs Doyensec Electronegativity over the Electron main process (src/main, TypeScript parsed by
// Electronegativity's own Babel TypeScript parser) and fails on any HIGH or MEDIUM finding.
//
//   node scripts/electronegativity.ts          (npm run security:scan; part of npm test)
//
// Why a wrapper: Electronegativity exits 0 even on HIGH findings, so this script reads its
// findings itself (the programmatic API returns severity and confidence separately; the SARIF it
// writes folds both into one "level") and decides:
//   - HIGH or MEDIUM severity, at ANY confidence (tentative included) → the run fails, unless a
//     REVIEWED exception below names that check id, that file and the exact code line it accepts;
//   - LOW and INFORMATIONAL findings are printed and never fail the run;
//   - a file Electronegativity could not parse fails the run (it would otherwise go unscanned);
//   - an exception that no longer matches any finding fails the run too, so the list stays exact.
// Tentative findings are the "review this" kind (e.g. every non-constant shell.openExternal): they
// are reviewed once and then recorded below with the reason and the test that proves it.
//
// What is scanned: a copy of src/main, plus "materialised" files generated from the real values
// that Electronegativity cannot see because they are computed in another module: the window options
// (windowOptions() in src/main/windowOptions.ts → `new BrowserWindow({...})` as a literal) and the
// CSP that the app:// protocol handler sends (src/main/protocol.ts → the `onHeadersReceived`
// pattern Electronegativity recognises). So every BrowserWindow check and the CSP evaluator run
// against the values the app really uses; the only exception in a materialised file is the
// preload review item (any preload at all is flagged for review).
//
// Offline by design: Electronegativity fetches translations from S3 and Electron's release list
// from GitHub through `got`; both are answered with an immediate "offline" rejection here, and
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (which compares the Electron version with GitHub's release
// list) is not run: keeping Electron current is a dependency matter, not a property of our code.
// Results: test-results/security/electronegativity.sarif (and .json). The tool is unmaintained
// (last release 2022); it is an extra net over the unit tests in tests/main, not the gate itself.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { CSP } from '../src/main/protocol.ts';
import { offscreenWindowOptions, windowOptions } from '../src/main/windowOptions.ts';

export const ROOT = resolve(import.meta.dirname, '..');
const MAIN_DIR = join(ROOT, 'src', 'main');
const RESULTS_DIR = join(ROOT, 'test-results', 'security');

type Level = { value: number; name: string };
export interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: Level;
  confidence: Level;
  manualReview?: boolean;
  shortenedURL?: string;
}
export interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}

/** A reviewed finding: one check id, one file, one source line (by pattern), and why it is fine. */
export interface ReviewedException {
  id: string;
  /** Path under the scan root: `main/…` for src/main. */
  file: string;
  /** The flagged source line must match this, so the exception lapses when the code changes. */
  line: RegExp;
  reason: string;
  provenBy: string;
}

const OFFSCREEN_NOT_LITERAL =
  "The hidden print window's options come from offscreenWindowOptions() (src/main/windowOptions.ts); Electronegativity does not follow calls into other modules. The same options are scanned as a literal in materialised/offscreen-window-options.ts, where this check passes.";

const OPTIONS_NOT_LITERAL =
  'The options come from windowOptions() (src/main/windowOptions.ts); Electronegativity does not follow calls into other modules. The same options are scanned as a literal in materialised/window-options.ts, where this check passes.';

export const REVIEWED: readonly ReviewedException[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/index.ts',
    line: /new BrowserWindow\(offscreenWindowOptions\(\)\)/,
    reason: OFFSCREEN_NOT_LITERAL,
    provenBy: 'tests/main/windowOptions.test.ts',
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'main/index.ts',
    line: /new BrowserWindow\(offscreenWindowOptions\(\)\)/,
    reason: OFFSCREEN_NOT_LITERAL,
    provenBy: 'tests/main/windowOptions.test.ts',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'main/index.ts',
    line: /new BrowserWindow\(offscreenWindowOptions\(\)\)/,
    reason: OFFSCREEN_NOT_LITERAL,
    provenBy: 'tests/main/windowOptions.test.ts',
  },
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/index.ts',
    line: /new BrowserWindow\(windowOptions\(preloadPath\)\)/,
    reason: OPTIONS_NOT_LITERAL,
    provenBy: 'tests/main/windowOptions.test.ts',
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'main/index.ts',
    line: /new BrowserWindow\(windowOptions\(preloadPath\)\)/,
    reason: OPTIONS_NOT_LITERAL,
    provenBy: 'tests/main/windowOptions.test.ts',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'main/index.ts',
    line: /new BrowserWindow\(windowOptions\(preloadPath\)\)/,
    reason: OPTIONS_NOT_LITERAL,
    provenBy: 'tests/main/windowOptions.test.ts',
  },
  {
    // A review item for any preload at all; ours is the one allow-listed, frozen window.api.
    id: 'PRELOAD_JS_CHECK',
    file: 'materialised/window-options.ts',
    line: /^\s*"preload": "\/app\/out\/preload\/index\.cjs",$/,
    reason:
      'The preload (src/main/preload/index.ts) imports only electron at run time and exposes one frozen window.api: invoke for the channels of src/shared/ipc.ts and on for its events, never ipcRenderer or an IpcRendererEvent; main checks sender and payload again.',
    provenBy: 'tests/main/preload.test.ts, tests/main/ipc.test.ts, tests/main/ipc-property.test.ts',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.ts',
    line: /guardOpenExternal\(\(url\) => shell\.openExternal\(url\)\)/,
    reason:
      'The only shell.openExternal call, wrapped by guardOpenExternal (https and mailto only, no credentials); its callers, the window-open handler and shell:openExternal, check the URL first as well.',
    provenBy: 'tests/main/security.test.ts (guardOpenExternal, isSafeExternalUrl, window-open handler), tests/main/handlers.test.ts',
  },
];

export const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/** Writes the files that stand for values Electronegativity cannot resolve across modules. */
export function materialise(dir: string, options: object = windowOptions('/app/out/preload/index.cjs'), csp: string = CSP): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'window-options.ts'),
    [
      '// Generated by scripts/electronegativity.ts from windowOptions() (src/main/windowOptions.ts).',
      "import { BrowserWindow } from 'electron';",
      `const win = new BrowserWindow(${JSON.stringify(options, null, 2)});`,
      'export default win;',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'offscreen-window-options.ts'),
    [
      '// Generated by scripts/electronegativity.ts from offscreenWindowOptions() (src/main/windowOptions.ts).',
      "import { BrowserWindow } from 'electron';",
      `const win = new BrowserWindow(${JSON.stringify(offscreenWindowOptions(), null, 2)});`,
      'export default win;',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'csp.ts'),
    [
      '// Generated by scripts/electronegativity.ts: the CSP the app:// protocol handler (src/main/protocol.ts)',
      "// sends with every response, in the header-callback form Electronegativity's CSP checks read.",
      "import { session } from 'electron';",
      'session.defaultSession.webRequest.onHeadersReceived((details, callback) => {',
      `  callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [${JSON.stringify(csp)}] } });`,
      '});',
      '',
    ].join('\n'),
  );
}

/** Answers every network request Electronegativity makes with an immediate "offline" error. */
function stubNetwork(requireFromTool: NodeJS.Require): void {
  const gotPath = requireFromTool.resolve('got');
  const offline = (): Promise<never> => Promise.reject(new Error('offline: scripts/electronegativity.ts makes no network requests'));
  const stub = Object.assign(offline, { head: offline, get: offline, default: offline });
  const module = new Module(gotPath);
  module.filename = gotPath;
  module.loaded = true;
  module.exports = stub;
  requireFromTool.cache[gotPath] = module;
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface Verdict {
  issue: Issue;
  status: 'fail' | 'reviewed' | 'below threshold';
  exception?: ReviewedException;
}

/** Sorts each finding into fail / reviewed / below threshold; lists exceptions that matched nothing. */
export function judge(
  issues: readonly Issue[],
  sourceLine: (file: string, line: number) => string,
  reviewed: readonly ReviewedException[] = REVIEWED,
): { verdicts: Verdict[]; unusedExceptions: ReviewedException[] } {
  const used = new Set<ReviewedException>();
  const verdicts = issues.map((issue): Verdict => {
    if (!FAILING_SEVERITIES.has(issue.severity.name)) return { issue, status: 'below threshold' };
    const exception = reviewed.find((e) => e.id === issue.id && e.file === issue.file && e.line.test(sourceLine(issue.file, issue.location.line)));
    if (exception === undefined) return { issue, status: 'fail' };
    used.add(exception);
    return { issue, status: 'reviewed', exception };
  });
  return { verdicts, unusedExceptions: reviewed.filter((e) => !used.has(e)) };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Known-bad TypeScript the scanner must flag. Run first, so a clean result below means "nothing
 * found", not "the unmaintained tool silently stopped parsing TypeScript or matching".
 */
export const CANARY = [
  "import { BrowserWindow, shell } from 'electron';",
  'const open = (url: string): Promise<void> => shell.openExternal(url);',
  'const preferences: Record<string, boolean> = {};',
  'export const win = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, webSecurity: false } });',
  'export const other = new BrowserWindow({ webPreferences: preferences });',
  'export { open };',
  '',
].join('\n');
export const CANARY_MUST_FIND = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'OPEN_EXTERNAL_JS_CHECK',
  'CSP_GLOBAL_CHECK',
];

export type Scanner = (input: string, sarif?: string) => Promise<RunResult>;

/** Electronegativity's runner, offline, with this project's options. */
export function loadScanner(): Scanner {
  const requireFromTool = createRequire(require.resolve('@doyensec/electronegativity'));
  stubNetwork(requireFromTool);
  process.env['LANG'] = 'en-US'; // messages in English, whatever the machine's locale
  const run = requireFromTool('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<RunResult>;
  return async (input, sarif) => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    try {
      return await run({
        input,
        ...(sarif === undefined ? {} : { output: sarif, isSarif: true }),
        isRelative: true,
        electronVersionOverride: electronVersion(),
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      });
    } finally {
      console.log = log;
    }
  };
}

async function main(): Promise<number> {
  const scan = loadScanner();
  const scanRoot = mkdtempSync(join(tmpdir(), 'mreza-electronegativity-'));
  try {
    mkdirSync(join(scanRoot, 'canary'));
    writeFileSync(join(scanRoot, 'canary', 'canary.ts'), CANARY);
    const canary = await scan(join(scanRoot, 'canary'));
    const missed = CANARY_MUST_FIND.filter((id) => !canary.issues.some((i) => i.id === id));
    if (missed.length > 0 || canary.errors.length > 0) {
      console.error(
        `Electronegativity no longer flags known-bad code (missed: ${missed.join(', ') || 'none'}; errors: ${canary.errors.map((e) => e.message).join('; ') || 'none'}).`,
      );
      return 1;
    }

    const input = join(scanRoot, 'input');
    cpSync(MAIN_DIR, join(input, 'main'), { recursive: true });
    materialise(join(input, 'materialised'));
    const scanned = listFiles(input).map((f) => relative(input, f));
    mkdirSync(RESULTS_DIR, { recursive: true });
    const result = await scan(input, join(RESULTS_DIR, 'electronegativity.sarif'));

    const sourceLine = (file: string, line: number): string => {
      const path = join(input, file);
      if (!existsSync(path)) return '';
      return readFileSync(path, 'utf8').split('\n')[line - 1] ?? '';
    };
    const { verdicts, unusedExceptions } = judge(result.issues, sourceLine);
    const parseErrors = result.errors.filter((e) => !e.tolerable);
    const shown = (file: string): string => (file.startsWith('main/') ? `src/${file}` : file);

    console.log(
      `Electronegativity ${toolVersion()}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${electronVersion()}; canary flagged (${CANARY_MUST_FIND.length} known-bad patterns)`,
    );
    console.log(`Scanned ${scanned.length} files: ${scanned.map(shown).sort().join(', ')}`);
    for (const v of verdicts) {
      const { issue } = v;
      const mark = v.status === 'fail' ? 'FAIL' : v.status === 'reviewed' ? 'reviewed' : 'info';
      console.log(
        `  [${mark}] ${issue.severity.name}/${issue.confidence.name} ${issue.id} at ${shown(issue.file)}:${issue.location.line} — ${issue.description}`,
      );
      if (v.exception) console.log(`         accepted: ${v.exception.reason} Proven by ${v.exception.provenBy}.`);
    }
    for (const e of result.errors) console.log(`  [${e.tolerable ? 'warn' : 'FAIL'}] could not parse ${shown(relative(input, e.file))}: ${e.message}`);
    for (const e of unusedExceptions)
      console.log(`  [FAIL] stale exception: ${e.id} in ${shown(e.file)} matches no finding any more; remove it from scripts/electronegativity.ts`);

    const failures = verdicts.filter((v) => v.status === 'fail').length + parseErrors.length + unusedExceptions.length;
    const summary = {
      tool: `electronegativity ${toolVersion()}`,
      electron: electronVersion(),
      checks: { atomic: result.atomicChecks, global: result.globalChecks },
      scanned: scanned.map(shown),
      findings: verdicts.map((v) => ({
        id: v.issue.id,
        severity: v.issue.severity.name,
        confidence: v.issue.confidence.name,
        file: shown(v.issue.file),
        line: v.issue.location.line,
        status: v.status,
        reason: v.exception?.reason,
      })),
      parseErrors: result.errors,
      staleExceptions: unusedExceptions.map((e) => ({ id: e.id, file: e.file })),
      failures,
    };
    writeFileSync(join(RESULTS_DIR, 'electronegativity.json'), JSON.stringify(summary, null, 2) + '\n');
    const count = (status: Verdict['status']): number => verdicts.filter((v) => v.status === status).length;
    console.log(
      failures === 0
        ? `Electronegativity: no unreviewed HIGH or MEDIUM finding (${count('reviewed')} reviewed exceptions, ${count('below threshold')} low/informational). Results in ${relative(ROOT, RESULTS_DIR)}/.`
        : `Electronegativity: ${failures} problem(s) above. Results in ${relative(ROOT, RESULTS_DIR)}/.`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    rmSync(scanRoot, { recursive: true, force: true });
  }
}

function toolVersion(): string {
  const path = join(dirname(require.resolve('@doyensec/electronegativity')), '..', 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

const require = createRequire(import.meta.url);

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('Electronegativity could not run:', error);
      process.exit(1);
    },
  );
}
