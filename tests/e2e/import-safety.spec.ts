import { expect, test, type Page } from '@playwright/test';
import { setUp, signIn, snap, switchLanguage, tr, watch } from './helpers';

/**
 * Issue 13: cancel means cancel (item 10), and one click must not silently destroy (withdrawing
 * a consent, undoing an import). Run in Serbian Cyrillic and Croatian, as coordinators use them.
 */
const ROWS = 20_000;
const CY = (path: string, vars?: Record<string, string | number>) => tr('sr-Cyrl', 'participants', path, vars);
const HR = (path: string, vars?: Record<string, string | number>) => tr('hr', 'participants', path, vars);
/** A message with its `{{x, number}}` placeholders as the app formats them. */
const withNumbers = (text: string, locale: string, vars: Record<string, number>) =>
  text.replace(/\{\{(\w+), number\}\}/g, (_, k: string) => new Intl.NumberFormat(locale).format(vars[k]!));

function bigCsv(): Buffer {
  const lines = ['Ime;Prezime;Spol;Godina rođenja;Općina;Datum privole'];
  for (let i = 0; i < ROWS; i++) lines.push(`Jelena${i};Marković${i};Ž;${1950 + (i % 50)};Mladenovac;${i % 2 ? '12.03.2024.' : ''}`);
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

async function chooseFile(page: Page, name: string, data: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-file').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: data });
  await expect(page.getByTestId('mapping-table')).toBeVisible();
}

test('a 20,000-row import stopped while writing writes nothing and leaves no audit entry (Serbian Cyrillic)', async ({ page }) => {
  test.setTimeout(180_000);
  watch(page);
  await setUp(page);
  await switchLanguage(page, 'sr-Cyrl');
  await page.goto('/#/participants/import');
  await chooseFile(page, 'spisak-20000.csv', bigCsv());
  await page.getByTestId('check-rows').click();
  await expect(page.getByTestId('valid-count')).toHaveText(CY('importer.validRows_other', { count: ROWS }), { timeout: 60_000 });

  // Slow the page down, as on an old office PC, so the write takes long enough to stop half-way.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByTestId('import-valid').click();
  const progress = page.getByTestId('write-progress');
  await expect(progress).toBeVisible();
  // Rows done of the total, localised: "Уписивање: 3.000 од 20.000 особа…".
  await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThanOrEqual(2000);
  const done = Number(await progress.getAttribute('data-done'));
  expect(done).toBeLessThan(ROWS);
  const shown = (await progress.textContent()) ?? '';
  expect(shown).toMatch(/^Уписивање: [\d.]+ од 20\.000 особа…$/);
  expect(withNumbers(CY('importer.writingProgress_other'), 'sr-Cyrl', { done: Number(shown.match(/[\d.]+/)![0].replace(/\./g, '')), count: ROWS })).toBe(shown);
  await expect(page.getByText(CY('importer.writingHint'))).toBeVisible();
  await snap(page, 'import-writing-sr-Cyrl');
  await expect(page.getByTestId('import-nothing')).toBeEnabled();
  await page.getByTestId('import-nothing').click();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  // Back on the list, told plainly that nothing was written; and nothing was.
  await expect(page.getByText(CY('importer.cancelled', { file: 'spisak-20000.csv' }))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(CY('emptyTitle'))).toBeVisible();
  await expect(page.getByTestId('undo-import')).toHaveCount(0);
  // A reload reads the database afresh (after signing in again): still empty.
  await page.reload();
  await signIn(page, { locale: 'sr-Cyrl' });
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'participants') }).click();
  await expect(page.getByText(CY('emptyTitle'))).toBeVisible();
  // The audit log holds no import.
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'settings') }).click();
  await page.getByRole('tab', { name: tr('sr-Cyrl', 'settings', 'tabs.audit') }).click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByTestId('audit-row').filter({ hasText: /Увезена лица/ })).toHaveCount(0);
});

test('undoing an import asks first, naming the file and how many people go (Croatian)', async ({ page }) => {
  watch(page);
  await setUp(page);
  await switchLanguage(page, 'hr');
  await page.goto('/#/participants/import');
  const csv = Buffer.from(
    'Ime;Prezime;Spol;Godina rođenja;Općina\nAna;Horvat;Ž;1984;Čakovec\nMarija;Kovač;Ž;1979;Varaždin\nIvana;Babić;Ž;1990;Čakovec\n',
    'utf8',
  );
  await chooseFile(page, 'popis-radionica.csv', csv);
  await page.getByTestId('check-rows').click();
  await page.getByTestId('import-valid').click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // From the wizard: the question names 3 people and the file; "Odustani" keeps them.
  await page.getByTestId('undo-this-import').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(HR('undoConfirm.title'));
  await expect(page.getByTestId('undo-import-confirm')).toContainText(
    /Poništiti uvoz 3 osobe iz datoteke popis-radionica\.csv \(.+\)\? Osobe će biti uklonjene iz evidencije\./,
  );
  await expect(page.getByTestId('undo-import-confirm')).toContainText(HR('undoConfirm.irreversible'));
  await snap(page, 'import-undo-confirm-hr');
  await dialog.getByRole('button', { name: tr('hr', 'common', 'cancel') }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: HR('importer.toList') }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(3);

  // From the list: confirmed, they go.
  await page.getByTestId('undo-import').click();
  await expect(page.getByTestId('undo-import-confirm')).toContainText('popis-radionica.csv');
  await page.getByTestId('confirm-undo-import').click();
  await expect(page.getByText(HR('importUndone_few', { count: 3 }))).toBeVisible();
  await expect(page.getByText(HR('emptyTitle'))).toBeVisible();
});

test('withdrawing a consent asks first, naming the target groups and notes it deletes (Serbian Cyrillic)', async ({ page }) => {
  watch(page);
  await setUp(page);
  await switchLanguage(page, 'sr-Cyrl');
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'participants') }).click();
  await page
    .getByRole('button', { name: CY('add') })
    .first()
    .click();
  const form = page.getByRole('dialog');
  await form.getByRole('textbox', { name: CY('fields.firstName'), exact: true }).fill('Ана');
  await form.getByRole('textbox', { name: CY('fields.lastName'), exact: true }).fill('Хорват');
  await form.getByTestId('consent-special').check();
  await form.getByRole('combobox', { name: CY('fields.targetGroups') }).click({ force: true });
  await page.getByRole('option', { name: CY('targetGroups.roma') }).click();
  await page.getByRole('option', { name: CY('targetGroups.singleParent') }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('textbox', { name: CY('fields.notes'), exact: true }).fill('Жели да отвори радњу.');
  await form.getByRole('button', { name: tr('sr-Cyrl', 'common', 'save') }).click();
  await expect(page.getByRole('heading', { name: 'Ана Хорват' })).toBeVisible();
  await expect(page.getByText('Жели да отвори радњу.')).toBeVisible();

  await page.getByRole('button', { name: CY('consent.withdraw') }).click();
  const confirm = page.getByTestId('withdraw-consent-confirm');
  await expect(confirm).toContainText(/Повући сагласност коју је особа Ана Хорват дала .+\?/);
  await expect(confirm).toContainText(
    CY('consent.withdrawConfirm.groups_few', { count: 2, name: 'Ана Хорват', groups: `${CY('targetGroups.roma')}, ${CY('targetGroups.singleParent')}` }),
  );
  await expect(confirm).toContainText(CY('consent.withdrawConfirm.notes', { name: 'Ана Хорват' }));
  await snap(page, 'withdraw-consent-confirm-sr-Cyrl');
  // Cancelled: nothing changes.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: tr('sr-Cyrl', 'common', 'cancel') })
    .click();
  await expect(page.getByText('Жели да отвори радњу.')).toBeVisible();
  await expect(page.getByTestId('consent-row')).not.toContainText(CY('consent.withdrawnOn', { date: '' }).trim());

  // Confirmed: the consent is withdrawn, the target groups and notes are gone.
  await expect(page.getByTestId('withdraw-consent-confirm')).toHaveCount(0);
  await page
    .getByTestId('consent-row')
    .getByRole('button', { name: CY('consent.withdraw') })
    .click();
  await page.getByTestId('confirm-withdraw-consent').click();
  await expect(page.getByTestId('consent-row').getByText(/Повучена/)).toBeVisible();
  await expect(page.getByText('Жели да отвори радњу.')).toHaveCount(0);
});
