import { expect, test, type Page } from '@playwright/test';
import { fillDate, loadDemo, setUp, snap, switchLanguage, tr, watch } from './helpers';
import type { Locale } from '../../src/shared/i18n/locales';

/*
 * Issue 21 part 2 (first half): referrals to institutions. On a person's page a coordinator records
 * a referral to the centre for social work; its follow-up is due today, so the home screen reminds
 * her and she updates the status in place; back on the page she moves it to "service started" and
 * closes it, which needs an outcome (a localised error first, then the outcome).
 */
const INSTITUTION = 'Centar za socijalnu skrb Čakovec';

/** The person page's tab "Referrals (n)", whatever n. */
const referralsTab = (page: Page, locale: Locale) =>
  page.getByRole('tab', { name: new RegExp(`^${tr(locale, 'referrals', 'tab', { count: 0 }).replace(/ \(0\)$/, '')} \\(`) });

async function openFirstPerson(page: Page, locale: Locale): Promise<string> {
  await page.getByRole('link', { name: tr(locale, 'nav', 'participants') }).click();
  const row = page.getByTestId('person-row').first();
  await expect(row).toBeVisible();
  await row.click();
  const name = (await page.getByRole('heading', { level: 2 }).first().innerText()).trim();
  await referralsTab(page, locale).click();
  await expect(page.getByTestId('referrals')).toBeVisible();
  return name;
}

async function addReferral(page: Page, locale: Locale, followUpToday: boolean) {
  const r = (path: string) => tr(locale, 'referrals', path);
  await page.getByTestId('add-referral').click();
  const form = page.getByTestId('referral-form');
  // Nothing filled: the schema's messages, in her language, and nothing is saved.
  await form.getByTestId('save-referral').click();
  await expect(form.getByText(tr(locale, 'validation', 'required')).first()).toBeVisible();
  await form.getByRole('combobox', { name: r('fields.kind') }).click();
  await page.getByRole('option', { name: r('kinds.socialWorkCentre'), exact: true }).click();
  await form.getByRole('textbox', { name: r('fields.institution') }).fill(INSTITUTION);
  await form.getByRole('textbox', { name: r('fields.reason') }).fill('Zahtjev za zajamčenu minimalnu naknadu');
  await form.getByRole('textbox', { name: r('fields.contactPerson') }).fill('Ana Kovač, socijalna radnica');
  if (followUpToday) {
    const today = await form.getByRole('textbox', { name: r('fields.date') }).inputValue();
    await fillDate(form.getByRole('textbox', { name: r('fields.followUpOn') }), today);
  }
  await form.getByTestId('save-referral').click();
  await expect(form).toBeHidden();
}

const row = (page: Page) => page.getByTestId('referral-row').filter({ hasText: INSTITUTION });

async function moveTo(page: Page, locale: Locale, status: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const r = (path: string) => tr(locale, 'referrals', path);
  await row(page)
    .getByRole('button', { name: r('status.update') })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: r('status.to') }).click();
  await page.getByRole('option', { name: r(`statuses.${status}`), exact: true }).click();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: r('status.save') }).click();
}

test('hr: a referral recorded, reminded on the home screen, moved through its statuses and closed with an outcome', async ({ page }) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(15_000);
  watch(page);
  const r = (path: string, vars?: Record<string, string | number>) => tr('hr', 'referrals', path, vars);
  await setUp(page);
  await loadDemo(page);
  await switchLanguage(page, 'hr');
  const person = await openFirstPerson(page, 'hr');
  await addReferral(page, 'hr', true);
  await expect(row(page).getByTestId('referral-status')).toHaveText(r('statuses.sent'));
  await snap(page, 'referrals-person-hr');

  // The follow-up is due today: the home screen reminds her, among the other reminders.
  await page.getByRole('link', { name: tr('hr', 'nav', 'home') }).click();
  const panel = page.getByTestId('referral-reminders');
  await expect(panel.getByRole('heading', { name: r('reminders.title') })).toBeVisible();
  const reminder = panel
    .locator('[data-kind="referralFollowUp"]')
    .filter({ hasText: INSTITUTION })
    .filter({ hasText: person.split(' ')[0]! });
  await expect(reminder).toHaveCount(1);
  await snap(page, 'referrals-home-reminder-hr');
  // Update the status in place: accepted today; with no new follow-up the reminder is answered.
  await reminder.getByRole('button', { name: r('status.update') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: r('status.to') })).toHaveValue(r('statuses.accepted'));
  await snap(page, 'referrals-home-update-status-hr');
  await dialog.getByRole('button', { name: r('status.save') }).click();
  await expect(page.getByText(r('status.changed', { status: r('statuses.accepted') }))).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // Back on her page: the service started, then closing needs an outcome.
  await page.goBack();
  await referralsTab(page, 'hr').click();
  await expect(row(page).getByTestId('referral-status')).toHaveText(r('statuses.accepted'));
  await moveTo(page, 'hr', 'serviceStarted');
  await expect(row(page).getByTestId('referral-status')).toHaveText(r('statuses.serviceStarted'));
  await moveTo(page, 'hr', 'closed');
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(r('errors.closeNeedsOutcome'));
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: r('fields.outcome') })
    .fill('Naknada odobrena.');
  await snap(page, 'referrals-close-hr');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: r('status.save') })
    .click();
  await expect(row(page).getByTestId('referral-status')).toHaveText(r('statuses.closed'));
  await expect(row(page).getByTestId('referral-outcome')).toContainText('Naknada odobrena.');
  // A closed referral offers no further status.
  await expect(row(page).getByRole('button', { name: r('status.update') })).toHaveCount(0);
  await snap(page, 'referrals-closed-hr');

  // Reports count it: made, accepted and completed (and the demo's own).
  await page.getByRole('link', { name: tr('hr', 'nav', 'reports') }).click();
  const figures = page.getByTestId('referral-figures');
  await expect(figures).toBeVisible();
  const completed = figures.locator('[data-indicator="referrals.completed"]').getByTestId('tile-value');
  await expect(completed).toHaveText(/^\d+$/);
  expect(Number(await completed.innerText())).toBeGreaterThanOrEqual(1);
  await snap(page, 'referrals-reports-hr');
});

test('sr-Cyrl: the referrals tab, the form and a status change in Serbian Cyrillic', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(15_000);
  watch(page);
  const r = (path: string) => tr('sr-Cyrl', 'referrals', path);
  await setUp(page);
  await loadDemo(page);
  await switchLanguage(page, 'sr-Cyrl');
  await openFirstPerson(page, 'sr-Cyrl');
  await addReferral(page, 'sr-Cyrl', false);
  await expect(row(page).getByTestId('referral-status')).toHaveText(r('statuses.sent'));
  await moveTo(page, 'sr-Cyrl', 'accepted');
  await expect(row(page).getByTestId('referral-status')).toHaveText(r('statuses.accepted'));
  await expect(row(page)).toContainText(r('kinds.socialWorkCentre'));
  await snap(page, 'referrals-person-sr-Cyrl');
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'home') }).click();
  await expect(page.getByTestId('referral-reminders').getByRole('heading', { name: r('reminders.title') })).toBeVisible();
  await snap(page, 'referrals-home-sr-Cyrl');
});
