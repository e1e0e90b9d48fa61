import { expect, test } from '@playwright/test';
import { pngBytes } from '../fixtures/images';
import { en, goToSettings, loadDemo, pick, setUp, snap, switchLanguage, tr } from './helpers';

// Paperwork a donor accepts (#17 part 6): the organisation's logo, a funder's logo and the EU
// emblem with its statement, uploaded once and printed on the sign-in sheet; a wrong file is
// refused with its reason and changes nothing.
test('logos uploaded once are printed on the sign-in sheet, with the EU emblem in the page’s language', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  await goToSettings(page, 'organisation');
  const choose = () => page.getByRole('button', { name: en('common', 'logo.choose') }).click();

  await pick(page, choose, [{ name: 'logo.docx', data: Buffer.from('PK\u0003\u0004 not an image at all') }]);
  await expect(page.getByTestId('logo-error')).toHaveText(en('common', 'logo.notAnImage', { name: 'logo.docx' }));
  await expect(page.getByTestId('logo-preview')).toHaveCount(0);

  await pick(page, choose, [{ name: 'udruga-logo.png', data: Buffer.from(pngBytes(240, 80, [0, 120, 90])) }]);
  await expect(page.getByTestId('logo-preview')).toHaveCount(1);
  await expect(page.getByTestId('logo-error')).toHaveCount(0);
  await expect(page.getByText(en('settings', 'logoSaved'))).toBeVisible();
  await snap(page, 'paperwork-logo-settings-en');

  const p = (key: string) => en('programmes', key);
  await page.getByRole('link', { name: en('nav', 'programmes') }).click();
  await page
    .getByTestId('programme-card')
    .filter({ hasText: p('kinds.badge') })
    .first()
    .click();
  await page.getByRole('button', { name: p('edit') }).click();
  const form = page.getByRole('dialog');
  await pick(page, () => form.getByRole('button', { name: en('common', 'logo.choose') }).click(), [
    { name: 'fondacija.png', data: Buffer.from(pngBytes(160, 80, [200, 30, 30])) },
  ]);
  await expect(form.getByTestId('logo-preview')).toHaveCount(1);
  await form.getByLabel(p('form.euFunded')).check();
  await form.getByRole('button', { name: en('common', 'save') }).click();
  await expect(form).toBeHidden();

  await switchLanguage(page, 'sr-Cyrl');
  const sr = (key: string) => tr('sr-Cyrl', 'programmes', key);
  await page.getByTestId('event-row').first().click();
  await page.getByRole('tab', { name: sr('tabs.sessions') }).click();
  await page
    .getByTestId('session-line')
    .first()
    .getByRole('button', { name: sr('session.signInSheet') })
    .click();
  const head = page.getByTestId('sheet-page').first().getByTestId('doc-logos');
  await expect(head.getByTestId('org-logo')).toBeVisible();
  await expect(head.getByTestId('funder-logo')).toBeVisible();
  await expect(head.getByTestId('eu-emblem')).toContainText('Финансира Европска унија');
  // The images are the uploaded ones, whole (not a broken-image icon).
  expect(await head.getByTestId('org-logo').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 80]);
  await snap(page, 'paperwork-sign-in-sheet-sr-Cyrl');
});
