import { expect, test, type Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { LOCALE_NAMES } from '../../src/shared/i18n/locales';
import { en, loadDemo, setUp, shot, tr } from './helpers';

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await setUp(page);
  await loadDemo(page);
  await page.getByRole('link', { name: en('nav', 'reports') }).click();
});

const tile = (page: Page, id: string) => page.locator(`[data-testid="summary-tile"][data-indicator="${id}"]`);
const tileNumber = async (page: Page, id: string) => Number((await tile(page, id).getByTestId('tile-value').textContent())!.replace(/\D/g, ''));

test('the dashboard shows indicators with definitions and the people behind a number', async ({ page }) => {
  await expect(tile(page, 'reach.total')).toBeVisible();
  const total = await tileNumber(page, 'reach.total');
  expect(total).toBeGreaterThan(20);
  const what = tile(page, 'reach.total').getByRole('button', { name: /What/ });
  const definition = page.getByText(en('reports', 'definitions.reach.total'));
  await what.click();
  await expect(definition).toBeVisible();
  // The same button closes the definition (Escape only works once the popover has focus).
  await what.click();
  await expect(definition).toBeHidden();
  await tile(page, 'reach.total')
    .getByRole('button', { name: /Show the people/ })
    .click();
  await expect(page.getByTestId('drill-list').getByRole('row')).toHaveCount(total);
  await shot(page, 'reports-drill-en');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('breakdown-byGender')).toBeVisible();

  // A donor target with its progress: 2 × today's reach means 50 %.
  const targets = page.getByTestId('targets');
  await targets.getByRole('combobox', { name: en('reports', 'targets.indicator') }).click();
  await page.getByRole('option', { name: en('reports', 'indicators.reach.total'), exact: true }).click();
  await targets.getByRole('textbox', { name: en('reports', 'targets.value') }).fill(String(total * 2));
  await targets.getByRole('button', { name: en('reports', 'targets.add') }).click();
  await expect(targets.getByTestId('target-row')).toContainText(`${total} of ${(total * 2).toLocaleString('en-GB')}`);
  await expect(targets.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
  await shot(page, 'reports-dashboard-en');

  // Filters: a programme narrows the figures; "this month" has fewer people than project to date.
  await page
    .getByRole('textbox', { name: en('reports', 'programme') })
    .or(page.getByRole('combobox', { name: en('reports', 'programme') }))
    .click();
  await page.getByRole('option', { name: /BADGE/ }).click();
  await expect.poll(() => tileNumber(page, 'reach.total')).toBeLessThan(total);
  const badge = await tileNumber(page, 'reach.total');
  expect(badge).toBeGreaterThan(0);
  await expect(page.getByTestId('breakdown-byProgramme').getByRole('row')).toHaveCount(1);
  await page.getByText(en('reports', 'presets.month'), { exact: true }).click();
  await expect.poll(() => tileNumber(page, 'reach.total')).toBeLessThanOrEqual(badge);
});

test('the dashboard speaks Serbian Cyrillic', async ({ page }) => {
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: LOCALE_NAMES['sr-Cyrl'], exact: true }).click();
  await expect(page.getByRole('heading', { name: tr('sr-Cyrl', 'reports', 'title') })).toBeVisible();
  await expect(page.getByText(tr('sr-Cyrl', 'reports', 'tables.byGender'))).toBeVisible();
  await shot(page, 'reports-dashboard-sr-Cyrl');
});

test('the donor report exports to XLSX (numbers, small counts suppressed), CSV and an A4 PDF', async ({ page }) => {
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: en('reports', 'exportXlsx') }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^mreza-report-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = XLSX.read(readFileSync(await xlsx.path()));
  expect(wb.SheetNames[0]).toBe(en('reports', 'tables.summary'));
  expect(wb.SheetNames).toContain(en('reports', 'tables.byGender'));
  const summary = XLSX.utils.sheet_to_json<[string, number | string]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
  const reached = summary.find((r) => r[0] === en('reports', 'indicators.reach.total'))!;
  expect(typeof reached[1]).toBe('number');
  expect(reached[1]).toBeGreaterThan(20);
  // Demo data has fewer than five men reached among beneficiaries' breakdowns: those cells read "<5",
  // and a cell hidden so that they cannot be worked out from the total reads "x" (issue 16).
  const gender = XLSX.utils.sheet_to_json<[string, number | string]>(wb.Sheets[en('reports', 'tables.byGender')]!, { header: 1 });
  const cells = gender.slice(1).map((r) => r[1]);
  for (const c of cells) expect(typeof c === 'number' ? c === 0 || c >= 5 : c === '<5' || c === 'x').toBe(true);
  // The summary's women say what the gender table says.
  expect(summary.find((r) => r[0] === en('reports', 'indicators.reach.women'))![1]).toBe(
    gender.find((r) => r[0] === en('reports', 'categories.gender.woman'))![1],
  );
  // A legend sheet explains both marks.
  const legend = XLSX.utils.sheet_to_json<[string, string]>(wb.Sheets[en('reports', 'legend.title')]!, { header: 1 });
  expect(legend.slice(1).map((r) => r[0])).toEqual(['<5', 'x']);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: en('reports', 'exportCsv'), exact: true }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`${en('reports', 'tables.summary')};${en('reports', 'indicators.reach.total')};`);

  await page.getByRole('button', { name: en('reports', 'exportPdf'), exact: true }).click();
  await expect(page.getByRole('heading', { name: en('reports', 'donorReport') })).toBeVisible();
  await expect(page.getByTestId('print-byGender')).toBeVisible();
  await expect(page.getByTestId('print-legend')).toContainText(en('reports', 'legend.secondary'));
  await shot(page, 'reports-print-en');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // A4 is 595 × 842 points.
  const boxes = [...pdf.toString('latin1').matchAll(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [w, h] of boxes) {
    expect(Math.round(w!)).toBe(595);
    expect(Math.round(h!)).toBe(842);
  }
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: en('reports', 'backToDashboard') }).click();
  await expect(tile(page, 'reach.total')).toBeVisible();

  // Every export is in the audit log.
  await page.getByRole('link', { name: en('nav', 'settings') }).click();
  await page.getByRole('tab', { name: en('settings', 'tabs.audit') }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: en('audit', 'summaries.donorReport') })).toHaveCount(2);
});
