import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src/shared/i18n/locales';
import { loadDemo, pick, setUp, snap, switchLanguage, tr } from './helpers';

/** The BADGE workshop of the demo data, on its evaluation tab. */
async function openBadgeEvaluation(page: Page, locale: Locale) {
  const p = (path: string) => tr(locale, 'programmes', path);
  await page
    .getByRole('link', { name: p('title') })
    .first()
    .click();
  await page
    .getByTestId('programme-card')
    .filter({ hasText: p('kinds.badge') })
    .click();
  await page.getByTestId('event-row').first().click();
  await page.getByRole('tab', { name: p('tabs.evaluation') }).click();
  await expect(page.getByTestId('evaluation-responses')).toHaveText('0');
}

/**
 * Three paper forms typed from the keyboard only: the BADGE form has six scored questions, then
 * two written answers. Digits fill the scores (the cursor moves on by itself), Enter saves.
 */
async function typeThreeForms(page: Page) {
  const first = page.getByTestId('response-new').getByTestId('score-content');
  await first.focus();
  for (const digits of ['554455', '444444', '353535']) {
    for (const d of digits) await page.keyboard.press(d);
    await page.keyboard.press('Enter');
  }
}

async function run(page: Page, locale: Locale, mean: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await setUp(page);
  await loadDemo(page);
  if (locale !== 'en') await switchLanguage(page, locale);
  await openBadgeEvaluation(page, locale);
  await typeThreeForms(page);
  await expect(page.getByTestId('evaluation-responses')).toHaveText('3');
  await expect(page.getByTestId('response-row')).toHaveCount(3);
  // The cursor is back on the first score of an empty row, ready for the next form.
  await expect(page.getByTestId('response-new').getByTestId('score-content')).toBeFocused();
  await expect(page.getByTestId('response-new').getByTestId('score-content')).toHaveValue('');
  // content 5, 4, 3: three answers, mean 4, one of each of 3, 4 and 5.
  await expect(page.getByTestId('summary-count-content')).toHaveText('3');
  await expect(page.getByTestId('evaluation-avg-content')).toHaveText(mean);
  await expect(page.getByTestId('summary-dist-content').locator('[data-score]')).toHaveText(['0', '0', '1', '1', '1']);
  // The last digit of each form, typed just before Enter, is kept: recommend 5, 4, 5.
  await expect(page.getByTestId('summary-count-recommend')).toHaveText('3');
  // trainers 5, 4, 5 → 4.67
  await expect(page.getByTestId('evaluation-avg-trainers')).toHaveText(locale === 'en' ? '4.67' : '4,67');
  // A digit outside the scale writes nothing; the form stays as typed.
  await page.keyboard.press('7');
  await expect(page.getByTestId('response-new').getByTestId('score-content')).toHaveValue('');
  await page.setViewportSize({ width: 1440, height: 1100 });
  await snap(page, `evaluations-${locale}`);
  expect(errors).toEqual([]);
}

test('three anonymous paper forms typed by keyboard only, and the summary per question', async ({ page }) => {
  test.setTimeout(300_000);
  await run(page, 'en', '4.0');

  // The same event, forms imported from an online form's export: a bad row is named, not lost.
  const e = (path: string, vars?: Record<string, string | number>) => tr('en', 'programmes', path, vars);
  await page.getByTestId('import-responses').click();
  const csv = [
    'Timestamp;Content;Trainers;Suggestions',
    '2026/03/20 6:14:33 PM GMT+1;5;Strongly agree;More practice',
    '2026/03/20 6:15:01 PM GMT+1;Agree;4;',
    '2026/03/20 6:16:12 PM GMT+1;7;4;',
  ].join('\n');
  await pick(page, () => page.getByTestId('evaluation-choose-file').click(), [{ name: 'badge-evaluation.csv', data: Buffer.from(csv) }]);
  await expect(page.getByTestId('evaluation-import-count')).toHaveText(e('evaluation.import.toImport', { n: 2 }));
  await expect(page.getByTestId('evaluation-import-issues')).toContainText(
    e('evaluation.import.issues.badScore', { row: 4, column: 'Content', value: '7', max: 5 }),
  );
  await snap(page, 'evaluations-import-en');
  await page.getByTestId('evaluation-import-write').click();
  await expect(page.getByTestId('evaluation-responses')).toHaveText('5');
  // content 5, 4, 3, 5, 4 → 4.2
  await expect(page.getByTestId('evaluation-avg-content')).toHaveText('4.2');

  // The import can be undone: the confirmation names the file and how many responses go; the typed forms stay.
  await page.getByTestId('undo-evaluation-import').click();
  await expect(page.getByTestId('undo-evaluation-import-confirm')).toContainText(
    e('evaluation.import.undoConfirm.text_other', { count: 2, file: 'badge-evaluation.csv', date: '' }).split(' on ')[0]!,
  );
  await snap(page, 'evaluations-undo-import-en');
  await page.getByTestId('confirm-undo-evaluation-import').click();
  await expect(page.getByText(e('evaluation.import.undone_other', { count: 2 }))).toBeVisible();
  await expect(page.getByTestId('evaluation-responses')).toHaveText('3');
  await expect(page.getByTestId('evaluation-avg-content')).toHaveText('4.0');
  await expect(page.getByTestId('undo-evaluation-import')).toHaveCount(0);
});

test('Serbian Cyrillic: three anonymous forms by keyboard, the summary in Cyrillic', async ({ page }) => {
  test.setTimeout(300_000);
  await run(page, 'sr-Cyrl', '4,0');
  await expect(page.getByText(tr('sr-Cyrl', 'programmes', 'evaluation.entry.title'))).toBeVisible();

  // As the summary leaves the organisation: three answers are below the threshold of 5.
  const c = (path: string, vars?: Record<string, string | number>) => tr('sr-Cyrl', 'programmes', path, vars);
  await page.getByTestId('summary-view').getByText(c('evaluation.summary.view.shared'), { exact: true }).click();
  await expect(page.getByTestId('summary-shared-note')).toHaveText(c('evaluation.summary.sharedNote', { threshold: 5 }));
  await expect(page.getByTestId('summary-count-content')).toHaveText('<5');
  await expect(page.getByTestId('evaluation-avg-content')).toHaveText('x');
  await expect(page.getByTestId('summary-dist-content').locator('[data-score]')).toHaveText(['0', '0', '<5', '<5', '<5']);
  await snap(page, 'evaluations-shared-sr-Cyrl');

  // The programme's own summary: every event's responses together.
  await page.getByRole('link', { name: 'BADGE – Savjetovanje i trening za poduzetnice 2026' }).click();
  await page.getByRole('tab', { name: c('tabs.evaluation') }).click();
  await expect(page.getByText(c('evaluation.summary.programmeTitle'))).toBeVisible();
  await expect(page.getByTestId('summary-count-content')).toHaveText('3');
  await expect(page.getByTestId('evaluation-avg-content')).toHaveText('4,0');
  await expect(page.getByTestId('summary-dist-content').locator('[data-score]')).toHaveText(['0', '0', '1', '1', '1']);
  await snap(page, 'evaluations-programme-sr-Cyrl');
  await page.getByTestId('summary-view').getByText(c('evaluation.summary.view.shared'), { exact: true }).click();
  await expect(page.getByTestId('summary-count-content')).toHaveText('<5');
});
