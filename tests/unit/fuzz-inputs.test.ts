/**
 * Bad input never ends in anything but a clear, typed refusal: mutated backups and mutated
 * import files (CSV in every encoding we read, and XLSX) either load correctly or are refused
 * with the error the UI translates. Seeded, so a failure is reproducible. FUZZ_RUNS is the count
 * per kind (default 10,000 backups and 10,000 import files, the latter split over the four
 * fixtures); FUZZ_RUNS=100000 for a long run, FUZZ_SEED to vary the seed. The same files through
 * the database, compared before and after: tests/db/fuzz-import-db.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BackupError, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, decodeBackup, encodeBackup, type Snapshot } from '@shared/backup/format';
import { buildDemoData } from '@shared/demo/demoData';
import { guessMapping } from '@shared/import/headers';
import { previewImport, type ImportPreview } from '@shared/import/people';
import { personDraftSchema, TABLE_NAMES } from '@shared/model';
import { ImportFileError, loadImportFile } from '@shared/import/file';
import { mutate, rng, sameBytes } from '../fixtures/mutate';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 2026);
const FILES = ['croatian-cp1250.csv', 'serbian-cp1251.csv', 'bosnian-utf8-bom.csv', 'slovenian.xlsx'];

describe('fuzzing', () => {
  it(`${RUNS} mutated backups: each restores exactly or is refused with a BackupError`, () => {
    const data = buildDemoData('00000000-0000-4000-8000-000000000001', new Date('2026-11-23T10:00:00Z'), () => crypto.randomUUID());
    // A slice of every table keeps each decode cheap while covering every schema.
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, ((data as unknown as Record<string, unknown[]>)[t] ?? []).slice(0, 8)])) as Snapshot['tables'];
    const good = encodeBackup({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: 3, createdAt: '2026-11-23T10:00:00.000Z', tables });
    const original = decodeBackup(good, 3);
    const next = rng(SEED);
    let refused = 0;
    for (let i = 0; i < RUNS; i++) {
      const { bytes, kind } = mutate(good, next);
      let restored;
      try {
        restored = decodeBackup(bytes, 3);
      } catch (e) {
        if (!(e instanceof BackupError)) throw new Error(`mutation ${i} (${kind}): ${String(e)}`, { cause: e });
        refused++;
        continue;
      }
      // Accepted: the gzip CRC-32 and size matched, so the content is the original's.
      if (!sameBytes(bytes, good)) expect(restored, `mutation ${i} (${kind})`).toEqual(original);
    }
    expect(refused).toBeGreaterThan(RUNS * 0.9);
  }, 300_000);

  it('a backup cut anywhere in its gzip trailer, or claiming 4 GiB, is refused (and nothing that size is reserved)', () => {
    const good = encodeBackup({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: 3,
      createdAt: '2026-11-23T10:00:00.000Z',
      tables: {} as Snapshot['tables'],
    });
    for (let cut = 1; cut <= 8; cut++) expect(() => decodeBackup(good.slice(0, good.length - cut), 3), `cut ${cut}`).toThrow(BackupError);
    // Cut in the middle, with last four bytes that claim 4 GiB of data.
    const huge = new Uint8Array([...good.slice(0, good.length - 20), 0xff, 0xff, 0xff, 0xff]);
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(() => decodeBackup(huge, 3)).toThrow(BackupError);
    // gunzipSync used to allocate what the last four bytes claimed: ~180 ms and up to 4 GiB per file.
    expect((performance.now() - started) / 20).toBeLessThan(100);
  });

  /** The preview as the import wizard makes it: the file's rows, header first, the mapping guessed from the header. */
  const previewOf = (rows: readonly (readonly unknown[])[]) =>
    previewImport(rows as Parameters<typeof previewImport>[0], guessMapping((rows[0] ?? []).map((c) => String(c ?? ''))), { chunk: 500 });

  /**
   * Every data row is either imported or refused with its reasons, never lost or doubled; what is
   * imported is a valid person (what createPerson would accept); every issue and warning points at
   * a row of the file.
   */
  function expectSoundPreview(preview: ImportPreview, fileRows: number, what: string) {
    const dataRows = Math.max(0, fileRows - 1);
    expect(preview.total, what).toBe(dataRows);
    expect(preview.valid.length + preview.badRows, what).toBe(dataRows);
    const validRows = preview.valid.map((v) => v.row);
    const refusedRows = new Set(preview.issues.map((issue) => issue.row));
    expect(new Set(validRows).size, `${what}: a row imported twice`).toBe(validRows.length);
    expect(refusedRows.size, `${what}: a refused row without its reason`).toBe(preview.badRows);
    for (const row of [...validRows, ...refusedRows, ...preview.warnings.map((w) => w.row)]) {
      expect(row, `${what}: row ${row} is not a data row`).toBeGreaterThanOrEqual(2);
      expect(row, `${what}: row ${row} is not a data row`).toBeLessThanOrEqual(dataRows + 1);
    }
    for (const v of preview.valid) {
      expect(refusedRows.has(v.row), `${what}: row ${v.row} both imported and refused`).toBe(false);
      const parsed = personDraftSchema.safeParse(v.draft);
      expect(parsed.success, `${what}: row ${v.row} imported as an invalid person: ${parsed.error?.message}`).toBe(true);
    }
  }

  it.each(FILES)('%s unchanged: previews people, every row accounted for', async (file) => {
    const loaded = loadImportFile(file, new Uint8Array(readFileSync(new URL(`../fixtures/import/${file}`, import.meta.url))));
    const preview = await previewOf(loaded.rows);
    expectSoundPreview(preview, loaded.rows.length, file);
    expect(preview.valid.length).toBeGreaterThan(preview.badRows);
  });

  for (const [index, file] of FILES.entries()) {
    const runs = Math.floor(RUNS / FILES.length) + (index < RUNS % FILES.length ? 1 : 0);
    it(`${runs} mutations of ${file}: each loads and validates, or is refused with an ImportFileError`, async () => {
      const original = new Uint8Array(readFileSync(new URL(`../fixtures/import/${file}`, import.meta.url)));
      const next = rng(SEED + file.length * 7919);
      for (let i = 0; i < runs; i++) {
        const { bytes } = mutate(original, next);
        let loaded;
        try {
          loaded = loadImportFile(file, bytes);
        } catch (e) {
          if (!(e instanceof ImportFileError)) throw new Error(`${file} mutation ${i}: ${String(e)}`, { cause: e });
          continue;
        }
        // Whatever was read goes through mapping and row validation, and every row is accounted for.
        expectSoundPreview(await previewOf(loaded.rows), loaded.rows.length, `${file} mutation ${i}`);
      }
    }, 300_000);
  }
});
