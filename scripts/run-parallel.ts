// Runs npm scripts side by side, two at a time, for `npm test`'s checks that need nothing from each
// other (lint, format, typecheck, scans). Each of them is single-threaded, so on CI's two cores two
// at a time take about half the time of one after the other; each still runs in full.
//   node scripts/run-parallel.ts [--jobs N] <npm script>...
// A script that is a chain `a && b && c` (typecheck: one tsc per project) runs as its parts, each a
// job of its own. Every job's output is printed whole when it ends, so outputs do not interleave.
// Exits 1 when any job failed (all jobs run to the end, so one run shows every failure).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

interface Job {
  name: string;
  command: string;
}

/** The jobs for these npm scripts: a script chained with && becomes one job per part. */
export function jobsFor(scripts: Record<string, string>, names: string[]): Job[] {
  return names.flatMap((name) => {
    const command = scripts[name];
    if (command === undefined) throw new Error(`run-parallel: package.json has no script "${name}"`);
    const parts = command.split(' && ').map((part) => part.trim());
    return parts.map((part) => ({ name: parts.length > 1 ? `${name}: ${part}` : name, command: part }));
  });
}

function run(job: Job, env: NodeJS.ProcessEnv): Promise<boolean> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(job.command, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n== ${job.name} (${ok ? 'ok' : `FAILED: ${signal ?? `exit ${code}`}`}, ${seconds} s)\n> ${job.command}\n`);
      process.stdout.write(Buffer.concat(output));
      done(ok);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  let width = 2;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jobs') width = Number(argv[++i]);
    else names.push(argv[i]!);
  }
  if (!Number.isInteger(width) || width < 1 || names.length === 0) {
    console.error('usage: node scripts/run-parallel.ts [--jobs N] <npm script>...');
    return 2;
  }
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const queue = jobsFor(scripts, names);
  // As `npm run` would: the project's binaries (tsc, eslint, prettier) first on the PATH.
  const env = { ...process.env, PATH: [join(ROOT, 'node_modules/.bin'), process.env.PATH].join(delimiter) };
  const failed: string[] = [];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) if (!(await run(job, env))) failed.push(job.name);
  };
  await Promise.all(Array.from({ length: width }, worker));
  if (failed.length > 0) {
    console.error(`\nrun-parallel: ${failed.length} failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
