import { expect, test } from '@playwright/test';
import { LOCALE_NAMES } from '../../src/shared/i18n/locales';
import { en, goToSettings, loadDemo, seriousViolations, setUp, tr } from './helpers';

const SCREENS = ['participants', 'programmes', 'mentoring', 'reports', 'exchange', 'settings'] as const;

test('no request leaves the machine during a whole session', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await setUp(page);
  await loadDemo(page);
  for (const screen of SCREENS) await page.getByRole('link', { name: en('nav', screen) }).click();
  await goToSettings(page, 'backups');
  await page.getByRole('button', { name: en('backup', 'backupNow') }).click();
  await goToSettings(page, 'audit');
  await page.getByRole('link', { name: en('nav', 'reports') }).click();
  await page.getByRole('button', { name: en('reports', 'exportPdf'), exact: true }).click();
  expect(foreign).toEqual([]);
});

for (const locale of ['en', 'sr-Cyrl'] as const) {
  test(`every main screen passes axe with no serious issues (${locale})`, async ({ page }) => {
    // Setup now derives an Argon2id key and shows the recovery sheet before the first screen; axe then scans a dozen screens.
    test.setTimeout(180_000);
    await page.goto('/');
    expect(await seriousViolations(page), 'setup screen').toEqual([]);
    await setUp(page);
    await loadDemo(page);
    if (locale !== 'en') {
      await page.getByTestId('language-switch').click();
      await page.getByRole('option', { name: LOCALE_NAMES[locale], exact: true }).click();
    }
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await page.getByRole('link', { name: tr(locale, 'nav', screen) }).click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      const violations = await seriousViolations(page);
      if (violations.length) found[screen] = violations;
    }
    expect(found).toEqual({});
  });
}
