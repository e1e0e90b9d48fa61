/**
 * The command-line consolidation (scripts/consolidate.ts loads this through Vite's module
 * runner). Node does the files and the terminal; everything else is the app's own src/shared
 * code: the key file, bundle checks, plan, merge, indicators and the report's tables and files.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { KeyFileError, readKeyFile } from '../../src/shared/bundle';
import { passphraseBoxType } from '../../src/shared/crypto';
import { batchReportJson, batchReportTables, reportFromBundles, type BatchLine } from '../../src/shared/consolidate/batch';
import { reportCsv, reportXlsx } from '../../src/shared/indicators/reportFiles';
import { localDay, systemTimeZone } from '../../src/shared/calendar/localDay';
import { formatDateTime } from '../../src/shared/i18n/format';
import { LOCALES } from '../../src/shared/i18n/locales';
import { createI18n } from '../../src/shared/i18n/setup';
import type { TFunction } from 'i18next';
import { SCHEMA_VERSION } from '../../src/shared/model/schemaVersion';
import { parseCli, requestedLang, UsageError, type CliArgs } from './args';
import { keyPassphrase } from './passphrase';
import { parseTrustedFile, TrustedFileError } from './trusted';
import { consolidateToStore } from './postgres/toStore';
import { StoreError } from './postgres/store';

export interface Io {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** How the user started the tool, for the help text: differs between the checkout and the one-file build. */
  command?: string;
}

export const defaultIo: Io = { env: process.env, out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

/** Exit status: 0 every export accepted, 1 some refused (report of the accepted ones), 2 nothing done. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const command = io.command ?? 'npm run consolidate --';
  const lang = requestedLang(argv);
  const { t } = createI18n(lang);
  let args: CliArgs | 'help';
  try {
    args = parseCli(argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const option = e.code === 'noKey' ? '--key <file>' : e.code === 'noOut' ? `--out <${FORMATS}> | --to postgres://…` : '';
    io.err(t(`exchange:cli.errors.${e.code}`, { option, formats: FORMATS, out: '--out', to: '--to', ...e.params }));
    io.err(t('exchange:cli.seeHelp', { command: `${command} --help` }));
    return 2;
  }
  if (args === 'help') {
    io.out(usage(t, command));
    return 0;
  }

  // The lead's key file.
  let keyBytes: Uint8Array;
  try {
    keyBytes = new Uint8Array(await readFile(args.key));
  } catch {
    io.err(t('exchange:cli.errors.readFailed', { file: args.key }));
    return 2;
  }
  // Not a key file at all: say so before asking for its passphrase.
  if (passphraseBoxType(keyBytes) !== 'keyFile') {
    io.err(t('exchange:cli.errors.keyFile', { file: args.key, reason: t('exchange:errors.notAKeyFile') }));
    return 2;
  }
  const passphrase = await keyPassphrase(t('exchange:cli.prompt'), io.env);
  if (passphrase === null) {
    io.err(t('exchange:cli.errors.noPassphrase', { env: 'MREZA_KEY_PASSPHRASE' }));
    return 2;
  }
  let lead: Awaited<ReturnType<typeof readKeyFile>>;
  try {
    lead = await readKeyFile(keyBytes, passphrase);
  } catch (e) {
    const problem = e instanceof KeyFileError ? { code: e.code, params: e.params } : { code: 'damaged', params: {} };
    io.err(t('exchange:cli.errors.keyFile', { file: args.key, reason: t(`exchange:errors.${problem.code}`, problem.params) }));
    return 2;
  }
  io.out(t('exchange:cli.keyOpened', { project: lead.file.project.name, lead: lead.file.lead.name }));

  // Whose keys are trusted: the key file's pins, the --trusted file, and only on request anyone's.
  let trusted: Set<string> | undefined;
  if (args.trusted) {
    let text: string;
    try {
      text = await readFile(args.trusted, 'utf8');
    } catch {
      io.err(t('exchange:cli.errors.readFailed', { file: args.trusted }));
      return 2;
    }
    try {
      trusted = parseTrustedFile(text);
    } catch (e) {
      if (!(e instanceof TrustedFileError)) throw e;
      io.err(t('exchange:cli.errors.trustedFile', { file: args.trusted, line: e.line }));
      return 2;
    }
    io.out(t('exchange:cli.trustedLoaded', { file: args.trusted, count: trusted.size }));
  }
  if (args.trustOnFirstUse) io.out(t('exchange:cli.firstUseOn', { option: '--trust-on-first-use' }));

  // The bundles: files, or folders of *.mreza files; an unreadable one is refused on its own line.
  const paths = await expand(args.bundles);
  if (args.to) return toPostgres(args, args.to, paths, lead, trusted, io, t);
  const read = await Promise.all(
    paths.map(async (path) => ({
      path,
      data: await readFile(path).then(
        (b) => new Uint8Array(b),
        () => null,
      ),
    })),
  );
  const readable = read.filter((r) => r.data !== null);
  const result = await reportFromBundles(
    readable.map((r) => ({ fileName: basename(r.path), data: r.data! })),
    lead,
    {
      schemaVersion: SCHEMA_VERSION,
      ...(args.passphrase ? { passphrase: args.passphrase } : {}),
      ...(trusted ? { trusted } : {}),
      trustOnFirstUse: args.trustOnFirstUse,
    },
  );
  let next = 0;
  let refused = 0;
  let accepted = 0;
  for (const r of read) {
    const line = r.data === null ? null : result.lines[next++]!;
    if (!line || line.status === 'refused') refused++;
    if (line?.status === 'accepted') accepted++;
    io.out(`${r.path}: ${line ? describe(line, t, args) : t('exchange:cli.refused', { reason: t('exchange:cli.errors.readFailed', { file: r.path }) })}`);
  }
  if (!accepted) {
    io.err(t('exchange:cli.noOutput'));
    return 1;
  }

  // The lead runs this on its own computer: its zone decides which sessions are held by today.
  const out = args.out!;
  const tables = batchReportTables(result, t, args.lang, { threshold: args.threshold, today: localDay(systemTimeZone()) });
  const bytes =
    args.kind! === 'xlsx'
      ? await reportXlsx(tables)
      : args.kind === 'csv'
        ? reportCsv(tables)
        : new TextEncoder().encode(
            batchReportJson(result, tables, {
              project: lead.file.project,
              locale: args.lang,
              threshold: args.threshold,
              generatedAt: new Date().toISOString(),
            }),
          );
  try {
    await writeFile(out, bytes);
  } catch {
    io.err(t('exchange:cli.errors.writeFailed', { file: out }));
    return 2;
  }
  io.out(t('exchange:cli.written', { file: out, count: accepted }));
  return refused ? 1 : 0;
}

/**
 * `--to postgres://…`: the same checks and plan, written into the national store one bundle at a
 * time (postgres/toStore.ts); the lines say what happened to each file, as for a report.
 */
async function toPostgres(
  args: CliArgs,
  url: string,
  paths: string[],
  lead: Awaited<ReturnType<typeof readKeyFile>>,
  trusted: Set<string> | undefined,
  io: Io,
  t: TFunction,
): Promise<number> {
  const shown = redacted(url);
  let result: Awaited<ReturnType<typeof consolidateToStore>>;
  try {
    result = await consolidateToStore(url, paths, lead, {
      schemaVersion: SCHEMA_VERSION,
      ...(args.passphrase ? { passphrase: args.passphrase } : {}),
      ...(trusted ? { trusted } : {}),
      trustOnFirstUse: args.trustOnFirstUse,
      timeZone: systemTimeZone(),
    });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    io.err(t(`exchange:cli.pg.${e.code}`, { url: shown, ...e.params }));
    return 2;
  }
  let refused = 0;
  let accepted = 0;
  result.lines.forEach((line, i) => {
    if (!line || line.status === 'refused') refused++;
    if (line?.status === 'accepted') accepted++;
    io.out(`${paths[i]!}: ${line ? describe(line, t, args) : t('exchange:cli.refused', { reason: t('exchange:cli.errors.readFailed', { file: paths[i]! }) })}`);
  });
  io.out(t('exchange:cli.pg.written', { url: shown, count: accepted, written: result.written }));
  return refused ? 1 : 0;
}

/** The address without its password, for messages. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

const FORMATS = 'report.xlsx | report.csv | report.json';

/** The help text: options spelled in code (never translated), their descriptions translated. */
function usage(t: TFunction, command: string): string {
  const h = (key: string, params: Record<string, unknown> = {}) => t(`exchange:cli.help.${key}`, params);
  const options: Array<[string, string]> = [
    ['<bundle.mreza | folder>…', h('bundles')],
    ['--key <file>', h('key')],
    ['--out <file>', h('out', { formats: FORMATS })],
    ['--to <postgres://…>', h('to')],
    ['--passphrase <text>', h('passphrase', { env: 'MREZA_BUNDLE_PASSPHRASE' })],
    ['--lang <locale>', h('lang', { languages: LOCALES.join(', '), default: 'en' })],
    ['--threshold <n>', h('threshold', { threshold: 5 })],
    ['--trusted <file>', h('trusted')],
    ['--trust-on-first-use', h('trustOnFirstUse')],
    ['--help', h('help')],
  ];
  return [
    `${h('usage')}: ${command} <bundle.mreza | folder>… --key <file> (--out <${FORMATS}> | --to postgres://…) [--trusted <file> | --trust-on-first-use] [--passphrase <text>] [--lang <locale>] [--threshold <n>]`,
    '',
    h('summary'),
    '',
    `${h('options')}:`,
    ...options.map(([o, d]) => `  ${o.padEnd(26)} ${d}`),
    '',
    h('keyPassphrase', { env: 'MREZA_KEY_PASSPHRASE' }),
    h('trust', { trusted: '--trusted', tofu: '--trust-on-first-use' }),
    h('exit'),
  ].join('\n');
}

function describe(line: BatchLine, t: TFunction, args: CliArgs): string {
  const reason = () => {
    const p = line.problem!;
    const params = {
      ...p.params,
      ...(typeof p.params.newerExportedAt === 'string' ? { newerExportedAt: formatDateTime(p.params.newerExportedAt, args.lang) } : {}),
    };
    return t(`exchange:${p.kind}.${p.code}`, { defaultValue: t('exchange:errors.unexpected'), ...params });
  };
  if (line.status === 'refused' && line.problem?.code === 'unknownSigner') {
    return t('exchange:cli.refused', { reason: t('exchange:cli.untrusted', { ...line.problem.params, trusted: '--trusted', tofu: '--trust-on-first-use' }) });
  }
  if (line.status === 'refused') return t('exchange:cli.refused', { reason: reason() });
  if (line.status === 'skipped') return t('exchange:cli.skipped', { reason: reason() });
  const o = line.organisation!;
  const text = t('exchange:cli.accepted', {
    organisation: o.name,
    country: t(`common:countries.${o.country}`, { defaultValue: o.country }),
    exportedAt: formatDateTime(line.exportedAt, args.lang),
    privacy: t(`exchange:cli.privacy.${line.privacy}`),
    fingerprint: line.fingerprint,
  });
  const notes = [line.privacy === 'aggregate' ? t('exchange:cli.aggregateOnly') : '', line.trust === 'firstUse' ? t('exchange:cli.firstUse') : ''].filter(
    Boolean,
  );
  return [text, ...notes].join(' – ');
}

/** Folders stand for the *.mreza files in them (sorted), so a lead can pass the folder of exports. */
async function expand(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const isDir = await stat(p).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) out.push(p);
    else
      out.push(
        ...(await readdir(p))
          .filter((n) => n.toLowerCase().endsWith('.mreza'))
          .sort()
          .map((n) => join(p, n)),
      );
  }
  return out;
}
