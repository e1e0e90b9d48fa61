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
