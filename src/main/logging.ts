import { join } from 'node:path';
import { scrubText, scrubValue } from '@shared/logs/scrub';
import type { LOG_LEVELS } from '@shared/ipc';

/** Each log file is rotated at this size (the previous one kept as `*.old.log`): at most 2 MiB per file on disk. */
export const MAX_LOG_BYTES = 1024 * 1024;

type Level = (typeof LOG_LEVELS)[number];
interface LogMessageLike {
  data: unknown[];
}

/** The parts of an electron-log logger this file sets up (electron-log/main in index.ts, a fake in tests). */
export interface LoggerLike {
  transports: {
    // Electron-log passes path variables; this logger's file is fixed, so they are not read.
    file: { resolvePathFn: (variables: never) => string; maxSize: number; level: string | false };
    console: { level: string | false };
  };
  hooks: { push(hook: <M extends LogMessageLike>(message: M) => M): number };
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
}

/**
 * One log file in the logs folder, rotated by size, every argument scrubbed before any transport
 * writes it (shared/logs/scrub.ts): no names, e-mails, phone numbers or file contents. Info and
 * above only: debug output would be the place where data slips in.
 */
export function configureLogger(log: LoggerLike, logsDir: string, fileName: string): void {
  log.transports.file.resolvePathFn = () => join(logsDir, fileName);
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.file.level = 'info';
  log.hooks.push((message) => ({ ...message, data: message.data.map(scrubValue) }));
}

/** `log:write`: a line from the renderer, scrubbed (again) and written to renderer.log. */
export function writeRendererLine(log: LoggerLike, level: Level, message: string): boolean {
  log[level](scrubText(message));
  return true;
}
