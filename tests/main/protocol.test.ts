import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  CSP,
  createAppProtocolHandler,
  handleAppProtocol,
  mimeTypeFor,
  registerAppSchemePrivileged,
  rendererEntryUrl,
  resolveAppRequest,
} from '../../src/main/protocol';

const ROOT = join(tmpdir(), 'mreza-root', 'out', 'renderer');

function ok(url: string, method = 'GET'): { path: string; mimeType: string } {
  const r = resolveAppRequest(url, method, ROOT);
  if (!r.ok) throw new Error(`expected ${url} to resolve, got ${r.status}`);
  return r;
}
function status(url: string, method = 'GET'): number | 'ok' {
  const r = resolveAppRequest(url, method, ROOT);
  return r.ok ? 'ok' : r.status;
}

describe('resolveAppRequest', () => {
  it('maps / and the index to index.html', () => {
    expect(ok('app://mreza/').path).toBe(join(ROOT, 'index.html'));
    expect(ok('app://mreza').path).toBe(join(ROOT, 'index.html'));
    expect(ok('app://mreza/index.html').path).toBe(join(ROOT, 'index.html'));
    expect(ok('app://mreza/index.html?x=1#/a').path).toBe(join(ROOT, 'index.html'));
  });

  it('maps asset paths under the root', () => {
    expect(ok('app://mreza/assets/index-abc123.js').path).toBe(join(ROOT, 'assets', 'index-abc123.js'));
    expect(ok('app://mreza/assets/font%20name.woff2').path).toBe(join(ROOT, 'assets', 'font name.woff2'));
  });

  it('serves index.html for extension-less client routes', () => {
    expect(ok('app://mreza/participants/42').path).toBe(join(ROOT, 'index.html'));
  });

  it('allows only GET and HEAD', () => {
    expect(status('app://mreza/index.html', 'GET')).toBe('ok');
    expect(status('app://mreza/index.html', 'get')).toBe('ok');
    expect(status('app://mreza/index.html', 'HEAD')).toBe('ok');
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect(status('app://mreza/index.html', m)).toBe(405);
  });

  it('answers only for app://mreza', () => {
    expect(status('app://evil/index.html')).toBe(403);
    expect(status('app://mreza.evil/index.html')).toBe(403);
    expect(status('app://mreza:8080/index.html')).toBe(403);
    expect(status('app://user:pw@mreza/index.html')).toBe(403);
    expect(status('file:///etc/passwd')).toBe(403);
    expect(status('https://mreza/index.html')).toBe(403);
    expect(status('not a url')).toBe(400);
  });

  it('refuses .. traversal, plain and percent-encoded', () => {
    for (const url of [
      'app://mreza/../secret.txt',
      'app://mreza/assets/../../secret.txt',
      'app://mreza/%2e%2e/secret.txt',
      'app://mreza/%2E%2E/secret.txt',
      'app://mreza/.%2e/secret.txt',
      'app://mreza/%2e./secret.txt',
      'app://mreza/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mreza/..%2fsecret.txt',
      'app://mreza/..%5csecret.txt',
    ]) {
      expect(status(url), url).toBe(403);
    }
  });

  it('refuses encoded separators, absolute paths, drive letters, hidden files and NUL', () => {
    for (const url of [
      'app://mreza/%2fetc%2fpasswd',
      'app://mreza/assets%5cindex.js',
      'app://mreza/C:%5cWindows%5cwin.ini',
      'app://mreza/C%3a/Windows/win.ini',
      'app://mreza//etc/passwd',
      'app://mreza/.env',
      'app://mreza/index.html%00.png',
      'app://mreza\\..\\secret.txt',
    ]) {
      expect(status(url), url).toBe(403);
    }
    expect(status('app://mreza/%E0%A4%A.js')).toBe(400);
  });

  it('gives each file its MIME type', () => {
    expect(ok('app://mreza/index.html').mimeType).toBe('text/html; charset=utf-8');
    expect(ok('app://mreza/a.js').mimeType).toBe('text/javascript; charset=utf-8');
    expect(ok('app://mreza/a.css').mimeType).toBe('text/css; charset=utf-8');
    expect(ok('app://mreza/a.svg').mimeType).toBe('image/svg+xml');
    expect(ok('app://mreza/a.PNG').mimeType).toBe('image/png');
    expect(ok('app://mreza/a.woff2').mimeType).toBe('font/woff2');
    expect(ok('app://mreza/a.json').mimeType).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('x.unknownext')).toBe('application/octet-stream');
  });
});

describe('CSP', () => {
  const directives = new Map(
    CSP.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );

  it('has every required directive with exactly the expected sources', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-src': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('never allows eval, and allows inline only for styles', () => {
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).not.toContain('wasm-unsafe-eval');
    for (const [name, values] of directives) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });
});

describe('app:// protocol handler', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mreza-protocol-'));
    await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'secret');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const handler = () => createAppProtocolHandler(join(root, 'renderer'), (p) => readFile(p));

  it('serves files with the CSP and nosniff headers', async () => {
    const res = await handler()(new Request('app://mreza/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>x</title>');
    const js = await handler()(new Request('app://mreza/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const res = await handler()({ url: 'app://mreza/index.html', method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses traversal to a file that exists outside the root', async () => {
    const res = await handler()({ url: 'app://mreza/%2e%2e/secret.txt', method: 'GET' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
  });

  it('returns 405 with Allow for other methods, 404 for missing files', async () => {
    const post = await handler()({ url: 'app://mreza/index.html', method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await handler()({ url: 'app://mreza/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handler()({ url: 'app://other/index.html', method: 'GET' })).status).toBe(403);
  });

  it('registers the scheme as standard, secure and fetch-capable, and handles it', () => {
    const registered: unknown[] = [];
    registerAppSchemePrivileged({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handled: string[] = [];
    handleAppProtocol({ handle: (scheme) => handled.push(scheme) }, root, (p) => readFile(p));
    expect(handled).toEqual(['app']);
  });
});

describe('rendererEntryUrl', () => {
  it('uses the dev server only when unpackaged and ELECTRON_RENDERER_URL is set', () => {
    expect(rendererEntryUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173');
    expect(rendererEntryUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBe(APP_INDEX_URL);
    expect(rendererEntryUrl({}, false)).toBe(APP_INDEX_URL);
    expect(APP_INDEX_URL).toBe('app://mreza/index.html');
  });
});
