/**
 * Mutated files all the way into the data store, with the database compared before and after each
 * one (seeded; FUZZ_DB_RUNS per kind, default 150 per import file and 300 bundles):
 *
 * - people import (CSV in every encoding we read, and XLSX): loadImportFile → previewImport →
 *   findImportDuplicates → commitImport. Either a typed refusal and the database unchanged, or
 *   exactly the rows the preview called valid (minus duplicates) are added, with their consents,
 *   one import-history row and one audit entry, and nothing else changes;
 * - partner bundles at the lead: previewImport (exchange.ts) → commitImport. A mutated bundle is
 *   refused in the dry run, and neither the dry run nor the commit writes anything.
 *
 * The 10,000-per-kind runs are at the parse/validate level (tests/unit/fuzz-inputs.test.ts,
 * tests/unit/fuzz-bundles.test.ts): through IndexedDB each file costs ~10–30 ms here.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/import/headers';
import { previewImport as previewPeople } from '@shared/import/people';
import { TABLE_NAMES, type TableName } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { keysToConfirm } from '@shared/consolidate';
import { createLeadProject, invitationFile, joinProject } from '../../src/renderer/src/db/exchange';
import { exportBundle } from '../../src/renderer/src/db/partnerExport';
import { commitBundleImport as commitBundles, previewBundleImport as previewBundles } from '../../src/renderer/src/db/bundleImport';
import { commitImport as commitPeople, findImportDuplicates } from '../../src/renderer/src/db/importPeople';
import { createPerson } from '../../src/renderer/src/db/people';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { ImportFileError, loadImportFile } from '@shared/import/file';
import { allTables, newDbName, unlocked } from '../fixtures/testDb';
import { mutate, rng, sameBytes } from '../fixtures/mutate';

const RUNS = Number(process.env.FUZZ_DB_RUNS ?? 150);
const BUNDLE_RUNS = Number(process.env.FUZZ_DB_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 2026);

type Tables = Record<TableName, unknown[]>;
const idsOf = (rows: unknown[]) => new Set(rows.map((r) => (r as { id?: string; key?: string }).id ?? (r as { key: string }).key));

async function open(role: 'lead' | 'partner', name: string): Promise<{ db: MrezaDb; actor: Actor; org: Awaited<ReturnType<typeof setUpOrganisation>>['org'] }> {
  const db = createDb(newDbName());
  await db.open();
  await unlocked(db);
  const { org, user } = await setUpOrganisation(db, { name, country: 'HR', town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  return { db, org, actor: { userId: user.id, userName: user.name, role: user.role } };
}

async function dispose(...dbs: MrezaDb[]): Promise<void> {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** After a successful import: only additions, only in the import's tables, exactly `added` people. */
function expectOnlyTheImport(before: Tables, after: Tables, added: number): void {
  for (const table of TABLE_NAMES) {
    const was = before[table];
    const now = after[table];
    if (!['people', 'consents', 'importHistory', 'auditLog'].includes(table)) {
      expect(now, table).toEqual(was);
      continue;
    }
    // Nothing that was there changed or vanished.
    const nowById = new Map(now.map((r) => [(r as { id: string }).id, r]));
    for (const r of was) expect(nowById.get((r as { id: string }).id), table).toEqual(r);
  }
  expect(after.people.length - before.people.length).toBe(added);
  expect(after.importHistory.length - before.importHistory.length).toBe(1);
  expect(after.auditLog.length - before.auditLog.length).toBe(1);
  const newPeople = new Set([...idsOf(after.people)].filter((id) => !idsOf(before.people).has(id)));
  for (const c of after.consents.filter((c) => !idsOf(before.consents).has((c as { id: string }).id))) {
    expect(newPeople.has((c as { personId: string }).personId)).toBe(true);
  }
}

describe('mutated import files, all the way into the database', () => {
  for (const file of ['croatian-cp1250.csv', 'serbian-cp1251.csv', 'bosnian-utf8-bom.csv', 'slovenian.xlsx']) {
    it(`${RUNS} mutations of ${file}: a clean refusal and nothing written, or exactly the valid rows`, async () => {
      const original = new Uint8Array(readFileSync(new URL(`../fixtures/import/${file}`, import.meta.url)));
      const next = rng(SEED + file.length * 7919);
      const { db, actor } = await open('lead', 'Udruga Mreža');
      let imported = 0;
      let refused = 0;
      try {
        for (let i = 0; i < RUNS; i++) {
          const { bytes, kind } = mutate(original, next);
          const before = await allTables(db);
          const label = `${file} mutation ${i} (${kind})`;
          let written = -1;
          try {
            const loaded = loadImportFile(file, bytes);
            const [header, ...rest] = loaded.rows;
            const preview = await previewPeople(loaded.rows, guessMapping((header ?? []).map((c) => String(c ?? ''))), { chunk: 500 });
            expect(preview.total, label).toBeLessThanOrEqual(rest.length);
            const dups = await findImportDuplicates(db, preview.valid);
            const toWrite = preview.valid.filter((r) => !dups.some((d) => d.row === r.row));
            if (toWrite.length === 0) {
              refused++;
            } else {
              await commitPeople(db, actor, file, toWrite);
              written = toWrite.length;
            }
          } catch (e) {
            if (!(e instanceof ImportFileError)) throw new Error(`${label}: ${String(e)}`, { cause: e });
            refused++;
          }
          const after = await allTables(db);
          if (written < 0) expect(after, label).toEqual(before);
          else {
            expectOnlyTheImport(before, after, written);
            imported++;
          }
        }
      } finally {
        await dispose(db);
      }
      expect(imported + refused).toBe(RUNS);
    }, 180_000);
  }
});

describe('mutated partner bundles at the lead: refused in the dry run, nothing written', () => {
  it(`${BUNDLE_RUNS} mutated bundles through previewImport and commitImport`, async () => {
    const lead = await open('lead', 'Udruga Nositelj');
    const partner = await open('partner', 'Partner 1');
    try {
      await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
      await joinProject(
        partner.db,
        partner.actor,
        await invitationFile(lead.db, lead.actor, 'kukuruz-i-sunce-2026'),
        'kukuruz-i-sunce-2026',
        'invite.mreza-invite',
      );
      for (let n = 0; n < 4; n++) {
        await createPerson(
          partner.db,
          partner.actor,
          {
            kind: 'beneficiary',
            firstName: `Ime${n}`,
            lastName: `Prezime${n}`,
            gender: 'woman',
            birthYear: 1980 + n,
            municipality: 'Čakovec',
            targetGroups: [],
          },
          {
            legalBasis: 'consent',
            date: '2026-03-01',
            noticeVersion: '2026-01',
            processing: true,
            specialCategories: false,
            shareWithLead: true,
            photos: false,
          },
        );
      }
      const good = await exportBundle(partner.db, partner.actor, partner.org, { privacy: 'pseudonymised' });
      const next = rng(SEED + 17);
      const before = await allTables(lead.db);
      let refused = 0;
      for (let i = 0; i < BUNDLE_RUNS; i++) {
        const { bytes, kind } = mutate(good.bytes, next);
        const label = `bundle mutation ${i} (${kind})`;
        const preview = await previewBundles(lead.db, [{ fileName: good.fileName, data: bytes }]);
        if (sameBytes(bytes, good.bytes)) continue;
        expect(
          preview.refused.map((r) => r.fileName),
          label,
        ).toEqual([good.fileName]);
        expect(
          preview.plan.items.filter((item) => item.status === 'apply'),
          label,
        ).toEqual([]);
        expect(await commitBundles(lead.db, lead.actor, lead.org, preview, { confirmedKeys: keysToConfirm(preview.plan) }), label).toMatchObject({
          applied: 0,
        });
        refused++;
        if (i % 25 === 0) expect(await allTables(lead.db), label).toEqual(before);
      }
      expect(await allTables(lead.db)).toEqual(before);
      expect(refused).toBeGreaterThan(BUNDLE_RUNS * 0.95);
      // The good bundle still goes in afterwards.
      const ok = await previewBundles(lead.db, [{ fileName: good.fileName, data: good.bytes }]);
      expect((await commitBundles(lead.db, lead.actor, lead.org, ok, { confirmedKeys: keysToConfirm(ok.plan) })).applied).toBe(1);
    } finally {
      await dispose(lead.db, partner.db);
    }
  }, 180_000);
});
