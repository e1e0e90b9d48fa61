import { expect, test } from '@playwright/test';
import { LOCALES, LOCALE_NAMES } from '../../src/shared/i18n/locales';
import { en, goToSettings, loadDemo, peopleCount, setUp, shot, signIn, tr } from './helpers';

test.describe('first start', () => {
  test.use({ locale: 'hr-HR' });

  test('speaks the language of the operating system', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel(tr('hr', 'setup', 'orgName'))).toBeVisible();
    await expect(page.getByRole('button', { name: tr('hr', 'setup', 'start') })).toBeVisible();
    await shot(page, 'setup-hr');
  });
});

test('first-run setup refuses empty fields, then opens the app with next steps', async ({ page }) => {
  // Setup and each sign-in run Argon2id (64 MiB) on purpose: slow on a busy 2-core machine.
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: en('setup', 'start') }).click();
  await expect(page.getByText(en('validation', 'required')).first()).toBeVisible();
  await shot(page, 'setup-errors-en');
  await setUp(page);
  // The app opens on the home page; the participants list is one click away.
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  await expect(page.getByText(en('participants', 'emptyTitle'))).toBeVisible();
  for (const section of ['programmes', 'mentoring', 'reports']) {
    await page.getByRole('link', { name: en('nav', section) }).click();
    await expect(page.getByText(en(section, 'emptyTitle'))).toBeVisible();
  }
  await page.getByRole('link', { name: en('nav', 'exchange') }).click();
  await expect(page.getByText(en('exchange', 'emptyPartnerTitle'))).toBeVisible();
  await shot(page, 'exchange-empty-en');
  // The setup survives a restart; nobody is signed in automatically, not even the only user.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
  await signIn(page);
  await expect(page.getByTestId('org-name')).toHaveText('Udruga Žene za budućnost');
});

test('every screen switches to each of the six languages, and the choice persists', async ({ page }) => {
  // Setup and each sign-in run Argon2id (64 MiB) on purpose: slow on a busy 2-core machine.
  test.setTimeout(120_000);
  await setUp(page);
  await loadDemo(page);
  for (const locale of LOCALES) {
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: LOCALE_NAMES[locale], exact: true }).click();
    await expect(page.getByRole('link', { name: tr(locale, 'nav', 'participants') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.getByRole('link', { name: tr(locale, 'nav', 'programmes') }).click();
    await expect(page.getByTestId('programme-card').first()).toBeVisible();
    await shot(page, `programmes-${locale}`);
    await page.getByRole('link', { name: tr(locale, 'nav', 'participants') }).click();
    await expect(page.getByTestId('person-row').first()).toBeVisible();
    await shot(page, `participants-${locale}`);
  }
  // Serbian Cyrillic really is Cyrillic, with the local date format.
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: LOCALE_NAMES['sr-Cyrl'], exact: true }).click();
  await page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'programmes') }).click();
  await expect(page.getByRole('heading', { name: tr('sr-Cyrl', 'programmes', 'title') })).toHaveText(/[А-Яа-яЂ-џ]/);
  await expect(page.getByTestId('programme-card').first()).toContainText(/\d{2}\.\d{2}\.\d{4}\./);
  await page.reload();
  // The lock screen already speaks Serbian Cyrillic.
  await signIn(page, { locale: 'sr-Cyrl' });
  await expect(page.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'participants') })).toBeVisible();
});

test('demo data fills every section', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  expect(await peopleCount(page)).toBeGreaterThan(50);
  await page.getByRole('link', { name: en('nav', 'programmes') }).click();
  await expect(page.getByTestId('programme-card')).toHaveCount(2);
  await expect(page.getByText(/BADGE/).first()).toBeVisible();
  await shot(page, 'programmes-demo-en');
  await page.getByRole('link', { name: en('nav', 'mentoring') }).click();
  await expect(page.getByTestId('mentor-row')).toHaveCount(5);
  await shot(page, 'mentoring-demo-en');
  await page.getByRole('link', { name: en('nav', 'reports') }).click();
  // Eight headline figures, the organisations register's three (SMEs supported, jobs they opened,
  // people placed) and the demo's referrals' three (made, accepted, completed).
  await expect(page.getByTestId('summary-tile')).toHaveCount(14);
  for (const id of [
    'outcomes.smesSupported',
    'outcomes.jobsOpened',
    'outcomes.placedWithEmployers',
    'referrals.made',
    'referrals.accepted',
    'referrals.completed',
  ])
    await expect(page.locator(`[data-testid="summary-tile"][data-indicator="${id}"]`)).toBeVisible();
  await shot(page, 'reports-demo-en');
  // The header search is diacritics-insensitive: "cesar" finds "Česar"-like names, "kovacevic" finds Kovačević.
  await page.getByRole('combobox', { name: en('common', 'search') }).fill('kovacevic');
  await expect(page.getByRole('option', { name: /Kovačević/ }).first()).toBeVisible();
  await shot(page, 'search-en');
  await page
    .getByRole('option', { name: /Kovačević/ })
    .first()
    .click();
  await expect(page.locator('[data-testid="person-row"][data-selected="true"]')).toContainText('Kovačević');
});

test('backup, clear and restore give back every record', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  const before = await peopleCount(page);
  await goToSettings(page, 'backups');
  // Copies to a folder of her choosing need the desktop app: the browser build says so rather than pretend.
  await expect(page.getByTestId('backup-folder-desktop-only')).toHaveText(en('backup', 'folder.desktopOnly'));
  await page.getByRole('button', { name: en('backup', 'backupNow') }).click();
  await expect(page.getByText(/Backup written/)).toBeVisible();
  // A copy saved where the user chooses, for the restore-from-file path.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: en('backup', 'saveToFile') }).click();
  const download = await downloadPromise;
  const savedPath = test.info().outputPath('backup.json.gz');
  await download.saveAs(savedPath);
  expect(download.suggestedFilename()).toMatch(/^mreza-backup-.*\.json\.gz$/);

  await goToSettings(page, 'data');
  await page.getByRole('button', { name: en('settings', 'clearAll') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('settings', 'clearAll') })
    .click();
  await expect(page.getByText(en('settings', 'cleared'))).toBeVisible();
  expect(await peopleCount(page)).toBe(0);

  await goToSettings(page, 'backups');
  const manual = page.getByTestId('backup-row').filter({ hasText: en('backup', 'reasons.manual') });
  await expect(manual).toHaveCount(1);
  await expect(page.getByTestId('backup-row').filter({ hasText: en('backup', 'reasons.before-clear') })).toHaveCount(1);
  await shot(page, 'backups-en');
  await manual.getByRole('button', { name: en('backup', 'restore') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('backup', 'restore') })
    .click();
  await expect(page.getByText(/Backup restored/)).toBeVisible();
  expect(await peopleCount(page)).toBe(before);

  // Clear again and restore from the file the user saved. The first restore's notice must be gone
  // first, or it would answer for the second restore before that one has finished.
  await expect(page.getByText(/Backup restored/)).toHaveCount(0, { timeout: 15_000 });
  await goToSettings(page, 'data');
  await page.getByRole('button', { name: en('settings', 'clearAll') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('settings', 'clearAll') })
    .click();
  await expect(page.getByText(en('settings', 'cleared'))).toBeVisible();
  await goToSettings(page, 'backups');
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: en('backup', 'restoreFromFile') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('backup', 'restore') })
    .click();
  await (await chooserPromise).setFiles(savedPath);
  await expect(page.getByText(/Backup restored/)).toBeVisible();
  expect(await peopleCount(page)).toBe(before);
});

test('a damaged backup file is refused with a clear message and nothing changes', async ({ page }) => {
  await setUp(page);
  await loadDemo(page);
  const before = await peopleCount(page);
  await goToSettings(page, 'backups');
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: en('backup', 'restoreFromFile') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en('backup', 'restore') })
    .click();
  await (
    await chooserPromise
  ).setFiles({ name: 'not-a-backup.json.gz', mimeType: 'application/gzip', buffer: Buffer.from('these are not the bytes you are looking for') });
  await expect(page.getByText(en('backup', 'errors.notBackup'))).toBeVisible();
  await shot(page, 'backup-error-en');
  expect(await peopleCount(page)).toBe(before);
});

test('the audit log records who did what, and filters', async ({ page }) => {
  await setUp(page, { user: 'Ivana Kovač' });
  await loadDemo(page);
  await goToSettings(page, 'organisation');
  await page.getByLabel(en('setup', 'town')).fill('Varaždin');
  await page.getByRole('button', { name: en('common', 'save') }).click();
  await expect(page.getByText(en('settings', 'saved'))).toBeVisible();
  await goToSettings(page, 'audit');
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toContainText('Ivana Kovač');
  await expect(rows.filter({ hasText: en('audit', 'actions.update') })).toHaveCount(1);
  await expect(rows.filter({ hasText: en('audit', 'actions.import') })).toHaveCount(1);
  await shot(page, 'audit-en');
  await page.getByRole('combobox', { name: en('audit', 'action') }).click();
  await page.getByRole('option', { name: en('audit', 'actions.import') }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(/Demo data: \d+ records/);
});

const MARKO = 'brod kiša Mura tiho';

test('named users with passphrases; the app locks and asks who is working', async ({ page }) => {
  // Setup and each sign-in run Argon2id (64 MiB) on purpose: slow on a busy 2-core machine.
  test.setTimeout(120_000);
  await page.clock.install();
  await setUp(page, { user: 'Sanja Horvat' });
  await goToSettings(page, 'users');
  await page.getByLabel(en('users', 'name')).fill('Marko Babić');
  await page.getByRole('combobox', { name: en('users', 'role') }).click();
  await page.getByRole('option', { name: en('users', 'roles.mentor') }).click();
  await page.getByRole('textbox', { name: en('users', 'newUserPassphrase'), exact: true }).fill('Marko Babić 2026');
  await page.getByRole('textbox', { name: en('users', 'policy.repeat'), exact: true }).fill('Marko Babić 2026');
  // Long enough, but his own name and a year: too easy to guess, and the form says why.
  await expect(page.getByTestId('passphrase-strength')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByText(en('users', 'policy.problems.tooWeak'))).toBeVisible();
  await expect(page.getByText(en('users', 'policy.warnings.userInputs'))).toBeVisible();
  await expect(page.getByRole('button', { name: en('users', 'add') })).toBeDisabled();
  await page.getByRole('textbox', { name: en('users', 'newUserPassphrase'), exact: true }).fill(MARKO);
  await page.getByRole('textbox', { name: en('users', 'policy.repeat'), exact: true }).fill(MARKO);
  await expect(page.getByTestId('passphrase-strength')).toHaveAttribute('data-ok', 'true');
  await page.getByRole('button', { name: en('users', 'add') }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(2);
  await shot(page, 'users-en');

  // Lock by hand: Marko's passphrase is checked.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: en('users', 'lockNow') }).click();
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible();
  await page.getByRole('combobox', { name: en('users', 'user') }).click();
  await page.getByRole('option', { name: /Marko Babić/ }).click();
  await page.getByLabel(en('users', 'passphrase')).fill('wrong one');
  await page.getByRole('button', { name: en('users', 'unlock') }).click();
  // Argon2id runs for every attempt: allow it time on a busy machine.
  await expect(page.getByText(en('users', 'wrongPassphrase'))).toBeVisible({ timeout: 45_000 });
  await shot(page, 'lock-en');
  await page.getByLabel(en('users', 'passphrase')).fill(MARKO);
  await page.getByRole('button', { name: en('users', 'unlock') }).click();
  await expect(page.getByTestId('user-menu')).toContainText('Marko Babić', { timeout: 45_000 });
  // A mentor cannot manage users: the tab is not there (and the data layer refuses it, tests/db/roles.test.ts).
  await page.getByRole('link', { name: en('nav', 'settings') }).click();
  await expect(page.getByRole('tab', { name: en('settings', 'tabs.general') })).toBeVisible();
  await expect(page.getByRole('tab', { name: en('settings', 'tabs.users') })).toHaveCount(0);

  // Inactivity locks the app after the minutes set in Settings (10 by default).
  await page.clock.fastForward('09:00');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByText(en('users', 'whoIsWorking'))).toBeVisible();
});
