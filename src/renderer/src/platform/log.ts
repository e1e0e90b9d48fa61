import { scrubValue } from '@shared/logs/scrub';
import { platform } from './index';

/**
 * A line for renderer.log (the desktop app; the console in a browser). Scrubbed here, before it
 * leaves the page, and again in main: an error's name, message and stack, never data.
 */
export function logProblem(level: 'error' | 'warn' | 'info', what: string, error?: unknown): void {
  const detail = error === undefined ? '' : ` ${String(scrubValue(error))}`;
  void platform.invoke('log:write', { level, message: `${what}${detail}`.slice(0, 8000) }).catch(() => undefined);
}

/** Errors nothing caught (an event handler, a promise nobody awaited) reach the log too. */
export function logUncaughtErrors(): void {
  window.addEventListener('error', (e) => logProblem('error', 'uncaught error', e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => logProblem('error', 'unhandled rejection', e.reason));
}
