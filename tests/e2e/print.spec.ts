import { expect, test, type Page } from '@playwright/test';
import { en, loadDemo, PASSPHRASE, setUp, snap, switchLanguage, tr } from './helpers';

// "Print…" beside "Save PDF" (#17 part 6): the operating system's print dialog is the boundary
// the browser build cannot show in a test, so window.print is counted instead of opened.
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => void ((window as unknown as { __prints: number }).__prints += 1);
  });
}
const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: number }).__prints);

test('the recovery sheet is printed on paper straight from setup, never saved as a PDF on the computer', async ({ page }) => {
  await countPrints(page);
  await page.goto('/');
  await page.getByLabel(en('setup', 'orgName')).fill('Udruga Žene za budućnost');
  await page.getByRole('combobox', { name: en('setup', 'country'), exact: true }).click();
  await page.getByRole('option', { name: en('common', 'countries.HR'), exact: true }).click();
  await page.getByLabel(en('setup', 'town')).fill('Čakovec');
  await page.getByLabel(en('setup', 'userName')).fill('Sanja Horvat');
  await page.getByRole('textbox', { name: en('setup', 'passphrase'), exact: true }).fill(PASSPHRASE);
  await page.getByRole('textbox', { name: en('users', 'policy.repeat'), exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: en('setup', 'start') }).click();
  const sheet = page.getByTestId('recovery-sheet');
  await expect(sheet).toBeVisible({ timeout: 45_000 });
  await sheet.getByRole('button', { name: en('users', 'sheet.print') }).click();
  expect(await prints(page)).toBe(1);
  await expect(sheet.getByRole('button', { name: /PDF/ })).toHaveCount(0);
  await snap(page, 'print-recovery-sheet-en');
});

test('Serbian Cyrillic: the donor report and a sign-in sheet offer Штампај… beside Save PDF', async ({ page }) => {
  await countPrints(page);
  await setUp(page);
  await loadDemo(page);
  await switchLanguage(page, 'sr-Cyrl');
  const sr = (ns: string, key: string) => tr('sr-Cyrl', ns, key);
  await page.getByRole('link', { name: sr('nav', 'reports') }).click();
  await page.getByRole('button', { name: sr('reports', 'exportPdf'), exact: true }).click();
  await expect(page.getByRole('heading', { name: sr('reports', 'donorReport') })).toBeVisible();
  const print = page.getByRole('button', { name: sr('common', 'printDialog') });
  await expect(print).toHaveText('Штампај…');
  await expect(page.getByRole('button', { name: sr('reports', 'savePdf') })).toBeVisible();
  await print.click();
  expect(await prints(page)).toBe(1);
  await snap(page, 'print-report-sr-Cyrl');
});
