/**
 * The update policy (#19 item 1), pure: when Mreža may check on its own (never without the user's
 * opt-in), which versions are newer (semver, against the `semver` package electron-updater uses),
 * what a feed's answer offers, release notes as plain text, errors as codes, which notice shows.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  compareVersions,
  isNewer,
  MAX_RELEASE_NOTES,
  mayCheckNow,
  noticeFor,
  offerFrom,
  releaseNotesText,
  shouldCheckAutomatically,
  updateErrorCode,
  updateStatus,
  type CheckContext,
} from '@shared/updates';

const semver = createRequire(import.meta.url)('semver') as { compare(a: string, b: string): number };

const NOW = new Date('2026-05-10T12:00:00Z');
const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
  supported: true,
  autoCheck: true,
  state: 'idle',
  lastCheckAt: null,
  now: NOW,
  reason: 'tick',
  ...over,
});
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('when Mreža checks on its own', () => {
  it('never without the opt-in, never in a build that cannot update (privacy: no network call without consent)', () => {
    for (const reason of ['start', 'tick'] as const) {
      expect(shouldCheckAutomatically(ctx({ autoCheck: false, reason }))).toBe(false);
      expect(shouldCheckAutomatically(ctx({ supported: false, reason }))).toBe(false);
    }
  });

  it('at start when opted in, then once a day has passed since the last check', () => {
    expect(shouldCheckAutomatically(ctx({ reason: 'start', lastCheckAt: ago(60_000) }))).toBe(true);
    expect(shouldCheckAutomatically(ctx({ lastCheckAt: null }))).toBe(true);
    expect(shouldCheckAutomatically(ctx({ lastCheckAt: ago(CHECK_INTERVAL_MS - 1) }))).toBe(false);
    expect(shouldCheckAutomatically(ctx({ lastCheckAt: ago(CHECK_INTERVAL_MS) }))).toBe(true);
    // A clock set back must not stop checks for good; a garbled date counts as never checked.
    expect(shouldCheckAutomatically(ctx({ lastCheckAt: ago(-3 * CHECK_INTERVAL_MS) }))).toBe(true);
    expect(shouldCheckAutomatically(ctx({ lastCheckAt: 'yesterday' }))).toBe(true);
  });

  it('not while a check or a download runs, nor over an offer or an update waiting to install', () => {
    for (const state of ['checking', 'available', 'downloading', 'ready'] as const)
      expect(shouldCheckAutomatically(ctx({ state, reason: 'start' }))).toBe(false);
    expect(shouldCheckAutomatically(ctx({ state: 'error', reason: 'start' }))).toBe(true);
  });

  it('"Check now" works without the opt-in (the click is the consent), but not mid-download', () => {
    expect(mayCheckNow(true, 'idle')).toBe(true);
    expect(mayCheckNow(true, 'error')).toBe(true);
    expect(mayCheckNow(true, 'downloading')).toBe(false);
    expect(mayCheckNow(true, 'ready')).toBe(false);
    expect(mayCheckNow(false, 'idle')).toBe(false);
  });
});

describe('which version is newer (semver)', () => {
  it('orders releases and pre-releases as semver does', () => {
    expect(isNewer('0.2.0', '0.1.0')).toBe(true);
    expect(isNewer('0.10.0', '0.9.0')).toBe(true); // not a string comparison
    expect(isNewer('1.0.0', '1.0.0-beta.2')).toBe(true);
    expect(isNewer('1.0.0-beta.11', '1.0.0-beta.2')).toBe(true);
    expect(isNewer('1.0.0-rc.1', '1.0.0-beta.2')).toBe(true);
    expect(isNewer('0.1.0', '0.1.0')).toBe(false);
    expect(isNewer('0.0.9', '0.1.0')).toBe(false);
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0);
  });

  it('anything that is not a version is never newer', () => {
    for (const bad of ['', 'latest', '1.0', '1.0.0.0', '01.0.0', '1.0.0-', '99999999999999999999.0.0x']) expect(isNewer(bad, '0.1.0')).toBe(false);
  });

  it('agrees with the semver package on generated versions', () => {
    const ident = fc.oneof(fc.nat({ max: 30 }).map(String), fc.constantFrom('alpha', 'beta', 'rc', 'x-1', 'a1'));
    const version = fc
      .tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 }), fc.nat({ max: 12 }), fc.array(ident, { maxLength: 3 }))
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre.length ? `-${pre.join('.')}` : ''}`);
    fc.assert(
      fc.property(version, version, (a, b) => compareVersions(a, b) === semver.compare(a, b)),
      { numRuns: 2000 },
    );
  });
});

describe('what a feed offers', () => {
  it('a newer version with its notes as plain text; the same or an older version is never offered (no downgrade)', () => {
    const offer = offerFrom(
      { version: '0.2.0', releaseNotes: '<h2>Changes</h2><ul><li>Faster reports</li><li>Fix &amp; polish</li></ul>', releaseDate: '2026-05-01T10:00:00.000Z' },
      '0.1.0',
    );
    expect(offer).toEqual({
      status: 'available',
      version: '0.2.0',
      releaseNotes: 'Changes\n• Faster reports\n• Fix & polish',
      releaseDate: '2026-05-01T10:00:00.000Z',
    });
    expect(offerFrom({ version: '0.1.0' }, '0.1.0')).toBeNull();
    expect(offerFrom({ version: '0.0.5' }, '0.1.0')).toBeNull();
    expect(offerFrom({ version: 'not-a-version' }, '0.1.0')).toBeNull();
  });

  it('notes never carry markup the screen could run, and are bounded', () => {
    const text = releaseNotesText('<img src=x onerror=alert(1)>Hi<script>alert(2)</script>');
    expect(text).not.toMatch(/[<>]/);
    expect(releaseNotesText('x'.repeat(10_000))).toHaveLength(MAX_RELEASE_NOTES);
    expect(
      releaseNotesText([
        { version: '0.2.0', note: 'New' },
        { version: '0.1.5', note: null },
      ]),
    ).toBe('0.2.0\nNew\n\n0.1.5');
    expect(releaseNotesText(null)).toBe('');
  });

  it('what main sends passes the renderer schema, and a forged status does not', () => {
    const offer = offerFrom({ version: '0.2.0', releaseNotes: 'x'.repeat(10_000) }, '0.1.0')!;
    const status = { supported: true, autoCheck: false, currentVersion: '0.1.0', lastCheckAt: null, state: offer };
    expect(updateStatus.safeParse(status).success).toBe(true);
    expect(updateStatus.safeParse({ ...status, state: { ...offer, version: '<b>9</b>' } }).success).toBe(false);
    expect(updateStatus.safeParse({ ...status, state: { status: 'downloading', version: '0.2.0', releaseNotes: '', percent: 140 } }).success).toBe(false);
    expect(updateStatus.safeParse({ ...status, state: { status: 'error', code: 'C:\\Users\\ana' } }).success).toBe(false);
  });
});

describe('errors and notices', () => {
  it('maps network, feed and verification failures to codes a user can act on', () => {
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toBe('offline');
    expect(updateErrorCode(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe('offline');
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }))).toBe('notFound');
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'ERR_UPDATER_INVALID_UPDATE_INFO' }))).toBe('invalidFeed');
    expect(updateErrorCode(Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }))).toBe('verification');
    expect(updateErrorCode(Object.assign(new Error('x'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' }))).toBe('verification');
    expect(updateErrorCode('strange')).toBe('failed');
  });

  it('shows a notice for an offer (unless put off for that version), a download and a ready update only', () => {
    const offer = { status: 'available' as const, version: '0.2.0', releaseNotes: '', releaseDate: null };
    expect(noticeFor(offer, null)).toBe('available');
    expect(noticeFor(offer, '0.2.0')).toBeNull();
    expect(noticeFor({ ...offer, version: '0.3.0' }, '0.2.0')).toBe('available');
    expect(noticeFor({ status: 'downloading', version: '0.2.0', releaseNotes: '', percent: 10 }, '0.2.0')).toBe('downloading');
    expect(noticeFor({ status: 'ready', version: '0.2.0', releaseNotes: '' }, null)).toBe('ready');
    for (const s of [{ status: 'idle' as const }, { status: 'checking' as const }, { status: 'error' as const, code: 'offline' as const }])
      expect(noticeFor(s, null)).toBeNull();
  });
});
