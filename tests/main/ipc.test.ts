import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, channels, MAX_FILE_BYTES } from '@shared/ipc';
import { IpcError } from '../../src/main/errors';
import { makeInvokeHandler, registerIpc, type Handlers, type InvokeEventLike } from '../../src/main/ipc';
import type { FrameLike } from '../../src/main/security';
import { isTrustedSender } from '../../src/main/security';

const trusted = (frame: FrameLike | null): boolean => isTrustedSender(frame, ['app://mreza']);
const printToPDF = async (): Promise<Uint8Array> => new Uint8Array([1]);
const event = (url: string, parent: FrameLike | null = null): InvokeEventLike => ({
  senderFrame: { url, parent },
  sender: { printToPDF, print: () => undefined },
});
const goodEvent = event('app://mreza/index.html');

describe('makeInvokeHandler', () => {
  it('rejects an untrusted sender before parsing or calling the handler', async () => {
    const handler = vi.fn(async () => new Uint8Array());
    const invoke = makeInvokeHandler('backup:read', handler, trusted);
    await expect(invoke(event('https://evil.example/'), { fileName: 'mreza-backup-20261123T090102123Z-auto.json.gz' })).rejects.toThrow(
      /backup:read.*untrusted sender/,
    );
    await expect(
      invoke(event('app://mreza/index.html', { url: 'app://mreza/', parent: null }), {
        fileName: 'mreza-backup-20261123T090102123Z-auto.json.gz',
      }),
    ).rejects.toThrow(/untrusted/);
    await expect(invoke({ senderFrame: null, sender: { printToPDF, print: () => undefined } }, undefined)).rejects.toThrow(/untrusted/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a malformed payload before the handler runs, naming the channel but not the data', async () => {
    const handler = vi.fn(async () => new Uint8Array());
    const invoke = makeInvokeHandler('backup:read', handler, trusted);
    const secret = '../../etc/passwd-SECRET';
    const error = await invoke(goodEvent, { fileName: secret }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^IPC backup:read refused: invalid request/);
    expect((error as Error).message).toContain('fileName');
    expect((error as Error).message).not.toContain('SECRET');
    await expect(invoke(goodEvent, undefined)).rejects.toThrow(/backup:read/);
    await expect(invoke(goodEvent, 'string')).rejects.toThrow(/backup:read/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes the parsed value (defaults applied) and the event to the handler', async () => {
    const handler = vi.fn(async (request: { suggestedName: string; landscape: boolean }) => ({ fileName: `${request.suggestedName}:${request.landscape}` }));
    const invoke = makeInvokeHandler('print:pdf', handler, trusted);
    await expect(invoke(goodEvent, { suggestedName: 'report' })).resolves.toEqual({ fileName: 'report:false' });
    expect(handler).toHaveBeenCalledWith({ suggestedName: 'report', landscape: false }, goodEvent);
  });

  it('accepts the undefined payload of request-less channels and refuses anything else', async () => {
    const handler = vi.fn(() => true);
    const invoke = makeInvokeHandler('app:quitReady', handler, trusted);
    await expect(invoke(goodEvent, undefined)).resolves.toBe(true);
    await expect(invoke(goodEvent, { sneaky: 1 })).rejects.toThrow(/app:quitReady/);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('caps the bytes of every payload that writes a file, at the schema, before the handler runs', async () => {
    expect(MAX_FILE_BYTES).toBe(256 * 1024 * 1024);
    // Zero-filled, so allocating it costs no real memory.
    const tooBig = new Uint8Array(MAX_FILE_BYTES + 1);
    const atCap = new Uint8Array(MAX_FILE_BYTES);
    const save = vi.fn(async () => ({ fileName: 'x.csv' }));
    const invokeSave = makeInvokeHandler('file:save', save, trusted);
    await expect(invokeSave(goodEvent, { suggestedName: 'x.csv', filters: [], data: tooBig })).rejects.toThrow(
      /file:save refused: invalid request \(data: too_big\)/,
    );
    await expect(invokeSave(goodEvent, { suggestedName: 'x.csv', filters: [], data: atCap })).resolves.toEqual({ fileName: 'x.csv' });
    expect(save).toHaveBeenCalledTimes(1);
    const write = vi.fn(async () => ({ fileName: 'mreza-backup-20261123T090102123Z-auto.json.gz', createdAt: '', size: 1 }));
    const invokeWrite = makeInvokeHandler('backup:write', write, trusted);
    await expect(invokeWrite(goodEvent, { reason: 'auto', data: tooBig })).rejects.toThrow(/backup:write refused: invalid request \(data: too_big\)/);
    expect(write).not.toHaveBeenCalled();
  });

  it('every channel whose request carries bytes bounds them', () => {
    for (const channel of CHANNELS) {
      const shape = (channels[channel].request as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
      if (!shape?.['data']) continue;
      expect(shape['data'].safeParse(new Uint8Array(MAX_FILE_BYTES + 1)).success, channel).toBe(false);
      expect(shape['data'].safeParse(new Uint8Array(3)).success, channel).toBe(true);
    }
  });
});

describe('handler errors', () => {
  it('reach the renderer without paths: only the channel and the error code', async () => {
    const fsError = Object.assign(new Error("EACCES: permission denied, open '/home/ana/secret/report.csv'"), { code: 'EACCES' });
    const invoke = makeInvokeHandler('backup:list', () => Promise.reject(fsError), trusted);
    const error = (await invoke(goodEvent, undefined).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('IPC backup:list failed (EACCES)');
    expect(error.message).not.toContain('/home/ana');
    expect(error.cause).toBe(fsError);
  });

  it('pass IpcError messages through unchanged', async () => {
    const invoke = makeInvokeHandler('backup:list', () => Promise.reject(new IpcError('Backup not found')), trusted);
    await expect(invoke(goodEvent, undefined)).rejects.toThrow(/^Backup not found$/);
  });
});

describe('registerIpc', () => {
  it('registers exactly the contract channels, each wrapped', async () => {
    const registered = new Map<string, (event: InvokeEventLike, payload?: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, listener: (event: InvokeEventLike, payload?: unknown) => Promise<unknown>) => void registered.set(channel, listener),
    };
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      CHANNELS.map((c) => [
        c,
        () => {
          calls.push(c);
          return true;
        },
      ]),
    ) as unknown as Handlers;
    const result = registerIpc(ipcMain, handlers, trusted);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(result.sort()).toEqual([...CHANNELS].sort());
    await expect(registered.get('app:info')!(event('https://evil.example/'), undefined)).rejects.toThrow(/untrusted/);
    await expect(registered.get('app:info')!(goodEvent, undefined)).resolves.toBe(true);
    expect(calls).toEqual(['app:info']);
  });
});
