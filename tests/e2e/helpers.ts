import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LOCALE_NAMES, type Locale } from '../../src/shared/i18n/locales';

const cache = new Map<string, unknown>();
function namespace(locale: Locale, ns: string): unknown {
  const file = new URL(`../../src/shared/i18n/resources/${locale}/${ns}.json`, import.meta.url);
  if (!cache.has(file.href)) cache.set(file.href, JSON.parse(readFileSync(file, 'utf8')));
  return cache.get(file.href);
}

/** The texts users see, from the same resources the app uses, so tests follow the translations. */
export function tr(locale: Locale, ns: string, path: string, vars: Record<string, string | number> = {}): string {
  const tree = namespace(locale, ns);
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
  if (typeof value !== 'string') throw new Error(`no text ${locale}:${ns}:${path}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export const en = (ns: string, path: string, vars?: Record<string, string | number>) => tr('en', ns, path, vars);

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** The first coordinator's passphrase in every spec: long and hard to guess, as the policy asks. */
export const PASSPHRASE = 'Zelena livada uz Dravu 2026';

/** The recovery sheet after setup (or a mentor's first pack): the key it shows, then "I have printed it" and on. */
export async function passRecoverySheet(page: Page): Promise<string> {
  const sheet = page.getByTestId('recovery-sheet');
  // Argon2id (64 MiB) takes about half a second alone, much longer on a busy test machine.
  await expect(sheet).toBeVisible({ timeout: 45_000 });
  const key = (await sheet.getByTestId('recovery-key').textContent())!.replace(/\s/g, '');
  await expect(sheet.getByRole('button', { name: en('users', 'sheet.continue') })).toBeDisabled();
  await sheet.getByLabel(en('users', 'sheet.confirm')).check();
  await sheet.getByRole('button', { name: en('users', 'sheet.continue') }).click();
  return key;
}

/** The lock screen (in the language it speaks): who is working (when several can) and her passphrase. */
export async function signIn(page: Page, opts: { user?: string | RegExp; passphrase?: string; locale?: Locale } = {}): Promise<void> {
  const t = (path: string) => tr(opts.locale ?? 'en', 'users', path);
  await expect(page.getByText(t('whoIsWorking'))).toBeVisible();
  if (opts.user) {
    await page.getByRole('combobox', { name: t('user') }).click();
    await page.getByRole('option', { name: opts.user }).click();
  }
  await page.getByRole('textbox', { name: t('passphrase'), exact: true }).fill(opts.passphrase ?? PASSPHRASE);
  await page.getByRole('button', { name: t('unlock') }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible({ timeout: 45_000 });
}

/**
 * First run in English: organisation, country, town, role and the first coordinator with her
 * passphrase; then the recovery sheet. Returns the recovery key it showed.
 */
export async function setUp(
  page: Page,
  opts: { org?: string; user?: string; role?: 'lead' | 'partner'; country?: 'HR' | 'RS' | 'BA' | 'SI'; passphrase?: string } = {},
): Promise<string> {
  await page.goto('/');
  await page.getByLabel(en('setup', 'orgName')).fill(opts.org ?? 'Udruga Žene za budućnost');
  // In English nothing suggests a country: it is chosen.
  await page.getByRole('combobox', { name: en('setup', 'country'), exact: true }).click();
  await page.getByRole('option', { name: en('common', `countries.${opts.country ?? 'HR'}`), exact: true }).click();
  await page.getByLabel(en('setup', 'town')).fill('Čakovec');
  if (opts.role === 'lead') await page.getByText(en('setup', 'roleLead'), { exact: true }).click();
  await page.getByLabel(en('setup', 'userName')).fill(opts.user ?? 'Sanja Horvat');
  await page.getByRole('textbox', { name: en('setup', 'passphrase'), exact: true }).fill(opts.passphrase ?? PASSPHRASE);
  await page.getByRole('textbox', { name: en('users', 'policy.repeat'), exact: true }).fill(opts.passphrase ?? PASSPHRASE);
  await page.getByRole('button', { name: en('setup', 'start') }).click();
  const key = await passRecoverySheet(page);
  await expect(page.getByTestId('org-name')).toHaveText(opts.org ?? 'Udruga Žene za budućnost');
  return key;
}

export async function goToSettings(page: Page, tab: string): Promise<void> {
  await page.getByRole('link', { name: en('nav', 'settings') }).click();
  await page.getByRole('tab', { name: en('settings', `tabs.${tab}`) }).click();
}

export async function loadDemo(page: Page): Promise<void> {
  await goToSettings(page, 'data');
  await page.getByRole('button', { name: en('settings', 'loadDemo') }).click();
  await expect(page.getByText(/Demo data loaded/)).toBeVisible();
}

/** How many people the registry says it holds ("63 people in the registry"). */
export async function peopleCount(page: Page): Promise<number> {
  await page.getByRole('link', { name: en('nav', 'participants') }).click();
  const empty = page.getByText(en('participants', 'emptyTitle'));
  const count = page.getByText(/people in the registry|person in the registry/);
  await expect(empty.or(count)).toBeVisible();
  if (await empty.isVisible()) return 0;
  return Number((await count.textContent())!.replace(/\D/g, ''));
}

/** Page errors and console errors in the test output, so a failure shows what the app said. */
export function watch(page: Page): void {
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
}

/** A file the app saves (the browser build's save dialog is a download): its name and bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; data: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), data: readFileSync((await dl.path())!) };
}

/** Answers the app's open dialog (a file input in the browser build) with these files. */
export async function pick(page: Page, click: () => Promise<void>, files: Array<{ name: string; data: Buffer }>): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.data })));
}

export async function switchLanguage(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: LOCALE_NAMES[locale], exact: true }).click();
}

/** Types a date the way a user would in a date field, then leaves it (the calendar closes). */
export async function fillDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

/**
 * Types "HH:mm" into a 24-hour time field (components/TimeField.tsx) named `field` inside
 * `scope`: its hours and its minutes, as a user types them.
 */
export async function fillTime(scope: Locator, field: string, hhmm: string): Promise<void> {
  const [hours, minutes] = hhmm.split(':') as [string, string];
  const parts = scope.getByLabel(new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  await parts.nth(0).fill(hours);
  await parts.nth(1).fill(minutes);
}

/** Full-page shot from the top, so the sticky header stays where it belongs. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

/** axe-core (WCAG 2.1 A/AA): the serious and critical violations, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

export async function toExchange(page: Page): Promise<void> {
  await page.getByRole('link', { name: en('nav', 'exchange') }).click();
}
