/**
 * The update service (src/main/updates.ts) driven in Node with a fake electron-updater: consent
 * before any check or download, the states the renderer is sent, the daily check, and the install
 * only after the renderer's quit-time backup (the real QuitHandshake of src/main/quit.ts).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, TICK_MS, type UpdateState } from '@shared/updates';
import { QuitHandshake } from '../../src/main/quit';
import { fileSettingsStore, UpdateService, type UpdaterLike, type UpdateSettings } from '../../src/main/updates';
import { loadAutoUpdater, updatesSupported } from '../../src/main/updatesApp';

type Emit = (event: string, arg?: unknown) => void;

function fakeUpdater(onCheck: (emit: Emit) => void = (emit) => emit('update-available', { version: '0.2.0', releaseNotes: 'Faster reports' })) {
  const listeners = new Map<string, Array<(arg: unknown) => void>>();
  const log: string[] = [];
  const emit: Emit = (event, arg) => listeners.get(event)?.forEach((l) => l(arg));
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    on(event: string, listener: (arg: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return updater;
    },
    async checkForUpdates() {
      log.push('check');
      onCheck(emit);
      return null;
    },
    async downloadUpdate() {
      log.push('download');
      return [];
    },
    quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
      log.push(`quitAndInstall(${String(isSilent)}, ${String(isForceRunAfter)})`);
    },
  };
  return { updater: updater as unknown as UpdaterLike, emit, log };
}

function setup(opts: { autoCheck?: boolean; lastCheckAt?: string | null; supported?: boolean; onCheck?: (emit: Emit) => void; now?: () => Date } = {}) {
  const fake = fakeUpdater(opts.onCheck);
  let saved: UpdateSettings = { autoCheck: opts.autoCheck ?? false, lastCheckAt: opts.lastCheckAt ?? null };
  const events: string[] = [];
  const states: UpdateState[] = [];
  let loaded = 0;
  let tick: () => void = () => {};
  const svc: UpdateService = new UpdateService({
    supported: opts.supported ?? true,
    currentVersion: '0.1.0',
    loadUpdater: async () => {
      loaded++;
      return fake.updater;
    },
    settings: { read: async () => saved, write: async (s) => void (saved = s) },
    notify: () => states.push(svc.status().state),
    requestQuit: () => events.push('app.quit'),
    quit: () => events.push('plain quit'),
    setInterval: (cb, ms) => {
      expect(ms).toBe(TICK_MS);
      tick = cb;
      return 0;
    },
    now: opts.now,
  });
  return { svc, fake, events, states, saved: () => saved, loaded: () => loaded, tick: () => tick() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('consent first', () => {
  it('by default (no setting saved) nothing is loaded or checked at start: no network call without consent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mreza-updates-'));
    const store = fileSettingsStore(join(dir, 'updates.json'));
    expect(await store.read()).toEqual({ autoCheck: false, lastCheckAt: null });
    const s = setup();
    await s.svc.start();
    s.tick();
    await flush();
    expect(s.loaded()).toBe(0);
    expect(s.fake.log).toEqual([]);
    expect(s.svc.status()).toMatchObject({ supported: true, autoCheck: false, state: { status: 'idle' } });
  });

  it('a garbled or foreign settings file means checks stay off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mreza-updates-'));
    const path = join(dir, 'updates.json');
    for (const text of ['{not json', '{"autoCheck":"yes"}', '[]', 'x'.repeat(10_000)]) {
      await writeFile(path, text);
      expect((await fileSettingsStore(path).read()).autoCheck).toBe(false);
    }
    await fileSettingsStore(path).write({ autoCheck: true, lastCheckAt: null });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ autoCheck: true, lastCheckAt: null });
    expect((await fileSettingsStore(path).read()).autoCheck).toBe(true);
  });

  it('opting in is remembered and checks at once; opted in, Mreža checks at start and again after a day', async () => {
    let now = new Date('2026-05-10T08:00:00Z');
    const s = setup({ onCheck: (emit) => emit('update-not-available', { version: '0.1.0' }), now: () => now });
    await s.svc.start();
    await s.svc.setAutoCheck(true);
    expect(s.saved()).toEqual({ autoCheck: true, lastCheckAt: '2026-05-10T08:00:00.000Z' });
    expect(s.fake.log).toEqual(['check']);

    const again = setup({ autoCheck: true, lastCheckAt: '2026-05-10T08:00:00.000Z', onCheck: (emit) => emit('update-not-available', {}), now: () => now });
    await again.svc.start();
    expect(again.fake.log).toEqual(['check']); // at start
    now = new Date(now.getTime() + TICK_MS);
    again.tick();
    await flush();
    expect(again.fake.log).toEqual(['check']); // an hour later: not yet
    now = new Date(Date.parse('2026-05-10T08:00:00Z') + CHECK_INTERVAL_MS + TICK_MS);
    again.tick();
    await flush();
    expect(again.fake.log).toEqual(['check', 'check']);
  });

  it('a build that cannot update (development run, portable .exe) never loads the updater, even on "Check now"', async () => {
    const s = setup({ supported: false, autoCheck: true });
    await s.svc.start();
    await s.svc.checkNow();
    expect(s.loaded()).toBe(0);
    expect(updatesSupported({ isPackaged: true }, {})).toBe(true);
    expect(updatesSupported({ isPackaged: false }, {})).toBe(false);
    expect(updatesSupported({ isPackaged: true }, { PORTABLE_EXECUTABLE_DIR: 'E:\\Mreza' })).toBe(false);
  });
});

describe('what the user sees, step by step', () => {
  it('checking → "0.2.0 is available" → downloading % → ready to install on restart; the download only after she agreed', async () => {
    const s = setup();
    await s.svc.start();
    const offered = await s.svc.checkNow();
    expect(offered.state).toEqual({ status: 'available', version: '0.2.0', releaseNotes: 'Faster reports', releaseDate: null });
    expect(s.fake.updater.autoDownload).toBe(false);
    expect(s.fake.log).toEqual(['check']);

    const downloading = s.svc.download();
    s.fake.emit('download-progress', { percent: 42.5 });
    s.fake.emit('update-downloaded', { version: '0.2.0' });
    await downloading;
    expect(s.fake.log).toEqual(['check', 'download']);
    const seen = s.states.map((x) => (x.status === 'downloading' ? `downloading ${x.percent}%` : x.status)).filter((x, i, all) => x !== all[i - 1]);
    expect(seen).toEqual(['idle', 'checking', 'available', 'downloading 0%', 'downloading 42.5%', 'ready']);
    expect(s.svc.status().state).toEqual({ status: 'ready', version: '0.2.0', releaseNotes: 'Faster reports' });
    expect(s.fake.updater.autoInstallOnAppQuit).toBe(true);
  });

  it('an older or equal version from the feed is never offered; a failed check says why, and a ready update survives a later error', async () => {
    const older = setup({ onCheck: (emit) => emit('update-available', { version: '0.0.9' }) });
    expect((await older.svc.checkNow()).state).toEqual({ status: 'idle' });

    const offline = setup({
      onCheck: () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND updates.example'), { code: 'ENOTFOUND' });
      },
    });
    expect((await offline.svc.checkNow()).state).toEqual({ status: 'error', code: 'offline' });

    const s = setup();
    await s.svc.checkNow();
    const d = s.svc.download();
    s.fake.emit('update-downloaded', { version: '0.2.0' });
    await d;
    s.fake.emit('error', new Error('later'));
    expect(s.svc.status().state.status).toBe('ready');
  });

  it('"Install on restart" does nothing without an offer; "Restart now" does nothing until the update is ready', async () => {
    const s = setup();
    expect((await s.svc.download()).state).toEqual({ status: 'idle' });
    expect(s.svc.restartToInstall()).toBe(false);
    expect(s.events).toEqual([]);
  });
});

describe('install on restart, after the quit-time backup', () => {
  it('quitAndInstall runs only when the renderer answered the quit handshake (or it timed out), never before', async () => {
    const s = setup();
    await s.svc.checkNow();
    const d = s.svc.download();
    s.fake.emit('update-downloaded', { version: '0.2.0' });
    await d;

    const sent: string[] = [];
    const handshake = new QuitHandshake({
      sendBeforeQuit: () => (sent.push('app:beforeQuit'), true),
      quit: () => s.svc.finishQuit(),
      setTimer: () => 1,
      clearTimer: () => {},
    });
    expect(s.svc.restartToInstall()).toBe(true);
    expect(s.events).toEqual(['app.quit']);
    // app.quit() fires before-quit: held back while the renderer backs up.
    handshake.onBeforeQuit({ preventDefault: () => {} });
    expect(sent).toEqual(['app:beforeQuit']);
    expect(s.fake.log).not.toContain('quitAndInstall(true, true)');
    // The renderer's app:quitReady: now, and only now, the installer runs and Mreža restarts.
    expect(handshake.onQuitReady()).toBe(true);
    expect(s.fake.log.at(-1)).toBe('quitAndInstall(true, true)');
    expect(s.events).toEqual(['app.quit']);
  });

  it('an ordinary quit stays an ordinary quit', async () => {
    const s = setup();
    s.svc.finishQuit();
    expect(s.events).toEqual(['plain quit']);
    expect(s.fake.log).toEqual([]);
  });
});

describe('electron-updater itself', () => {
  it('loads the way the app loads it; its autoUpdater is built only inside Electron (skipped in plain Node)', async (ctx) => {
    const mod = (await import('electron-updater')) as unknown as { default?: { AppUpdater?: unknown }; AppUpdater?: unknown };
    expect(typeof (mod.default?.AppUpdater ?? mod.AppUpdater)).toBe('function');
    let updater: UpdaterLike;
    try {
      updater = await loadAutoUpdater();
    } catch (error) {
      // Its constructor reads Electron's `app` (version, paths): a Node process has none.
      ctx.skip(`autoUpdater needs the Electron runtime (${(error as Error).message.slice(0, 80)}); the service is driven with a fake above`);
      return;
    }
    expect(typeof updater.checkForUpdates).toBe('function');
  });
});
