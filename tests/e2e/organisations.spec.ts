import { expect, test, type Locator, type Page } from '@playwright/test';
import { en, fillDate, loadDemo, setUp, snap, switchLanguage, tr, watch } from './helpers';

/** Serbian Cyrillic throughout: the texts the user sees come from the same resources as the app. */
const c = (ns: string, path: string, vars?: Record<string, string | number>) => tr('sr-Cyrl', ns, path, vars);
const o = (path: string, vars?: Record<string, string | number>) => c('organisations', path, vars);

/** A Mantine select or input by its label (a select is a combobox, a searchable one may read as a textbox). */
const field = (scope: Page | Locator, name: string) => scope.getByRole('combobox', { name, exact: true }).or(scope.getByRole('textbox', { name, exact: true }));

const tile = (page: Page, id: string) => page.locator(`[data-testid="summary-tile"][data-indicator="${id}"]`);
const tileNumber = async (page: Page, id: string) => Number((await tile(page, id).getByTestId('tile-value').textContent())!.replace(/\D/g, ''));

async function figures(page: Page): Promise<[number, number, number]> {
  await page.getByRole('link', { name: c('nav', 'reports') }).click();
  await expect(tile(page, 'outcomes.smesSupported')).toBeVisible();
  return [
    await tileNumber(page, 'outcomes.smesSupported'),
    await tileNumber(page, 'outcomes.jobsOpened'),
    await tileNumber(page, 'outcomes.placedWithEmployers'),
  ];
}

test('in Serbian Cyrillic: an SME is added to Organisations, a job outcome names it, and Reports count it', async ({ page }) => {
  test.setTimeout(150_000);
  watch(page);
  await setUp(page);
  await loadDemo(page);
  await page.getByRole('link', { name: en('nav', 'reports') }).click();
  await switchLanguage(page, 'sr-Cyrl');
  const [smes, jobs, placed] = await figures(page);
  expect(smes).toBeGreaterThan(0);

  // The register of the demo data: searched in Cyrillic, it finds the Latin name; filtered by kind.
  await page.getByRole('link', { name: c('nav', 'organisations') }).click();
  await expect(page.getByRole('heading', { name: o('title') })).toBeVisible();
  await expect(page.getByTestId('org-row').first()).toBeVisible();
  await snap(page, 'organisations-list-sr-Cyrl');
  await page.getByTestId('org-search').fill('млинар');
  await expect(page.getByTestId('org-row')).toHaveCount(1);
  await expect(page.getByTestId('org-row')).toContainText('Pekara Mlinar d.o.o.');
  await page.getByTestId('org-search').fill('');
  await field(page, o('filterKind')).click();
  await page.getByRole('option', { name: o('kinds.public'), exact: true }).click();
  for (const row of await page.getByTestId('org-row').all()) await expect(row).toContainText(o('kindsShort.public'));
  await page.getByRole('button', { name: o('clearFilters') }).click();

  // A new SME: a name is required (the schema's message), then saved with its support date and jobs.
  await page.getByTestId('add-organisation').click();
  const form = page.getByTestId('org-form');
  await form.getByRole('button', { name: c('common', 'save') }).click();
  await expect(form.getByText(c('validation', 'required')).first()).toBeVisible();
  await form.getByTestId('org-name-input').fill('Пекара Злата');
  await form.getByRole('textbox', { name: o('fields.sector') }).fill('пекарство');
  await form.getByTestId('municipality-input').fill('Прелог');
  await form.getByRole('textbox', { name: o('fields.contactPerson') }).fill('Злата Павловић');
  await form.getByRole('textbox', { name: o('fields.support') }).fill('Менторство и обука');
  await fillDate(form.getByRole('textbox', { name: o('fields.supportedOn') }), '15.06.2026.');
  await form.getByRole('textbox', { name: o('fields.jobsCreated') }).fill('4');
  await snap(page, 'organisations-form-sr-Cyrl');
  await form.getByRole('button', { name: c('common', 'save') }).click();
  await expect(form).toBeHidden();
  const row = page.getByTestId('org-row').filter({ hasText: 'Пекара Злата' });
  await expect(row).toContainText('Прелог');
  await expect(row.getByTestId('org-placed')).toHaveText('0');

  // Her job outcome names the SME ("employed at").
  await page.getByRole('link', { name: c('nav', 'participants') }).click();
  await page.getByTestId('person-row').first().click();
  await page.getByRole('tab', { name: new RegExp(c('participants', 'tabs.outcomes', { count: 0 }).replace(/\s*\(.*$/, '')) }).click();
  await page.getByRole('button', { name: c('participants', 'outcomes.add') }).click();
  const dialog = page.getByRole('dialog', { name: c('participants', 'outcomes.add') });
  await expect(dialog.getByTestId('employer-picker')).toHaveCount(0);
  await field(dialog, c('participants', 'outcomes.kind')).click();
  await page.getByRole('option', { name: c('participants', 'outcomeKinds.employed'), exact: true }).click();
  await field(dialog, o('employer.label')).fill('Злата');
  await page.getByRole('option', { name: /Пекара Злата/ }).click();
  await snap(page, 'organisations-employer-picker-sr-Cyrl');
  await dialog.getByTestId('save-outcome').click();
  await expect(page.getByTestId('outcome-employer').filter({ hasText: 'Пекара Злата' })).toBeVisible();

  // The register counts her; Reports count the SME, its jobs and her placement.
  await page.getByRole('link', { name: c('nav', 'organisations') }).click();
  await expect(page.getByTestId('org-row').filter({ hasText: 'Пекара Злата' }).getByTestId('org-placed')).toHaveText('1');
  const after = await figures(page);
  expect(after).toEqual([smes + 1, jobs + 4, placed + 1]);
  await tile(page, 'outcomes.smesSupported').getByTestId('tile-value').click();
  const drill = page.getByTestId('sme-drill-list');
  await expect(drill.getByTestId('sme-drill-row')).toHaveCount(smes + 1);
  await expect(drill.getByTestId('sme-drill-row').filter({ hasText: 'Пекара Злата' })).toContainText('4');
  await snap(page, 'organisations-report-drill-sr-Cyrl');
  await page.keyboard.press('Escape');

  // Deleting asks first and names the job outcome that keeps its kind without the employer.
  await page.getByRole('link', { name: c('nav', 'organisations') }).click();
  await page.getByTestId('org-row').filter({ hasText: 'Пекара Злата' }).click();
  await page.getByTestId('delete-org').click();
  await expect(page.getByTestId('delete-org-confirm')).toContainText(o('deleteConfirm.linked_one', { count: 1 }));
  await page.getByTestId('confirm-delete-org').click();
  await expect(page.getByTestId('org-row').filter({ hasText: 'Пекара Злата' })).toHaveCount(0);
  expect(await figures(page)).toEqual([smes, jobs, placed]);
});

test('a spreadsheet of employers: bad rows are reported by row and column, the rest imported, and the import undone', async ({ page }) => {
  watch(page);
  await setUp(page);
  await page.getByRole('link', { name: en('nav', 'organisations') }).click();
  await expect(page.getByText(en('organisations', 'emptyTitle'))).toBeVisible();
  await snap(page, 'organisations-empty-en');
  await page.getByTestId('import-organisations').click();
  const csv = [
    'Naziv;Vrsta;Općina;Datum potpore;Radna mjesta',
    'Pekara Mlinar d.o.o.;MSP;Varaždin;21.09.2026;3',
    'Salon Vesna;MSP;Čakovec;31.02.2026;dva',
    'Zadruga Zeleni vrt;zadruga;Prelog;;',
    'Udruga žena Međimurja;udruga;Čakovec;;',
  ].join('\r\n');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-file').click()]);
  await chooser.setFiles({ name: 'poslodavci.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('check-rows').click();
  await expect(page.getByTestId('valid-count')).toHaveText(en('participants', 'importer.validRows_other', { count: 2 }));
  await expect(page.getByTestId('bad-count')).toHaveText(en('participants', 'importer.badRows_other', { count: 2 }));
  const issues = page.getByTestId('issue-row');
  await expect(issues).toHaveCount(3);
  await expect(issues.nth(0)).toContainText('Datum potpore');
  await expect(issues.nth(0)).toContainText(en('organisations', 'importer.issues.invalidDate', { field: en('organisations', 'fields.supportedOn') }));
  await expect(issues.nth(1)).toContainText(en('organisations', 'importer.issues.invalidNumber', { field: en('organisations', 'fields.jobsCreated') }));
  await expect(issues.nth(2)).toContainText('zadruga');
  await snap(page, 'organisations-import-report-en');
  await page.getByTestId('import-valid').click();
  await expect(page.getByTestId('import-done')).toHaveText(en('organisations', 'importer.imported_other', { count: 2, file: 'poslodavci.csv' }));
  await page.getByRole('button', { name: en('organisations', 'importer.toList') }).click();
  await expect(page.getByTestId('org-row')).toHaveCount(2);
  await page.getByTestId('undo-org-import').click();
  await expect(page.getByTestId('undo-org-import-confirm')).toContainText('poslodavci.csv');
  await page.getByTestId('confirm-undo-org-import').click();
  await expect(page.getByText(en('organisations', 'emptyTitle'))).toBeVisible();
});
