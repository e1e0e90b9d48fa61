import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureLogger, MAX_LOG_BYTES, writeRendererLine, type LoggerLike } from '../../src/main/logging';

/** A logger that runs its hooks like electron-log does and records what a transport would write. */
function fakeLogger(): LoggerLike & { written: unknown[][] } {
  const written: unknown[][] = [];
  const log = {
    written,
    transports: { file: { resolvePathFn: () => '', maxSize: 0, level: 'silly' as string | false }, console: { level: 'silly' as string | false } },
    hooks: [] as ((message: { data: unknown[] }) => { data: unknown[] } | false)[],
    emit(...data: unknown[]) {
      let message: { data: unknown[] } | false = { data };
      for (const hook of log.hooks) if (message) message = hook(message);
      if (message) written.push(message.data);
    },
    error: (...d: unknown[]) => log.emit(...d),
    warn: (...d: unknown[]) => log.emit(...d),
    info: (...d: unknown[]) => log.emit(...d),
  };
  return log;
}

describe('configureLogger', () => {
  it('writes to the named file in the logs folder, rotated at 1 MiB', () => {
    const log = fakeLogger();
    configureLogger(log, '/data/Mreza/logs', 'main.log');
    expect(log.transports.file.resolvePathFn(undefined as never)).toBe(join('/data/Mreza/logs', 'main.log'));
    expect(log.transports.file.maxSize).toBe(MAX_LOG_BYTES);
    expect(MAX_LOG_BYTES).toBeLessThanOrEqual(1024 * 1024);
    expect(log.transports.file.level).toBe('info');
  });

  it('scrubs every argument before it is written: no e-mails, names in files or paths, no bytes', () => {
    const log = fakeLogger();
    configureLogger(log, '/logs', 'main.log');
    log.error('backup copy failed for C:\\Users\\ana.horvat\\Desktop\\mreza-backup.json.gz', new Error('mail ivo@ngo.ba'), new Uint8Array(12), {
      name: 'Ana',
    });
    const line = JSON.stringify(log.written);
    expect(line).not.toMatch(/ana|horvat|ivo@ngo|"Ana"/i);
    expect(log.written[0]![2]).toBe('<12 bytes>');
    expect(log.written[0]![3]).toBe('<object>');
  });
});

describe('writeRendererLine (log:write)', () => {
  it('writes the renderer line at its level, scrubbed', () => {
    const log = fakeLogger();
    configureLogger(log, '/logs', 'renderer.log');
    expect(writeRendererLine(log, 'warn', 'import refused "Marija Kovač" +387 61 123 456')).toBe(true);
    expect(log.written).toEqual([['import refused <text> <number>']]);
  });
});
