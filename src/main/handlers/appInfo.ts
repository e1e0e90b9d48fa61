import type { Response } from '@shared/ipc';

export interface AppLike {
  getVersion(): string;
  getPreferredSystemLanguages(): string[];
}

export function appInfo(app: AppLike, platform: string): Response<'app:info'> {
  return { version: app.getVersion(), platform, locales: app.getPreferredSystemLanguages(), isElectron: true };
}
