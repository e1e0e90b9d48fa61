import { expect, test } from '@playwright/test';
import { en, goToSettings, seriousViolations, setUp, snap } from './helpers';

/**
 * Settings → Updates in the browser build (#19 item 1): it says that updates come with the desktop
 * app, shows this version, and asks nothing of the network. The opt-in, the notice and the
 * install need the packaged Electron app (README: manual checks).
 */
test('the browser build says updates come with the desktop app, shows the version and makes no update request', async ({ page }) => {
  const feedRequests: string[] = [];
  page.on('request', (r) => {
    if (/latest(-\w+)?\.yml|\/updates\//.test(r.url())) feedRequests.push(r.url());
  });
  await setUp(page);
  await goToSettings(page, 'updates');
  const panel = page.getByTestId('updates-settings');
  await expect(panel.getByTestId('updates-unsupported')).toHaveText(en('settings', 'updates.browserBuild'));
  await expect(panel).toContainText(en('settings', 'updates.currentVersion', { version: '0.1.0' }));
  // No switch or button that could not work here.
  await expect(panel.getByRole('switch')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: en('settings', 'updates.checkNow') })).toHaveCount(0);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, 'updates-settings-browser-en');
  expect(feedRequests).toEqual([]);
});

/**
 * The desktop app's screens, with main played by a stand-in in the page (window.api, as the
 * preload exposes it): the stand-in answers the update channels as src/main/updates.ts does and
 * keeps backups in memory. What it cannot show (a real feed, a real install) is in
 * tests/main/update-feed.test.ts and the manual check in README.
 */
test('desktop: opt-in off by default, "Version 0.2.0 is available" with what changed, Install on restart, Restart now', async ({ page }) => {
  await page.addInitScript(() => {
    type Listener = () => void;
    const listeners = new Set<Listener>();
    const calls: string[] = [];
    const notes = 'Mreža 0.2.0\n\n• Updates: opt in under Settings\n• The lead sees each partner’s Mreža version';
    let status: Record<string, unknown> = { supported: true, autoCheck: false, currentVersion: '0.1.0', lastCheckAt: null, state: { status: 'idle' } };
    const set = (next: Record<string, unknown>) => {
      status = { ...status, ...next };
      setTimeout(() => listeners.forEach((l) => l()), 0);
      return status;
    };
    const backups: Array<{ fileName: string; createdAt: string; size: number }> = [];
    const handlers: Record<string, (r: never) => unknown> = {
      'app:info': () => ({ version: '0.1.0', platform: 'linux', locales: ['en-GB'], isElectron: true }),
      'app:setLocale': () => true,
      'app:quitReady': () => true,
      'backup:list': () => backups,
      'backup:write': (r: { reason: string; data: Uint8Array }) => {
        const d = new Date().toISOString().replace(/[-:.]/g, '').replace('T', 'T').slice(0, 18);
        const info = {
          fileName: `mreza-backup-${d.slice(0, 8)}T${d.slice(9, 18).padEnd(9, '0')}Z-${r.reason}.json.gz`,
          createdAt: new Date().toISOString(),
          size: r.data.length,
        };
        backups.unshift(info);
        return info;
      },
      'backupFolder:get': () => ({ supported: true, folder: null, lastCopy: null, lastError: null }),
      'updates:get': () => status,
      'updates:setAutoCheck': (r: { enabled: boolean }) => {
        calls.push(`setAutoCheck ${String(r.enabled)}`);
        set({ autoCheck: r.enabled });
        return set({ lastCheckAt: new Date().toISOString(), state: { status: 'available', version: '0.2.0', releaseNotes: notes, releaseDate: null } });
      },
      'updates:check': () => status,
      'updates:download': () => {
        calls.push('download');
        set({ state: { status: 'downloading', version: '0.2.0', releaseNotes: notes, percent: 40 } });
        return status;
      },
      'updates:restart': () => {
        calls.push('restart');
        return true;
      },
    };
    (window as unknown as { __updateCalls: string[] }).__updateCalls = calls;
    (window as unknown as { __finishDownload: () => void }).__finishDownload = () =>
      void set({ state: { status: 'ready', version: '0.2.0', releaseNotes: notes } });
    (window as unknown as { api: unknown }).api = Object.freeze({
      invoke: async (channel: string, request: never) => {
        const handler = handlers[channel];
        if (!handler) throw new Error(`IPC ${channel} failed`);
        return handler(request);
      },
      on: (event: string, listener: Listener) => {
        if (event !== 'updates:changed') return () => undefined;
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
  });
  await setUp(page);
  await goToSettings(page, 'updates');
  const panel = page.getByTestId('updates-settings');
  const optIn = panel.getByRole('switch', { name: en('settings', 'updates.autoCheck') });
  await expect(optIn).not.toBeChecked();
  await expect(panel.getByRole('button', { name: en('settings', 'updates.checkNow') })).toBeVisible();
  await optIn.check({ force: true });
  await expect(optIn).toBeChecked();

  const notice = page.getByTestId('update-notice');
  await expect(notice).toContainText(en('settings', 'updates.available', { version: '0.2.0' }));
  await expect(notice.getByTestId('release-notes')).toHaveText(/Updates: opt in under Settings[\s\S]*each partner’s Mreža version/);
  await snap(page, 'updates-notice-available-en');
  await notice.getByRole('button', { name: en('settings', 'updates.installOnRestart') }).click();
  await expect(notice).toContainText(en('settings', 'updates.downloading', { percent: '40' }));
  await page.evaluate(() => (window as unknown as { __finishDownload: () => void }).__finishDownload());
  await expect(notice).toContainText(en('settings', 'updates.ready', { version: '0.2.0' }));
  await notice.getByRole('button', { name: en('settings', 'updates.restartNow') }).click();
  expect(await page.evaluate(() => (window as unknown as { __updateCalls: string[] }).__updateCalls)).toEqual(['setAutoCheck true', 'download', 'restart']);
  await page.mouse.move(0, 0); // not mid-press on the button
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, 'updates-notice-ready-en');
});
