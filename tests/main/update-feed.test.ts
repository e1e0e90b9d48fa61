/**
 * Feed parsing (#19 item 1) in Node, against a local HTTP server (node:http) serving a
 * `latest.yml` as electron-builder writes it. The feed is read by electron-updater's own
 * GenericProvider and yml parser (they need no Electron), through builder-util-runtime's
 * HttpExecutor with node:http underneath (in the app it is Electron's net module); then the
 * update service turns what it read into what the user sees.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateErrorCode, type FeedInfo } from '@shared/updates';
import { UpdateService, type UpdaterLike, type UpdateSettings } from '../../src/main/updates';

// electron-updater's own copies, so the versions are the ones the app ships.
const updaterRequire = createRequire(createRequire(import.meta.url).resolve('electron-updater/package.json'));
const { GenericProvider } = updaterRequire('./out/providers/GenericProvider.js') as {
  GenericProvider: new (
    config: { provider: 'generic'; url: string },
    updater: { channel: string | null; isAddNoCacheQuery: boolean },
    runtime: { executor: unknown; isUseMultipleRangeRequest: boolean; platform: string },
  ) => {
    getLatestVersion(): Promise<FeedInfo & { files: Array<{ url: string; sha512: string; size?: number }>; path?: string }>;
    resolveFiles(info: unknown): Array<{ url: URL }>;
  };
};
const { HttpExecutor } = updaterRequire('builder-util-runtime') as { HttpExecutor: new () => object };

class NodeHttpExecutor extends (HttpExecutor as unknown as new () => { request(o: unknown): Promise<string | null> }) {
  createRequest(options: object, callback: (response: IncomingMessage) => void) {
    return request(options, callback);
  }
}

const LATEST_YML = `version: 0.2.0
files:
  - url: Mreza-0.2.0-win-x64-setup.exe
    sha512: 3kq1ZyA7Lw4b9kz6bB1YkQ0c5mWm0Tq6QnN7bXxqkqLwqS+VQ7Zl0fP3q1o5gk2qGmYb1G2R8p9J6yXJt6qC3A==
    size: 84213760
path: Mreza-0.2.0-win-x64-setup.exe
sha512: 3kq1ZyA7Lw4b9kz6bB1YkQ0c5mWm0Tq6QnN7bXxqkqLwqS+VQ7Zl0fP3q1o5gk2qGmYb1G2R8p9J6yXJt6qC3A==
releaseDate: '2026-05-01T10:00:00.000Z'
releaseNotes: |-
  <h3>Mreža 0.2.0</h3>
  <ul><li>Updates: opt in under Settings</li><li>Partners' app versions in the lead's list</li></ul>
`;

const routes = new Map<string, { status: number; body: string }>();
let server: Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const route = routes.get(path);
    res.writeHead(route?.status ?? 404, { 'content-type': 'text/yaml' });
    res.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function provider(path: string) {
  return new GenericProvider(
    { provider: 'generic', url: `${base}${path}` },
    { channel: null, isAddNoCacheQuery: false },
    { executor: new NodeHttpExecutor(), isUseMultipleRangeRequest: false, platform: 'win32' },
  );
}

/** An updater whose check is a real GenericProvider read, emitting what electron-updater emits. */
function feedUpdater(path: string): UpdaterLike & { downloads: number } {
  const listeners = new Map<string, Array<(arg: never) => void>>();
  const emit = (event: string, arg: unknown) => listeners.get(event)?.forEach((l) => l(arg as never));
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    downloads: 0,
    on(event: string, listener: (arg: never) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return updater;
    },
    async checkForUpdates() {
      try {
        const info = await provider(path).getLatestVersion();
        emit(info.version === '0.1.0' ? 'update-not-available' : 'update-available', info);
        return { updateInfo: info };
      } catch (error) {
        emit('error', error);
        throw error;
      }
    },
    async downloadUpdate() {
      updater.downloads++;
      return [];
    },
    quitAndInstall() {},
  };
  return updater as unknown as UpdaterLike & { downloads: number };
}

function service(path: string, autoCheck = false) {
  let saved: UpdateSettings = { autoCheck, lastCheckAt: null };
  const updater = feedUpdater(path);
  const svc = new UpdateService({
    supported: true,
    currentVersion: '0.1.0',
    loadUpdater: async () => updater,
    settings: { read: async () => saved, write: async (s) => void (saved = s) },
    notify: () => {},
    requestQuit: () => {},
    quit: () => {},
    setInterval: () => 0,
  });
  return { svc, updater };
}

describe('latest.yml from a local HTTP server, read by electron-updater', () => {
  it("electron-updater's GenericProvider parses the feed: version, files with sha512, release date and notes", async () => {
    routes.set('/feed/latest.yml', { status: 200, body: LATEST_YML });
    const p = provider('/feed/');
    const info = await p.getLatestVersion();
    expect(info.version).toBe('0.2.0');
    expect(info.files[0]).toMatchObject({ url: 'Mreza-0.2.0-win-x64-setup.exe', size: 84213760 });
    expect(info.files[0]!.sha512).toMatch(/==$/);
    expect(info.releaseDate).toBe('2026-05-01T10:00:00.000Z');
    // The installer is fetched from beside the feed.
    expect(p.resolveFiles(info)[0]!.url.href).toBe(`${base}/feed/Mreza-0.2.0-win-x64-setup.exe`);
  });

  it('the user sees "0.2.0 is available" with the notes as text, and nothing is downloaded until she agrees', async () => {
    routes.set('/feed/latest.yml', { status: 200, body: LATEST_YML });
    const { svc, updater } = service('/feed/');
    const status = await svc.checkNow();
    expect(status.state).toEqual({
      status: 'available',
      version: '0.2.0',
      releaseNotes: "Mreža 0.2.0\n\n• Updates: opt in under Settings\n• Partners' app versions in the lead's list",
      releaseDate: '2026-05-01T10:00:00.000Z',
    });
    expect(updater.autoDownload).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.downloads).toBe(0);
    expect(status.lastCheckAt).not.toBeNull();
  });

  it('a feed with the same version offers nothing', async () => {
    routes.set('/same/latest.yml', { status: 200, body: LATEST_YML.replace('version: 0.2.0', 'version: 0.1.0') });
    const { svc } = service('/same/');
    expect((await svc.checkNow()).state).toEqual({ status: 'idle' });
  });

  it('a missing feed (404), a feed that is not update info, and a server that is gone each give their code', async () => {
    const missing = await service('/nowhere/').svc.checkNow();
    expect(missing.state).toEqual({ status: 'error', code: 'notFound' });

    routes.set('/html/latest.yml', { status: 200, body: '<html><body>Captive portal: sign in</body></html>' });
    expect((await service('/html/').svc.checkNow()).state).toEqual({ status: 'error', code: 'invalidFeed' });

    routes.set('/broken/latest.yml', { status: 200, body: 'version: [0.2.0\nfiles: {' });
    await expect(provider('/broken/').getLatestVersion()).rejects.toSatisfy((e) => updateErrorCode(e) === 'invalidFeed');
  });

  it('no request reaches the server unless the user opted in or clicked "Check now"', async () => {
    routes.set('/quiet/latest.yml', { status: 200, body: LATEST_YML });
    hits.length = 0;
    const { svc } = service('/quiet/', false);
    await svc.start();
    expect(hits).toEqual([]);
    await svc.setAutoCheck(true);
    expect(hits).toEqual(['/quiet/latest.yml']);
  });
});
