import { expect, test, type Page } from '@playwright/test';
import { download, en, loadDemo, passRecoverySheet, pick, seriousViolations, setUp, signIn, snap, switchLanguage, tr, watch } from './helpers';

const MENTOR_PASS = 'Vesna i kišobran na Dravi';
const PASS = 'lipa-na-trgu-2026';
const MENTOR = 'Vesna Kovačević';
const mp = (path: string, vars?: Record<string, string | number>) => en('mentorPack', path, { packExt: '.mreza-mentor', logsExt: '.mreza-logs', ...vars });
const m = (path: string) => en('mentoring', path);

async function toPacks(page: Page) {
  await page.getByRole('link', { name: en('nav', 'mentoring') }).click();
  await page.getByRole('tab', { name: mp('tab') }).click();
}

/** Logs (or plans) a session for the mentee on the n-th card, from the keyboard. */
async function logFor(page: Page, card: number, topics: string, planned = false) {
  await page.getByTestId('my-mentee').nth(card).getByRole('button', { name: planned ? mp('mode.planNext') : m('logSession') }).click();
  const dialog = page.getByRole('dialog');
  // No service is ticked in advance: the mentor says which one she gave.
  await dialog.getByRole('checkbox', { name: m('serviceNames.businessCounselling') }).press('Space');
  await expect(dialog.getByRole('checkbox', { name: m('serviceNames.businessCounselling') })).toBeChecked();
  await dialog.getByLabel(m('topics')).fill(topics);
  await dialog.getByLabel(m('topics')).press('Control+Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('mentor pack round trip: coordinator exports, the mentor logs sessions in mentor mode, the coordinator imports them once', async ({ browser }) => {
  test.setTimeout(180_000);
  const coordCtx = await browser.newContext();
  const mentorCtx = await browser.newContext();
  const coord = await coordCtx.newPage();
  const mentor = await mentorCtx.newPage();
  watch(coord);
  watch(mentor);

  // Coordinator: demo data, a pack for one mentor (passphrase twice, warned to tell it another way).
  await setUp(coord);
  await loadDemo(coord);
  await toPacks(coord);
  const exp = coord.getByTestId('export-pack');
  await exp.getByLabel(mp('export.mentor')).click();
  await coord.getByRole('option', { name: MENTOR }).click();
  await exp.getByLabel(mp('export.passphrase'), { exact: true }).fill(PASS);
  await exp.getByLabel(mp('export.repeat')).fill(PASS + '!');
  await expect(exp.getByText(mp('export.mismatch'))).toBeVisible();
  await expect(exp.getByRole('button', { name: mp('export.write') })).toBeDisabled();
  await exp.getByLabel(mp('export.repeat')).fill(PASS);
  await expect(exp.getByText(mp('export.warning'))).toBeVisible();
  const pack = await download(coord, () => exp.getByRole('button', { name: mp('export.write') }).click());
  expect(pack.name).toMatch(/^mreza-mentor-pack-vesna-kovacevic-\d{4}-\d{2}-\d{2}\.mreza-mentor$/);
  await expect(coord.getByTestId('pack-saved')).toContainText(MENTOR);
  await expect(coord.getByTestId('issued-pack')).toHaveCount(1);
  await snap(coord, 'mentor-pack-coordinator-export-en');

  // Mentor: a fresh Mreža opens the pack (a wrong passphrase first).
  await mentor.goto('/');
  await mentor.getByRole('button', { name: mp('setup.offer') }).click();
  await pick(mentor, () => mentor.getByRole('button', { name: mp('setup.chooseFile') }).click(), [pack]);
  await expect(mentor.getByTestId('pack-file')).toHaveText(pack.name);
  await mentor.getByLabel(mp('setup.passphrase')).fill('not the passphrase');
  await mentor.getByRole('button', { name: mp('setup.open') }).click();
  await expect(mentor.getByTestId('pack-error')).toHaveText(mp('errors.wrongPassphrase'));
  await snap(mentor, 'mentor-pack-open-wrong-passphrase-en');
  await mentor.getByLabel(mp('setup.passphrase')).fill(PASS);
  await mentor.getByRole('button', { name: mp('setup.open') }).click();
  // Then her own passphrase for this computer (same policy as everyone's), and the recovery sheet.
  await expect(mentor.getByText(mp('setup.ownPassphraseTitle', { name: MENTOR }))).toBeVisible();
  await mentor.getByRole('textbox', { name: en('users', 'policy.newPassphrase'), exact: true }).fill('vesna');
  await expect(mentor.getByRole('button', { name: mp('setup.ownPassphraseSubmit') })).toBeDisabled();
  await mentor.getByRole('textbox', { name: en('users', 'policy.newPassphrase'), exact: true }).fill(MENTOR_PASS);
  await mentor.getByRole('textbox', { name: en('users', 'policy.repeat'), exact: true }).fill(MENTOR_PASS);
  await snap(mentor, 'mentor-pack-own-passphrase-en');
  await mentor.getByRole('button', { name: mp('setup.ownPassphraseSubmit') }).click();
  await passRecoverySheet(mentor);
  // From now on the lock screen asks for it.
  await mentor.getByTestId('user-menu').click();
  await mentor.getByRole('menuitem', { name: en('users', 'lockNow') }).click();
  await signIn(mentor, { passphrase: MENTOR_PASS });

  // Mentor mode: only her mentees; no registry, programmes, reports or exchange.
  await expect(mentor.getByRole('heading', { name: mp('mode.menteesTitle') })).toBeVisible();
  await expect(mentor.getByTestId('my-mentee')).toHaveCount(2);
  for (const hidden of ['participants', 'programmes', 'reports', 'exchange', 'settings']) await expect(mentor.getByRole('link', { name: en('nav', hidden) })).toHaveCount(0);
  await expect(mentor.getByTestId('org-name')).toHaveText('Udruga Žene za budućnost');
  await logFor(mentor, 0, 'Poslovni plan: prvi nacrt');
  await logFor(mentor, 1, 'Cijene i troškovi');
  await logFor(mentor, 0, 'Registracija obrta', true);
  await expect(mentor.getByTestId('next-planned')).toHaveCount(1);
  await snap(mentor, 'mentor-pack-mentees-en');
  expect(await seriousViolations(mentor), 'mentor mode').toEqual([]);

  await mentor.getByRole('link', { name: en('nav', 'mentorMode.logs') }).click();
  await expect(mentor.getByTestId('session-row').filter({ hasText: 'Poslovni plan: prvi nacrt' })).toHaveCount(1);
  // Her own list: no column repeating her name on every row.
  await expect(mentor.getByTestId('session-row').first()).not.toContainText(MENTOR);
  await snap(mentor, 'mentor-pack-logs-en');

  await mentor.getByRole('link', { name: en('nav', 'mentorMode.send') }).click();
  const send = mentor.getByTestId('send-logs');
  await expect(send.getByTestId('last-sent')).toHaveText(mp('send.never'));
  const logs = await download(mentor, () => send.getByRole('button', { name: mp('send.write') }).click());
  expect(logs.name).toMatch(/^mreza-session-logs-vesna-kovacevic-\d{4}-\d{2}-\d{2}\.mreza-logs$/);
  await expect(send.getByTestId('logs-saved')).toBeVisible();
  await snap(mentor, 'mentor-pack-send-en');

  // The same screens in Serbian Cyrillic.
  await switchLanguage(mentor, 'sr-Cyrl');
  await mentor.getByRole('link', { name: tr('sr-Cyrl', 'nav', 'mentorMode.mentees') }).click();
  await expect(mentor.getByRole('heading', { name: tr('sr-Cyrl', 'mentorPack', 'mode.menteesTitle') })).toBeVisible();
  await snap(mentor, 'mentor-pack-mentees-sr-Cyrl');

  // Coordinator: a tampered file is refused; the real one shows a dry run, then is imported.
  await toPacks(coord);
  const imp = coord.getByTestId('import-logs');
  const bad = Buffer.from(logs.data);
  bad[bad.length - 20]! ^= 0x01;
  await pick(coord, () => imp.getByRole('button', { name: mp('import.choose') }).click(), [{ name: logs.name, data: bad }]);
  await expect(coord.getByTestId('pack-error')).toHaveText(mp('errors.damaged'));
  await pick(coord, () => imp.getByRole('button', { name: mp('import.choose') }).click(), [logs]);
  const dry = coord.getByTestId('logs-dry-run');
  await expect(dry).toContainText(MENTOR);
  await expect(dry.getByTestId('log-plan-row')).toHaveCount(3);
  await expect(dry).toContainText(mp('import.firstUse'));
  await snap(coord, 'mentor-pack-coordinator-dry-run-en');
  expect(await seriousViolations(coord), 'coordinator dry run').toEqual([]);
  await dry.getByRole('button', { name: mp('import.commit') }).click();
  await expect(dry).toBeHidden();
  await expect(coord.getByTestId('logs-history')).toHaveCount(1);

  // The sessions are in the mentee's log.
  await coord.getByRole('tab', { name: m('tabs.sessions') }).click();
  await expect(coord.getByTestId('session-row').filter({ hasText: 'Poslovni plan: prvi nacrt' })).toHaveCount(1);
  await expect(coord.getByTestId('session-row').filter({ hasText: 'Cijene i troškovi' })).toContainText(MENTOR);

  // Same file again: nothing changes.
  await coord.getByRole('tab', { name: mp('tab') }).click();
  await pick(coord, () => imp.getByRole('button', { name: mp('import.choose') }).click(), [logs]);
  await expect(coord.getByTestId('no-changes')).toHaveText(mp('import.alreadyImported'));
  await expect(dry.getByRole('button', { name: mp('import.commit') })).toBeDisabled();
  await snap(coord, 'mentor-pack-coordinator-reimport-en');

  await coordCtx.close();
  await mentorCtx.close();
});
