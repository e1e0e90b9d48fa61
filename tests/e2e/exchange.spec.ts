import { expect, test } from '@playwright/test';
import { download, en, loadDemo, pick, seriousViolations, setUp, shot, snap, switchLanguage, toExchange, tr, watch } from './helpers';

const PASS = 'sunflower-river-2026';

test('lead invites, partner joins and exports, lead imports with a dry run and reports include the partner', async ({ browser }) => {
  test.setTimeout(180_000);
  const leadCtx = await browser.newContext();
  const partnerCtx = await browser.newContext();
  const lead = await leadCtx.newPage();
  const partner = await partnerCtx.newPage();
  watch(lead);
  watch(partner);

  // Lead: set up, create the project, write the invitation.
  await setUp(lead, { org: 'Lead NGO Zagreb', role: 'lead' });
  await toExchange(lead);
  await expect(lead.getByText(en('exchange', 'emptyLeadTitle'))).toBeVisible();
  await expect(lead.getByTestId('own-key').getByTestId('fingerprint')).toHaveText(/^\d{5}( \d{5}){7}$/);
  await lead.getByLabel(en('exchange', 'project.name')).fill('BADGE 2026');
  await lead.getByRole('button', { name: en('exchange', 'project.create') }).click();
  const invite = lead.getByTestId('invite');
  await invite.getByLabel(en('exchange', 'invite.passphrase'), { exact: true }).fill('short');
  await expect(invite.getByText(en('exchange', 'invite.tooShort_other', { count: 10 }))).toBeVisible();
  await invite.getByLabel(en('exchange', 'invite.passphrase'), { exact: true }).fill(PASS);
  await invite.getByLabel(en('exchange', 'invite.repeat')).fill(PASS + 'x');
  await expect(invite.getByText(en('exchange', 'invite.mismatch'))).toBeVisible();
  await expect(invite.getByRole('button', { name: en('exchange', 'invite.write') })).toBeDisabled();
  await invite.getByLabel(en('exchange', 'invite.repeat')).fill(PASS);
  const invitation = await download(lead, () => invite.getByRole('button', { name: en('exchange', 'invite.write') }).click());
  expect(invitation.name).toBe('mreza-invitation-badge-2026.mreza-invite');
  await expect(lead.getByTestId('invitation-saved')).toBeVisible();
  const leadFingerprint = (await lead.getByTestId('own-key').getByTestId('fingerprint').textContent())!;
  await snap(lead, 'exchange-lead-project-en');

  // Partner: set up, demo data, join (wrong passphrase first).
  await setUp(partner, { org: 'Partner NGO Celje' });
  await loadDemo(partner);
  await toExchange(partner);
  await expect(partner.getByText(en('exchange', 'emptyPartnerTitle'))).toBeVisible();
  await pick(partner, () => partner.getByRole('button', { name: en('exchange', 'join.chooseFile') }).click(), [invitation]);
  await expect(partner.getByTestId('invitation-file')).toHaveText(invitation.name);
  await partner.getByLabel(en('exchange', 'join.passphrase')).fill('not the passphrase');
  await partner.getByRole('button', { name: en('exchange', 'join.submit') }).click();
  await expect(partner.getByTestId('exchange-error')).toHaveText(en('exchange', 'errors.wrongPassphrase'));
  await snap(partner, 'exchange-partner-wrong-passphrase-en');
  await partner.getByLabel(en('exchange', 'join.passphrase')).fill(PASS);
  await partner.getByRole('button', { name: en('exchange', 'join.submit') }).click();
  const joined = partner.getByTestId('joined-project');
  await expect(joined).toContainText('BADGE 2026');
  await expect(joined).toContainText('Lead NGO Zagreb');
  await expect(joined.getByTestId('fingerprint')).toHaveText(leadFingerprint);

  // Export: full needs the explicit checkbox; pseudonymised is the default.
  const exp = partner.getByTestId('export');
  await expect(exp.getByRole('radio', { name: en('exchange', 'export.levels.pseudonymised') })).toBeChecked();
  await expect(exp.getByTestId('withheld')).toBeVisible();
  await exp.getByRole('radio', { name: en('exchange', 'export.levels.full') }).check();
  await expect(exp.getByText(en('exchange', 'export.fullWarning'))).toBeVisible();
  await expect(exp.getByRole('button', { name: en('exchange', 'export.write') })).toBeDisabled();
  await snap(partner, 'exchange-partner-full-warning-en');
  // Ticking the box is not enough: a second confirmation lists what goes; notes never do.
  await exp.getByRole('checkbox', { name: en('exchange', 'export.acknowledge') }).check();
  await exp.getByRole('button', { name: en('exchange', 'export.write') }).click();
  const confirm = partner.getByRole('dialog', { name: en('exchange', 'export.confirmFull.title') });
  await expect(confirm).toBeVisible();
  for (const item of ['names', 'contacts', 'birthYears', 'titles', 'places', 'sheets'])
    await expect(confirm).toContainText(en('exchange', `export.fullList.${item}`));
  await expect(confirm).toContainText(en('exchange', 'export.confirmFull.never'));
  await snap(partner, 'exchange-partner-full-confirm-en');
  expect(await seriousViolations(partner), 'full confirmation').toEqual([]);
  await confirm.getByRole('button', { name: en('exchange', 'export.confirmFull.cancel') }).click();
  await expect(confirm).toBeHidden();
  await exp.getByRole('radio', { name: en('exchange', 'export.levels.pseudonymised') }).check();
  const bundle = await download(partner, () => exp.getByRole('button', { name: en('exchange', 'export.write') }).click());
  expect(bundle.name).toMatch(/^mreza-partner-ngo-celje-\d{4}-\d{2}-\d{2}\.mreza$/);
  await expect(joined).not.toContainText(en('exchange', 'joined.never'));
  await snap(partner, 'exchange-partner-joined-en');
  expect(await seriousViolations(partner), 'partner joined').toEqual([]);
  await switchLanguage(partner, 'sr-Cyrl');
  await expect(partner.getByText(tr('sr-Cyrl', 'exchange', 'export.title'))).toBeVisible();
  await snap(partner, 'exchange-partner-joined-sr-Cyrl');

  // Lead: import with a dry run, then commit.
  const imp = lead.getByTestId('import');
  await pick(lead, () => imp.getByRole('button', { name: en('exchange', 'import.choose') }).click(), [bundle]);
  const dry = lead.getByTestId('dry-run');
  await expect(dry.getByTestId('plan-row')).toHaveCount(1);
  await expect(dry).toContainText('Partner NGO Celje');
  await expect(dry).toContainText(en('exchange', 'import.firstUse'));
  // A new partner: nothing can be imported until the lead confirms the fingerprint by phone.
  await expect(dry).toContainText(en('exchange', 'import.statuses.awaitingConfirmation'));
  await expect(dry.getByTestId('keys-waiting')).toHaveText(en('exchange', 'import.keysWaiting_one', { count: 1 }));
  await expect(dry.getByRole('button', { name: en('exchange', 'import.commit') })).toBeDisabled();
  // What the partner reads out from its own Exchange screen is what the lead sees.
  const partnerFingerprint = (await partner.getByTestId('own-key').getByTestId('fingerprint').textContent())!.trim();
  expect(partnerFingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
  await expect(dry.getByTestId('plan-row')).toContainText(partnerFingerprint);
  // The lead sees each file's privacy level before importing.
  await expect(dry.getByTestId('plan-privacy')).toHaveText(en('exchange', 'cli.privacy.pseudonymised'));
  await snap(lead, 'exchange-lead-dry-run-en');
  expect(await seriousViolations(lead), 'lead dry run').toEqual([]);
  // In Serbian Cyrillic the privacy level and status read in full at 1366 px ("ПСЕУДОНИМИЗОВАНО",
  // not "ПСЕУДОНИМИЗОВ…"): no badge in the dry run cuts its text.
  await switchLanguage(lead, 'sr-Cyrl');
  await expect(dry.getByTestId('plan-privacy')).toHaveText(tr('sr-Cyrl', 'exchange', 'cli.privacy.pseudonymised'));
  await snap(lead, 'exchange-lead-dry-run-sr-Cyrl');
  const cut = await dry
    .locator('.mantine-Badge-label')
    .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
  expect(cut, 'badges cut short').toEqual([]);
  await switchLanguage(lead, 'en');
  await dry.getByRole('checkbox', { name: en('exchange', 'import.confirmKey', { organisation: 'Partner NGO Celje' }) }).check();
  await expect(dry).toContainText(en('exchange', 'import.statuses.apply'));
  await expect(dry.getByTestId('keys-waiting')).toBeHidden();
  await snap(lead, 'exchange-lead-dry-run-confirmed-en');
  await dry.getByRole('button', { name: en('exchange', 'import.commit') }).click();
  await expect(dry).toBeHidden();
  await expect(lead.getByTestId('partners')).toContainText('Partner NGO Celje');

  // Same file again: no changes.
  await pick(lead, () => imp.getByRole('button', { name: en('exchange', 'import.choose') }).click(), [bundle]);
  await expect(lead.getByTestId('no-changes')).toBeVisible();
  await expect(dry).toContainText(en('exchange', 'import.statuses.unchanged'));
  await expect(dry.getByRole('button', { name: en('exchange', 'import.commit') })).toBeDisabled();
  await dry.getByRole('button', { name: en('exchange', 'import.cancel') }).click();

  // A flipped byte: refused with the localised reason.
  const tampered = Buffer.from(bundle.data);
  tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
  await pick(lead, () => imp.getByRole('button', { name: en('exchange', 'import.choose') }).click(), [{ name: 'tampered.mreza', data: tampered }]);
  await expect(dry).toContainText(en('exchange', 'import.statuses.refused'));
  await expect(dry.getByText(en('exchange', 'errors.tampered')).or(dry.getByText(en('exchange', 'errors.damaged')))).toBeVisible();
  await expect(lead.getByTestId('no-changes')).toBeHidden();
  await snap(lead, 'exchange-lead-refused-en');
  expect(await seriousViolations(lead), 'lead refused').toEqual([]);
  await dry.getByRole('button', { name: en('exchange', 'import.cancel') }).click();

  // Reports at the lead: the partner's people, and the partner in the filter.
  await lead.getByRole('link', { name: en('nav', 'reports') }).click();
  const total = lead.locator('[data-testid="summary-tile"][data-indicator="reach.total"]').getByTestId('tile-value');
  await expect.poll(async () => Number(((await total.textContent()) ?? '0').replace(/\D/g, ''))).toBeGreaterThan(0);
  await lead
    .getByRole('textbox', { name: en('reports', 'partner') })
    .or(lead.getByRole('combobox', { name: en('reports', 'partner') }))
    .click();
  await expect(lead.getByRole('option', { name: 'Partner NGO Celje' })).toBeVisible();
  await lead.keyboard.press('Escape');
  // Partner programmes travel without titles: the lead names them by kind and number, never by id.
  const byProgramme = lead.getByTestId('breakdown-byProgramme');
  const label = en('reports', 'partnerProgramme', { number: 0, kind: en('programmes', 'kinds.badge') })
    .replace(/[()]/g, '\\$&')
    .replace('0', '\\d+');
  await expect(byProgramme).toContainText(new RegExp(label));
  await expect(byProgramme).not.toContainText('BADGE – Savjetovanje');
  await snap(lead, 'exchange-lead-reports-en');

  await toExchange(lead);
  await switchLanguage(lead, 'sr-Cyrl');
  await expect(lead.getByText(tr('sr-Cyrl', 'exchange', 'partners.title'), { exact: true })).toBeVisible();
  await snap(lead, 'exchange-lead-sr-Cyrl');

  // The partner now sends totals only (in Serbian Cyrillic): the lead sees them beside the figures.
  const c = (key: string) => tr('sr-Cyrl', 'exchange', key);
  await exp.getByRole('radio', { name: c('export.levels.aggregate') }).check();
  const totals = await download(partner, () => exp.getByRole('button', { name: c('export.write') }).click());
  await pick(lead, () => imp.getByRole('button', { name: c('import.choose') }).click(), [totals]);
  await expect(dry).toContainText(c('import.statuses.apply'));
  await dry.getByRole('button', { name: c('import.commit') }).click();
  await expect(dry).toBeHidden();
  await lead.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'reports') }).click();
  const card = lead.getByTestId('totals-only');
  await expect(card).toContainText(tr('sr-Cyrl', 'reports', 'totalsOnly.title'));
  await expect(card).toContainText('Partner NGO Celje');
  await card.scrollIntoViewIfNeeded();
  await shot(lead, 'exchange-lead-totals-only-sr-Cyrl');
  await leadCtx.close();
  await partnerCtx.close();
});
