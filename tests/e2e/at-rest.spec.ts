import { expect, test, type Page } from '@playwright/test';
import { LAST } from '../../src/shared/demo/names';
import { en, loadDemo, setUp, signIn, snap, watch } from './helpers';

/**
 * Encryption at rest (#15 item 2) in Chromium's real IndexedDB: set up with a passphrase (the
 * keyring's data key seals every row from the first one on), a demo session and planted people
 * through the UI, then every IndexedDB database of the page (the data store and the erasure
 * ledger beside it), every object store and every index key read through the raw IndexedDB API
 * in the page (not Dexie, not the app's db layer): no planted name, phone, e-mail or note, and no
 * demo surname. Then a lock and a sign-in: the people are back in the list and the search.
 */
const P = (path: string) => en('participants', path);
const m = (path: string) => en('mentoring', path);

const PLANTED = [
  {
    firstName: 'Zdenkaplanta',
    lastName: 'Vrbanićplant',
    phone: '+385 91 765 4321',
    email: 'planted.person@example.org',
    notes: 'Planted note: left a violent partner in March',
  },
  {
    firstName: 'Ljubicaplanta',
    lastName: 'Kovačplant',
    phone: '+385 98 111 2233',
    email: 'druga.osoba@example.org',
    notes: 'Planted note: lives in a shelter in Sisak',
  },
];
const LOG = { sessionNote: 'Planted mentoring log note about debts', topics: 'Planted session topics' };
const STAFF = 'Koordinatorica Testna';

/** Every IndexedDB database of the page as text, read with nothing but the IndexedDB API; bytes as lower-case hex. */
function rawDump(page: Page): Promise<{ text: string; databases: string[]; stores: string[]; rows: number; marker: number }> {
  return page.evaluate(async () => {
    const flat = (v: unknown): string => {
      if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
      if (Array.isArray(v)) return v.map(flat).join(' ');
      if (typeof v === 'object' && v !== null)
        return Object.entries(v)
          .map(([k, x]) => `${k}=${flat(x)}`)
          .join(' ');
      return String(v);
    };
    const databases = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
    const stores: string[] = [];
    const parts: string[] = [];
    let rows = 0;
    let marker = 0;
    for (const name of databases) {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const names = [...idb.objectStoreNames];
      stores.push(...names.map((s) => `${name}/${s}`));
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(names, 'readonly');
        for (const s of names) {
          const os = tx.objectStore(s);
          const all = os.getAll();
          all.onsuccess = () => {
            rows += all.result.length;
            if (name === 'mreza' && s === 'atRest') marker = all.result.length;
            for (const r of all.result) parts.push(`${name}/${s}: ${flat(r)}`);
          };
          // The index's own keys (what IndexedDB keeps in it), not the primary keys getAllKeys gives.
          for (const i of [...os.indexNames]) {
            const keys: unknown[] = [];
            const cursor = os.index(i).openKeyCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return void parts.push(`${name}/${s}.${i}: ${flat(keys)}`);
              keys.push(c.key);
              c.continue();
            };
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
    }
    return { text: parts.join('\n'), databases, stores, rows, marker };
  });
}

test('after a demo session, IndexedDB read raw holds no planted name, phone, e-mail or note, and no demo surname; after a lock and sign-in the people are back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  watch(page);
  // Staff names stay plain (the lock screen lists them): none of the demo's surnames.
  await setUp(page, { org: 'Udruga Test', user: STAFF });
  await loadDemo(page);

  // People with planted details, through the form.
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  for (const p of PLANTED) {
    await page
      .getByRole('button', { name: P('add') })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(P('fields.firstName')).fill(p.firstName);
    await dialog.getByLabel(P('fields.lastName')).fill(p.lastName);
    await dialog.getByLabel(P('fields.phone')).fill(p.phone);
    await dialog.getByLabel(P('fields.email')).fill(p.email);
    await dialog.getByTestId('consent-special').check();
    await dialog.getByRole('textbox', { name: P('fields.notes'), exact: true }).fill(p.notes);
    await dialog.getByRole('button', { name: en('common', 'save') }).click();
    await expect(page.getByRole('heading', { name: `${p.firstName} ${p.lastName}` })).toBeVisible();
    await expect(page.getByText(p.notes)).toBeVisible();
    await page.getByRole('link', { name: en('nav', 'participants') }).click();
  }

  // A mentoring log with a confidential note, on one of the demo's matches.
  await page.getByRole('link', { name: en('nav', 'mentoring') }).click();
  await page.getByRole('tab', { name: m('tabs.matches') }).click();
  const row = page
    .getByTestId('match-row')
    .filter({ has: page.getByRole('button', { name: m('logSession') }) })
    .first();
  await row.getByRole('button', { name: m('logSession') }).click();
  const log = page.getByRole('dialog');
  await expect(log).toBeVisible();
  // From the keyboard (the date field opens its calendar over the form), as mentors do.
  await log.getByRole('checkbox', { name: m('serviceNames.psychosocialSupport') }).focus();
  await page.keyboard.press('Space');
  await log.getByLabel(m('topics')).focus();
  await page.keyboard.type(LOG.topics);
  await page.keyboard.press('Tab');
  await page.keyboard.type(LOG.sessionNote);
  await page.keyboard.press('Control+Enter');
  await expect(log).toHaveCount(0);
  await page.getByRole('tab', { name: m('tabs.sessions') }).click();
  await expect(page.getByTestId('session-row').filter({ hasText: LOG.topics })).toHaveCount(1);
  await snap(page, 'at-rest-session-logged');

  const { text, databases, stores, rows, marker } = await rawDump(page);
  expect(databases).toEqual(expect.arrayContaining(['mreza', 'mreza-ledger']));
  expect(stores).toEqual(
    expect.arrayContaining(['mreza/people', 'mreza/mentoringSessions', 'mreza/exchange', 'mreza/settings', 'mreza/auditLog', 'mreza/atRest']),
  );
  expect(marker, 'the store is marked encrypted').toBe(1);
  expect(rows).toBeGreaterThan(200);
  const planted = [...PLANTED.flatMap((p) => Object.values(p)), ...Object.values(LOG)];
  for (const s of [...planted, ...LAST]) expect(text.includes(s), `"${s}" is in IndexedDB as plain text`).toBe(false);
  // The proof is not empty: what stays plain by design is found (the staff name the lock screen lists).
  expect(text).toContain(STAFF);

  // Lock: the key and every decrypted cache go; sign in again: the people are back.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: en('users', 'lockNow') }).click();
  await signIn(page);
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  await expect(page.getByText(/people in the registry/)).toBeVisible();
  await page.getByTestId('people-search').fill(PLANTED[0]!.lastName.slice(0, 6));
  await expect(page.getByTestId('person-row').filter({ hasText: PLANTED[0]!.lastName })).toHaveCount(1);
  await page.getByTestId('people-search').fill('');
  expect(await page.getByTestId('person-row').count()).toBeGreaterThan(20);
  // The header's search too.
  await page.getByTestId('global-search').fill(PLANTED[1]!.lastName.slice(0, 6));
  await expect(page.getByRole('option', { name: new RegExp(PLANTED[1]!.lastName) })).toBeVisible();
  await snap(page, 'at-rest-search-after-unlock');
});
