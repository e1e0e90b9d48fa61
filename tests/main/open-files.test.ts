import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, MAX_OPENED_FILES } from '@shared/ipc';
import { openablePathsFromArgv, OpenedFileQueue } from '../../src/main/openFiles';

describe('openablePathsFromArgv', () => {
  it('finds a double-clicked file in the installed app’s command line', () => {
    expect(openablePathsFromArgv(['C:\\Program Files\\Mreza\\Mreza.exe', 'C:\\Users\\ana\\Downloads\\paket.mreza-mentor'], 'C:\\')).toEqual([
      'C:\\Users\\ana\\Downloads\\paket.mreza-mentor',
    ]);
  });

  it('skips the executable, switches Chromium adds on a second launch, and files of other kinds', () => {
    const argv = [
      '/opt/Mreza/mreza',
      '--allow-file-access-from-files',
      '--original-process-start-time=1',
      '/home/a/popis.csv',
      '/home/a/x.mreza',
      '/home/a/log.mreza-logs',
    ];
    expect(openablePathsFromArgv(argv, '/')).toEqual(['/home/a/x.mreza', '/home/a/log.mreza-logs']);
    // The development command line (electron . ) holds no file.
    expect(openablePathsFromArgv(['/node_modules/electron/dist/electron', '.', '--inspect'], '/work')).toEqual([]);
  });

  it('takes a relative path from the second launch’s working directory', () => {
    expect(openablePathsFromArgv(['mreza', 'poziv.mreza-invite'], '/home/ana/Preuzimanja')).toEqual([resolve('/home/ana/Preuzimanja', 'poziv.mreza-invite')]);
  });
});

function queueWith(files: Record<string, Uint8Array | Error>, opts: { maxBytes?: number } = {}) {
  let notified = 0;
  const queue = new OpenedFileQueue({
    fs: {
      size: async (p) => {
        const f = files[p];
        if (f === undefined || f instanceof Error) throw f ?? new Error('ENOENT');
        return f.byteLength;
      },
      readFile: async (p) => {
        const f = files[p];
        if (f === undefined || f instanceof Error) throw f ?? new Error('ENOENT');
        return f;
      },
    },
    notify: () => void notified++,
    ...opts,
  });
  return { queue, notified: () => notified };
}

describe('OpenedFileQueue', () => {
  const dir = '/d';
  it('recognises each kind by extension and refuses any other file', () => {
    const { queue, notified } = queueWith({});
    expect(queue.offer(join(dir, 'a.mreza'))).toBe(true);
    expect(queue.offer(join(dir, 'b.MREZA-INVITE'))).toBe(true);
    expect(queue.offer(join(dir, 'c.exe'))).toBe(false);
    expect(queue.offer(join(dir, 'notes.txt'))).toBe(false);
    expect(queue.size).toBe(2);
    expect(notified()).toBe(2);
  });

  it('keeps files until they are taken (the renderer takes them only when signed in), then hands each over once', async () => {
    const { queue } = queueWith({ '/d/p.mreza-mentor': new Uint8Array([1, 2]), '/d/l.mreza-logs': new Uint8Array([3]) });
    queue.offer('/d/p.mreza-mentor');
    queue.offer('/d/l.mreza-logs');
    queue.offer('/d/p.mreza-mentor'); // a second double-click on the same file while locked
    const taken = await queue.take();
    expect(taken).toEqual([
      { kind: 'sessionLogs', fileName: 'l.mreza-logs', data: new Uint8Array([3]) },
      { kind: 'mentorPack', fileName: 'p.mreza-mentor', data: new Uint8Array([1, 2]) },
    ]);
    expect(channels['file:takeOpened'].response.safeParse(taken).success).toBe(true);
    expect(await queue.take()).toEqual([]);
  });

  it('reports a file that is too large or cannot be read, without its bytes', async () => {
    const { queue } = queueWith({ '/d/big.mreza': new Uint8Array(11), '/d/gone.mreza-key': new Error('EACCES') }, { maxBytes: 10 });
    queue.offer('/d/big.mreza');
    queue.offer('/d/gone.mreza-key');
    expect(await queue.take()).toEqual([
      { kind: 'bundle', fileName: 'big.mreza', problem: 'tooLarge' },
      { kind: 'keyFile', fileName: 'gone.mreza-key', problem: 'unreadable' },
    ]);
  });

  it('keeps at most the newest files within the IPC cap', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < MAX_OPENED_FILES + 3; i++) files[`/d/${i}.mreza`] = new Uint8Array([i]);
    const { queue } = queueWith(files);
    for (const p of Object.keys(files)) queue.offer(p);
    const taken = await queue.take();
    expect(taken).toHaveLength(MAX_OPENED_FILES);
    expect(taken[0]!.fileName).toBe('3.mreza');
  });
});

describe('the contract', () => {
  it('lets Mreža’s own extensions through the open and save dialogs’ filters', () => {
    const filters = [{ name: 'Mreža', extensions: ['mreza-mentor', 'mreza-logs', 'mreza-invite', 'csv'] }];
    expect(channels['file:open'].request.safeParse({ filters, multiple: false }).success).toBe(true);
    expect(channels['file:save'].request.safeParse({ suggestedName: 'a.mreza-mentor', filters, data: new Uint8Array() }).success).toBe(true);
    expect(channels['file:open'].request.safeParse({ filters: [{ name: 'x', extensions: ['../x'] }], multiple: false }).success).toBe(false);
  });
  it('caps a renderer log line', () => {
    expect(channels['log:write'].request.safeParse({ level: 'error', message: 'x'.repeat(9000) }).success).toBe(false);
    expect(channels['log:write'].request.safeParse({ level: 'debug', message: 'x' }).success).toBe(false);
  });
});
