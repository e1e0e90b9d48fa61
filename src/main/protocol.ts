import { isAbsolute, join, relative, sep } from 'node:path';
import type { Protocol } from 'electron';

/** The custom scheme the UI is served from, instead of file://. */
export const APP_SCHEME = 'app';
/** The only host the scheme answers for. */
export const APP_HOST = 'mreza';
/** Origin of every page the app itself serves. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads in production. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content Security Policy for every response of the app:// protocol. Mantine injects style
 * elements, hence `'unsafe-inline'` for styles only; no `'unsafe-eval'` anywhere.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The one script allowed to compile WebAssembly: the Argon2id worker (hash-wasm) that turns a
 * passphrase into the key opening the data. A dedicated worker takes its CSP from its own
 * response, so the page keeps `script-src 'self'` without 'wasm-unsafe-eval', and the worker,
 * which has no DOM and fetches nothing, gets nothing else.
 */
export const KDF_WORKER_CSP = ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'"].join('; ');
/** How Vite names the worker's bundle (`assets/kdfWorker-<hash>.js`). */
const KDF_WORKER_FILE = /^kdfWorker-[A-Za-z0-9_-]+\.js$/;

export function isKdfWorkerPath(path: string): boolean {
  const segments = path.split(/[\\/]/);
  return segments.length >= 2 && segments.at(-2) === 'assets' && KDF_WORKER_FILE.test(segments.at(-1) ?? '');
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const DEFAULT_MIME_TYPE = 'application/octet-stream';

/** MIME type for a file name, by extension (case-insensitive). */
export function mimeTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return DEFAULT_MIME_TYPE;
  return MIME_TYPES[fileName.slice(dot).toLowerCase()] ?? DEFAULT_MIME_TYPE;
}

export type AppRequestResolution =
  { readonly ok: true; readonly path: string; readonly mimeType: string } | { readonly ok: false; readonly status: 400 | 403 | 405 };

const refuse = (status: 400 | 403 | 405): AppRequestResolution => ({ ok: false, status });

/** `..` written plainly or percent-encoded in any mix, as a whole path segment or not. */
const DOT_DOT = /(\.|%2e){2}/i;

/**
 * Maps an app:// request to a file under `rootDir`, or says why not. Pure: touches no disk.
 * - only GET and HEAD (405 otherwise);
 * - only `app://mreza` with no port or credentials (403 otherwise);
 * - no `..` (plain or percent-encoded), no encoded separators, no backslashes, no drive letters,
 *   no empty or hidden segments, no NUL (403);
 * - `/` is index.html; a last segment without an extension is a client-side route and also gets
 *   index.html, so reloading a deep link works.
 */
export function resolveAppRequest(url: string, method: string, rootDir: string): AppRequestResolution {
  const verb = method.toUpperCase();
  if (verb !== 'GET' && verb !== 'HEAD') return refuse(405);

  // Checked on the raw text as well, before the URL parser quietly resolves dot segments.
  if (DOT_DOT.test(url) || url.includes('\\')) return refuse(403);

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400);
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return refuse(403);
  if (parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return refuse(403);
  }

  // Chromium normalises app://mreza to app://mreza/ (standard scheme); Node's parser does not.
  const pathname = parsed.pathname === '' ? '/' : parsed.pathname;
  const rawSegments = pathname.split('/').slice(1);
  if (rawSegments.length === 1 && rawSegments[0] === '') rawSegments[0] = 'index.html';

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400);
    }
    if (segment === '' || segment.startsWith('.') || segment.includes('/') || segment.includes('\\') || segment.includes(':') || segment.includes('\0')) {
      return refuse(403);
    }
    segments.push(segment);
  }

  const last = segments[segments.length - 1] ?? 'index.html';
  const fileSegments = last.includes('.') ? segments : ['index.html'];

  const root = join(rootDir);
  const path = join(root, ...fileSegments);
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return refuse(403);

  return { ok: true, path, mimeType: mimeTypeFor(path) };
}

/** Headers added to every response of the app:// protocol (the KDF worker's script gets KDF_WORKER_CSP). */
export function securityHeaders(path = ''): Record<string, string> {
  return {
    'Content-Security-Policy': isKdfWorkerPath(path) ? KDF_WORKER_CSP : CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

function errorResponse(status: number): Response {
  const headers: Record<string, string> = { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' };
  if (status === 405) headers['Allow'] = 'GET, HEAD';
  return new Response(STATUS_TEXT[status] ?? 'Error', { status, headers });
}

/**
 * The protocol.handle callback: resolves the request, reads the file, answers with the CSP.
 * Uses only the WHATWG Request/Response globals, so it runs under vitest too.
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile,
): (request: { readonly url: string; readonly method: string }) => Promise<Response> {
  return async (request) => {
    const resolved = resolveAppRequest(request.url, request.method, rootDir);
    if (!resolved.ok) return errorResponse(resolved.status);
    let data: Uint8Array;
    try {
      data = await readFile(resolved.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return errorResponse(code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 404 : 500);
    }
    const headers = { ...securityHeaders(resolved.path), 'Content-Type': resolved.mimeType, 'Content-Length': String(data.byteLength) };
    const body = request.method.toUpperCase() === 'HEAD' ? null : new Uint8Array(data);
    return new Response(body, { status: 200, headers });
  };
}

/** Must run before `app` is ready: app:// behaves like https (standard, secure, fetch). */
export function registerAppSchemePrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves `rootDir` (out/renderer) on app://mreza. Call after `app` is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string, readFile: ReadFile): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, readFile));
}

/**
 * Where the window goes: the electron-vite dev server when ELECTRON_RENDERER_URL is set (dev
 * only; the packaged app never has it honoured), otherwise the app:// index page.
 */
export function rendererEntryUrl(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  if (!isPackaged && devUrl !== undefined && devUrl !== '') return devUrl;
  return APP_INDEX_URL;
}
