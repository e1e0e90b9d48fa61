import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * The origin of a URL as `scheme://host[:port]`. WHATWG `URL.origin` is "null" for schemes the
 * URL parser does not know (like app:), so it is built by hand; null when there is no host.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** The origins the UI may be served from: app://mreza, plus the dev server's in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl === undefined || devServerUrl === '' ? null : originOf(devServerUrl);
  if (dev !== null) origins.push(dev);
  return origins;
}

/** The schemes that may ever leave the app (https with a host, mailto); EXTERNAL_LINK_ORIGINS narrows further. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  if (parsed.protocol === 'mailto:') return parsed.pathname !== '' || parsed.search !== '';
  return false;
}

/** A navigation is allowed only within the origins the UI is served from (reloads, hash routes). */
export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/** The part of WebFrameMain the IPC sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/**
 * IPC senders must be the top frame of a page served from one of our own origins; a subframe,
 * a foreign page or a destroyed frame (null) is refused.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, expectedOrigins: string | readonly string[]): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  const origin = originOf(frame.url);
  if (origin === null) return false;
  const expected = typeof expectedOrigins === 'string' ? [expectedOrigins] : expectedOrigins;
  return expected.some((e) => e.toLowerCase() === origin);
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * The https origins a link in the UI may open in the OS browser. Empty: Mreža shows no external
 * links. Any https URL would let a page that went wrong send data out in a query string, so a
 * link added to the UI adds its origin here (with a test), and nothing else opens.
 */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [];

/** An https URL (no credentials) whose origin is on the allow-list. */
export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_LINK_ORIGINS): boolean {
  if (!isSafeExternalUrl(url) || !url.toLowerCase().startsWith('https:')) return false;
  const origin = originOf(url);
  return origin !== null && allowList.some((o) => o.toLowerCase() === origin);
}

/**
 * Wraps the OS opener (shell.openExternal) so nothing but an allow-listed URL ever reaches it,
 * whichever caller forgets to check: the window-open handler checks first, this again.
 */
export function guardOpenExternal(open: OpenExternal, allowList: readonly string[] = EXTERNAL_LINK_ORIGINS): OpenExternal {
  return async (url) => {
    if (!isAllowedExternalUrl(url, allowList)) throw new Error('Refused to open a URL that is not on the allow-list');
    await open(url);
  };
}

/** What setWindowOpenHandler answers: always deny; allow-listed links go to the OS browser. */
export function windowOpenHandler(
  openExternal: OpenExternal,
  allowList: readonly string[] = EXTERNAL_LINK_ORIGINS,
): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (isAllowedExternalUrl(url, allowList)) {
      openExternal(url).catch(() => undefined);
    }
    return { action: 'deny' };
  };
}

/** The parts of WebContents the guards install themselves on. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Installs the navigation guards on one WebContents: `will-navigate` / `will-redirect` are
 * prevented unless they stay on our own origin, window.open / target=_blank are denied (safe
 * links open externally), and `<webview>` is refused.
 */
export function installContentsGuards(
  contents: GuardedContents,
  options: { readonly allowedOrigins: readonly string[]; readonly openExternal: OpenExternal; readonly externalLinks?: readonly string[] },
): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, options.allowedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, options.allowedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(windowOpenHandler(options.openExternal, options.externalLinks));
}

/** The parts of Session the permission guards install themselves on. */
export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
>;

/**
 * Every permission request and check is denied: the app needs no camera, location, etc. The
 * spellchecker starts off; spellcheck.ts turns it on only with the OS's local dictionaries.
 */
export function installSessionGuards(session: GuardedSession): void {
  session.setSpellCheckerEnabled(false);
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
