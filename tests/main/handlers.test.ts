import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/ipc';
import { appInfo } from '../../src/main/handlers/appInfo';
import { createFileHandlers, type DialogLike, type FileSystemLike } from '../../src/main/handlers/files';
import { createHandlers } from '../../src/main/handlers';
import { htmlToPdf, printDirect, printToPdf, type OffscreenPage } from '../../src/main/handlers/print';
import type { InvokeEventLike } from '../../src/main/ipc';

/** An in-memory file system and a scripted dialog. */
function fakes(options: { savePath?: string; openPaths?: string[] } = {}) {
  const files = new Map<string, Uint8Array>();
  const fs: FileSystemLike = {
    readFile: async (p) => {
      const f = files.get(p);
      if (!f) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return f;
    },
    writeFile: async (p, d) => void files.set(p, d),
    size: async (p) => files.get(p)?.byteLength ?? 0,
  };
  const saveCalls: unknown[] = [];
  const openCalls: unknown[] = [];
  const dialog: DialogLike = {
    showSaveDialog: async (o) => {
      saveCalls.push(o);
      return options.savePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: options.savePath };
    },
    showOpenDialog: async (o) => {
      openCalls.push(o);
      return options.openPaths === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: options.openPaths };
    },
  };
  return { fs, files, dialog, saveCalls, openCalls };
}

describe('file:save', () => {
  it('writes where the user chose and returns only the file name', async () => {
    const f = fakes({ savePath: '/home/ana/Documents/report.csv' });
    const h = createFileHandlers({ dialog: f.dialog, fs: f.fs, defaultDir: '/home/ana/Documents' });
    const data = new Uint8Array([1, 2, 3]);
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    await expect(h.save({ suggestedName: 'report.csv', filters, data })).resolves.toEqual({ fileName: 'report.csv' });
    expect(f.files.get('/home/ana/Documents/report.csv')).toBe(data);
    expect(f.saveCalls[0]).toMatchObject({ defaultPath: join('/home/ana/Documents', 'report.csv'), filters });
  });

  it('returns null and writes nothing when cancelled', async () => {
    const f = fakes();
    const h = createFileHandlers({ dialog: f.dialog, fs: f.fs });
    await expect(h.save({ suggestedName: 'x.csv', filters: [], data: new Uint8Array([1]) })).resolves.toBeNull();
    expect(f.files.size).toBe(0);
  });
});

describe('file:open', () => {
  it('returns names and bytes of the chosen files, never their paths', async () => {
    const f = fakes({ openPaths: ['/secret/dir/a.json', '/secret/dir/b.json'] });
    f.files.set('/secret/dir/a.json', new Uint8Array([1]));
    f.files.set('/secret/dir/b.json', new Uint8Array([2]));
    const h = createFileHandlers({ dialog: f.dialog, fs: f.fs });
    const result = await h.open({ filters: [{ name: 'JSON', extensions: ['json'] }], multiple: true });
    expect(result.map((r) => r.fileName)).toEqual(['a.json', 'b.json']);
    expect(result.map((r) => Array.from(r.data))).toEqual([[1], [2]]);
    expect(JSON.stringify(result)).not.toContain('/secret');
    expect(f.openCalls[0]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
  });

  it('opens one file unless multiple was asked, and nothing when cancelled', async () => {
    const f = fakes({ openPaths: ['/a.json', '/b.json'] });
    f.files.set('/a.json', new Uint8Array([1]));
    f.files.set('/b.json', new Uint8Array([2]));
    const single = await createFileHandlers({ dialog: f.dialog, fs: f.fs }).open({ filters: [], multiple: false });
    expect(single.map((r) => r.fileName)).toEqual(['a.json']);
    expect(f.openCalls[0]).toMatchObject({ properties: ['openFile'] });
    const none = await createFileHandlers({ dialog: fakes().dialog, fs: f.fs }).open({ filters: [], multiple: true });
    expect(none).toEqual([]);
  });

  it('refuses files over the size limit', async () => {
    const f = fakes({ openPaths: ['/big.bin'] });
    f.files.set('/big.bin', new Uint8Array(11));
    const h = createFileHandlers({ dialog: f.dialog, fs: f.fs, maxOpenBytes: 10 });
    await expect(h.open({ filters: [], multiple: false })).rejects.toThrow(/too large: big\.bin/);
  });
});

describe('print:htmlToPdf', () => {
  const fakes = (fail = false) => {
    const calls: string[] = [];
    const files = new Map<string, string>();
    const page: OffscreenPage = {
      loadFile: async (path) => void calls.push(`load ${path} ${files.get(path)}`),
      printToPDF: async (options) => {
        calls.push(`print ${JSON.stringify(options)}`);
        if (fail) throw new Error('render failed');
        return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      },
      destroy: () => void calls.push('destroy'),
    };
    const temp = {
      write: async (html: Uint8Array) => (files.set('/tmp/mreza-print-1/document.html', new TextDecoder().decode(html)), '/tmp/mreza-print-1/document.html'),
      remove: async (path: string) => void (files.delete(path), calls.push(`remove ${path}`)),
    };
    return { calls, files, page: () => page, temp };
  };

  it('renders the document from a temporary file to A4 PDF, then destroys the window and the file', async () => {
    const f = fakes();
    await expect(htmlToPdf(f.page, f.temp, { html: new TextEncoder().encode('<p>Potpisna lista</p>') })).resolves.toEqual(
      new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    );
    expect(f.calls).toEqual([
      'load /tmp/mreza-print-1/document.html <p>Potpisna lista</p>',
      `print ${JSON.stringify({ pageSize: 'A4', printBackground: true, landscape: false })}`,
      'destroy',
      'remove /tmp/mreza-print-1/document.html',
    ]);
    expect(f.files.size).toBe(0);
  });

  it('leaves no window and no file behind when rendering fails', async () => {
    const f = fakes(true);
    await expect(htmlToPdf(f.page, f.temp, { html: new TextEncoder().encode('<p>x</p>') })).rejects.toThrow('render failed');
    expect(f.calls.slice(-2)).toEqual(['destroy', 'remove /tmp/mreza-print-1/document.html']);
    expect(f.files.size).toBe(0);
  });
});

describe('print:print', () => {
  it('opens the print dialog for A4 with backgrounds and reports whether it printed', async () => {
    const print = vi.fn((_o: unknown, done: (ok: boolean, why: string) => void) => done(true, ''));
    await expect(printDirect({ printToPDF: async () => new Uint8Array(), print }, { landscape: false })).resolves.toBe(true);
    expect(print).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, landscape: false }, expect.any(Function));
    const cancelled = vi.fn((_o: unknown, done: (ok: boolean, why: string) => void) => done(false, 'cancelled'));
    await expect(printDirect({ printToPDF: async () => new Uint8Array(), print: cancelled }, { landscape: true })).resolves.toBe(false);
  });
});

describe('print:pdf', () => {
  it('prints A4 with backgrounds, honours landscape, then saves via the dialog', async () => {
    const f = fakes({ savePath: '/out/report.pdf' });
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const printToPDF = vi.fn(async () => pdf);
    await expect(
      printToPdf({ dialog: f.dialog, fs: f.fs }, { printToPDF, print: () => undefined }, { suggestedName: 'report', landscape: true }),
    ).resolves.toEqual({
      fileName: 'report.pdf',
    });
    expect(printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, landscape: true });
    expect(f.saveCalls[0]).toMatchObject({ defaultPath: 'report.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(f.files.get('/out/report.pdf')).toBe(pdf);
  });

  it('returns null when the user cancels the save', async () => {
    const f = fakes();
    await expect(
      printToPdf(
        { dialog: f.dialog, fs: f.fs },
        { printToPDF: async () => new Uint8Array(), print: () => undefined },
        { suggestedName: 'r.pdf', landscape: false },
      ),
    ).resolves.toBeNull();
  });
});

describe('shell:openExternal', () => {
  it('is not in the contract: nothing in the UI opens links, so a page cannot send data out in a URL', () => {
    expect(CHANNELS).not.toContain('shell:openExternal');
  });
});

describe('app:info', () => {
  it('reports version, platform, system languages and isElectron', () => {
    const app = { getVersion: () => '1.2.3', getPreferredSystemLanguages: () => ['sr-Latn-RS', 'en-US'] };
    expect(appInfo(app, 'win32')).toEqual({ version: '1.2.3', platform: 'win32', locales: ['sr-Latn-RS', 'en-US'], isElectron: true });
  });
});

describe('createHandlers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mreza-handlers-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('provides a handler for every channel and wires quitReady and backups', async () => {
    const quitReady = vi.fn(() => true);
    const locales: string[] = [];
    const logged: string[] = [];
    const f = fakes();
    const handlers = createHandlers({
      app: { getVersion: () => '0.1.0', getPreferredSystemLanguages: () => ['hr'] },
      platform: 'linux',
      backupDir: join(dir, 'backups'),
      dialog: f.dialog,
      fs: f.fs,
      quitReady,
      setLocale: (locale) => locales.push(locale) > 0,
      openedFiles: { take: async () => [{ kind: 'bundle', fileName: 'a.mreza', data: new Uint8Array([7]) }] },
      logLine: (level, message) => logged.push(`${level} ${message}`) > 0,
      openLogsFolder: async () => false,
    });
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    const event: InvokeEventLike = { senderFrame: null, sender: { printToPDF: async () => new Uint8Array(), print: () => undefined } };
    expect(await handlers['app:quitReady'](undefined, event)).toBe(true);
    expect(await handlers['app:setLocale']({ locale: 'sl' }, event)).toBe(true);
    expect(locales).toEqual(['sl']);
    expect(quitReady).toHaveBeenCalledTimes(1);
    expect(await handlers['file:takeOpened'](undefined, event)).toEqual([{ kind: 'bundle', fileName: 'a.mreza', data: new Uint8Array([7]) }]);
    expect(await handlers['log:write']({ level: 'warn', message: 'x' }, event)).toBe(true);
    expect(logged).toEqual(['warn x']);
    expect(await handlers['app:openLogsFolder'](undefined, event)).toBe(false);
    const written = await handlers['backup:write']({ reason: 'manual', data: new Uint8Array([1]) }, event);
    expect(await handlers['backup:list'](undefined, event)).toEqual([written]);
    expect(await handlers['app:info'](undefined, event)).toMatchObject({ platform: 'linux', isElectron: true });
  });
});
