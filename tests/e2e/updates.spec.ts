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
