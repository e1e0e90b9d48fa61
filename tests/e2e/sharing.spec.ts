import { expect, test, type Page } from '@playwright/test';
import { download, en, loadDemo, pick, setUp, snap, switchLanguage, toExchange, tr, watch } from './helpers';

const PASS = 'sunflower-river-2026';
const c = (ns: string, key: string, vars?: Record<string, string | number>) => tr('sr-Cyrl', ns, key, vars);
/** The Serbian plural form of a key (the helper's tr reads one text; i18next picks the form by this rule). */
const plural = (key: string, n: number) => `${key}_${new Intl.PluralRules('sr').select(n)}`;
const count = async (page: Page, testId: string) => Number(((await page.getByTestId(testId).textContent()) ?? '').match(/\d+/)?.[0] ?? NaN);

test('a partner records the basis for sharing in bulk in Serbian Cyrillic, and the export leaves fewer people at home', async ({ browser }) => {
  test.setTimeout(240_000);
  const leadCtx = await browser.newContext();
  const partnerCtx = await browser.newContext();
  const lead = await leadCtx.newPage();
  const partner = await partnerCtx.newPage();
  watch(partner);

  await setUp(lead, { org: 'Lead NGO Zagreb', role: 'lead' });
  await toExchange(lead);
  await lead.getByLabel(en('exchange', 'project.name')).fill('BADGE 2026');
  await lead.getByRole('button', { name: en('exchange', 'project.create') }).click();
  const invite = lead.getByTestId('invite');
  await invite.getByLabel(en('exchange', 'invite.passphrase'), { exact: true }).fill(PASS);
  await invite.getByLabel(en('exchange', 'invite.repeat')).fill(PASS);
  const invitation = await download(lead, () => invite.getByRole('button', { name: en('exchange', 'invite.write') }).click());

  await setUp(partner, { org: 'Udruženje Korak Niš', country: 'RS' });
  await loadDemo(partner);
  await toExchange(partner);
  await pick(partner, () => partner.getByRole('button', { name: en('exchange', 'join.chooseFile') }).click(), [invitation]);
  await partner.getByLabel(en('exchange', 'join.passphrase')).fill(PASS);
  await partner.getByRole('button', { name: en('exchange', 'join.submit') }).click();
  await expect(partner.getByTestId('joined-project')).toContainText('BADGE 2026');
  await switchLanguage(partner, 'sr-Cyrl');

  // Before: the preview says how many stay home and why.
  const exp = partner.getByTestId('export');
  await expect(exp.getByTestId('withheld')).toBeVisible();
  const before = await count(partner, 'withheld');
  expect(before).toBeGreaterThan(0);
  await expect(exp.getByTestId('withheld-no-basis')).toContainText(String(before));

  // A new person: sharing with the lead is not ticked for her.
  await partner.getByRole('link', { name: c('nav', 'participants') }).click();
  await partner.getByRole('button', { name: c('participants', 'add') }).click();
  const form = partner.getByRole('dialog');
  await expect(form.getByRole('checkbox', { name: c('participants', 'consent.shareWithLead') })).not.toBeChecked();
  await form.getByRole('button', { name: c('common', 'cancel') }).click();

  // The professionals (filter), all at once: the dialog names how many, then records.
  await partner.getByTestId('filter-kind').click();
  await partner.getByRole('option', { name: c('participants', 'kinds.professional') }).click();
  const shown = Number(((await partner.getByTestId('shown-count').textContent()) ?? '').match(/\d+/)?.[0]);
  await snap(partner, 'sharing-people-list-filtered-sr-Cyrl');
  await partner.getByTestId('sharing-open').click();
  const dialog = partner.getByTestId('sharing-dialog');
  await expect(dialog).toContainText(c('participants', plural('sharing.scope.filtered', shown), { count: shown }));
  await expect(dialog.getByTestId('sharing-count')).toBeVisible();
  const recorded = await count(partner, 'sharing-count');
  expect(recorded).toBeGreaterThan(0);
  await dialog.getByRole('textbox', { name: c('participants', 'consent.noticeVersion') }).fill('2026-01');
  await dialog.getByTestId('sharing-legal-basis').click();
  await partner.getByRole('option', { name: c('participants', 'legalBases.publicTask') }).click();
  await expect(dialog.getByTestId('sharing-recorded-by')).toContainText('Sanja Horvat');
  await snap(partner, 'sharing-bulk-dialog-sr-Cyrl');
  await dialog.getByTestId('sharing-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(partner.getByText(c('participants', plural('sharing.recorded', recorded), { count: recorded }))).toBeVisible();

  // After: fewer people stay home.
  await partner.getByRole('link', { name: c('nav', 'exchange') }).click();
  await expect(exp.getByTestId('withheld')).toBeVisible();
  await expect.poll(() => count(partner, 'withheld')).toBe(before - recorded);
  await exp.getByTestId('withheld-preview').scrollIntoViewIfNeeded();
  await snap(partner, 'sharing-export-preview-sr-Cyrl');

  // Undo puts everyone back.
  await partner.getByRole('link', { name: c('nav', 'participants') }).click();
  await partner.getByTestId('undo-sharing').click();
  await expect(partner.getByTestId('undo-sharing-confirm')).toContainText(String(recorded));
  await partner.getByTestId('confirm-undo-sharing').click();
  await expect(partner.getByTestId('undo-sharing')).toBeHidden();
  await partner.getByRole('link', { name: c('nav', 'exchange') }).click();
  await expect.poll(() => count(partner, 'withheld')).toBe(before);

  await leadCtx.close();
  await partnerCtx.close();
});
