import { expect, test, type Page } from '@playwright/test';
import { download, fillDate, loadDemo, setUp, snap, switchLanguage, tr } from './helpers';

/**
 * Issue 13, items 5 and 4, in Serbian Cyrillic on a computer set to UTC: at 00:10 in Zagreb
 * (23:10 UTC the day before, winter) the app's "today" is the organisation's new day, and a
 * mentoring session dated tomorrow is not counted as held.
 */
const L = 'sr-Cyrl' as const;
const t = (ns: string, path: string, vars?: Record<string, string | number>) => tr(L, ns, path, vars);

test.use({ timezoneId: 'UTC' });

const tile = (page: Page, id: string) => page.locator(`[data-testid="summary-tile"][data-indicator="${id}"]`).getByTestId('tile-value');

async function logSession(page: Page, date: string | null, service: 'businessCounselling' | 'psychosocialSupport') {
  await page
    .getByRole('button', { name: t('mentoring', 'logSession') })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  const field = dialog.getByRole('textbox', { name: t('mentoring', 'date') });
  // The form's default date is the organisation's day, not the UTC date (14 January).
  await expect(field).toHaveValue('15.01.2026.');
  if (date) await fillDate(field, date);
  // No service is ticked in advance (a figure counts it): tick the one given, from the keyboard
  // (the date field's calendar may still cover the list).
  const box = dialog.getByRole('checkbox', { name: t('mentoring', `serviceNames.${service}`) });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await dialog.getByRole('button', { name: t('mentoring', 'save') }).click();
  await expect(dialog).toHaveCount(0);
}

test('00:10 in Zagreb: today is the new day (session form, home, file name, settings) and a session of tomorrow is not held', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-01-14T23:10:00Z'));
  await setUp(page);
  // The demo's mentoring logs start in April 2026: all still to come on 15 January.
  await loadDemo(page);
  await switchLanguage(page, L);

  await page.getByRole('link', { name: t('nav', 'home') }).click();
  await expect(page.getByText(/15\.01\.2026\./).first()).toBeVisible();

  // Reports before: nothing is held yet, so nobody is reached.
  await page.getByRole('link', { name: t('nav', 'reports') }).click();
  await expect(tile(page, 'reach.total')).toHaveText('0');
  await expect(tile(page, 'mentoring.hours')).toHaveText('0');

  // One session today (default date), one tomorrow with psychosocial support.
  await page.getByRole('link', { name: t('nav', 'mentoring') }).click();
  await page.getByRole('tab', { name: t('mentoring', 'tabs.matches') }).click();
  await logSession(page, null, 'businessCounselling');
  await logSession(page, '16.01.2026.', 'psychosocialSupport');
  await snap(page, 'local-day-matches-sr-Cyrl');

  await page.getByRole('link', { name: t('nav', 'reports') }).click();
  // One hour held today, one mentee reached; tomorrow's hour does not count yet.
  await expect(tile(page, 'reach.total')).toHaveText('1');
  await expect(tile(page, 'mentoring.hours')).toHaveText('1');
  const services = page.getByTestId('breakdown-servicesByPeople');
  await expect(services).toBeVisible();
  // Today's session counts; tomorrow's psychosocial support does not (rows with 0 are not shown).
  await expect(services).toContainText(t('reports', 'categories.service.businessCounselling'));
  await expect(services).not.toContainText(t('reports', 'categories.service.psychosocialSupport'));
  await snap(page, 'local-day-reports-sr-Cyrl');

  // A file saved now is named for the organisation's day.
  await page.getByRole('link', { name: t('nav', 'participants') }).click();
  await page.getByRole('button', { name: t('participants', 'export') }).click();
  const file = await download(page, () => page.getByRole('menuitem', { name: t('participants', 'exportCsv') }).click());
  // In Serbian Cyrillic too the name is the one slug's, transliterated (#17 part 7): учесници → ucesnici.
  expect(file.name).toBe('ucesnici-2026-01-15.csv');

  // The organisation's time zone, from its country.
  await page.getByRole('link', { name: t('nav', 'settings') }).click();
  await page.getByRole('tab', { name: t('settings', 'tabs.organisation') }).click();
  await expect(page.getByRole('combobox', { name: t('settings', 'timeZone') })).toHaveValue('Europe/Zagreb');
  await snap(page, 'local-day-settings-sr-Cyrl');
});
