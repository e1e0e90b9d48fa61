/** How long main waits for the renderer's quit-time backup before quitting anyway. */
export const QUIT_TIMEOUT_MS = 15_000;

export interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitHandshakeDeps {
  /** Sends `app:beforeQuit` to the renderer; false when there is no live window to ask. */
  sendBeforeQuit(): boolean;
  /** Quits for real (app.quit()); `before-quit` fires again and is let through. */
  quit(): void;
  readonly timeoutMs?: number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export type QuitState = 'running' | 'waiting' | 'quitting';

/**
 * The quit-time backup handshake. The first `before-quit` is held back and the renderer is told
 * (`app:beforeQuit`); when it answers with `app:quitReady`, or after the timeout, the app quits
 * for real. Closing the window counts as asking to quit, so the backup also runs then.
 */
export class QuitHandshake {
  #state: QuitState = 'running';
  #timer: unknown = undefined;
  readonly #deps: QuitHandshakeDeps;

  constructor(deps: QuitHandshakeDeps) {
    this.#deps = deps;
  }

  get state(): QuitState {
    return this.#state;
  }

  /** app.on('before-quit'). */
  onBeforeQuit(event: PreventableEvent): void {
    if (this.#state === 'quitting') return;
    event.preventDefault();
    if (this.#state === 'waiting') return;
    if (!this.#deps.sendBeforeQuit()) {
      this.#finish();
      return;
    }
    this.#state = 'waiting';
    const setTimer = this.#deps.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
    this.#timer = setTimer(() => this.#finish(), this.#deps.timeoutMs ?? QUIT_TIMEOUT_MS);
  }

  /** The main window's 'close': held back until the handshake has run, then let through. */
  onWindowClose(event: PreventableEvent): void {
    if (this.#state === 'quitting') return;
    event.preventDefault();
    if (this.#state === 'running') this.#deps.quit();
  }

  /** The `app:quitReady` handler: true when this answer let the app quit. */
  onQuitReady(): boolean {
    if (this.#state !== 'waiting') return false;
    this.#finish();
    return true;
  }

  #finish(): void {
    if (this.#state === 'quitting') return;
    this.#state = 'quitting';
    if (this.#timer !== undefined) {
      const clearTimer = this.#deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
      clearTimer(this.#timer);
      this.#timer = undefined;
    }
    this.#deps.quit();
  }
}
