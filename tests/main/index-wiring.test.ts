/**
 * The guards are proven one by one in security.test.ts, protocol.test.ts, windowOptions.test.ts and
 * ipc.test.ts; this test proves src/main/index.ts actually wires each of them, by starting main
 * against a fake `electron` module: sandbox for every renderer, the app:// scheme (never file://),
 * the guards on every WebContents, the session's permission handlers, IPC behind the sender check,
 * and the window built from windowOptions().
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/ipc';
import { windowOptions } from '../../src/main/windowOptions';
import { configureSpellchecker, DICTIONARY_URL_NOWHERE, type SpellcheckSession } from '../../src/main/spellcheck';

/** Records what configureSpellchecker asks of a session, named as the fake electron session records it. */
function fakeSpellSession() {
  const calls: string[] = [];
  const session: SpellcheckSession = {
    setSpellCheckerEnabled: () => void calls.push('session.setSpellCheckerEnabled'),
    setSpellCheckerLanguages: () => void calls.push('session.setSpellCheckerLanguages'),
    setSpellCheckerDictionaryDownloadURL: () => void calls.push('session.setSpellCheckerDictionaryDownloadURL'),
    availableSpellCheckerLanguages: ['en-US', 'hr', 'sl', 'sr'],
  };
  return { session, calls };
}

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const windows: { options: unknown; loaded: string[]; listeners: Map<string, Listener[]> }[] = [];
  const ipcHandlers = new Map<string, Listener>();
  // Plain records rather than vi.fn(): mock state does not outlive beforeAll here.
  const args = new Map<string, unknown[][]>();
  const record =
    (name: string) =>
    (...a: unknown[]) => {
      calls.push(name);
      args.set(name, [...(args.get(name) ?? []), a]);
    };
  const opened: string[] = [];
  const sent: string[] = [];
  const contentsListeners = new Map<string, Listener>();
  const popups: unknown[] = [];
  const log = () => {
    const logger = {
      transports: { file: { resolvePathFn: () => '', maxSize: 0, level: 'silly' }, console: { level: 'silly' } },
      hooks: [] as unknown[],
      errorHandler: { startCatching: record('log.errorHandler.startCatching') },
      error: () => {},
      warn: () => {},
      info: () => {},
    };
    return logger;
  };
  const mainLog = Object.assign(log(), { create: () => rendererLog });
  const rendererLog = log();
  const session = {
    setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
    setSpellCheckerEnabled: record('session.setSpellCheckerEnabled'),
    setSpellCheckerLanguages: record('session.setSpellCheckerLanguages'),
    setSpellCheckerDictionaryDownloadURL: record('session.setSpellCheckerDictionaryDownloadURL'),
    availableSpellCheckerLanguages: ['en-US', 'hr', 'sl', 'sr'],
    addWordToSpellCheckerDictionary: record('session.addWordToSpellCheckerDictionary'),
    on: (name: string) => calls.push(`session.on ${name}`),
  };
  class BrowserWindow {
    readonly record: { options: unknown; loaded: string[]; listeners: Map<string, Listener[]> };
    readonly webContents = {
      send: (event: string) => sent.push(event),
      isDestroyed: () => false,
      isCrashed: () => false,
      on: (name: string, l: Listener) => contentsListeners.set(name, l),
      replaceMisspelling: (word: string) => calls.push(`replaceMisspelling ${word}`),
      session,
    };
    constructor(options: unknown) {
      calls.push('new BrowserWindow');
      this.record = { options, loaded: [], listeners: new Map() };
      windows.push(this.record);
    }
    once(name: string, l: Listener) {
      return this.on(name, l);
    }
    on(name: string, l: Listener) {
      this.record.listeners.set(name, [...(this.record.listeners.get(name) ?? []), l]);
      return this;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    show() {}
  }
  return {
    calls,
    sent,
    contentsListeners,
    popups,
    contextsListener: () => contentsListeners.get('context-menu')!,
    mainLog,
    rendererLog,
    appListeners,
    windows,
    ipcHandlers,
    args,
    opened,
    resolveReady,
    electron: {
      app: {
        isPackaged: false,
        requestSingleInstanceLock: () => true,
        enableSandbox: record('app.enableSandbox'),
        on: (name: string, l: Listener) => {
          appListeners.set(name, [...(appListeners.get(name) ?? []), l]);
        },
        whenReady: () => ready,
        quit: () => {},
        getPath: (name: string) => `/tmp/mreza-wiring/${name}`,
        getVersion: () => '0.1.0',
        getPreferredSystemLanguages: () => ['hr-HR'],
      },
      BrowserWindow,
      crashReporter: { start: record('crashReporter.start') },
      dialog: { showSaveDialog: () => Promise.reject(new Error('no dialog')), showOpenDialog: () => Promise.reject(new Error('no dialog')) },
      ipcMain: {
        handle: (channel: string, l: Listener) => {
          calls.push(`ipcMain.handle ${channel}`);
          ipcHandlers.set(channel, l);
        },
      },
      Menu: {
        setApplicationMenu: record('Menu.setApplicationMenu'),
        buildFromTemplate: (t: object) => Object.assign(t, { popup: () => popups.push(t) }),
      },
      protocol: {
        registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
        handle: record('protocol.handle'),
      },
      session: { defaultSession: session },
      shell: {
        openExternal: async (url: string) => {
          opened.push(url);
        },
      },
    },
  };
});
vi.mock('electron', () => fake.electron);
vi.mock('electron-log/main', () => ({ default: fake.mainLog }));

beforeAll(async () => {
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('../../src/main/index');
  expect(fake.calls).not.toContain('new BrowserWindow'); // nothing before ready
  fake.resolveReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

describe('main wiring (src/main/index.ts)', () => {
  it('sandboxes every renderer and registers app:// before the app is ready', () => {
    const beforeReady = fake.calls.slice(0, fake.calls.indexOf('session.setPermissionRequestHandler'));
    expect(beforeReady).toEqual(expect.arrayContaining(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged']));
    expect(fake.args.get('protocol.registerSchemesAsPrivileged')).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
  });

  it('denies every permission of the default session before any window exists', () => {
    const order = fake.calls;
    for (const call of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.setDevicePermissionHandler']) {
      expect(order.indexOf(call), call).toBeGreaterThanOrEqual(0);
      expect(order.indexOf(call), call).toBeLessThan(order.indexOf('new BrowserWindow'));
    }
    const request = fake.args.get('session.setPermissionRequestHandler')![0] as [(wc: unknown, p: string, cb: (ok: boolean) => void) => void];
    const answers: boolean[] = [];
    request[0](null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
  });

  it('serves the UI from app:// (never file://) and builds the window from windowOptions()', () => {
    expect(fake.args.get('protocol.handle')).toEqual([['app', expect.any(Function)]]);
    const [win] = fake.windows;
    expect(win!.loaded).toEqual(['app://mreza/index.html']);
    const options = win!.options as ReturnType<typeof windowOptions>;
    expect(options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(options).toEqual(windowOptions(options.webPreferences!.preload!));
  });

  it('puts every IPC channel behind the sender check and the schema', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const appInfo = fake.ipcHandlers.get('app:info')!;
    const printToPDF = async () => new Uint8Array();
    await expect(
      appInfo({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: { printToPDF, print: () => undefined } }, undefined),
    ).rejects.toThrow(/untrusted sender/);
    await expect(
      appInfo(
        { senderFrame: { url: 'app://mreza/index.html', parent: { url: 'app://mreza/', parent: null } }, sender: { printToPDF, print: () => undefined } },
        undefined,
      ),
    ).rejects.toThrow(/untrusted sender/);
    await expect(
      appInfo({ senderFrame: { url: 'app://mreza/index.html', parent: null }, sender: { printToPDF, print: () => undefined } }, { extra: 1 }),
    ).rejects.toThrow(/invalid request/);
    await expect(
      appInfo({ senderFrame: { url: 'app://mreza/index.html', parent: null }, sender: { printToPDF, print: () => undefined } }, undefined),
    ).resolves.toMatchObject({
      isElectron: true,
    });
  });

  it('sets the menu in the OS language before the window, and again in the language the renderer reports', async () => {
    type Item = { label?: string; submenu?: Item[] };
    const menus = () => (fake.args.get('Menu.setApplicationMenu') ?? []).map((a) => a[0] as Item[]);
    const helpLabel = (m: Item[]) => m.at(-1)!.label;
    expect(fake.calls.indexOf('Menu.setApplicationMenu')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    expect(helpLabel(menus()[0]!)).toBe('Pomoć'); // getPreferredSystemLanguages: hr-HR
    const setLocale = fake.ipcHandlers.get('app:setLocale')!;
    const frame = { senderFrame: { url: 'app://mreza/index.html', parent: null }, sender: {} };
    await expect(setLocale(frame, { locale: 'sl' })).resolves.toBe(true);
    expect(helpLabel(menus().at(-1)!)).toBe('Pomoč');
    await expect(setLocale(frame, { locale: 'de' })).rejects.toThrow(/invalid request/);
  });

  it('guards every WebContents: navigation, redirects, <webview>, new windows, openExternal', async () => {
    const [created] = fake.appListeners.get('web-contents-created') ?? [];
    expect(created).toBeDefined();
    const listeners = new Map<string, Listener>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, l: Listener) => {
        listeners.set(name, l);
        return contents;
      },
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => {
        openHandler = h;
      },
    };
    created!({}, contents);
    const prevented = (name: string, url: string): boolean => {
      let stopped = false;
      listeners.get(name)!({ url, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'app://mreza/index.html')).toBe(false);
    expect(prevented('will-attach-webview', '')).toBe(true);

    expect(openHandler!({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'https://example.org/?q=Ana%20Horvat' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'mailto:info@example.org' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    // Nothing is on the allow-list: no URL reaches the OS, and there is no IPC channel to ask for one.
    expect(fake.opened).toEqual([]);
    expect(fake.ipcHandlers.has('shell:openExternal')).toBe(false);
  });

  it('turns the spellchecker off for the session before any window exists, points downloads at this computer, and on Linux keeps it off', () => {
    const window = fake.calls.indexOf('new BrowserWindow');
    expect(fake.args.get('session.setSpellCheckerEnabled')![0]).toEqual([false]);
    expect(fake.calls.indexOf('session.setSpellCheckerEnabled')).toBeLessThan(window);
    expect(fake.args.get('session.setSpellCheckerDictionaryDownloadURL')![0]).toEqual([DICTIONARY_URL_NOWHERE]);
    expect(fake.calls.indexOf('session.setSpellCheckerDictionaryDownloadURL')).toBeLessThan(window);
    // As spellcheck.ts decides for this platform and the OS language (hr-HR), before the window.
    const expected = fakeSpellSession();
    configureSpellchecker(expected.session, process.platform, 'hr');
    const made = fake.calls.slice(fake.calls.indexOf('session.setSpellCheckerDictionaryDownloadURL'), window).filter((c) => /setSpellChecker/.test(c));
    expect(made).toEqual(expected.calls);
    if (process.platform === 'linux') expect(fake.args.get('session.setSpellCheckerEnabled')!.flat()).not.toContain(true);
    expect(fake.calls).toContain('session.on spellcheck-dictionary-download-begin');
  });

  it('sets the spellchecker again for the language the renderer reports', async () => {
    const before = fake.calls.length;
    const setLocale = fake.ipcHandlers.get('app:setLocale')!;
    const frame = { senderFrame: { url: 'app://mreza/index.html', parent: null }, sender: {} };
    await setLocale(frame, { locale: 'sr-Cyrl' });
    const expected = fakeSpellSession();
    configureSpellchecker(expected.session, process.platform, 'sr-Cyrl');
    expect(fake.calls.slice(before).filter((c) => /setSpellChecker/.test(c))).toEqual(expected.calls);
    await setLocale(frame, { locale: 'hr' }); // back, for the tests after this one
  });

  it('keeps crash dumps on this computer (no upload) and logs to the logs folder, scrubbed and rotated', () => {
    expect(fake.args.get('crashReporter.start')).toEqual([[{ uploadToServer: false }]]);
    expect(fake.calls.indexOf('crashReporter.start')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    expect(fake.mainLog.transports.file.resolvePathFn()).toMatch(/mreza-wiring[\\/]logs[\\/]main\.log$/);
    expect(fake.rendererLog.transports.file.resolvePathFn()).toMatch(/mreza-wiring[\\/]logs[\\/]renderer\.log$/);
    expect(fake.mainLog.transports.file.maxSize).toBeGreaterThan(0);
    expect(fake.mainLog.hooks).toHaveLength(1);
    expect(fake.rendererLog.hooks).toHaveLength(1);
  });

  it('queues a file from a second launch, tells the window, and hands it over on file:takeOpened', async () => {
    const [secondInstance] = fake.appListeners.get('second-instance') ?? [];
    const sentBefore = fake.sent.length;
    secondInstance!({}, ['/opt/Mreza/mreza', '--flag', 'missing.mreza-logs', 'notes.txt'], '/nowhere');
    expect(fake.sent.slice(sentBefore)).toEqual(['app:fileOpened']);
    const take = fake.ipcHandlers.get('file:takeOpened')!;
    const frame = { senderFrame: { url: 'app://mreza/index.html', parent: null }, sender: {} };
    await expect(take(frame, undefined)).resolves.toEqual([{ kind: 'sessionLogs', fileName: 'missing.mreza-logs', problem: 'unreadable' }]);
    await expect(take(frame, undefined)).resolves.toEqual([]);
  });

  it('handles macOS open-file itself (the OS default would be refused)', () => {
    const [openFile] = fake.appListeners.get('open-file') ?? [];
    let prevented = false;
    openFile!({ preventDefault: () => (prevented = true) }, '/Users/x/a.mreza');
    expect(prevented).toBe(true);
  });

  it('pops up the localised right-click menu on the window, none where there is nothing to do', () => {
    const onContextMenu = fake.contextsListener();
    const base = {
      isEditable: true,
      selectionText: '',
      misspelledWord: '',
      dictionarySuggestions: [],
      editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
    };
    onContextMenu({}, base);
    expect((fake.popups.at(-1) as { label: string }[]).map((i) => i.label)).toContain('Izreži'); // hr-HR, as the menu
    const count = fake.popups.length;
    onContextMenu({}, { ...base, isEditable: false });
    expect(fake.popups).toHaveLength(count);
  });

  it('"Add to dictionary" on a misspelled word writes it to the session’s (local) dictionary', () => {
    fake.contextsListener()(
      {},
      {
        isEditable: true,
        selectionText: '',
        misspelledWord: 'Zlatarević',
        dictionarySuggestions: [],
        editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
      },
    );
    const items = fake.popups.at(-1) as { label?: string; click?: () => void }[];
    items.find((i) => i.label === 'Dodaj u rječnik')!.click!();
    expect(fake.args.get('session.addWordToSpellCheckerDictionary')).toEqual([['Zlatarević']]);
  });
});
