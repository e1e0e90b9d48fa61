/**
 * scripts/electronegativity.ts (npm run security:scan): its verdicts, its exceptions and that the
 * materialised window options really would be caught if they were weakened.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge, loadScanner, materialise, REVIEWED, ROOT, type Issue, type ReviewedException } from '../../scripts/electronegativity';
import { windowOptions } from '../../src/main/windowOptions';

const level = (name: string, value = 0) => ({ name, value });
const issue = (id: string, severity: string, file = 'main/index.ts', line = 1, confidence = 'FIRM'): Issue => ({
  id,
  file,
  location: { line, column: 0 },
  description: id,
  severity: level(severity),
  confidence: level(confidence),
});

describe('judge', () => {
  const exception: ReviewedException = { id: 'SANDBOX_JS_CHECK', file: 'main/index.ts', line: /new BrowserWindow\(windowOptions/, reason: 'r', provenBy: 'p' };
  const source = (lines: Record<number, string>) => (_file: string, line: number) => lines[line] ?? '';

  it('fails HIGH and MEDIUM at any confidence, tentative included; LOW and INFORMATIONAL never fail', () => {
    const { verdicts } = judge(
      [issue('A', 'HIGH'), issue('B', 'MEDIUM', 'main/x.ts', 1, 'TENTATIVE'), issue('C', 'LOW'), issue('D', 'INFORMATIONAL', 'main/x.ts', 1, 'CERTAIN')],
      source({}),
      [],
    );
    expect(verdicts.map((v) => v.status)).toEqual(['fail', 'fail', 'below threshold', 'below threshold']);
  });

  it('accepts a finding only for the same check id, file and a matching source line', () => {
    const lines = source({ 5: '  const win = new BrowserWindow(windowOptions(preloadPath));', 6: 'new BrowserWindow({})' });
    const { verdicts, unusedExceptions } = judge(
      [
        issue('SANDBOX_JS_CHECK', 'MEDIUM', 'main/index.ts', 5),
        issue('SANDBOX_JS_CHECK', 'MEDIUM', 'main/index.ts', 6),
        issue('SANDBOX_JS_CHECK', 'MEDIUM', 'main/other.ts', 5),
        issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main/index.ts', 5),
      ],
      lines,
      [exception],
    );
    expect(verdicts.map((v) => v.status)).toEqual(['reviewed', 'fail', 'fail', 'fail']);
    expect(unusedExceptions).toEqual([]);
  });

  it('reports an exception that matches nothing as stale', () => {
    expect(judge([], source({}), [exception]).unusedExceptions).toEqual([exception]);
  });

  it('every reviewed exception names the test that proves it, and that test exists', () => {
    for (const e of REVIEWED) {
      const files = [...e.provenBy.matchAll(/tests\/[\w/.-]+\.test\.ts/g)].map((m) => m[0]);
      expect(files.length, e.id).toBeGreaterThan(0);
      for (const f of files) expect(existsSync(join(ROOT, f)), f).toBe(true);
      expect(e.reason.length, e.id).toBeGreaterThan(40);
    }
  });
});

describe('the materialised window options are really checked', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const scan = loadScanner();

  async function findingsFor(options: object): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'mreza-eneg-test-'));
    dirs.push(dir);
    materialise(join(dir, 'materialised'), options);
    const result = await scan(dir);
    expect(result.errors).toEqual([]);
    return result.issues
      .filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM')
      .map((i) => i.id)
      .sort();
  }

  it('the real options raise only the preload review item', async () => {
    const ids = await findingsFor(windowOptions('/app/out/preload/index.cjs'));
    // The materialised folder alone lacks the navigation and permission guards of src/main.
    expect(ids.filter((id) => !['LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'].includes(id))).toEqual(['PRELOAD_JS_CHECK']);
  }, 30_000);

  it('weakened options are caught', async () => {
    const real = windowOptions('/app/out/preload/index.cjs');
    const weak = {
      ...real,
      webPreferences: {
        ...real.webPreferences,
        contextIsolation: false,
        nodeIntegration: true,
        webSecurity: false,
        allowRunningInsecureContent: true,
        enableBlinkFeatures: 'CSSVariables',
      },
    };
    // Without the sandbox and auxclick lines (Electronegativity reads `sandbox: false` as "set").
    const { disableBlinkFeatures: _auxclick, sandbox: _sandbox, ...dropped } = weak.webPreferences;
    const ids = await findingsFor({ ...weak, webPreferences: dropped });
    // nodeIntegration next to a preload, and enableBlinkFeatures / experimentalFeatures (LOW), are
    // not HIGH/MEDIUM for Electronegativity; windowOptions.test.ts pins those flags exactly.
    expect(ids).toEqual(
      expect.arrayContaining(['AUXCLICK_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']),
    );
  }, 30_000);
});
