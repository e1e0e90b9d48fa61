import { contextBridge, ipcRenderer } from 'electron';
import type { AppEvent, Channel, MrezaApi, Request, Response } from '@shared/ipc';

/*
 * Only types come from the contract. Its runtime half (CHANNELS) is built from zod schemas,
 * and a sandboxed preload can neither load zod from node_modules nor should carry ~170 kB of it for two
 * lists of names. The maps below are checked by the compiler against the contract in both
 * directions (a missing channel or an extra one is a type error), and a unit test compares
 * them with CHANNELS and EVENTS at run time.
 */
const CHANNEL_ALLOW_LIST = {
  'app:info': true,
  'backup:write': true,
  'backup:list': true,
  'backup:read': true,
  'backup:deleteAll': true,
  'backupFolder:get': true,
  'backupFolder:choose': true,
  'backupFolder:forget': true,
  'file:save': true,
  'file:open': true,
  'print:pdf': true,
  'print:print': true,
  'print:htmlToPdf': true,
  'app:setLocale': true,
  'file:takeOpened': true,
  'log:write': true,
  'app:openLogsFolder': true,
  'app:quitReady': true,
  'updates:get': true,
  'updates:setAutoCheck': true,
  'updates:check': true,
  'updates:download': true,
  'updates:restart': true,
} as const satisfies Record<Channel, true>;

const EVENT_ALLOW_LIST = {
  'app:beforeQuit': true,
  'app:fileOpened': true,
  'app:showShortcuts': true,
  'updates:changed': true,
} as const satisfies Record<AppEvent, true>;

export const allowedChannels: ReadonlySet<string> = new Set(Object.keys(CHANNEL_ALLOW_LIST));
export const allowedEvents: ReadonlySet<string> = new Set(Object.keys(EVENT_ALLOW_LIST));

/**
 * window.api: exactly the contract's channels and events. The renderer never sees ipcRenderer
 * or an IpcRendererEvent; unknown channels are refused here and again (sender + schema) in main.
 */
export const api: MrezaApi = {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
      return Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(channel, request) as Promise<Response<C>>;
  },
  on(event: AppEvent, listener: () => void): () => void {
    if (typeof event !== 'string' || !allowedEvents.has(event)) {
      throw new Error(`Unknown app event: ${String(event)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // The IpcRendererEvent (and its `sender`) never reaches the page.
    const wrapped = (): void => {
      listener();
    };
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', Object.freeze(api));
