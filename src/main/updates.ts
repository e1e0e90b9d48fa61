import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  feedInfoSchema,
  mayCheckNow,
  offerFrom,
  shouldCheckAutomatically,
  TICK_MS,
  updateErrorCode,
  type FeedInfo,
  type UpdateState,
  type UpdateStatus,
} from '@shared/updates';

/**
 * Updates (#19 item 1) around electron-updater's autoUpdater, every dependency injected so that
 * tests/main/updates.test.ts drives it in Node. Privacy first: no updater is even created, and no
 * network call made, until the user opted in to automatic checks or clicked "Check now"; nothing
 * is downloaded until she clicked "Install on restart"; the install itself runs only after the
 * renderer's quit-time backup (src/main/quit.ts).
 */

/** The parts of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  on(event: 'update-available' | 'update-not-available', listener: (info: FeedInfo) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: FeedInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/** What is remembered between runs, in `<userData>/updates.json`. */
export const updateSettingsSchema = z.object({
  autoCheck: z.boolean().catch(false),
  lastCheckAt: z.string().max(40).nullable().catch(null),
});
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;
/** Off until the user turns it on: no network call without consent. */
export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { autoCheck: false, lastCheckAt: null };

export interface SettingsStore {
  read(): Promise<UpdateSettings>;
  write(settings: UpdateSettings): Promise<void>;
}

/** The settings file; a missing, unreadable or foreign file means the defaults (checks off). */
export function fileSettingsStore(path: string): SettingsStore {
  return {
    async read() {
      try {
        const text = await readFile(path, 'utf8');
        if (text.length > 4096) return { ...DEFAULT_UPDATE_SETTINGS };
        const parsed = updateSettingsSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : { ...DEFAULT_UPDATE_SETTINGS };
      } catch {
        return { ...DEFAULT_UPDATE_SETTINGS };
      }
    },
    async write(settings) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      await writeFile(tmp, JSON.stringify(settings), { mode: 0o600 });
      await rename(tmp, path);
    },
  };
}

export interface UpdateServiceDeps {
  /** Packaged and not the portable .exe (electron-updater cannot replace a portable executable). */
  readonly supported: boolean;
  readonly currentVersion: string;
  /** Loads electron-updater's autoUpdater (a dynamic import: nothing of it runs before consent). */
  readonly loadUpdater: () => Promise<UpdaterLike>;
  readonly settings: SettingsStore;
  /** Tells the renderer the status changed (`updates:changed`); it then asks for it. */
  readonly notify: () => void;
  /** Starts quitting (app.quit()): the quit handshake runs the backup first. */
  readonly requestQuit: () => void;
  /** Quits without installing (app.quit()), for the handshake's last step when no install was asked. */
  readonly quit: () => void;
  readonly now?: () => Date;
  readonly setInterval?: (callback: () => void, ms: number) => unknown;
  /** Logs a failure (without personal data: the code and the updater's message). */
  readonly log?: (message: string) => void;
}

export class UpdateService {
  #state: UpdateState = { status: 'idle' };
  #settings: UpdateSettings = { ...DEFAULT_UPDATE_SETTINGS };
  #updater: UpdaterLike | null = null;
  #loading: Promise<UpdaterLike> | null = null;
  #installRequested = false;
  #started = false;
  readonly #deps: UpdateServiceDeps;

  constructor(deps: UpdateServiceDeps) {
    this.#deps = deps;
  }

  status(): UpdateStatus {
    return {
      supported: this.#deps.supported,
      autoCheck: this.#settings.autoCheck,
      currentVersion: this.#deps.currentVersion,
      lastCheckAt: this.#settings.lastCheckAt,
      state: this.#state,
    };
  }

  /** At start: reads the setting, checks once if the user opted in, then looks hourly whether a day has passed. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#settings = await this.#deps.settings.read();
    this.#deps.notify();
    if (!this.#deps.supported) return;
    const tick = () => void this.#autoCheck('tick');
    (this.#deps.setInterval ?? ((cb, ms) => setInterval(cb, ms).unref()))(tick, TICK_MS);
    await this.#autoCheck('start');
  }

  async setAutoCheck(enabled: boolean): Promise<UpdateStatus> {
    this.#settings = { ...this.#settings, autoCheck: enabled };
    await this.#deps.settings.write(this.#settings);
    this.#deps.notify();
    // Turning it on checks at once: the user expects to learn now whether she is up to date.
    if (enabled) await this.#autoCheck('start');
    return this.status();
  }

  /** "Check now": the click is the consent for this one check. */
  async checkNow(): Promise<UpdateStatus> {
    if (mayCheckNow(this.#deps.supported, this.#state.status)) await this.#check();
    return this.status();
  }

  /** "Install on restart": the user agreed, so the update is downloaded now; it installs when Mreža restarts. */
  async download(): Promise<UpdateStatus> {
    const state = this.#state;
    if (state.status !== 'available' || this.#updater === null) return this.status();
    this.#set({ status: 'downloading', version: state.version, releaseNotes: state.releaseNotes, percent: 0 });
    try {
      await this.#updater.downloadUpdate();
    } catch (error) {
      this.#fail(error);
    }
    return this.status();
  }

  /** "Restart now": quits through the handshake (backup first); `finishQuit` then installs. */
  restartToInstall(): boolean {
    if (this.#state.status !== 'ready') return false;
    this.#installRequested = true;
    this.#deps.requestQuit();
    return true;
  }

  /** The quit handshake's last step: install and restart when asked and ready, else a plain quit. */
  finishQuit(): void {
    if (this.#installRequested && this.#state.status === 'ready' && this.#updater !== null) {
      this.#updater.quitAndInstall(true, true);
      return;
    }
    this.#deps.quit();
  }

  async #autoCheck(reason: 'start' | 'tick'): Promise<void> {
    const due = shouldCheckAutomatically({
      supported: this.#deps.supported,
      autoCheck: this.#settings.autoCheck,
      state: this.#state.status,
      lastCheckAt: this.#settings.lastCheckAt,
      now: this.#now(),
      reason,
    });
    if (due) await this.#check();
  }

  async #check(): Promise<void> {
    const previous = this.#state;
    this.#set({ status: 'checking' });
    try {
      const updater = await this.#load();
      await updater.checkForUpdates();
      // electron-updater answers through its events; a check that raised none found nothing to offer.
      if (this.#state.status === 'checking') this.#set(previous.status === 'available' ? previous : { status: 'idle' });
      await this.#remember();
    } catch (error) {
      this.#fail(error);
    }
  }

  #load(): Promise<UpdaterLike> {
    this.#loading ??= this.#deps.loadUpdater().then((updater) => {
      updater.autoDownload = false; // nothing downloads before the user says so
      updater.autoInstallOnAppQuit = true; // once she did, quitting installs it
      updater.allowDowngrade = false;
      updater.on('update-available', (info) => {
        if (this.#state.status !== 'checking') return;
        const parsed = feedInfoSchema.safeParse(info);
        if (!parsed.success) return this.#set({ status: 'error', code: 'invalidFeed' });
        this.#set(offerFrom(parsed.data, this.#deps.currentVersion) ?? { status: 'idle' });
      });
      updater.on('update-not-available', () => {
        if (this.#state.status === 'checking') this.#set({ status: 'idle' });
      });
      updater.on('download-progress', (progress) => {
        const state = this.#state;
        if (state.status !== 'downloading') return;
        const percent = Math.max(0, Math.min(100, Number.isFinite(progress.percent) ? progress.percent : 0));
        this.#set({ ...state, percent });
      });
      updater.on('update-downloaded', (info) => {
        const state = this.#state;
        if (state.status === 'downloading' && info.version.replace(/^v/, '') === state.version)
          this.#set({ status: 'ready', version: state.version, releaseNotes: state.releaseNotes });
      });
      updater.on('error', (error) => this.#fail(error));
      this.#updater = updater;
      return updater;
    });
    return this.#loading;
  }

  async #remember(): Promise<void> {
    this.#settings = { ...this.#settings, lastCheckAt: this.#now().toISOString() };
    try {
      await this.#deps.settings.write(this.#settings);
    } catch (error) {
      this.#deps.log?.(`updates: could not save the settings (${updateErrorCode(error)})`);
    }
    this.#deps.notify();
  }

  #fail(error: unknown): void {
    // A ready update stays ready: a later failed check must not take away what is downloaded.
    if (this.#state.status === 'ready') return;
    const code = updateErrorCode(error);
    this.#deps.log?.(`updates: ${code} (${(error as { code?: unknown } | null)?.code ?? 'no code'})`);
    this.#set({ status: 'error', code });
  }

  #set(state: UpdateState): void {
    this.#state = state;
    this.#deps.notify();
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }
}
