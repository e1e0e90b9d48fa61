import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, type MrezaApi } from '@shared/ipc';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => 'answer'),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      }),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: MrezaApi;
let preload: { allowedChannels: ReadonlySet<string>; allowedEvents: ReadonlySet<string> };

beforeAll(async () => {
  preload = await import('../../src/main/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, MrezaApi];
  expect(key).toBe('api');
  api = exposed;
});
beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes only window.api with invoke and on, frozen', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('allows exactly the contract channels and events', () => {
    expect([...preload.allowedChannels].sort()).toEqual([...CHANNELS].sort());
    expect([...preload.allowedEvents].sort()).toEqual([...EVENTS].sort());
  });

  it('forwards allowed channels to ipcRenderer.invoke', async () => {
    await expect(api.invoke('backup:list', undefined)).resolves.toBe('answer');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('backup:list', undefined);
  });

  it('refuses unknown channels without touching ipcRenderer', async () => {
    const invoke = api.invoke as (channel: string, request: unknown) => Promise<unknown>;
    for (const channel of ['fs:readFile', 'app:beforeQuit', '', 'constructor', '__proto__', 'toString']) {
      await expect(invoke(channel, undefined), channel).rejects.toThrow(/Unknown IPC channel/);
    }
    await expect((api.invoke as unknown as (c: unknown) => Promise<unknown>)(42)).rejects.toThrow(/Unknown IPC channel/);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events, hides the IpcRendererEvent and unsubscribes', () => {
    const on = api.on as (event: string, listener: (...args: unknown[]) => void) => () => void;
    expect(() => on('backup:write', () => {})).toThrow(/Unknown app event/);
    expect(() => on('constructor', () => {})).toThrow(/Unknown app event/);

    const received: unknown[][] = [];
    const off = on('app:beforeQuit', (...args: unknown[]) => received.push(args));
    const registered = electron.listeners.get('app:beforeQuit') ?? [];
    expect(registered).toHaveLength(1);
    registered[0]!({ sender: 'IpcRendererEvent with sender' }, 'payload');
    expect(received).toEqual([[]]);

    off();
    expect(electron.listeners.get('app:beforeQuit')).toEqual([]);
  });

  it('imports at run time only electron; the contract only as types', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/main/preload/index.ts'), 'utf8');
    const imports = [...source.matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
      typeOnly: m[1] !== undefined,
      from: m[2],
    }));
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['electron']);
    expect(imports.filter((i) => i.typeOnly).map((i) => i.from)).toEqual(['@shared/ipc']);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
