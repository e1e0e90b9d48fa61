/**
 * Test-only hooks for `npm run bench` (scripts/bench.ts). Installed by bench/main.tsx, the
 * renderer's entry in the bench build only (`--mode bench`); the shipped app has none of this
 * module (scripts/check-dist-no-bench.ts checks the built assets). Seeds deterministic data
 * fast with bulkAdd and times the app's own data paths against raw IndexedDB in the same page.
 */
import { Dexie } from 'dexie';
import { unwrapWithPassphrase } from '@shared/auth/keyring';
import { BUNDLE_TABLES, bundleRowSchema, inspectBundle, SIGNED_HEADER } from '@shared/bundle';
import { listZip, unpackEntry } from '@shared/bundle/zipEntries';
import { rowCheckFor } from '@shared/bundle/rowCheck';
import { keysToConfirm, planBundleImport, type BundleInput } from '@shared/consolidate';
import { fromUtf8, openFromRecipient, sha256Hex } from '@shared/crypto';
import { guessMapping } from '@shared/import/headers';
import { previewImport } from '@shared/import/people';
import { computeIndicators } from '@shared/indicators/compute';
import type { IndicatorFilter } from '@shared/indicators/dataset';
import { LAST, MEN_FIRST, WOMEN_FIRST } from '@shared/demo/names';
import { GENDERS, PERSON_KINDS, SERVICES, type Match, type MentoringSession, type Person } from '@shared/model';
import { comparePeople, peopleMatcher } from '@shared/people/list';
import { personNameKey } from '@shared/people/nameKey';
import { atRestState, openedFromStore, readStoredPeople, sealedForStore } from '../db/atRest';
import { dropDataKey, getDataKey, setDataKey } from '../db/dataKey';
import type { MrezaDb } from '../db/db';
import { ensureIdentity } from '../db/exchange';
import { commitBundleImport as commitBundles, loadConsolidatedState, previewBundleImport as previewBundles, type IncomingFile } from '../db/bundleImport';
import { commitImport, findImportDuplicates } from '../db/importPeople';
import { loadDataset } from '../db/indicators';
import { selfOrgId } from '../db/records';
import { SCHEMA_VERSION, STORES_V3, STORES_V7 } from '../db/schema';
import { loadImportFile } from '@shared/import/file';
import { mulberry32 } from '@shared/random/mulberry32';

/** mulberry32: the same seed gives the same data in every run. */
export const rng = mulberry32;

const SYLLABLES = ['ko', 'va', 'ma', 'ri', 'ne', 'bo', 'ja', 'lu', 'še', 'dra', 'pe', 'tro', 'zu', 'kra', 'mi', 'ho', 'ba', 'lo', 'ći', 'đu'];
const TOWNS = ['Čakovec', 'Varaždin', 'Prelog', 'Celje', 'Ormož', 'Ptuj', 'Osijek', 'Niš', 'Tuzla', 'Subotica', 'Murska Sobota', 'Sisak'];

/** A UUID from the seeded stream (ids must be uuids for the schemas). */
function uuid(r: () => number): string {
  const h = () =>
    Math.floor(r() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
}

function personAt(r: () => number, orgId: string, at: string): Person {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const woman = r() < 0.7;
  const lastName = r() < 0.5 ? pick(LAST) : `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}ić`.replace(/^./, (c) => c.toUpperCase());
  const firstName = woman ? pick(WOMEN_FIRST) : pick(MEN_FIRST);
  return {
    id: uuid(r),
    orgId,
    createdAt: at,
    updatedAt: at,
    kind: r() < 0.9 ? PERSON_KINDS[0] : PERSON_KINDS[1],
    firstName,
    lastName,
    gender: woman ? GENDERS[0] : r() < 0.95 ? GENDERS[1] : GENDERS[3],
    birthYear: 1950 + Math.floor(r() * 55),
    municipality: pick(TOWNS),
    country: 'HR',
    targetGroups: r() < 0.3 ? ['roma'] : [],
    nameKey: personNameKey({ firstName, lastName }),
    anonymised: false,
  };
}

/** The dashboard's data: people, a third of them mentees matched to a fiftieth of them, logs over 2024–2026. */
function dashboardRows(nPeople: number, nSessions: number, seed: number, orgId: string): { people: Person[]; matches: Match[]; sessions: MentoringSession[] } {
  const r = rng(seed);
  const people = makePeople(nPeople, seed, orgId);
  const at = '2026-01-15T10:00:00.000Z';
  const mentors = people.slice(0, Math.max(1, Math.floor(nPeople / 50)));
  const matches: Match[] = [];
  for (let i = mentors.length; i < nPeople; i += 3) {
    const year = 2024 + Math.floor(r() * 3);
    matches.push({
      id: uuid(r),
      orgId,
      createdAt: at,
      updatedAt: at,
      mentorId: mentors[Math.floor(r() * mentors.length)]!.id,
      menteeId: people[i]!.id,
      status: r() < 0.6 ? 'active' : 'closed',
      startedOn: `${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    });
  }
  const sessions: MentoringSession[] = [];
  for (let done = 0; done < nSessions; done++) {
    const m = matches[Math.floor(r() * matches.length)]!;
    const date = `${2024 + Math.floor(r() * 3)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    sessions.push({
      id: uuid(r),
      orgId,
      createdAt: at,
      updatedAt: at,
      matchId: m.id,
      date,
      minutes: 30 + 15 * Math.floor(r() * 6),
      mode: r() < 0.5 ? 'inPerson' : 'online',
      services: [SERVICES[Math.floor(r() * SERVICES.length)]!],
    });
  }
  return { people, matches, sessions };
}

export function makePeople(n: number, seed: number, orgId: string): Person[] {
  const r = rng(seed);
  const at = '2026-01-15T10:00:00.000Z';
  return Array.from({ length: n }, () => personAt(r, orgId, at));
}

/** The CSV an NGO would export: Croatian headers, `;`, dd.MM.yyyy consent dates. */
export function makeCsv(n: number, seed: number): string {
  const people = makePeople(n, seed, '00000000-0000-4000-a000-000000000000');
  const lines = ['Ime;Prezime;Spol;Godina rođenja;Općina;Telefon;Privola'];
  people.forEach((p, i) =>
    lines.push(
      [p.firstName, p.lastName, p.gender === 'woman' ? 'Ž' : 'M', p.birthYear, p.municipality, `09${String(1000000 + i)}`, `0${1 + (i % 9)}.03.2026`].join(';'),
    ),
  );
  return lines.join('\r\n');
}

const ms = (t0: number) => performance.now() - t0;
const idle = () => new Promise((resolve) => setTimeout(resolve, 1000));

/** A row is painted: the first person row exists, then the frame after it (as armKeystroke measures). */
function listPainted(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector('[data-testid="person-row"]')) return requestAnimationFrame(check);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(null);
      });
    };
    check();
  });
}

/**
 * Seeding writes straight to IndexedDB in chunks: through Dexie every chunk would wake the live
 * queries of the screen on display (the home page re-reads all mentoring sessions), which makes
 * seeding quadratic. The rows are complete records, so nothing Dexie would add is missing.
 */
function rawAdd(idb: IDBDatabase, store: string, rows: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    for (const r of rows) os.add(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error(`seeding ${store} failed`));
  });
}

/** Rows sealed as the app stores them (encryption at rest), written straight to IndexedDB. */
async function chunkedBulkAdd(db: MrezaDb, store: string, rows: readonly unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000)
    await rawAdd(db.backendDB(), store, sealedForStore(db, store, rows.slice(i, i + 20_000) as Array<Record<string, unknown>>));
}

/** Opens a separate, fresh IndexedDB database with the same `people` indexes as the app's. */
async function freshRawDb(): Promise<Dexie> {
  const name = `mreza-bench-raw-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const raw = new Dexie(name);
  raw.version(1).stores({ people: STORES_V7.people, consents: STORES_V7.consents });
  await raw.open();
  return raw;
}

/** Native IndexedDB getAll of whole stores in one transaction: the floor for any load. */
function idbGetAll(idb: IDBDatabase, stores: readonly string[], each?: (store: string, rows: unknown[]) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction([...stores], 'readonly');
    let rows = 0;
    for (const s of stores) {
      const req = tx.objectStore(s).getAll();
      req.onsuccess = () => {
        rows += (req.result as unknown[]).length;
        each?.(s, req.result as unknown[]);
      };
    }
    tx.oncomplete = () => resolve(rows);
    tx.onerror = () => reject(tx.error ?? new Error('getAll failed'));
  });
}

/** What the bench script hands the page for the lead (tests/bench/consolidation-bundles.ts, lead.json). */
interface BenchLead {
  keys: Record<string, unknown>;
  fingerprint: string;
  installationId: string;
  invitation: Record<string, unknown> & { projectId: string };
}

/** bulkPut of `rows` per table into a fresh database with the given stores, one transaction per table. */
async function rawBulkPut(stores: Record<string, string>, rows: Record<string, readonly unknown[]>): Promise<number> {
  const raw = new Dexie(`mreza-bench-raw-${Date.now()}-${Math.floor(Math.random() * 1e6)}`);
  raw.version(1).stores(stores);
  await raw.open();
  await idle();
  const t0 = performance.now();
  for (const [table, list] of Object.entries(rows)) await raw.transaction('rw', raw.table(table), () => raw.table(table).bulkPut(list as unknown[]));
  const elapsed = ms(t0);
  raw.close();
  await Dexie.delete(raw.name);
  return elapsed;
}

const DATASET_STORES = [
  'people',
  'programmes',
  'events',
  'sessions',
  'enrolments',
  'attendance',
  'certificates',
  'matches',
  'mentoringSessions',
  'outcomes',
  'organisations',
];

export async function installBenchHooks(db: MrezaDb): Promise<void> {
  // No key of its own: the bench signs in through the UI (scripts/bench.ts freshApp), and every
  // benchmark reads and writes sealed rows with the data key that sign-in unwrapped.
  /** Lock and unlock again with the key held: what seeding past the db layer needs for the people cache, as after a sign-in. */
  const relock = async () => {
    const key = getDataKey(db);
    if (!key) throw new Error('bench: sign in first (the data key is not held)');
    dropDataKey(db);
    await setDataKey(db, key);
  };
  /** When the lock screen's button was clicked (armUnlock), for unlockResult. */
  let unlockClick: number | undefined;
  let dataset: Awaited<ReturnType<typeof loadDataset>> | undefined;
  let pendingKey: Promise<number> | undefined;
  let bundleFiles: IncomingFile[] = [];
  const hooks = {
    ready: true,
    async seedPeople(n: number, seed: number) {
      const t0 = performance.now();
      const orgId = await selfOrgId(db);
      await db.people.clear();
      await chunkedBulkAdd(db, 'people', makePeople(n, seed, orgId));
      await relock();
      return { ms: ms(t0), count: await db.people.count() };
    },
    /** Reference for the list: a raw read of every person. */
    async rawPeopleToArray() {
      const t0 = performance.now();
      const rows = await db.people.toArray();
      return { ms: ms(t0), rows: rows.length };
    },
    /**
     * The import pipeline exactly as the wizard runs it (file bytes → rows → mapping → validation
     * → duplicate check → one-transaction commit), then the raw floor: the same Person rows
     * bulkPut into a fresh table with the same indexes. Returns both and the step split.
     */
    async importCsv(n: number, seed: number) {
      const bytes = new TextEncoder().encode(makeCsv(n, seed));
      await idle();
      const steps: Record<string, number> = {};
      let t = performance.now();
      const t0 = t;
      const lap = (name: string) => {
        const now = performance.now();
        steps[name] = now - t;
        t = now;
      };
      const file = loadImportFile('bench.csv', bytes);
      lap('parse');
      const mapping = guessMapping(file.rows[0]!.map((c) => String(c ?? '')));
      const preview = await previewImport(file.rows, mapping, { defaults: { kind: 'beneficiary' } });
      lap('validate');
      const dups = await findImportDuplicates(db, preview.valid);
      lap('duplicates');
      const skip = new Set(dups.map((d) => d.row));
      const rows = preview.valid.filter((r) => !skip.has(r.row));
      const history = await commitImport(db, { userName: 'bench', role: 'coordinator' }, file.fileName, rows);
      lap('commit');
      const pipelineMs = ms(t0);
      // The same rows the commit wrote, read back, and put raw into a fresh database.
      const written = await db.people.bulkGet(history.recordIds.slice(0, history.rowsAdded));
      const consents = await db.consents.where('personId').anyOf(history.recordIds.slice(0, history.rowsAdded)).toArray();
      const raw = await freshRawDb();
      await idle(); // the commit woke the live queries of the screen on display: let them finish
      const t1 = performance.now();
      await raw.transaction('rw', ['people', 'consents'], async () => {
        await raw.table('people').bulkPut(written);
        await raw.table('consents').bulkPut(consents);
      });
      const rawMs = ms(t1);
      raw.close();
      await Dexie.delete(raw.name);
      return { ms: pipelineMs, rawMs, steps, valid: preview.valid.length, imported: history.rowsAdded, consents: consents.length };
    },
    /** People, matches between them and mentoring session logs, for the dashboard. */
    async seedDashboard(nPeople: number, nSessions: number, seed: number) {
      const t0 = performance.now();
      const orgId = await selfOrgId(db);
      await Promise.all([db.people.clear(), db.matches.clear(), db.mentoringSessions.clear()]);
      const rows = dashboardRows(nPeople, nSessions, seed, orgId);
      await chunkedBulkAdd(db, 'people', rows.people);
      await chunkedBulkAdd(db, 'matches', rows.matches);
      await chunkedBulkAdd(db, 'mentoringSessions', rows.sessions);
      await relock();
      return { ms: ms(t0), people: nPeople, matches: rows.matches.length, sessions: nSessions };
    },
    /**
     * The same rows as seedDashboard, kept in memory as the loaded data set (no IndexedDB): for
     * timing filter changes at sizes this machine's in-memory IndexedDB takes too long to seed.
     */
    async dashboardInMemory(nPeople: number, nSessions: number, seed: number, today: string) {
      const orgId = await selfOrgId(db);
      const rows = dashboardRows(nPeople, nSessions, seed, orgId);
      const own = await loadDataset(db);
      dataset = { ...own, people: rows.people, matches: rows.matches, mentoringSessions: rows.sessions };
      const t0 = performance.now();
      computeIndicators(dataset, {}, today, { drilldown: false });
      return { computeMs: ms(t0), matches: rows.matches.length };
    },
    /** Reference for the dashboard: native getAll of every store loadDataset reads. */
    async rawDatasetGetAll() {
      const t0 = performance.now();
      const rows = await idbGetAll(db.backendDB(), DATASET_STORES);
      return { ms: ms(t0), rows };
    },
    /** The dashboard's reference with encryption at rest: the same native getAll, then every sealed row opened (no cache). */
    async rawDatasetGetAllDecrypt() {
      const t0 = performance.now();
      let opened = 0;
      const rows = await idbGetAll(db.backendDB(), DATASET_STORES, (store, stored) => (opened += openedFromStore(db, store, stored).length));
      return { ms: ms(t0), rows, opened };
    },
    /** Where unlock's time goes, outside IndexedDB: seal and open `n` people rows with the page's key (µs per row). */
    cipherSplit(n: number) {
      const people = makePeople(n, 9, '00000000-0000-4000-a000-000000000000');
      let t0 = performance.now();
      const sealed = sealedForStore(db, 'people', people);
      const sealUs = (ms(t0) * 1000) / n;
      t0 = performance.now();
      openedFromStore(db, 'people', sealed);
      const openUs = (ms(t0) * 1000) / n;
      return { sealUs, openUs };
    },
    /** Unlock's opening of every person, interleaved: WebCrypto in one batch vs the synchronous cipher (ms each). */
    async fillSplit() {
      const state = atRestState(db);
      const rows = await readStoredPeople(db);
      const webKey = state.webKey;
      const out = { webCrypto: [] as number[], sync: [] as number[] };
      for (let k = 0; k < 3; k++) {
        for (const mode of ['webCrypto', 'sync'] as const) {
          state.people.rows.clear();
          state.people.byNameKey.clear();
          state.webKey = mode === 'webCrypto' ? webKey : undefined;
          const t0 = performance.now();
          await state.openIntoCache!(rows);
          out[mode].push(Math.round(ms(t0)));
        }
      }
      state.webKey = webKey;
      return out;
    },
    /** The dashboard's first open with the decrypted people cache emptied (as if nothing had read people since unlock). */
    async dashboardFirstCold(today: string) {
      const state = atRestState(db);
      state.people.rows.clear();
      state.people.byNameKey.clear();
      state.people.complete = false;
      const t0 = performance.now();
      dataset = await loadDataset(db);
      computeIndicators(dataset, {}, today, { drilldown: false });
      return { ms: ms(t0) };
    },
    /**
     * Unlock through the lock screen (scripts/bench.ts types the passphrase): the time from the
     * click on its button (captured here) to the participants list painted: Argon2id in the KDF
     * worker + unwrap + setDataKey (every person opened for the cache) + the list. `armUnlock`
     * first also waits for the sealed people read while the lock screen waits (not counted).
     */
    async armUnlock() {
      const tp = performance.now();
      await atRestState(db).prefetch?.rows;
      const prefetchMs = ms(tp);
      unlockClick = undefined;
      document.addEventListener('click', () => (unlockClick = performance.now()), { capture: true, once: true });
      return { prefetchMs };
    },
    async unlockResult() {
      await listPainted();
      if (unlockClick === undefined) throw new Error('armUnlock first');
      return { ms: ms(unlockClick), people: atRestState(db).people.rows.size };
    },
    /** Where unlock's time goes: Argon2id + unwrap alone (sign-in's own function), and setDataKey alone with the key held. */
    async unlockSplit(passphrase: string) {
      const user = (await db.users.toArray()).find((u) => u.keyWrap);
      if (!user?.keyWrap) throw new Error('bench: no user with a passphrase');
      let t0 = performance.now();
      const key = await unwrapWithPassphrase(user.keyWrap, passphrase);
      const kdfMs = ms(t0);
      if (!key) throw new Error('bench: wrong passphrase');
      dropDataKey(db);
      await atRestState(db).prefetch?.rows;
      t0 = performance.now();
      await setDataKey(db, key);
      return { kdfMs, keyMs: ms(t0) };
    },
    /** First open of the dashboard: load the dataset and compute every indicator (no filter). */
    async dashboardFirst(today: string) {
      const t0 = performance.now();
      dataset = await loadDataset(db);
      const loadMs = ms(t0);
      const t1 = performance.now();
      const out = computeIndicators(dataset, {}, today, { drilldown: false }); // as the dashboard does
      const computeMs = ms(t1);
      return { ms: ms(t0), loadMs, computeMs, indicators: Object.keys(out.indicators).length };
    },
    /** Where a keystroke's time goes: the list's filter and its sort by name, per query, outside React. */
    async searchSplit(queries: string[]) {
      const people = await db.people.toArray();
      let filterMs = 0;
      let sortMs = 0;
      for (const query of queries) {
        let t0 = performance.now();
        const rows = people.filter(peopleMatcher({ query }));
        filterMs += ms(t0);
        t0 = performance.now();
        rows.sort(comparePeople({ key: 'name' }));
        sortMs += ms(t0);
      }
      return { filterMs: filterMs / queries.length, sortMs: sortMs / queries.length };
    },
    /** Where the load's time goes: per big store, native getAll vs Dexie toArray (outside and inside a transaction). */
    async dashboardLoadSplit() {
      const out: Record<string, number> = {};
      for (const store of ['people', 'mentoringSessions'] as const) {
        let t0 = performance.now();
        await idbGetAll(db.backendDB(), [store]);
        out[`${store} getAll`] = ms(t0);
        t0 = performance.now();
        await db.table(store).toArray();
        out[`${store} Dexie toArray`] = ms(t0);
        t0 = performance.now();
        await db.transaction('r', [db.table(store)], () => db.table(store).toArray());
        out[`${store} Dexie toArray in tx`] = ms(t0);
      }
      return out;
    },
    /** A filter change with the data loaded: recompute for one period. */
    dashboardFilter(filter: IndicatorFilter, today: string) {
      if (!dataset) throw new Error('dashboardFirst first');
      const t0 = performance.now();
      computeIndicators(dataset, filter, today, { drilldown: false }); // as the dashboard does
      return { ms: ms(t0) };
    },
    /**
     * Consolidation (issues 7, 8), step 1: makes this installation the lead of the benchmark
     * project (its key pair and invitation were generated with the bundles, in Node), as
     * ensureIdentity and createLeadProject would have left it; no partner imported yet.
     */
    async consolidationSetup(lead: BenchLead) {
      const now = new Date().toISOString();
      await db.transaction('rw', [db.exchange, db.partnerSlices], async () => {
        await db.partnerSlices.clear();
        await db.exchange.put({ id: 'identity', installationId: lead.installationId, keys: lead.keys, fingerprint: lead.fingerprint, createdAt: now } as never);
        await db.exchange.put({ id: 'leadProject', invitation: lead.invitation, createdAt: now } as never);
      });
      const identity = await ensureIdentity(db);
      if (identity.fingerprint !== lead.fingerprint) throw new Error('lead identity not installed');
      return { projectId: lead.invitation.projectId };
    },
    /** Step 2: the files as the lead's file picker hands them over (bytes in memory; not timed). */
    async consolidationLoad(urls: string[]) {
      bundleFiles = [];
      for (const url of urls) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        bundleFiles.push({ fileName: url.slice(url.lastIndexOf('/') + 1), data: new Uint8Array(await res.arrayBuffer()) });
      }
      await idle();
      return { files: bundleFiles.length, bytes: bundleFiles.reduce((s, f) => s + f.data.length, 0) };
    },
    /**
     * Step 3, the figure: what the lead's Import button does (LeadExchange.tsx): previewImport
     * (read, decrypt, verify, validate every bundle, then planBundleImport: the dry run) and
     * commitImport (one transaction). Into an empty lead database.
     */
    async consolidate() {
      const org = await db.organisations.get(await selfOrgId(db));
      if (!org) throw new Error('no organisation');
      const t0 = performance.now();
      let inspected = t0;
      const preview = await previewBundles(db, bundleFiles, { onProgress: () => (inspected = performance.now()) });
      const previewMs = ms(t0);
      const t1 = performance.now();
      // The bench stands for a lead who compared every new partner's fingerprint by phone.
      const result = await commitBundles(db, { userName: 'bench', role: 'coordinator' }, org, preview, { confirmedKeys: keysToConfirm(preview.plan) });
      const commitMs = ms(t1);
      const totalMs = ms(t0);
      return {
        ms: totalMs,
        inspectMs: inspected - t0,
        planMs: previewMs - (inspected - t0),
        commitMs,
        applied: result.applied,
        rows: result.totals.add,
        refused: preview.refused.map((r) => `${r.fileName}: ${r.problem.code}`),
        notApplied: preview.plan.items.filter((i) => i.status !== 'apply').map((i) => `${i.fileName ?? ''}: ${i.status}`),
      };
    },
    /**
     * Step 4, the reference: a raw Dexie bulkPut of the rows the commit wrote (the partnerSlices
     * rows, read back) into the same table of a fresh database. (A bulkPut of every record those
     * slices hold as separate rows of per-table stores is not run: IndexedDB's per-row cost makes
     * it minutes at the default size, hours at full.)
     */
    async consolidationReference() {
      const slices = await db.partnerSlices.toArray();
      const records = slices.reduce((n, s) => n + Object.values(s.tables).reduce((m, rows) => m + rows.length, 0), 0);
      await idle();
      const slicesMs = await rawBulkPut({ partnerSlices: STORES_V3.partnerSlices }, { partnerSlices: slices });
      return { slicesMs, slices: slices.length, records };
    },
    /**
     * Step 5, the issue's reference read literally: a raw Dexie bulkPut of the same rows (every
     * record the slices hold) as rows of the app's own tables, with their indexes, into a fresh
     * database: what storing the partners' data the plain way would cost.
     */
    async consolidationRowsReference() {
      const byTable: Record<string, Array<Record<string, unknown>>> = {};
      for (const slice of await db.partnerSlices.toArray()) for (const [table, list] of Object.entries(slice.tables)) (byTable[table] ??= []).push(...list);
      const stores = Object.fromEntries(Object.keys(byTable).map((t) => [t, STORES_V3[t as keyof typeof STORES_V3]]));
      await idle();
      const elapsed = await rawBulkPut(stores, byTable);
      return { ms: elapsed, rows: Object.values(byTable).reduce((n, l) => n + l.length, 0), tables: Object.keys(byTable).length };
    },
    /**
     * Where the time goes, outside the timed run: per file, inspectBundle whole, then its stages
     * redone one by one with the same functions (hashes, decrypt, unzip, UTF-8 decode + JSON.parse
     * of every line, the fast row check with zod where it steps aside), interleaved so that the machine's load hits both alike;
     * then planBundleImport over the inspected bundles.
     */
    async consolidationSplit() {
      const identity = await ensureIdentity(db);
      const state = await loadConsolidatedState(db);
      if (!state) throw new Error('no lead project');
      const split = {
        inspectBundle: 0,
        hashFile: 0,
        decrypt: 0,
        hashZip: 0,
        unzip: 0,
        hashEntries: 0,
        decodeParse: 0,
        validate: 0,
        planBundleImport: 0,
        replanEveryRow: 0,
      };
      const lap = <T>(key: keyof typeof split, t0: number, v: T) => ((split[key] += ms(t0)), v);
      const inputs: BundleInput[] = [];
      for (const f of bundleFiles) {
        let t = performance.now();
        inputs.push({
          bundle: lap('inspectBundle', t, await inspectBundle(f.data, identity.keys, { projectId: state.projectId, schemaVersion: SCHEMA_VERSION })),
          fileName: f.fileName,
        });
        t = performance.now();
        lap('hashFile', t, await sha256Hex(f.data));
        t = performance.now();
        const signed = lap('decrypt', t, await openFromRecipient(f.data, identity.keys, 'bundle'));
        const sigLength = new DataView(signed.buffer, signed.byteOffset).getUint32(8);
        const zip = signed.subarray(SIGNED_HEADER + sigLength);
        t = performance.now();
        lap('hashZip', t, await sha256Hex(zip));
        t = performance.now();
        // The reader's own zip code: sizes bounded from the directory, then each entry inflated.
        const entries = lap('unzip', t, Object.fromEntries(listZip(zip, { maxUnpackedBytes: 1024 * 1024 * 1024 }).map((e) => [e.name, unpackEntry(zip, e)])));
        t = performance.now();
        for (const bytes of Object.values(entries)) await sha256Hex(bytes);
        lap('hashEntries', t, 0);
        for (const table of BUNDLE_TABLES) {
          const bytes = entries[`data/${table}.ndjson`];
          if (!bytes) continue;
          t = performance.now();
          const text = fromUtf8(bytes);
          const values =
            text === ''
              ? []
              : text
                  .slice(0, -1)
                  .split('\n')
                  .map((line) => JSON.parse(line) as unknown);
          lap('decodeParse', t, 0);
          const schema = bundleRowSchema(table, 'pseudonymised');
          const fast = rowCheckFor(schema);
          t = performance.now();
          for (const v of values) if (!fast?.(v)) schema.safeParse(v);
          lap('validate', t, 0);
        }
      }
      const t = performance.now();
      planBundleImport({ projectId: state.projectId, partners: {} }, inputs);
      lap('planBundleImport', t, 0);
      // The dry run of a re-import: the same rows as newer exports, so every row is compared with the stored one.
      const newer = inputs.map((i) => ({
        ...i,
        bundle: { ...i.bundle, manifest: { ...i.bundle.manifest, exportId: crypto.randomUUID(), exportedAt: '2100-01-01T00:00:00.000Z' } },
      }));
      const t2 = performance.now();
      const replan = planBundleImport(state, newer);
      if (replan.items.some((i) => i.status !== 'apply' || i.totals.add + i.totals.replace + i.totals.remove > 0))
        throw new Error('re-plan: expected 30 unchanged slices');
      lap('replanEveryRow', t2, 0);
      return split;
    },
    /** Drops the files and the lead's data (memory for the next benchmark). */
    async consolidationDone() {
      bundleFiles = [];
      await db.partnerSlices.clear();
    },
    /**
     * Arms a timer for the next keystroke in the search box: keydown (the event's timestamp) →
     * the first frame painted after the list re-rendered. Read it with `keystrokeResult()`.
     */
    armKeystroke() {
      const input = document.querySelector<HTMLInputElement>('[data-testid="people-search"]');
      if (!input) throw new Error('no search box');
      pendingKey = new Promise<number>((resolve) => {
        input.addEventListener(
          'keydown',
          (e) => {
            const start = e.timeStamp;
            // React renders the discrete input event synchronously; the next animation frame
            // paints the new list, and a task posted from that frame runs after the paint.
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve(performance.now() - start);
              ch.port2.postMessage(null);
            });
          },
          { once: true, capture: true },
        );
      });
    },
    async keystrokeResult() {
      if (!pendingKey) throw new Error('armKeystroke first');
      const v = await pendingKey;
      pendingKey = undefined;
      const first = document.querySelector('[data-testid="person-row"]')?.textContent ?? '';
      const shown = document.querySelector('[data-testid="shown-count"]')?.textContent ?? '';
      return { ms: v, first, shown };
    },
  };
  (window as unknown as { __mrezaBench: typeof hooks }).__mrezaBench = hooks;
}
