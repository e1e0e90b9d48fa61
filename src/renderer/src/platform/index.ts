import type { MrezaApi } from '@shared/ipc';
import { createBrowserPlatform } from './browser';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    api?: MrezaApi;
  }
}

/** The bridge to the machine: Electron's preload where it exists, the browser implementation elsewhere. */
export const platform: MrezaApi = window.api ?? createBrowserPlatform();
export const isElectron = window.api !== undefined;
