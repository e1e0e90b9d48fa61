/**
 * Issue 18: the screens whose words changed, as a user sees them in sr-Cyrl, bs and sl — the
 * attendance statuses (no gender), the certificate text agreeing with the participant (the demo's
 * BADGE participants are women: "завршила", "zaključila").
 */
import { expect, test, type Page } from '@playwright/test';
import { LOCALE_NAMES, type Locale } from '../../src/shared/i18n/locales';
import { en, loadDemo, setUp, snap, tr } from './helpers';

async function switchTo(page: Page, locale: Locale) {
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: LOCALE_NAMES[locale], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('attendance and certificates in sr-Cyrl, bs and sl agree with the participant', async ({ page }) => {
  test.setTimeout(180_000);
  await setUp(page);
  await loadDemo(page);
  await page.getByRole('link', { name: en('nav', 'programmes') }).click();
  await page
    .getByTestId('programme-card')
    .filter({ hasText: en('programmes', 'kinds.badge') })
    .click();
  await page.getByTestId('event-row').first().click();
  for (const locale of ['sr-Cyrl', 'bs', 'sl'] as const) {
    const p = (path: string, vars?: Record<string, string | number>) => tr(locale, 'programmes', path, vars);
    await switchTo(page, locale);
    await page.getByRole('tab', { name: p('tabs.attendance') }).click();
    await expect(page.getByRole('grid', { name: p('attendance.gridLabel') })).toBeVisible();
    await snap(page, `language-attendance-${locale}`);
    await page.getByRole('tab', { name: p('tabs.certificates') }).click();
    const issue = page.getByRole('button', { name: new RegExp(p('certificates.issueAll_other', { count: 0 }).replace(/0.*/, '')) });
    if ((await issue.count()) && (await issue.first().isEnabled())) await issue.first().click();
    await page.getByRole('button', { name: p('certificates.printAll') }).click();
    const first = page.getByTestId('certificate-page').first();
    await expect(first).toContainText(p('print.certificateText.completion_female'));
    await first.screenshot({ path: `test-results/screens/language-certificate-${locale}.png` });
    await page.getByRole('button', { name: p('print.back') }).click();
  }
});
