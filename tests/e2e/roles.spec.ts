import { expect, test, type Page } from '@playwright/test';
import { en, goToSettings, loadDemo, setUp, signIn, snap } from './helpers';

/** Adds a user of this role with a passphrase, locks, and signs in as her. */
async function signInAs(page: Page, name: string, role: 'viewer' | 'staff' | 'mentor', passphrase: string): Promise<void> {
  await goToSettings(page, 'users');
  await page.getByLabel(en('users', 'name')).fill(name);
  await page.getByRole('combobox', { name: en('users', 'role') }).click();
  await page.getByRole('option', { name: en('users', `roles.${role}`) }).click();
  // A new user's passphrase: typed twice, strong enough for the policy.
  await page.getByRole('textbox', { name: en('users', 'newUserPassphrase') }).fill(passphrase);
  await page.getByRole('textbox', { name: en('users', 'policy.repeat') }).fill(passphrase);
  await page.getByRole('button', { name: en('users', 'add') }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: name })).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: en('users', 'lockNow') }).click();
  await page.getByRole('combobox', { name: en('users', 'user') }).click();
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByLabel(en('users', 'passphrase')).fill(passphrase);
  await page.getByRole('button', { name: en('users', 'unlock') }).click();
  await expect(page.getByTestId('user-menu')).toContainText(name);
}

test('a viewer sees figures and no participant names, and has no export or backup controls', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  // Names the coordinator sees in the registry.
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  const nameCells = page.getByTestId('person-name');
  await expect(nameCells.first()).toBeVisible();
  const names = (await nameCells.allTextContents())
    .map((n) => n.trim())
    .filter(Boolean)
    .slice(0, 12);
  expect(names.length).toBeGreaterThan(5);
  await expect(page.getByTestId('people-export')).toBeVisible();

  await signInAs(page, 'Vesna Pregled', 'viewer', 'Vesna samo gleda brojke 2026');

  const nav = page.getByRole('navigation', { name: en('nav', 'main') });
  for (const hidden of ['participants', 'programmes', 'mentoring', 'exchange']) await expect(nav.getByRole('link', { name: en('nav', hidden) })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: en('nav', 'reports') })).toBeVisible();
  await expect(page.getByPlaceholder(en('common', 'searchPlaceholder'))).toHaveCount(0);

  const noNames = async () => {
    const text = await page.locator('body').innerText();
    for (const n of names) expect(text, n).not.toContain(n);
  };
  await nav.getByRole('link', { name: en('nav', 'home') }).click();
  await expect(page.getByTestId('home-figure').first()).toBeVisible();
  await noNames();

  // Reports: the figures, but no way to the people behind them.
  await nav.getByRole('link', { name: en('nav', 'reports') }).click();
  await expect(page.getByRole('heading', { name: en('reports', 'title') })).toBeVisible();
  await expect(page.getByRole('button', { name: /Show the people behind/ })).toHaveCount(0);
  await noNames();
  await snap(page, 'roles-viewer-reports-en');

  // Typing the address of the participants list leads home, not to names.
  await page.goto('/#/participants');
  await expect(page.getByTestId('home-figure').first()).toBeVisible();
  await expect(page.getByTestId('people-export')).toHaveCount(0);
  await noNames();

  // Settings: the language only; no users, backups, data or audit log.
  await nav.getByRole('link', { name: en('nav', 'settings') }).click();
  await expect(page.getByRole('tab', { name: en('settings', 'tabs.general') })).toBeVisible();
  for (const tab of ['organisation', 'users', 'mentoring', 'backups', 'data', 'audit'])
    await expect(page.getByRole('tab', { name: en('settings', `tabs.${tab}`) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: en('backup', 'backupNow') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: en('backup', 'saveToFile') })).toHaveCount(0);
  await expect(page.getByLabel(en('settings', 'lockMinutes'))).toHaveCount(0);
  await page.goto('/#/settings/backups');
  await expect(page.getByRole('button', { name: en('backup', 'saveToFile') })).toHaveCount(0);
  await snap(page, 'roles-viewer-settings-en');
});

test('an audit entry changed outside Mreža (raw IndexedDB) shows a warning to the coordinator', async ({ page }) => {
  await setUp(page);
  await goToSettings(page, 'audit');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByTestId('audit-chain-warning')).toHaveCount(0);
  // Someone with the profile folder edits the first entry with the plain IndexedDB API.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mreza');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('auditLog', 'readwrite');
          const store = tx.objectStore('auditLog');
          const all = store.getAll();
          all.onsuccess = () => {
            const first = (all.result as Array<{ seq: number; userName: string }>).sort((a, b) => a.seq - b.seq)[0]!;
            store.put({ ...first, userName: 'Netko drugi' });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // A reload locks Mreža; the coordinator signs in again and is told at once.
  await page.reload();
  await signIn(page);
  const warning = page.getByTestId('audit-chain-warning').first();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(en('audit', 'chain.title'));
  await snap(page, 'roles-audit-chain-warning-en');
});
