import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from '../../src/shared/i18n/resources';

// The app computes Serbian Cyrillic from the Latin when it is first used instead of carrying it
// (~220 kB): it must be, string for string, what the generator writes to resources/sr-Cyrl.
describe('Serbian Cyrillic computed at run time', () => {
  it('equals the generated files for every namespace', () => {
    for (const ns of NAMESPACES) {
      const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/shared/i18n/resources/sr-Cyrl', `${ns}.json`), 'utf8')) as object;
      expect(resources['sr-Cyrl'][ns], ns).toEqual(file);
    }
  });
  it('is computed once', () => {
    expect(resources['sr-Cyrl']).toBe(resources['sr-Cyrl']);
  });
});
