import { expect, test } from '@playwright/test';
import { en, setUp, signIn, snap, switchLanguage, tr } from './helpers';

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

// A damaged profile (Chromium: "Internal error opening backing store") or a full disk: the data
// does not open. A screen says so in the OS's language, and nothing is deleted or reset. The
// failure is made at the browser's IndexedDB boundary; the app's own code runs unchanged.
test('data that will not open: a screen says so instead of a blank window, and the data stays as it was', async ({ page }) => {
  test.setTimeout(150_000);
  await setUp(page);
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
