import { expect, test, type Page } from '@playwright/test';
import { en, fillDate, loadDemo, setUp, signIn, snap, switchLanguage, tr, watch } from './helpers';

/*
 * Issue 17 part 4: reminders that act. The demo's active pairs have had no session for months:
 * on the home page each stale reminder offers "Log a session" in place; once logged the reminder
 * is gone. A snoozed reminder is hidden until its day and back on it; "is this pair working?"
 * is answered in place.
 */
const m = (path: string, vars?: Record<string, string | number>) => en('mentoring', path, vars);
const stale = (page: Page) => page.locator('[data-testid="reminder"][data-kind="stale"]');
const checks = (page: Page) => page.locator('[data-testid="reminder"][data-kind="check"]');

async function home(page: Page, locale: 'en' | 'sr-Cyrl' = 'en') {
  await page.getByRole('link', { name: tr(locale, 'nav', 'home') }).click();
  await expect(page.getByText(tr(locale, 'mentoring', 'reminders.title'))).toBeVisible();
}

/** The mentee's name a reminder starts with ("Ana Horvat and Vesna Novak: …"). */
async function menteeOf(reminder: ReturnType<typeof stale>): Promise<string> {
  return (await reminder.innerText()).split(/ and | и /)[0]!.trim();
}

test('a stale pair: log a session in place and the reminder is gone; snooze for a week and until a date; it is back on its day', async ({ page }) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(15_000);
  watch(page);
  await setUp(page);
  await loadDemo(page);
  await home(page);
  const staleCount = await stale(page).count();
  expect(staleCount).toBeGreaterThanOrEqual(3);
  await snap(page, 'reminders-act-home-en');

  // Log a session from the first stale reminder, without leaving the home page.
  const first = stale(page).first();
  const mentee = await menteeOf(first);
  await first.getByRole('button', { name: m('reminders.actions.logSession') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(mentee);
  // The date is today; a service is one key away (the date's calendar is open: the keyboard, as a mentor works).
  await dialog.getByRole('checkbox', { name: m('serviceNames.psychosocialSupport') }).focus();
  await page.keyboard.press('Space');
  await snap(page, 'reminders-act-log-session-en');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(m('sessionLogged'))).toBeVisible();
  await expect(stale(page)).toHaveCount(staleCount - 1);
  await expect(stale(page).filter({ hasText: mentee })).toHaveCount(0);

  // Snooze the next one for a week: hidden.
  const second = stale(page).first();
  const snoozedMentee = await menteeOf(second);
  await second.getByRole('button', { name: m('reminders.snooze') }).click();
  await page.getByRole('menuitem', { name: m('reminders.snoozeWeek') }).click();
  await expect(stale(page)).toHaveCount(staleCount - 2);
  await expect(stale(page).filter({ hasText: snoozedMentee })).toHaveCount(0);

  // Until a date: a day in the past is refused with a message, a later day hides it.
  const third = stale(page).first();
  await third.getByRole('button', { name: m('reminders.snooze') }).click();
  await page.getByRole('menuitem', { name: m('reminders.snoozeUntil') }).click();
  const snoozeDialog = page.getByRole('dialog', { name: m('reminders.snoozeTitle') });
  const dateField = snoozeDialog.getByRole('textbox', { name: m('reminders.showAgainOn') });
  await fillDate(dateField, '01.01.2020');
  await snoozeDialog.getByRole('button', { name: m('reminders.snooze') }).click();
  await expect(snoozeDialog.getByRole('alert')).toHaveText(m('reminders.snoozeDateInvalid'));
  await snap(page, 'reminders-act-snooze-until-en');
  await fillDate(dateField, '31.12.2099');
  await snoozeDialog.getByRole('button', { name: m('reminders.snooze') }).click();
  await expect(snoozeDialog).toHaveCount(0);
  await expect(stale(page)).toHaveCount(staleCount - 3);

  // "Is this pair working?" answered in place: that check reminder is gone.
  const checkCount = await checks(page).count();
  await checks(page)
    .first()
    .getByRole('button', { name: m('reminders.actions.checkIn') })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: m('checkAnswers.partly') })
    .click();
  await expect(checks(page)).toHaveCount(checkCount - 1);
  await snap(page, 'reminders-act-after-en');

  // Eight days on: the week's snooze has run out and that reminder is back; the dated one is not.
  await page.clock.setFixedTime(new Date(Date.now() + 8 * 86_400_000));
  await page.reload();
  await signIn(page);
  await home(page);
  await expect(stale(page).filter({ hasText: snoozedMentee })).toHaveCount(1);
  await expect(stale(page)).toHaveCount(staleCount - 2);
});

test('in Serbian Cyrillic: the stale reminder counts weeks with the right plural, and logging a session removes it', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(15_000);
  watch(page);
  await setUp(page);
  await loadDemo(page);
  await switchLanguage(page, 'sr-Cyrl');
  await home(page, 'sr-Cyrl');
  const first = stale(page).first();
  const text = await first.innerText();
  // "… нема сусрета већ 30 недеља": the number is followed by its own plural form, no abbreviation.
  const weeks = Number(/(\d+)/.exec(text)![1]);
  const form = new Intl.PluralRules('sr').select(weeks);
  expect(text).toContain(tr('sr-Cyrl', 'mentoring', `reminders.stale_${form}`, { count: weeks }).split(': ')[1]!);
  const count = await stale(page).count();
  await first.getByRole('button', { name: tr('sr-Cyrl', 'mentoring', 'reminders.actions.logSession') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: tr('sr-Cyrl', 'mentoring', 'serviceNames.businessCounselling') }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');
  await expect(stale(page)).toHaveCount(count - 1);
  await snap(page, 'reminders-act-home-sr-Cyrl');
  await first.getByRole('button', { name: tr('sr-Cyrl', 'mentoring', 'reminders.snooze') }).click();
  await snap(page, 'reminders-act-snooze-menu-sr-Cyrl');
});
