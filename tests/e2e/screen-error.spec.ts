import { expect, test, type Page } from '@playwright/test';
import { download, en, goToSettings, PASSPHRASE, pick, setUp, signIn, snap, switchLanguage, tr } from './helpers';

// A screen that fails (here: its code cannot be loaded, as with a damaged installation) shows what
// happened and a way on, never a blank window; the header, the menu and the other screens stay.
test('a screen that fails to load says so, keeps the rest of the app, and Reload brings it back', async ({ page }) => {
  test.setTimeout(150_000); // setup and a sign-in again (Argon2id twice) on a loaded machine
  await setUp(page);
  await page.route('**/assets/ReportsPage-*.js', (route) => route.abort('failed'));
  await page.getByRole('link', { name: en('nav', 'reports') }).click();
  const failed = page.getByTestId('screen-error');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText(en('common', 'screenError.title'));
  await expect(page.getByTestId('org-name')).toBeVisible();
  await snap(page, 'screen-error-en');

  // Home still works from the error, and so does every other screen.
  await failed.getByRole('button', { name: en('common', 'screenError.home') }).click();
  await expect(failed).toHaveCount(0);
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  await expect(page.getByRole('heading', { name: en('participants', 'title'), exact: true })).toBeVisible();

  // In Serbian Cyrillic too.
  await switchLanguage(page, 'sr-Cyrl');
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'reports') }).click();
  await expect(failed).toContainText(tr('sr-Cyrl', 'common', 'screenError.title'));
  await snap(page, 'screen-error-sr-Cyrl');

  // The cause gone (the file is readable again), Reload brings the screen back after sign-in.
  await page.unroute('**/assets/ReportsPage-*.js');
  await failed.getByRole('button', { name: tr('sr-Cyrl', 'common', 'screenError.reload') }).click();
  await signIn(page, { locale: 'sr-Cyrl' });
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'reports') }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByRole('heading', { name: tr('sr-Cyrl', 'reports', 'title'), exact: true })).toBeVisible({ timeout: 30_000 });
});

/**
 * The app's database (`mreza`) will not open from the next load on, as with a damaged profile
 * (Chromium: "Internal error opening backing store"), until sessionStorage says `healed`. The
 * failure is made at the browser's IndexedDB boundary; the app's own code runs unchanged.
 */
async function breakTheData(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const real = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name !== 'mreza' || sessionStorage.getItem('healed') === '1') return real.call(this, name, version);
      const request = { error: null as DOMException | null, result: undefined, readyState: 'pending' } as unknown as IDBOpenDBRequest & { error: DOMException };
      setTimeout(() => {
        Object.assign(request, { error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'), readyState: 'done' });
        request.onerror?.({ target: request, type: 'error', preventDefault() {}, stopPropagation() {} } as unknown as Event);
      }, 0);
      return request;
    };
  });
}

// A damaged profile (Chromium: "Internal error opening backing store") or a full disk: the data
// does not open. A screen says so in the OS's language, and nothing is deleted or reset. The
// failure is made at the browser's IndexedDB boundary; the app's own code runs unchanged.
test('data that will not open: a screen says so instead of a blank window, and the data stays as it was', async ({ page }) => {
  test.setTimeout(150_000);
  await setUp(page);
  await breakTheData(page);
  await page.reload();
  const screen = page.getByTestId('database-error');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText(en('common', 'databaseError.cause.other'));
  await expect(page.getByRole('heading', { name: en('common', 'databaseError.title') })).toBeVisible();
  await expect(page.getByText('UnknownError: Internal error opening backing store')).toBeVisible();
  await expect(page.getByRole('button', { name: en('common', 'databaseError.quit') })).toHaveCount(0); // a browser tab cannot quit
  await snap(page, 'database-error-en');
  // The cause gone, "Try again" opens the same data: nothing was deleted or reset.
  await page.evaluate(() => sessionStorage.setItem('healed', '1'));
  await page.getByRole('button', { name: en('common', 'databaseError.retry') }).click();
  await signIn(page);
  await expect(page.getByTestId('org-name')).toHaveText('Udruga Žene za budućnost');
});

// Restore from a backup on that screen: the setup screen's steps, into a new store. A file that is
// no backup and a wrong passphrase are errors that leave nothing behind; the right passphrase
// opens the app on the restored data, and the data that did not open is left as it was.
test('data that will not open: restore from a backup, with a bad file and a wrong passphrase first', async ({ page }) => {
  test.setTimeout(240_000); // setup, a wrong and a right passphrase and a sign-in (Argon2id each)
  const KDF = { timeout: 45_000 };
  await setUp(page);
  await goToSettings(page, 'backups');
  const backup = await download(page, () => page.getByRole('button', { name: en('backup', 'saveToFile') }).click());
  await breakTheData(page);
  await page.reload();
  await expect(page.getByTestId('database-error')).toBeVisible();
  await page.getByRole('button', { name: en('common', 'databaseError.restore') }).click();
  const flow = page.getByTestId('restore-backup');
  await expect(flow).toContainText(en('common', 'databaseError.restoreIntro'));

  // Not a backup: said so when restoring, and nothing made.
  const stores = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
  const before = await stores();
  const choose = () => page.getByRole('button', { name: en('setup', 'restore.chooseFile') }).click();
  await pick(page, choose, [{ name: 'zapisnik.json.gz', data: Buffer.from('Zapisnik sastanka, 3. 12. 2026.') }]);
  await page.getByRole('button', { name: en('backup', 'restore') }).click();
  await expect(page.getByText(en('backup', 'errors.notBackup'))).toBeVisible();
  expect(await stores()).toEqual(before);

  // The backup, a wrong passphrase: said so, and nothing made.
  await pick(page, choose, [backup]);
  await expect(page.getByTestId('backup-file')).toHaveText(backup.name);
  const secret = page.getByLabel(en('backup', 'unlock.passphrase'));
  await secret.fill('Zelena livada uz Savu 2026');
  await page.getByRole('button', { name: en('backup', 'restore') }).click();
  await expect(page.getByText(en('backup', 'errors.wrongKey'))).toBeVisible(KDF);
  await snap(page, 'database-error-restore-en');
  expect(await stores()).toEqual(before);

  // "Back" returns to the screen; then the right passphrase: the app opens on the restored data.
  await page.getByRole('button', { name: en('users', 'signIn.back'), exact: true }).click();
  await expect(page.getByTestId('database-error')).toBeVisible();
  await page.getByRole('button', { name: en('common', 'databaseError.restore') }).click();
  await pick(page, choose, [backup]);
  await page.getByLabel(en('backup', 'unlock.passphrase')).fill(PASSPHRASE);
  await page.getByRole('button', { name: en('backup', 'restore') }).click();
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible(KDF);
  await signIn(page);
  await expect(page.getByTestId('org-name')).toHaveText('Udruga Žene za budućnost');
  // The data that did not open is still there, untouched, beside the restored store.
  const after = await stores();
  expect(after).toContain('mreza');
  expect(after.filter((n) => n.startsWith('mreza-restored-') && !n.endsWith('-ledger'))).toHaveLength(1);

  // The next start opens the restored data again (the old store still will not open).
  await page.reload();
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible();
  await expect(page.getByTestId('database-error')).toHaveCount(0);
});

// In the operating system's language: Serbian Cyrillic here.
test('data that will not open: the screen and its restore in Serbian Cyrillic', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'sr-Cyrl-RS' });
  const page = await context.newPage();
  await breakTheData(page);
  await page.goto('/');
  await expect(page.getByTestId('database-error')).toContainText(tr('sr-Cyrl', 'common', 'databaseError.cause.other'));
  await snap(page, 'database-error-sr-Cyrl');
  await page.getByRole('button', { name: tr('sr-Cyrl', 'common', 'databaseError.restore') }).click();
  await expect(page.getByTestId('restore-backup')).toContainText(tr('sr-Cyrl', 'common', 'databaseError.restoreIntro'));
  await snap(page, 'database-error-restore-sr-Cyrl');
  await context.close();
});
