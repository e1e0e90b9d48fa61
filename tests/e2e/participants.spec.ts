import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { read, utils } from '@e965/xlsx';
import { LOCALE_NAMES } from '../../src/shared/i18n/locales';
import { en, loadDemo, setUp, shot, snap, tr } from './helpers';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;
const P = (path: string, vars?: Record<string, string | number>) => en('participants', path, vars);

async function openParticipants(page: Page) {
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
}

async function importFile(page: Page, name: string) {
  await openParticipants(page);
  await page
    .getByRole('button', { name: P('import') })
    .first()
    .click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-file').click();
  await (await chooser).setFiles(fixture(name));
  await expect(page.getByTestId('mapping-table')).toBeVisible();
}

test('imports a Windows-1250 ; CSV with bad rows: report, valid rows in, undo', async ({ page }) => {
  await setUp(page);
  await importFile(page, 'croatian-cp1250.csv');
  await expect(page.getByTestId('file-info')).toContainText('WINDOWS-1250');
  await expect(page.getByTestId('mapping-table')).toContainText('Godina rođenja');
  await shot(page, 'participants-import-mapping-en');
  await page.getByTestId('check-rows').click();
  await expect(page.getByTestId('valid-count')).toHaveText(P('importer.validRows_other', { count: 5 }));
  await expect(page.getByTestId('bad-count')).toHaveText(P('importer.badRows_other', { count: 4 }));
  const issues = page.getByTestId('issue-row');
  await expect(issues).toHaveCount(4);
  await expect(issues.nth(0)).toContainText('6');
  await expect(issues.nth(0)).toContainText('Godina rođenja');
  await expect(issues.nth(0)).toContainText('19x4');
  await expect(page.getByText(P('importer.reportIntro', { file: 'croatian-cp1250.csv' }))).toBeVisible();
  await shot(page, 'participants-import-report-en');
  await page.getByTestId('import-valid').click();
  await expect(page.getByTestId('import-done')).toHaveText(P('importer.imported_other', { count: 5, file: 'croatian-cp1250.csv' }));
  await shot(page, 'participants-import-done-en');
  await page.getByRole('button', { name: P('importer.toList') }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(5);
  await expect(page.getByText('Đurđica')).toBeVisible();
  // The remembered mapping: the same headers again are recognised.
  await page.getByTestId('undo-import').click();
  // Undoing asks first, naming the file and the people.
  await expect(page.getByTestId('undo-import-confirm')).toContainText(
    P('undoConfirm.text_other', { count: 5, file: 'croatian-cp1250.csv', date: '' }).split(' (')[0]!,
  );
  await page.getByTestId('confirm-undo-import').click();
  await expect(page.getByText(P('emptyTitle'))).toBeVisible();
  await importFile(page, 'croatian-cp1250.csv');
  await expect(page.getByText(P('importer.remembered'))).toBeVisible();
});

test('imports an .xlsx with Excel serial dates', async ({ page }) => {
  await setUp(page);
  await importFile(page, 'slovenian.xlsx');
  await page.getByTestId('check-rows').click();
  await expect(page.getByTestId('valid-count')).toHaveText(P('importer.validRows_other', { count: 3 }));
  await page.getByTestId('import-valid').click();
  await page.getByRole('button', { name: P('importer.toList') }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(3);
  await expect(page.getByTestId('person-row').filter({ hasText: 'Kranjc' })).toContainText('1985');
});

test('create with consent gating, edit, duplicate warning, merge, anonymise, erase', async ({ page }) => {
  await setUp(page);
  await openParticipants(page);
  await page
    .getByRole('button', { name: P('add') })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(P('fields.firstName')).fill('Ana');
  await dialog.getByLabel(P('fields.lastName')).fill('Petrović');
  await dialog.getByLabel(P('fields.birthYear')).fill('1984');
  await dialog.getByLabel(P('fields.municipality')).fill('Čakovec');
  // Without a special-category consent, target groups and notes are locked, and the form says why.
  await expect(dialog.getByTestId('special-locked')).toHaveText(P('consent.specialNeeded'));
  await expect(dialog.getByRole('textbox', { name: P('fields.notes'), exact: true })).toBeDisabled();
  await shot(page, 'participants-form-locked-en');
  await dialog.getByTestId('consent-special').check();
  await expect(dialog.getByTestId('special-locked')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: P('fields.notes'), exact: true }).fill('Želi otvoriti obrt.');
  await shot(page, 'participants-form-en');
  await dialog.getByRole('button', { name: en('common', 'save') }).click();
  await expect(page.getByRole('heading', { name: 'Ana Petrović' })).toBeVisible();
  await expect(page.getByTestId('consent-row')).toHaveCount(1);
  await expect(page.getByText('Želi otvoriti obrt.')).toBeVisible();

  // Edit.
  await page.getByRole('button', { name: P('edit') }).click();
  await page.getByRole('dialog').getByLabel(P('fields.phone')).fill('091 111 2222');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('common', 'save') })
    .click();
  await expect(page.getByTestId('person-details')).toContainText('091 111 2222');
  // Outcome.
  await page.getByRole('tab', { name: /Outcomes/ }).click();
  await page.getByRole('button', { name: P('outcomes.add') }).click();
  await page.getByRole('dialog').getByLabel(P('outcomes.kind')).click();
  await page.getByRole('option', { name: P('outcomeKinds.selfEmployed') }).click();
  await page.getByTestId('save-outcome').click();
  await expect(page.getByTestId('outcome-row')).toHaveCount(1);
  await shot(page, 'participants-person-en');

  // A second record of the same person in Cyrillic: warned as a duplicate, created anyway, then merged.
  await openParticipants(page);
  await page
    .getByRole('button', { name: P('add') })
    .first()
    .click();
  await page.getByRole('dialog').getByLabel(P('fields.firstName')).fill('Ана');
  await page.getByRole('dialog').getByLabel(P('fields.lastName')).fill('Петровић');
  await page.getByRole('dialog').getByLabel(P('fields.birthYear')).fill('1984');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('common', 'save') })
    .click();
  await expect(page.getByTestId('duplicate-warning')).toContainText('Ana Petrović');
  await shot(page, 'participants-duplicate-en');
  await page.getByRole('button', { name: P('duplicate.createAnyway') }).click();
  await expect(page.getByRole('heading', { name: 'Ана Петровић' })).toBeVisible();
  await page.getByRole('button', { name: P('merge') }).click();
  await page.getByRole('dialog').getByLabel(P('mergeWith')).fill('petrovic');
  await page.getByRole('option', { name: /Petrović, Ana/ }).click();
  await shot(page, 'participants-merge-en');
  await page.getByTestId('confirm-merge').click();
  await expect(page.getByText(P('merged'))).toBeVisible();
  // Both records' consents are legal records of their own: the merged person keeps the two.
  await expect(page.getByTestId('consent-row')).toHaveCount(2);
  await openParticipants(page);
  await expect(page.getByTestId('person-row')).toHaveCount(1);

  // Anonymise, then erase.
  await page.getByTestId('person-row').click();
  await page.getByRole('button', { name: P('anonymise') }).click();
  await page.getByTestId('confirm-anonymise').click();
  await expect(page.getByRole('heading', { name: P('anonymisedName') })).toBeVisible();
  await expect(page.getByText(P('anonymisedText'))).toBeVisible();
  await shot(page, 'participants-anonymised-en');
  await page.getByRole('button', { name: P('erase') }).click();
  await shot(page, 'participants-erase-en');
  await page.getByTestId('confirm-erase').click();
  await expect(page.getByText(P('emptyTitle'))).toBeVisible();
});

test('filters, searches across scripts, exports the filtered list to CSV and XLSX', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  await openParticipants(page);
  const rows = page.getByTestId('person-row');
  await expect(rows.first()).toBeVisible();
  await page.getByTestId('people-search').fill('kovacevic');
  await expect(rows.first()).toContainText('Kovačević');
  const found = await rows.count();
  for (let i = 0; i < found; i++) await expect(rows.nth(i)).toContainText('Kovačević');
  await page.getByTestId('people-search').fill('');
  await page.getByTestId('filter-kind').click();
  await page.getByRole('option', { name: P('kinds.professional') }).click();
  await expect(page.getByTestId('shown-count')).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain(P('kinds.professional'));
  const shown = Number((await page.getByTestId('shown-count').textContent())!.match(/Showing (\d+)/)![1]);
  await shot(page, 'participants-list-filtered-en');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: P('export') }).click();
  await page.getByRole('menuitem', { name: P('exportCsv') }).click();
  const csv = readFileSync(await (await csvDownload).path());
  const lines = csv
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toContain(P('fields.lastName'));
  expect(lines).toHaveLength(shown + 1);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: P('export') }).click();
  await page.getByRole('menuitem', { name: P('exportXlsx') }).click();
  const file = await xlsxDownload;
  expect(file.suggestedFilename()).toMatch(/^participants-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = read(readFileSync(await file.path()), { type: 'buffer' });
  const sheet = utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
  expect(sheet[0]?.slice(0, 3)).toEqual([P('fields.lastName'), P('fields.firstName'), P('fields.kind')]);
  expect(sheet).toHaveLength(shown + 1);
  for (const row of sheet.slice(1)) expect(row[2]).toBe(P('kinds.professional'));
});

test('screens in Serbian Cyrillic', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: LOCALE_NAMES['sr-Cyrl'], exact: true }).click();
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'participants') }).click();
  await expect(page.getByTestId('person-row').first()).toBeVisible();
  await page.getByTestId('people-search').fill('петровић');
  await shot(page, 'participants-list-sr-Cyrl');
  await page.getByTestId('people-search').fill('');
  await page.getByTestId('person-row').first().click();
  await expect(page.getByRole('tab', { name: /Сагласности/ })).toBeVisible();
  await shot(page, 'participants-person-sr-Cyrl');
  await page.getByRole('button', { name: tr('sr-Cyrl', 'participants', 'edit') }).click();
  await shot(page, 'participants-form-sr-Cyrl');
  await page.keyboard.press('Escape');
  await page.goto('/#/participants/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-file').click();
  await (await chooser).setFiles(fixture('serbian-cp1251.csv'));
  await page.getByTestId('check-rows').click();
  await expect(page.getByTestId('valid-count')).toBeVisible();
  await shot(page, 'participants-import-sr-Cyrl');
});

test('a surname-first register in Serbian Cyrillic: the preview shows the split and one Mladenovac; the form offers the place', async ({ page }) => {
  const C = (path: string, vars?: Record<string, string | number>) => tr('sr-Cyrl', 'participants', path, vars);
  await setUp(page);
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: LOCALE_NAMES['sr-Cyrl'], exact: true }).click();
  await page.goto('/#/participants/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-file').click();
  await (await chooser).setFiles(fixture('serbian-surname-first.csv'));
  await expect(page.getByRole('combobox', { name: C('importer.fieldFor', { column: 'Prezime i ime' }) })).toHaveValue(
    C('importer.fields.fullNameSurnameFirst'),
  );
  await page.getByTestId('check-rows').click();
  const sample = page.getByTestId('sample-row');
  await expect(sample).toHaveCount(5);
  // First name and surname the right way round, whatever form the register used.
  for (const [i, first, last] of [
    [0, 'Jelena', 'Petrović'],
    [1, 'Milica', 'Jovanović'],
    [2, 'Ana Marija', 'Nikolić'],
  ] as const) {
    await expect(sample.nth(i).getByRole('cell').nth(1)).toHaveText(first);
    await expect(sample.nth(i).getByRole('cell').nth(2)).toHaveText(last);
  }
  // "Младеновац", "Mladenovac", "mladenovac " are one place, shown in the user's script, in Serbia.
  for (const i of [0, 1, 2]) {
    await expect(sample.nth(i).getByRole('cell').nth(3)).toHaveText('Младеновац');
    await expect(sample.nth(i).getByRole('cell').nth(4)).toHaveText(tr('sr-Cyrl', 'common', 'countries.RS'));
  }
  // The misspelt one is imported as written, with a "did you mean".
  const warnings = page.getByTestId('warning-row');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first()).toContainText('Mladenovc');
  await expect(warnings.first()).toContainText(C('importer.didYouMean', { names: 'Младеновац, Магаденовац' }));
  await expect(page.getByTestId('valid-count')).toHaveText(C('importer.validRows_other', { count: 5 }));
  await snap(page, 'participants-import-surname-first-sr-Cyrl');

  // The form: a misspelt place gets the closest names as one types; picking one fills the country.
  await page.goto('/#/participants');
  await page
    .getByRole('button', { name: C('add') })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: C('fields.firstName'), exact: true }).fill('Весна');
  await dialog.getByRole('textbox', { name: C('fields.lastName'), exact: true }).fill('Илић');
  await dialog.getByTestId('municipality-input').fill('Младеновц');
  await expect(dialog.getByTestId('municipality-hint')).toContainText(C('place.unknown'));
  await snap(page, 'participants-form-municipality-sr-Cyrl');
  await page.getByRole('option', { name: 'Младеновац', exact: true }).click();
  await expect(dialog.getByTestId('municipality-input')).toHaveValue('Младеновац');
  await expect(
    dialog.getByRole('textbox', { name: C('fields.country'), exact: true }).or(dialog.getByRole('combobox', { name: C('fields.country'), exact: true })),
  ).toHaveValue(tr('sr-Cyrl', 'common', 'countries.RS'));
  await expect(dialog.getByTestId('municipality-hint')).toHaveText(
    C('place.savedAs', { name: 'Младеновац', country: tr('sr-Cyrl', 'common', 'countries.RS') }),
  );
});
