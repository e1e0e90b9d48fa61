import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_LINK_ORIGINS,
  guardOpenExternal,
  installContentsGuards,
  installSessionGuards,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  originOf,
  trustedOrigins,
  windowOpenHandler,
  type FrameLike,
  type GuardedContents,
  type GuardedSession,
} from '../../src/main/security';

type Listener = (event: { url: string; preventDefault(): void; defaultPrevented: boolean }) => void;

/** A fake WebContents recording its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const fake = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return fake;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const emit = (name: string, url = ''): boolean => {
    const event = {
      url,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    for (const l of listeners.get(name) ?? []) l(event);
    return event.defaultPrevented;
  };
  return {
    contents: fake as unknown as GuardedContents,
    emit,
    listeners,
    openWindow: (url: string) => {
      if (openHandler === null) throw new Error('no window open handler installed');
      return openHandler({ url });
    },
  };
}

describe('originOf / trustedOrigins', () => {
  it('builds origins for custom schemes too', () => {
    expect(originOf('app://mreza/index.html')).toBe('app://mreza');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('::')).toBeNull();
  });
  it('trusts app://mreza, plus the dev server origin when given', () => {
    expect(trustedOrigins(undefined)).toEqual(['app://mreza']);
    expect(trustedOrigins('')).toEqual(['app://mreza']);
    expect(trustedOrigins('http://localhost:5173/')).toEqual(['app://mreza', 'http://localhost:5173']);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows https and mailto only', () => {
    expect(isSafeExternalUrl('https://example.org/page')).toBe(true);
    expect(isSafeExternalUrl('mailto:info@example.org')).toBe(true);
    for (const url of [
      'http://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://mreza/index.html',
      'smb://server/share',
      'ms-msdt:/id',
      'data:text/html,hi',
      'https://user:pw@example.org/',
      'not a url',
      'mailto:',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('guardOpenExternal (the one shell.openExternal call in main)', () => {
  it('passes only https links on the allow-list to the OS and refuses everything else without calling it', async () => {
    const opened: string[] = [];
    const open = guardOpenExternal(
      async (url) => {
        opened.push(url);
      },
      ['https://example.org'],
    );
    await open('https://example.org/a');
    for (const url of [
      'https://evil.example/?data=Ana%20Horvat',
      'https://example.org.evil.example/',
      'mailto:info@example.org',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id',
      'javascript:alert(1)',
      'http://example.org',
      'https://user:pw@example.org/',
    ]) {
      await expect(open(url), url).rejects.toThrow(/Refused/);
    }
    expect(opened).toEqual(['https://example.org/a']);
  });

  it('opens nothing by default: the UI has no external links, so the allow-list is empty', async () => {
    expect(EXTERNAL_LINK_ORIGINS).toEqual([]);
    const opened: string[] = [];
    const open = guardOpenExternal(async (url) => {
      opened.push(url);
    });
    for (const url of ['https://example.org/', 'mailto:info@example.org']) await expect(open(url), url).rejects.toThrow(/Refused/);
    expect(opened).toEqual([]);
  });
});

describe('navigation guards', () => {
  const origins = ['app://mreza'];

  it('blocks will-navigate and will-redirect away from the app, allows same-origin reloads', () => {
    const f = fakeContents();
    installContentsGuards(f.contents, { allowedOrigins: origins, openExternal: async () => {} });
    expect(f.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(f.emit('will-navigate', 'app://other/index.html')).toBe(true);
    expect(f.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(f.emit('will-navigate', 'app://mreza/index.html')).toBe(false);
    expect(f.emit('will-redirect', 'app://mreza/index.html#/x')).toBe(false);
  });

  it('allows the dev server origin only when it is in the list', () => {
    expect(isAllowedNavigation('http://localhost:5173/', ['app://mreza'])).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', ['app://mreza', 'http://localhost:5173'])).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    const f = fakeContents();
    installContentsGuards(f.contents, { allowedOrigins: origins, openExternal: async () => {} });
    expect(f.emit('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens nothing externally by default (a page cannot send data out in a URL)', async () => {
    const opened: string[] = [];
    const f = fakeContents();
    installContentsGuards(f.contents, {
      allowedOrigins: origins,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    expect(f.openWindow('https://example.org/?q=Ana%20Horvat')).toEqual({ action: 'deny' });
    expect(f.openWindow('mailto:a@example.org?body=secret')).toEqual({ action: 'deny' });
    expect(f.openWindow('http://example.org/')).toEqual({ action: 'deny' });
    expect(f.openWindow('app://mreza/index.html')).toEqual({ action: 'deny' });
    expect(f.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('opens an allow-listed https link in the OS browser, still denying the window', async () => {
    const opened: string[] = [];
    const f = fakeContents();
    installContentsGuards(f.contents, {
      allowedOrigins: origins,
      externalLinks: ['https://example.org'],
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    expect(f.openWindow('https://example.org/help')).toEqual({ action: 'deny' });
    expect(f.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.openWindow('mailto:a@example.org')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/help']);
  });

  it('swallows a failing openExternal instead of crashing main', async () => {
    const handler = windowOpenHandler(() => Promise.reject(new Error('no browser')));
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
  });
});

describe('session permission guards', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    let device: ((...args: unknown[]) => boolean) | null = null;
    let spellchecker: boolean | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
      setDevicePermissionHandler: (h: typeof device) => {
        device = h;
      },
      setSpellCheckerEnabled: (on: boolean) => {
        spellchecker = on;
      },
    };
    installSessionGuards(session as unknown as GuardedSession);
    expect(request).not.toBeNull();
    expect(check).not.toBeNull();
    expect(device).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      request!(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(check!(null, permission, 'app://mreza', {}), permission).toBe(false);
    }
    expect(device!({ deviceType: 'usb', origin: 'app://mreza' })).toBe(false);
    // The session's spellchecker is off too, so no dictionary is ever downloaded.
    expect(spellchecker).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const top = (url: string): FrameLike => ({ url, parent: null });

  it('trusts the top frame of app://mreza', () => {
    expect(isTrustedSender(top('app://mreza/index.html'), 'app://mreza')).toBe(true);
    expect(isTrustedSender(top('app://mreza/index.html#/participants'), ['app://mreza'])).toBe(true);
  });

  it('trusts the dev server origin only when it is expected', () => {
    expect(isTrustedSender(top('http://localhost:5173/'), ['app://mreza'])).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/'), ['app://mreza', 'http://localhost:5173'])).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), ['app://mreza', 'http://localhost:5173'])).toBe(false);
  });

  it('refuses subframes, even of our own origin', () => {
    const parent = top('app://mreza/index.html');
    expect(isTrustedSender({ url: 'app://mreza/index.html', parent }, 'app://mreza')).toBe(false);
  });

  it('refuses foreign origins, lookalikes and missing frames', () => {
    expect(isTrustedSender(top('https://evil.example/'), 'app://mreza')).toBe(false);
    expect(isTrustedSender(top('app://mreza.evil/'), 'app://mreza')).toBe(false);
    expect(isTrustedSender(top('file:///index.html'), 'app://mreza')).toBe(false);
    expect(isTrustedSender(top('about:blank'), 'app://mreza')).toBe(false);
    expect(isTrustedSender(null, 'app://mreza')).toBe(false);
    expect(isTrustedSender(undefined, 'app://mreza')).toBe(false);
  });
});
