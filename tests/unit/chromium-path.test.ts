/** The end-to-end tests find a system Chromium without a POSIX shell, so `npm test` starts on Windows too. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromiumPath';

const root = mkdtempSync(join(tmpdir(), 'mreza-chromium-'));
const dir = (name: string, files: string[]) => {
  const d = mkdtempSync(join(root, name));
  for (const f of files) writeFileSync(join(d, f), '');
  return d;
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('chromiumPath', () => {
  it('CHROMIUM_PATH wins', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/c/chrome', PATH: dir('a', ['chromium']) }, 'linux')).toBe('/opt/c/chrome');
  });
  it('finds chromium or chromium-browser on PATH, in PATH order', () => {
    const empty = dir('e', []);
    const browser = dir('b', ['chromium-browser']);
    const plain = dir('p', ['chromium']);
    expect(chromiumPath({ PATH: [empty, browser, plain].join(delimiter) }, 'linux')).toBe(join(browser, 'chromium-browser'));
  });
  it('on Windows looks for chromium.exe and reads the Path variable', () => {
    const win = dir('w', ['chromium.exe']);
    expect(chromiumPath({ Path: win }, 'win32')).toBe(join(win, 'chromium.exe'));
    expect(chromiumPath({ PATH: win }, 'linux')).toBeUndefined();
  });
  it('none found: undefined, so Playwright uses its own browser', () => {
    expect(chromiumPath({ PATH: dir('n', ['chrome']) }, 'linux')).toBeUndefined();
  });
});
