/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, a
 * server that listens only on a unix socket in that folder (no TCP port to collide with), and
 * stop() removes it all. PostgreSQL refuses to run as root, so when we are root the cluster is
 * made and run as an unprivileged account (nobody) through Node's own uid/gid switch: no sudo,
 * runuser or su needed. `startPostgres()` resolves to null, with the reason, when no server can
 * be started here (no PostgreSQL installed): tests skip with that message.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** A connection string for the `pg` driver and the CLI's --to: postgres://postgres@/<db>?host=<socket dir>. */
  url: (database?: string) => string;
  /** The socket folder (the `host` of a unix-socket connection). */
  host: string;
  stop: () => Promise<void>;
}

/** initdb of the newest PostgreSQL on this machine: on PATH, else in Debian's /usr/lib/postgresql/<n>/bin. */
export function findPgBin(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** The uid/gid of an unprivileged account to run the server as, when we are root. */
function unprivileged(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

export async function startPostgres(): Promise<TestPostgres | { skip: string }> {
  const bin = findPgBin();
  if (!bin) return { skip: 'no PostgreSQL here (initdb not found on PATH or in /usr/lib/postgresql/*/bin); .ci/run installs it' };
  const dir = mkdtempSync(join(tmpdir(), 'mreza-pg-'));
  const data = join(dir, 'data');
  const as = unprivileged();
  if (as) {
    chownSync(dir, as.uid, as.gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) =>
    execFileSync(join(bin, cmd), args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...(as ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    // Throwaway settings: no durability, small memory, only the socket in our folder.
    writeFileSync(
      join(data, 'postgresql.auto.conf'),
      [
        "listen_addresses = ''",
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        "timezone = 'UTC'",
      ].join('\n'),
    );
    if (as) chownSync(join(data, 'postgresql.auto.conf'), as.uid, as.gid);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    const detail = e instanceof Error ? ((e as { stderr?: string }).stderr ?? e.message) : String(e);
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    return { skip: `PostgreSQL could not be started (${bin}): ${detail.trim()} ${log.trim()}`.trim() };
  }
  const stop = () =>
    new Promise<void>((done) => {
      const child = spawn(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { cwd: dir, stdio: 'ignore', ...(as ?? {}) });
      child.on('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        done();
      });
    });
  return {
    host: dir,
    url: (database = 'postgres') => `postgres://postgres@localhost/${database}?host=${encodeURIComponent(dir)}`,
    stop,
  };
}
