import { expect, test, type Locator, type Page } from '@playwright/test';
import { en, setUp, snap, watch } from './helpers';

/** Drops files on an element as the OS does when they are dragged from a folder. */
async function dropFiles(page: Page, target: Locator, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name));
    return dt;
  }, files);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

const CSV = 'Ime;Prezime;Spol;Godina rođenja;Općina\nAna;Kovač;F;1990;Čakovec\nIvo;Babić;M;1985;Varaždin\n';

test('a file dropped on the people import: a wrong type is refused in words, a table goes on to the columns', async ({ page }) => {
  test.setTimeout(120_000);
  watch(page);
  await setUp(page);
  await page.goto('/#/participants/import');
  const zone = page.getByTestId('import-dropzone');
  await expect(zone).toContainText(en('desktop', 'drop.here'));
  await expect(zone).toContainText('.xlsx, .xls, .csv, .txt');

  await dropFiles(page, zone, [{ name: 'slika.png', text: 'not a table' }]);
  await expect(page.getByTestId('import-dropzone-error')).toHaveText(
    en('desktop', 'drop.wrongType', { fileName: 'slika.png', extensions: '.xlsx, .xls, .csv, .txt' }),
  );
  await snap(page, 'dropzone-wrong-type-en');

  await dropFiles(page, zone, [{ name: 'popis.csv', text: CSV }]);
  await expect(page.getByTestId('import-dropzone-error')).toHaveCount(0);
  // The next step: which column is which (the mapping), as after choosing the file in the dialog.
  await expect(page.getByText('Prezime').first()).toBeVisible();
  await expect(page.getByTestId('import-dropzone')).toHaveCount(0);
});

test('a Mreža file dropped on the window goes where it belongs, or says why not', async ({ page }) => {
  test.setTimeout(120_000);
  await setUp(page);
  const body = page.locator('main');

  // A key file is for the command line only: said so, nothing opened.
  await dropFiles(page, body, [{ name: 'mreza-lead-key-projekt.mreza-key', text: 'x' }]);
  await expect(page.getByText(en('desktop', 'openFile.refused.keyFile'))).toBeVisible();
  // A partner's invitation goes to Exchange, where the join form holds it for the passphrase.
  await dropFiles(page, body, [{ name: 'mreza-invitation-projekt.mreza-invite', text: 'x' }]);
  await expect(page.getByTestId('invitation-file')).toHaveText('mreza-invitation-projekt.mreza-invite');
  await expect(page).toHaveURL(/#\/exchange/);
  // A file of no Mreža kind.
  await dropFiles(page, page.locator('main'), [{ name: 'popis.docx', text: 'x' }]);
  await expect(page.getByText(/“popis\.docx” cannot be used here/)).toBeVisible();
  await snap(page, 'window-drop-en');
});

test('keyboard shortcuts: the list (Ctrl+/), a new person (Ctrl+Shift+P), search (Ctrl+K)', async ({ page }) => {
  test.setTimeout(120_000);
  await setUp(page);
  await page.keyboard.press('Control+/');
  const dialog = page.getByRole('dialog', { name: en('desktop', 'shortcuts.title') });
  await expect(dialog).toBeVisible();
  for (const key of ['newPerson', 'search', 'logSession', 'show']) await expect(dialog).toContainText(en('desktop', `shortcuts.${key}`));
  await expect(dialog).toContainText('Ctrl');
  await snap(page, 'shortcuts-en');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('Control+Shift+P');
  await expect(page).toHaveURL(/#\/participants$/);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search')).toBeFocused();
});

test('a failed automatic backup stays on screen until a backup succeeds', async ({ page }) => {
  test.setTimeout(120_000);
  watch(page);
  // The browser build keeps backups in the Origin Private File System: make it fail, as a full disk would.
  await page.addInitScript(() => {
    const storage = navigator.storage as StorageManager & { getDirectory: () => Promise<FileSystemDirectoryHandle> };
    const real = storage.getDirectory.bind(storage);
    storage.getDirectory = () =>
      localStorage.getItem('e2e-fail-backups') === '0' ? real() : Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
  });
  await setUp(page);
  const banner = page.getByTestId('backup-failing');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText(en('backup', 'automaticFailed'));
  await snap(page, 'backup-failing-en');
  // It has no close button and stays on every screen.
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  await expect(banner).toBeVisible();
  // Still failing: trying again keeps it.
  await banner.getByRole('button', { name: en('backup', 'backUpNow') }).click();
  // The banner and a message about this attempt.
  await expect(page.getByRole('alert').filter({ hasText: en('backup', 'automaticFailed') })).toHaveCount(2);
  await expect(banner).toBeVisible();
  // The disk has room again: one backup succeeds and the warning goes.
  await page.evaluate(() => localStorage.setItem('e2e-fail-backups', '0'));
  await banner.getByRole('button', { name: en('backup', 'backUpNow') }).click();
  await expect(banner).toHaveCount(0);
});

test('the error screen in the web preview explains that logs are kept by the desktop app', async ({ page }) => {
  test.setTimeout(120_000);
  await setUp(page);
  await page.route('**/assets/ReportsPage-*.js', (route) => route.abort('failed'));
  await page.getByRole('link', { name: en('nav', 'reports') }).click();
  const failed = page.getByTestId('screen-error');
  await expect(failed).toBeVisible();
  await expect(failed.getByTestId('logs-desktop-only')).toHaveText(en('common', 'screenError.logsDesktopOnly'));
  await expect(failed.getByTestId('open-logs')).toHaveCount(0);
});
