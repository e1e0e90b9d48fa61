import { expect, test, type Page } from '@playwright/test';
import { download, en, goToSettings, loadDemo, PASSPHRASE, peopleCount, pick, setUp, signIn, snap } from './helpers';

// Argon2id (64 MiB) runs for every attempt, on purpose: allow it time on a busy machine.
const KDF = { timeout: 45_000 };
test.describe.configure({ timeout: 240_000 });

async function lockNow(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: en('users', 'lockNow') }).click();
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible();
}

async function tryPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByRole('textbox', { name: en('users', 'passphrase'), exact: true }).fill(passphrase);
  await page.getByRole('button', { name: en('users', 'unlock') }).click();
}

test('first run → recovery sheet → lock → wrong passphrases throttled (even after a restart) → recovery key → in', async ({ page }) => {
  // No automatic sign-in: the setup itself asks for a passphrase the policy accepts.
  await page.goto('/');
  await page.getByRole('textbox', { name: en('setup', 'passphrase'), exact: true }).fill('sanja2026');
  await expect(page.getByTestId('passphrase-strength')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByText(en('users', 'policy.problems.tooShort_other', { count: 10 }))).toBeVisible();
  await snap(page, 'setup-passphrase-weak-en');
  const recoveryKey = await setUp(page);
  expect(recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);

  await lockNow(page);
  // Five free attempts, then a wait that counts down.
  for (let i = 1; i <= 4; i++) {
    await tryPassphrase(page, `wrong passphrase ${i}`);
    await expect(page.getByText(en('users', 'wrongPassphrase'))).toBeVisible(KDF);
    await expect(page.getByRole('textbox', { name: en('users', 'passphrase'), exact: true })).toHaveValue('');
  }
  await tryPassphrase(page, 'wrong passphrase 5');
  const wait = page.getByTestId('sign-in-wait');
  await expect(wait).toBeVisible(KDF);
  await expect(wait).toContainText(/0:(2\d|30)/);
  await expect(page.getByRole('button', { name: en('users', 'unlock') })).toBeDisabled();
  await snap(page, 'lock-throttled-en');

  // A restart does not reset the count.
  await page.reload();
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible();
  await expect(page.getByTestId('sign-in-wait')).toBeVisible();
  await expect(page.getByRole('button', { name: en('users', 'unlock') })).toBeDisabled();

  // Forgot passphrase: the recovery key from the sheet sets a new one.
  await page.getByRole('button', { name: en('users', 'signIn.forgot') }).click();
  const keyField = page.getByRole('textbox', { name: en('users', 'recovery.key') });
  const typo = (recoveryKey[0] === 'A' ? 'B' : 'A') + recoveryKey.slice(1);
  await keyField.fill(typo);
  await expect(page.getByText(en('users', 'recovery.problems.check'))).toBeVisible();
  // As one types it from paper: lower case, spaces instead of dashes.
  await keyField.fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await expect(page.getByText(en('users', 'recovery.problems.check'))).toHaveCount(0);
  const fresh = 'Mura i Drava u proljeće';
  await page.getByRole('textbox', { name: en('users', 'policy.newPassphrase'), exact: true }).fill(fresh);
  await page.getByRole('textbox', { name: en('users', 'policy.repeat'), exact: true }).fill(fresh);
  await snap(page, 'lock-recovery-en');
  await page.getByRole('button', { name: en('users', 'recovery.submit') }).click();
  await expect(page.getByTestId('user-menu')).toContainText('Sanja Horvat', KDF);

  // The reset is in the audit log; the old passphrase no longer opens anything.
  await goToSettings(page, 'audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: en('audit', 'summaries.passphraseResetWithRecoveryKey') })).toHaveCount(1);
  await lockNow(page);
  await tryPassphrase(page, PASSPHRASE);
  await expect(page.getByText(en('users', 'wrongPassphrase'))).toBeVisible(KDF);
  await tryPassphrase(page, fresh);
  await expect(page.getByTestId('user-menu')).toBeVisible(KDF);
});

test('moving to a new computer: restore from an encrypted backup on the setup screen, then sign in', async ({ browser }) => {
  const old = await browser.newPage();
  await setUp(old, { org: 'Udruga Korak' });
  await loadDemo(old);
  const people = await peopleCount(old);
  await goToSettings(old, 'backups');
  const file = await download(old, () => old.getByRole('button', { name: en('backup', 'saveToFile') }).click());
  // What leaves on the USB stick is not readable: no gzip, no names.
  expect(file.data.subarray(0, 12).toString('latin1')).toBe('MREZA-BACKUP');
  expect(file.data.includes(Buffer.from('Udruga Korak'))).toBe(false);
  await old.close();

  // A new profile: an empty Mreža.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: en('setup', 'restore.offer') }).click();
  await pick(page, () => page.getByRole('button', { name: en('setup', 'restore.chooseFile') }).click(), [file]);
  await expect(page.getByTestId('backup-file')).toHaveText(file.name);
  const secret = page.getByLabel(en('backup', 'unlock.passphrase'));
  await secret.fill('Zelena livada uz Dravu 2025');
  await page.getByRole('button', { name: en('backup', 'restore') }).click();
  await expect(page.getByText(en('backup', 'errors.wrongKey'))).toBeVisible(KDF);
  await snap(page, 'setup-restore-en');
  await secret.fill(PASSPHRASE);
  await page.getByRole('button', { name: en('backup', 'restore') }).click();

  // Restored: the lock screen of that organisation asks for the passphrase from the old computer.
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible(KDF);
  await expect(page.getByText('Udruga Korak')).toBeVisible();
  await signIn(page);
  await expect(page.getByTestId('org-name')).toHaveText('Udruga Korak');
  expect(await peopleCount(page)).toBe(people);
  await context.close();
});
