import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '../../src/main');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('main layering', () => {
  it('never imports react, Mantine, Dexie or renderer code', () => {
    const files = sources(MAIN);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
      for (const s of specifiers) {
        expect(s, `${file} imports ${s}`).not.toMatch(/^(react|react-dom|@mantine\/|dexie|dexie-react-hooks)(\/|$)|renderer/);
      }
    }
  });
});
