/**
 * The national store's benchmark (issue 20 part 3; `npm run bench -- --only postgres`): the
 * one-file CLI (`npm run build:cli`) writes the benchmark's generated bundles into a throwaway
 * PostgreSQL with `--to`, against a plain COPY of the very rows it wrote, from files, into the same
 * tables in the same run; the CLI's peak RSS; and every indicator view read once, project to date.
 * Run by scripts/bench.ts through Vite's module runner (src/shared needs it).
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { writeKeyFile } from '../../src/shared/bundle';
import { MIN_ITERATIONS } from '../../src/shared/crypto';
import { bundleCli } from '../../scripts/consolidate/bundle';
import { BUNDLE_TABLES, tableName } from '../../scripts/consolidate/postgres/columns';
import { startPostgres } from '../helpers/postgres';
import { LEAD_ORG_ID, type GeneratedLead } from './consolidation-bundles';

export interface StoreBench {
  cliMs: number;
  copyMs: number;
  peakRssBytes: number;
  viewsMs: number;
  /** ms per view. */
  perView: Record<string, number>;
  rows: number;
  bytesOnDisk: number;
  files: number;
}

const PASS = 'bench-key-passphrase-2026';

export async function benchStore(dir: string, files: readonly string[], log: (msg: string) => void): Promise<StoreBench> {
  const server = await startPostgres();
  if ('skip' in server) throw new Error(server.skip);
  const work = mkdtempSync(join(tmpdir(), 'mreza-bench-pg-'));
  try {
    const lead = JSON.parse(readFileSync(join(dir, 'lead.json'), 'utf8')) as GeneratedLead;
    writeFileSync(
      join(work, 'lead.mreza-key'),
      await writeKeyFile(
        { project: { id: lead.invitation.projectId, name: lead.invitation.projectName }, lead: { orgId: LEAD_ORG_ID, name: 'Udruga Bench' }, keys: lead.keys },
        PASS,
        { iterations: MIN_ITERATIONS },
      ),
    );
    const tool = await bundleCli('standalone', work, 'mreza-consolidate.mjs');
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query('create database store');

    // The CLI, as an M&E officer runs it; its peak RSS reported by the process itself on exit.
    log(`--to postgres: ${files.length} bundles…`);
    const t0 = performance.now();
    const run = await new Promise<{ code: number; out: string; err: string }>((done) =>
      execFile(
        process.execPath,
        [
          '--import',
          `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`,
          tool,
          ...files.map((f) => join(dir, f)),
          '--key',
          join(work, 'lead.mreza-key'),
          '--trust-on-first-use',
          '--to',
          server.url('store'),
        ],
        { cwd: work, env: { ...process.env, MREZA_KEY_PASSPHRASE: PASS }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        (error, out, err) => done({ code: error ? Number(error.code ?? 1) : 0, out, err }),
      ),
    );
    const cliMs = performance.now() - t0;
    if (run.code !== 0) throw new Error(`the CLI exited ${run.code}: ${run.err || run.out}`);
    const peakRssBytes = Number(/MAXRSS (\d+)/.exec(run.err)?.[1] ?? 0) * 1024;

    // The very rows it wrote, as COPY files; then a plain COPY of them into the same tables (same indexes).
    const store = new pg.Client({ connectionString: server.url('store') });
    await store.connect();
    let rowCount = 0;
    let bytesOnDisk = 0;
    for (const t of BUNDLE_TABLES) {
      const path = join(work, `${tableName(t)}.copy`);
      await pipeline(store.query(copyTo(`copy mreza.${tableName(t)} to stdout`)), createWriteStream(path));
      bytesOnDisk += statSync(path).size;
      rowCount += Number((await store.query(`select count(*) as n from mreza.${tableName(t)}`)).rows[0].n);
    }
    await store.end();
    // The same tables, indexes and all: a copy of the store's database, emptied.
    await admin.query('create database plain template store');
    const target = new pg.Client({ connectionString: server.url('plain') });
    await target.connect();
    for (const t of BUNDLE_TABLES) await target.query(`truncate mreza.${tableName(t)}`);
    await target.query('vacuum');
    log('plain COPY of the same rows from files…');
    const t1 = performance.now();
    for (const t of BUNDLE_TABLES) {
      await pipeline(createReadStream(join(work, `${tableName(t)}.copy`)), target.query(copyFrom(`copy mreza.${tableName(t)} from stdin`)));
    }
    const copyMs = performance.now() - t1;
    await target.end();

    // Every indicator view, project to date, as a BI tool would read them.
    const reader = new pg.Client({ connectionString: server.url('store') });
    await reader.connect();
    const views = await reader.query<{ v: string }>(
      "select table_name as v from information_schema.views where table_schema = 'mreza' and table_name like 'v\\_%'",
    );
    const t2 = performance.now();
    const perView: Record<string, number> = {};
    for (const v of [...views.rows.map((r) => r.v), 'pub_cells']) {
      const t = performance.now();
      await reader.query(`select * from mreza.${v}`);
      perView[v] = Math.round(performance.now() - t);
    }
    const viewsMs = performance.now() - t2;
    await reader.end();
    await admin.end();
    return { cliMs, copyMs, peakRssBytes, viewsMs, perView, rows: rowCount, bytesOnDisk, files: files.length };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
