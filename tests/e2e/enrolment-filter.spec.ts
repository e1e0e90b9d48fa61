import { expect, test, type Page } from '@playwright/test';
import { en, loadDemo, pick, setUp, snap, switchLanguage, tr, watch } from './helpers';

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

/* Issue 17 part 7: candidates in the UI language's alphabetical order (Č, Ć, Đ, Š, Ž in their places; Cyrillic in azbuka order). */
test('enrolment candidates sort as people read: Croatian abeceda, then Serbian Cyrillic azbuka', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(15_000);
  watch(page);
  await setUp(page);
  await loadDemo(page);
  // Twelve Radmilas in a shuffled spreadsheet: six surnames in Latin, the same six in Cyrillic.
  const surnames = ['Žic', 'Шарић', 'Đurić', 'Ћосић', 'Čačić', 'Жиц', 'Šarić', 'Дукић', 'Ćosić', 'Ђурић', 'Dukić', 'Чачић'];
  const csv = ['Ime;Prezime;Spol;Godina rođenja', ...surnames.map((s, i) => `${/[\u0400-\u04ff]/.test(s) ? 'Радмила' : 'Radmila'};${s};Ž;${1970 + i}`)].join(
    '\n',
  );
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  await page
    .getByRole('button', { name: en('participants', 'import') })
    .first()
    .click();
  await pick(page, () => page.getByTestId('choose-file').click(), [{ name: 'radmile.csv', data: Buffer.from(csv, 'utf8') }]);
  await page.getByTestId('check-rows').click();
  await page.getByTestId('import-valid').click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await page.getByRole('link', { name: en('nav', 'programmes') }).click();
  await page.getByText('BADGE – Savjetovanje i trening za poduzetnice 2026').click();
  await page.getByTestId('event-row').first().click();
  await page.getByRole('tab', { name: p('tabs.enrolment') }).click();
  await page.getByLabel(p('enrol.search')).fill('radmila');
  const surnamesShown = async () => (await rows(page).locator('td:nth-child(2)').allInnerTexts()).map((s) => s.split(',')[0]!.trim());
  await expect(rows(page)).toHaveCount(12);
  const abeceda = ['Čačić', 'Ćosić', 'Dukić', 'Đurić', 'Šarić', 'Žic'];
  const azbuka = ['Дукић', 'Ђурић', 'Жиц', 'Ћосић', 'Чачић', 'Шарић'];
  expect(await surnamesShown()).toEqual([...abeceda, ...azbuka]);
  await snap(page, 'enrolment-collation-en');

  await switchLanguage(page, 'sr-Cyrl');
  await page.getByLabel(tr('sr-Cyrl', 'programmes', 'enrol.search')).fill('радмила');
  await expect(rows(page)).toHaveCount(12);
  // Names as typed; the Cyrillic ones in the azbuka's order (Ђ after Д, Ћ after Т, Ч and Ш at the end), not Unicode's.
  expect(await surnamesShown()).toEqual([...abeceda, ...azbuka]);
  await snap(page, 'enrolment-collation-sr-Cyrl');
});
