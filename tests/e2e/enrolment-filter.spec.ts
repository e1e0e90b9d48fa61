import { expect, test, type Page } from '@playwright/test';
import { en, loadDemo, setUp, snap, watch } from './helpers';

/* Issue 17 part 5: a BADGE cycle's enrolment candidates, filtered by kind and target group. */
const p = (path: string, vars?: Record<string, string | number>) => en('programmes', path, vars);
const rows = (page: Page) => page.getByTestId('candidate-row');
const kind = (page: Page, k: string) =>
  page
    .getByTestId('candidate-kind')
    .getByText(p(`enrol.kinds.${k}`), { exact: true })
    .click();

test('a BADGE cycle starts with participants only; mentors, professionals and a target group on request', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(15_000);
  watch(page);
  await setUp(page);
  await loadDemo(page);
  await page.getByRole('link', { name: en('nav', 'programmes') }).click();
  await page.getByText('BADGE – Savjetovanje i trening za poduzetnice 2026').click();
  await page.getByTestId('event-row').first().click();
  await page.getByRole('tab', { name: p('tabs.enrolment') }).click();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('candidate-kind').getByRole('radio', { name: p('enrol.kinds.participant') })).toBeChecked();
  const participants = await rows(page).count();
  await snap(page, 'enrolment-filter-participants-en');

  await kind(page, 'mentor');
  await expect(rows(page)).toHaveCount(5);
  await kind(page, 'professional');
  await expect(rows(page).first()).toBeVisible();
  const professionals = await rows(page).count();
  await kind(page, 'all');
  await expect(rows(page)).toHaveCount(participants + 5 + professionals);

  // Participants of one target group.
  await kind(page, 'participant');
  await page.getByRole('combobox', { name: p('enrol.targetGroup') }).click();
  await page.getByRole('option', { name: en('participants', 'targetGroups.roma') }).click();
  await expect(rows(page).first()).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(participants);
  await snap(page, 'enrolment-filter-roma-en');
});
