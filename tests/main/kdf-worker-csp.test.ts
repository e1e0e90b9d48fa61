import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, CSP, isKdfWorkerPath, KDF_WORKER_CSP } from '../../src/main/protocol';

/**
 * Argon2id (hash-wasm) needs WebAssembly, which `script-src 'self'` forbids. Only the KDF
 * worker's own script is served with 'wasm-unsafe-eval' (a dedicated worker takes the CSP of its
 * own response); the page and every other file keep the strict CSP.
 */
describe('the KDF worker, and only it, may compile WebAssembly', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mreza-kdf-csp-'));
    await mkdir(join(root, 'assets'), { recursive: true });
    for (const f of ['kdfWorker-C-MG2OBb.js', 'index-Abc123.js', 'matchWorker-X1.js']) await writeFile(join(root, 'assets', f), '//');
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'kdfWorker-C-MG2OBb.js'), '//');
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));
  const serve = (path: string) => createAppProtocolHandler(root, (p) => readFile(p))(new Request(`app://mreza/${path}`));

  it('serves the worker with wasm-unsafe-eval and nothing else: no network, no other sources', async () => {
    const res = await serve('assets/kdfWorker-C-MG2OBb.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(KDF_WORKER_CSP);
    expect(KDF_WORKER_CSP).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'");
    expect(KDF_WORKER_CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'|connect-src/);
  });

  it('every other file, the page above all, keeps the strict CSP', async () => {
    for (const path of ['index.html', 'assets/index-Abc123.js', 'assets/matchWorker-X1.js', 'kdfWorker-C-MG2OBb.js']) {
      const res = await serve(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
    }
    expect(CSP).not.toContain('wasm-unsafe-eval');
  });

  it('matches only assets/kdfWorker-<hash>.js', () => {
    expect(isKdfWorkerPath(join(root, 'assets', 'kdfWorker-C-MG2OBb.js'))).toBe(true);
    expect(isKdfWorkerPath('C:\\app\\renderer\\assets\\kdfWorker-a_b-9.js')).toBe(true);
    for (const p of [
      'assets/kdfWorker-.js',
      'assets/kdfWorker-x.js.map',
      'assets/evil-kdfWorker-x.js',
      'kdfWorker-x.js',
      'assets/kdfWorker-x.mjs',
      'other/kdfWorker-x.js',
    ])
      expect(isKdfWorkerPath(p), p).toBe(false);
  });
});
