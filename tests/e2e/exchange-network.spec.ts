/**
 * A whole project network in three browser profiles: the lead and two partners. Invitation,
 * exports (one with a second lock), the lead's batch import with its dry run, project-wide
 * reports, re-import, a newer export replacing the older, the older one refused, and the key
 * file for the command-line consolidation, which then runs on the same files.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { download, en, loadDemo, pick, setUp, snap, switchLanguage, toExchange, tr, watch } from './helpers';

const INVITE_PASS = 'sunflower-river-2026';
const LOCK = 'second-lock-2026';
const KEY_PASS = 'only-for-the-lead-2026';
const X = (path: string, vars?: Record<string, string | number>) => en('exchange', path, vars);

async function joinProject(page: Page, invitation: { name: string; data: Buffer }) {
  await toExchange(page);
  await pick(page, () => page.getByRole('button', { name: X('join.chooseFile') }).click(), [invitation]);
  await page.getByLabel(X('join.passphrase')).fill(INVITE_PASS);
  await page.getByRole('button', { name: X('join.submit') }).click();
  await expect(page.getByTestId('joined-project')).toContainText('BADGE 2026');
}

async function exportBundle(page: Page, lock?: string) {
  const exp = page.getByTestId('export');
  if (lock) await exp.getByLabel(X('export.passphrase')).fill(lock);
  return download(page, () => exp.getByRole('button', { name: X('export.write') }).click());
}

/** The partners table's "People" cell of one partner. */
async function peopleOf(lead: Page, partner: string) {
  const row = lead.getByTestId('partners').getByRole('row').filter({ hasText: partner });
  return Number(((await row.getByRole('cell').nth(3).textContent()) ?? '').replace(/\D/g, ''));
}

function consolidate(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    const env = { ...process.env, MREZA_KEY_PASSPHRASE: KEY_PASS };
    execFile(process.execPath, ['scripts/consolidate.ts', ...args], { cwd: resolve(import.meta.dirname, '../..'), env, encoding: 'utf8' }, (error, out, err) =>
      done({ code: error ? Number(error.code ?? 1) : 0, out: out + err }),
    );
  });
}

test('a lead and two partners: batch import with a dry run, reports of both, newer replaces older, the key file and the CLI', async ({ browser }) => {
  test.setTimeout(240_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [lead, one, two] = await Promise.all(contexts.map((c) => c.newPage()));
  for (const p of [lead!, one!, two!]) watch(p);
  // The lead reads bundles in Web Workers; a failing worker would fall back to the window's thread.
  const workers: string[] = [];
  const warnings: string[] = [];
  lead!.on('worker', (w) => workers.push(w.url()));
  lead!.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));

  // The lead creates the project and writes the invitation.
  await setUp(lead!, { org: 'Lead NGO Zagreb', role: 'lead' });
  await toExchange(lead!);
  await lead!.getByLabel(X('project.name')).fill('BADGE 2026');
  await lead!.getByRole('button', { name: X('project.create') }).click();
  const invite = lead!.getByTestId('invite');
  await invite.getByLabel(X('invite.passphrase'), { exact: true }).fill(INVITE_PASS);
  await invite.getByLabel(X('invite.repeat')).fill(INVITE_PASS);
  const invitation = await download(lead!, () => invite.getByRole('button', { name: X('invite.write') }).click());

  // Both partners join; one exports pseudonymised, the other pseudonymised with a second lock.
  await setUp(one!, { org: 'Partner One Celje' });
  await loadDemo(one!);
  await joinProject(one!, invitation);
  const first = await exportBundle(one!);
  await setUp(two!, { org: 'Partner Two Tuzla' });
  await loadDemo(two!);
  await joinProject(two!, invitation);
  const locked = await exportBundle(two!, LOCK);
  expect(locked.name).toMatch(/^mreza-partner-two-tuzla-\d{4}-\d{2}-\d{2}\.mreza$/);

  // The lead imports both at once: the dry run lists both, new keys to compare, nothing written yet.
  const imp = lead!.getByTestId('import');
  const dry = lead!.getByTestId('dry-run');
  const choose = (files: Array<{ name: string; data: Buffer }>) => pick(lead!, () => imp.getByRole('button', { name: X('import.choose') }).click(), files);
  await choose([first, locked]);
  // Without the second lock's passphrase that file is refused, saying what to do.
  await expect(dry.getByTestId('plan-row').filter({ hasText: locked.name })).toContainText(X('errors.passphraseRequired'));
  await dry.getByRole('button', { name: X('import.cancel') }).click();
  await imp.getByLabel(X('import.passphrase')).fill(LOCK);
  await choose([first, locked]);
  await expect(dry.getByTestId('plan-row')).toHaveCount(2);
  expect(workers.filter((u) => /inspectWorker/.test(u)).length).toBeGreaterThan(0);
  expect(warnings.filter((w) => w.includes('bundle inspection worker failed'))).toEqual([]);
  await expect(dry).toContainText('Partner One Celje');
  await expect(dry).toContainText('Partner Two Tuzla');
  await expect(dry.getByTestId('first-use')).toHaveCount(2);
  await expect(dry.getByText(X('import.statuses.awaitingConfirmation'), { exact: true })).toHaveCount(2);
  await expect(dry.getByRole('button', { name: X('import.commit') })).toBeDisabled();
  await expect(lead!.getByTestId('partners')).toContainText(X('partners.none'));
  await snap(lead!, 'exchange-network-dry-run-en');
  await switchLanguage(lead!, 'sr-Cyrl');
  await expect(dry.getByTestId('keys-waiting')).toHaveText(tr('sr-Cyrl', 'exchange', 'import.keysWaiting_few', { count: 2 }));
  // The lead ticks one partner (in Serbian Cyrillic): that one will be imported, the other waits.
  await dry.getByRole('checkbox', { name: tr('sr-Cyrl', 'exchange', 'import.confirmKey', { organisation: 'Partner One Celje' }) }).check();
  await expect(dry.getByText(tr('sr-Cyrl', 'exchange', 'import.statuses.apply'), { exact: true })).toHaveCount(1);
  await expect(dry.getByTestId('keys-waiting')).toHaveText(tr('sr-Cyrl', 'exchange', 'import.keysWaiting_one', { count: 1 }));
  await expect(dry).toContainText(tr('sr-Cyrl', 'exchange', 'import.summary'));
  await snap(lead!, 'exchange-network-dry-run-sr-Cyrl');
  await switchLanguage(lead!, 'en');
  await dry.getByRole('checkbox', { name: X('import.confirmKey', { organisation: 'Partner Two Tuzla' }) }).check();
  await expect(dry.getByText(X('import.statuses.apply'), { exact: true })).toHaveCount(2);
  await dry.getByRole('button', { name: X('import.commit') }).click();
  await expect(dry).toBeHidden();
  const partners = lead!.getByTestId('partners');
  await expect(partners).toContainText('Partner One Celje');
  await expect(partners).toContainText('Partner Two Tuzla');
  const peopleBefore = await peopleOf(lead!, 'Partner One Celje');
  expect(peopleBefore).toBeGreaterThan(0);

  // Project-wide reports: both partners in the partner filter and in the partner breakdown.
  await lead!.getByRole('link', { name: en('nav', 'reports') }).click();
  const byPartner = lead!.getByTestId('breakdown-byPartner');
  await expect(byPartner).toContainText('Partner One Celje');
  await expect(byPartner).toContainText('Partner Two Tuzla');
  // Both ran the demo's programmes: a title they share names the partner, so the rows differ.
  const byProgramme = lead!.getByTestId('breakdown-byProgramme');
  await expect(byProgramme).toContainText('(Partner One Celje)');
  await expect(byProgramme).toContainText('(Partner Two Tuzla)');
  await lead!
    .getByRole('textbox', { name: en('reports', 'partner') })
    .or(lead!.getByRole('combobox', { name: en('reports', 'partner') }))
    .click();
  await expect(lead!.getByRole('option', { name: 'Partner One Celje' })).toBeVisible();
  await expect(lead!.getByRole('option', { name: 'Partner Two Tuzla' })).toBeVisible();
  await lead!.keyboard.press('Escape');
  await snap(lead!, 'exchange-network-reports-en');

  // The same files again: no changes.
  await toExchange(lead!);
  await imp.getByLabel(X('import.passphrase')).fill(LOCK);
  await choose([first, locked]);
  await expect(lead!.getByTestId('no-changes')).toBeVisible();
  await expect(dry.getByText(X('import.statuses.unchanged'), { exact: true })).toHaveCount(2);
  await expect(dry.getByRole('button', { name: X('import.commit') })).toBeDisabled();
  await dry.getByRole('button', { name: X('import.cancel') }).click();

  // Partner One adds a person (consenting to sharing) and exports again.
  await one!.getByRole('link', { name: en('nav', 'participants') }).click();
  await one!
    .getByRole('button', { name: en('participants', 'add') })
    .first()
    .click();
  const dialog = one!.getByRole('dialog');
  await dialog.getByLabel(en('participants', 'fields.firstName')).fill('Nevena');
  await dialog.getByLabel(en('participants', 'fields.lastName')).fill('Novakova');
  await dialog.getByLabel(en('participants', 'fields.birthYear')).fill('1991');
  // Sharing is never pre-ticked (#17): she agreed, so it is ticked here.
  await dialog.getByLabel(en('participants', 'consent.shareWithLead')).check();
  await dialog.getByRole('button', { name: en('common', 'save') }).click();
  await expect(one!.getByRole('heading', { name: 'Nevena Novakova' })).toBeVisible();
  await toExchange(one!);
  const newer = await exportBundle(one!);

  // The lead imports the newer export: it replaces Partner One's slice and adds the person.
  await choose([newer]);
  const row = dry.getByTestId('plan-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(X('import.statuses.apply'));
  await expect(row.getByTestId('first-use')).toHaveCount(0);
  const added = Number(/(\d+)/.exec((await row.getByRole('cell').nth(4).textContent()) ?? '')?.[1]);
  expect(added).toBeGreaterThanOrEqual(2); // the person and her consent
  await expect(row).toContainText(X('import.added', { count: added }));
  const newerAt = (await row.getByRole('cell').nth(1).textContent())!;
  await snap(lead!, 'exchange-network-newer-en');
  await dry.getByRole('button', { name: X('import.commit') }).click();
  await expect(dry).toBeHidden();
  await expect.poll(() => peopleOf(lead!, 'Partner One Celje')).toBe(peopleBefore + 1);

  // The older file again: refused, naming the newer export.
  await choose([first]);
  await expect(row).toContainText(X('import.statuses.refused'));
  await expect(row).toContainText(X('problems.older', { newerExportedAt: newerAt }));
  await snap(lead!, 'exchange-network-older-refused-en');
  await dry.getByRole('button', { name: X('import.cancel') }).click();

  // The key file for the command-line tool: a plain warning, the passphrase twice.
  const keyFile = lead!.getByTestId('key-file');
  await expect(keyFile.getByTestId('key-file-warning')).toHaveText(X('keyFile.warning'));
  await keyFile.getByLabel(X('keyFile.passphrase'), { exact: true }).fill(KEY_PASS);
  await keyFile.getByLabel(X('keyFile.repeat')).fill(KEY_PASS + '!');
  await expect(keyFile.getByText(X('invite.mismatch'))).toBeVisible();
  await expect(keyFile.getByRole('button', { name: X('keyFile.write') })).toBeDisabled();
  await keyFile.getByLabel(X('keyFile.repeat')).fill(KEY_PASS);
  const key = await download(lead!, () => keyFile.getByRole('button', { name: X('keyFile.write') }).click());
  expect(key.name).toBe('mreza-lead-key-badge-2026.mreza-key');
  await expect(keyFile.getByTestId('key-file-saved')).toHaveText(X('keyFile.saved', { fileName: key.name }));
  await snap(lead!, 'exchange-network-key-file-en');

  // The command-line tool opens the very same files with it: the older one is skipped.
  const dir = mkdtempSync(join(tmpdir(), 'mreza-e2e-cli-'));
  try {
    const path = (f: { name: string }, prefix = '') => join(dir, prefix + f.name);
    writeFileSync(path(key), key.data);
    writeFileSync(path(first, 'old-'), first.data);
    writeFileSync(path(newer), newer.data);
    writeFileSync(path(locked), locked.data);
    const res = await consolidate([
      path(first, 'old-'),
      path(newer),
      path(locked),
      '--key',
      path(key),
      '--passphrase',
      LOCK,
      '--out',
      join(dir, 'report.json'),
    ]);
    expect(res.code, res.out).toBe(0);
    expect(res.out).toContain(`${path(newer)}: accepted – Partner One Celje`);
    expect(res.out).toContain(`${path(locked)}: accepted – Partner Two Tuzla`);
    expect(res.out).toContain(`${path(first, 'old-')}: skipped – `);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await Promise.all(contexts.map((c) => c.close()));
});
