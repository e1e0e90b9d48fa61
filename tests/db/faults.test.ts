/**
 * "A fault in the middle of an import or restore (the tab closed or an exception thrown after half
 * the rows) leaves the database exactly as before."
 *
 * A DBCore middleware sits under Dexie, in front of IndexedDB (fake-indexeddb). When armed for a
 * table, the next add/put of several rows there really writes the first half, then either
 *   - throws (an exception in the middle of the write), or
 *   - aborts the IndexedDB transaction, as the browser does when the tab or window closes;
 * and every table is compared before and after, on the same connection and on a fresh one (as the
 * app sees it after a reload). Exercised through the app's own functions: the people import
 * (commitImport), the backup restore (restoreBackup) and the lead's bundle commit (exchange.ts).
 */
import 'fake-indexeddb/auto';
import { Dexie, type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '@shared/import/headers';
import { parseCsv } from '@shared/import/csv';
import { previewImport as previewPeopleImport } from '@shared/import/people';
import type { TableName } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import { backupBytes, restoreBackup } from '../../src/renderer/src/db/backup';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { keysToConfirm } from '@shared/consolidate';
import { createLeadProject, invitationFile, joinProject } from '../../src/renderer/src/db/exchange';
import { exportBundle } from '../../src/renderer/src/db/partnerExport';
import { commitBundleImport as commitBundles, previewBundleImport as previewBundles } from '../../src/renderer/src/db/bundleImport';
import { commitImport as commitPeople } from '../../src/renderer/src/db/importPeople';
import { createPerson } from '../../src/renderer/src/db/people';
import { createRecord, updateRecord } from '../../src/renderer/src/db/records';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { allTables, giveKeyring, newDbName, unlocked } from '../fixtures/testDb';

type Mode = 'throw' | 'abort';

interface Fault {
  table: string;
  mode: Mode;
  /** Rows of the faulted write that reached IndexedDB before the fault. */
  written: number;
  fired: boolean;
}

/** The fault injector: disarmed until `arm`, fires once. */
function faultInjector() {
  let fault: Fault | null = null;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fault-injector',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            const f = fault;
            if (f === null || f.fired || f.table !== name || (req.type !== 'add' && req.type !== 'put')) return table.mutate(req);
            if (req.values.length < 2 && f.written === 0) {
              // Rows written one per request (the lead's partner slices): the fault comes with the second.
              const result = await table.mutate(req);
              f.written = req.values.length - result.numFailures;
              return result;
            }
            f.fired = true;
            if (req.values.length >= 2) {
              const half = Math.floor(req.values.length / 2);
              const first = { ...req, values: req.values.slice(0, half), ...(req.keys ? { keys: req.keys.slice(0, half) } : {}) } as DBCoreMutateRequest;
              const result = await table.mutate(first);
              f.written = half - result.numFailures;
            }
            if (f.mode === 'abort') {
              req.trans.abort();
              throw new DOMException('The transaction was aborted: the tab was closed', 'AbortError');
            }
            throw new Error(`fault injected after ${f.written} rows of ${name}`);
          },
        };
      },
    }),
  };
  return {
    middleware,
    arm(table: TableName, mode: Mode): Fault {
      fault = { table, mode, written: 0, fired: false };
      return fault;
    },
    disarm() {
      fault = null;
    },
  };
}

interface Installation {
  db: MrezaDb;
  name: string;
  actor: Actor;
  /** The data key (a reopened connection is unlocked with it, as after a reload and sign-in). */
  key: Uint8Array;
  org: Awaited<ReturnType<typeof setUpOrganisation>>['org'];
  faults: ReturnType<typeof faultInjector>;
}

async function installation(role: 'lead' | 'partner', orgName: string): Promise<Installation> {
  const name = newDbName();
  const db = createDb(name);
  const faults = faultInjector();
  db.use(faults.middleware);
  await db.open();
  const key = await unlocked(db);
  const { org, user } = await setUpOrganisation(db, { name: orgName, country: 'HR', town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  // Backups are encrypted with the data key, held while someone is signed in: the keyring wraps the key held.
  await giveKeyring(db, user);
  return { db, name, key, faults, org, actor: { userId: user.id, userName: user.name, role: user.role } };
}

async function dispose(...all: Installation[]): Promise<void> {
  for (const i of all) {
    i.db.close();
    await Dexie.delete(i.name);
  }
}

/** Runs `operation` with the fault armed; asserts it failed mid-write and that nothing changed. */
async function expectNothingChanged(inst: Installation, table: TableName, mode: Mode, operation: () => Promise<unknown>): Promise<void> {
  const before = await allTables(inst.db);
  const fault = inst.faults.arm(table, mode);
  const outcome = await operation().then(
    () => 'completed',
    (e: unknown) => e,
  );
  inst.faults.disarm();
  expect(fault.fired, `the fault in ${table} fired`).toBe(true);
  expect(fault.written, `rows of ${table} written before the fault`).toBeGreaterThan(0);
  expect(outcome).not.toBe('completed');
  expect(outcome).toBeInstanceOf(Error);
  expect(await allTables(inst.db)).toEqual(before);
  // What the app sees after a reload: a new connection to the same database.
  const reopened = createDb(inst.name);
  try {
    await reopened.open();
    await unlocked(reopened, inst.key);
    expect(await allTables(reopened)).toEqual(before);
  } finally {
    reopened.close();
  }
}

const MODES: Mode[] = ['throw', 'abort'];

describe('a fault halfway through a people import leaves the database as it was', () => {
  const header = 'Ime;Prezime;Spol;Godina rođenja;Općina;Datum privole';
  const lines = Array.from(
    { length: 60 },
    (_, i) => `Polaznica${i};Prezime${String.fromCharCode(65 + (i % 26))}${i};Ž;${1960 + (i % 40)};Čakovec;${i % 3 === 0 ? '12.03.2026.' : ''}`,
  );
  const rows = parseCsv([header, ...lines].join('\n') + '\n');

  for (const mode of MODES) {
    for (const table of ['people', 'consents'] as const) {
      it(`${mode === 'throw' ? 'an exception' : 'the tab closing'} after half the ${table} rows`, async () => {
        const inst = await installation('lead', 'Udruga Mreža');
        try {
          await loadDemoData(inst.db, inst.actor);
          const preview = await previewPeopleImport(rows, guessMapping(rows[0]!));
          expect(preview.valid).toHaveLength(60);
          await expectNothingChanged(inst, table, mode, () => commitPeople(inst.db, inst.actor, 'popis.csv', preview.valid));
          // And the same import goes through once the fault is gone.
          await commitPeople(inst.db, inst.actor, 'popis.csv', preview.valid);
          // (by the folded name, sealed since schema v7 and so no longer indexed)
          expect(await inst.db.people.filter((p) => p.nameKey.startsWith('polaznica')).count()).toBe(60);
        } finally {
          await dispose(inst);
        }
      });
    }
  }
});

describe('a fault halfway through a restore leaves the database as it was', () => {
  // An early table, a big one in the middle and a late one: whichever table the fault hits, the
  // tables already cleared and refilled before it must come back too.
  for (const mode of MODES) {
    for (const table of ['organisations', 'people', 'attendance', 'mentoringSessions'] as const) {
      it(`${mode === 'throw' ? 'an exception' : 'the tab closing'} after half the ${table} rows`, async () => {
        const inst = await installation('lead', 'Udruga Mreža');
        try {
          await loadDemoData(inst.db, inst.actor);
          await createRecord(inst.db, inst.actor, 'organisations', {
            name: 'Društvo Most',
            country: 'SI',
            town: 'Celje',
            role: 'partner',
            isSelf: false,
            kind: 'ngo',
          } as never);
          const bytes = await backupBytes(inst.db);
          // Changes after the backup, so a half-done restore would show.
          await createRecord(inst.db, inst.actor, 'programmes', { kind: 'seminarSeries', title: 'Nakon sigurnosne kopije' } as never);
          const someone = (await inst.db.people.limit(1).toArray())[0]!;
          await updateRecord(inst.db, inst.actor, 'people', someone.id, { municipality: 'Prelog' });
          await expectNothingChanged(inst, table, mode, () => restoreBackup(inst.db, inst.actor, bytes, 'mreza-backup-20261123T090000000Z-manual.json.gz'));
        } finally {
          await dispose(inst);
        }
      });
    }
  }
});

describe('a fault halfway through the lead’s bundle commit leaves the database as it was', () => {
  for (const mode of MODES) {
    it(`${mode === 'throw' ? 'an exception' : 'the tab closing'} after the first of two partner slices`, async () => {
      const lead = await installation('lead', 'Udruga Nositelj');
      const partners = [await installation('partner', 'Partner 1'), await installation('partner', 'Partner 2')];
      try {
        await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
        const invitation = await invitationFile(lead.db, lead.actor, 'kukuruz-i-sunce-2026');
        const files = [];
        for (const [i, p] of partners.entries()) {
          await joinProject(p.db, p.actor, invitation, 'kukuruz-i-sunce-2026', 'invite.mreza-invite');
          for (let n = 0; n < 3; n++) {
            await createPerson(
              p.db,
              p.actor,
              {
                kind: 'beneficiary',
                firstName: `Ime${i}${n}`,
                lastName: `Prezime${i}${n}`,
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
          const written = await exportBundle(p.db, p.actor, p.org, { privacy: 'pseudonymised' });
          files.push({ fileName: written.fileName, data: written.bytes });
        }
        const preview = await previewBundles(lead.db, files);
        expect(preview.refused).toEqual([]);
        await expectNothingChanged(lead, 'partnerSlices', mode, () =>
          commitBundles(lead.db, lead.actor, lead.org, preview, { confirmedKeys: keysToConfirm(preview.plan) }),
        );
        expect(await lead.db.partnerSlices.count()).toBe(0);
        const result = await commitBundles(lead.db, lead.actor, lead.org, preview, { confirmedKeys: keysToConfirm(preview.plan) });
        expect(result.applied).toBe(2);
      } finally {
        await dispose(lead, ...partners);
      }
    }, 60_000);
  }
});
