/**
 * Bad input never ends in anything but a clear, typed refusal: mutated backups and mutated
 * import files (CSV in every encoding we read, and XLSX) either load correctly or are refused
 * with the error the UI translates. Seeded, so a failure is reproducible; FUZZ_RUNS=10000 for
 * the long run (default 600 mutations per file keeps `npm test` fast).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BackupError, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, decodeBackup, encodeBackup, type Snapshot } from '@shared/backup/format';
import { buildDemoData } from '@shared/demo/demoData';
import { guessMapping } from '@shared/import/headers';
import { previewImport } from '@shared/import/people';
import { TABLE_NAMES } from '@shared/model';
import { ImportFileError, loadImportFile } from '../../src/renderer/src/features/participants/importFile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** One random corruption: flipped bytes, a cut, a duplicated or deleted slice. */
function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  const at = Math.floor(next() * bytes.length);
  switch (Math.floor(next() * 4)) {
    case 0:
      for (let i = 0; i < 1 + Math.floor(next() * 4); i++) out[Math.floor(next() * out.length)]! ^= 1 << Math.floor(next() * 8);
      return out;
    case 1:
      return out.slice(0, at);
    case 2:
      return new Uint8Array([...out.slice(0, at), ...out.slice(at, at + 1 + Math.floor(next() * 64)), ...out.slice(at)]);
    default:
      return new Uint8Array([...out.slice(0, at), ...out.slice(at + 1 + Math.floor(next() * 64))]);
  }
}

describe('fuzzing', () => {
  it(`${RUNS} mutated backups: each restores exactly or is refused with a BackupError`, () => {
    const data = buildDemoData('00000000-0000-4000-8000-000000000001', new Date('2026-11-23T10:00:00Z'), () => crypto.randomUUID());
    // A slice of every table keeps each decode cheap while covering every schema.
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, ((data as unknown as Record<string, unknown[]>)[t] ?? []).slice(0, 8)])) as Snapshot['tables'];
    const good = encodeBackup({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: 3, createdAt: '2026-11-23T10:00:00.000Z', tables });
    const next = rng(2026);
    let refused = 0;
    for (let i = 0; i < RUNS; i++) {
      try {
        decodeBackup(mutate(good, next), 3);
      } catch (e) {
        if (!(e instanceof BackupError)) throw new Error(`mutation ${i}: ${String(e)}`, { cause: e });
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(RUNS * 0.5);
  }, 120_000);

  for (const file of ['croatian-cp1250.csv', 'serbian-cp1251.csv', 'bosnian-utf8-bom.csv', 'slovenian.xlsx']) {
    it(`${RUNS} mutations of ${file}: each loads and validates, or is refused with an ImportFileError`, async () => {
      const original = new Uint8Array(readFileSync(new URL(`../fixtures/import/${file}`, import.meta.url)));
      const next = rng(file.length * 7919);
      for (let i = 0; i < RUNS; i++) {
        const bytes = mutate(original, next);
        let loaded;
        try {
          loaded = loadImportFile(file, bytes);
        } catch (e) {
          if (!(e instanceof ImportFileError)) throw new Error(`${file} mutation ${i}: ${String(e)}`, { cause: e });
          continue;
        }
        // Whatever was read must go through mapping and row validation without an exception.
        const [header, ...rows] = loaded.rows;
        const preview = await previewImport(rows, guessMapping((header ?? []).map((c) => String(c ?? ''))), { chunk: 500 });
        expect(preview).toBeDefined();
      }
    }, 120_000);
  }
});
