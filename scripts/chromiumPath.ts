/**
 * The Chromium the end-to-end tests and the bench drive. CI machines cannot download Playwright's
 * own browser, so a system Chromium found on PATH is used (Debian: `chromium`); CHROMIUM_PATH
 * overrides. Searched in Node rather than with `command -v`, so it works on Windows too; where
 * none is found, Playwright uses its own browser (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const suffixes = platform === 'win32' ? ['.exe'] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return undefined;
}
