import { describe, expect, it } from 'vitest';
import { activeDbName, freshDbName, rememberDbName } from '../../src/renderer/src/db/dbName';

function memory() {
  const saved = new Map<string, string>();
  return { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v), saved };
}

describe('which database the app opens', () => {
  it('is mreza until a restore from the error screen names another, then that one', () => {
    const storage = memory();
    expect(activeDbName(storage)).toBe('mreza');
    expect(activeDbName(undefined)).toBe('mreza');
    const name = freshDbName(new Date('2026-12-06T10:00:00Z'));
    expect(name).toMatch(/^mreza-restored-1796551200000-[0-9a-f]{8}$/);
    rememberDbName(name, storage);
    expect(activeDbName(storage)).toBe(name);
  });

  it('a name the app never gives (edited by hand, another app on the origin) falls back to mreza', () => {
    const storage = memory();
    storage.setItem('mreza.databaseName', 't-other');
    expect(activeDbName(storage)).toBe('mreza');
  });

  it('two fresh names are never the same', () => {
    const now = new Date();
    expect(freshDbName(now)).not.toBe(freshDbName(now));
  });
});
