import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../../src/shared/i18n/locales';

export type OutputKind = 'xlsx' | 'csv' | 'json';

export interface CliArgs {
  bundles: string[];
  key: string;
  /** The report file; absent when writing to PostgreSQL (`to`). */
  out?: string;
  kind?: OutputKind;
  /** postgres://… : the national store (docs/postgres.md) instead of a report. */
  to?: string;
  passphrase?: string;
  lang: Locale;
  threshold: number;
  /** A file of partner fingerprints the lead confirmed by phone (trusted.ts). */
  trusted?: string;
  /** Accept partner keys that are neither pinned nor trusted; every such line says so. */
  trustOnFirstUse: boolean;
}

/** A usage mistake: `exchange:cli.errors.<code>` with params; exit status 2. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

const isLocale = (v: string | undefined): v is Locale => (LOCALES as readonly string[]).includes(v ?? '');

/** The language asked for, found even when the rest of the command line is wrong (for the error message). */
export function requestedLang(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice(7) : argv[i + 1];
  return isLocale(value) ? value : 'en';
}

export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): CliArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        key: { type: 'string' },
        out: { type: 'string' },
        to: { type: 'string' },
        passphrase: { type: 'string' },
        lang: { type: 'string' },
        threshold: { type: 'string' },
        trusted: { type: 'string' },
        'trust-on-first-use': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // Node's messages name the option in quotes: "Unknown option '--kye'".
    const option = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1] ?? '';
    throw new UsageError('badOption', { option });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const lang = values.lang ?? 'en';
  if (!isLocale(lang)) throw new UsageError('badLang', { value: lang, languages: LOCALES.join(', ') });
  if (!values.key) throw new UsageError('noKey');
  if (values.out && values.to) throw new UsageError('outAndTo');
  if (!values.out && !values.to) throw new UsageError('noOut');
  if (values.to && !/^postgres(ql)?:\/\//i.test(values.to)) throw new UsageError('badTo', { value: values.to });
  const kind = values.out ? (/\.(xlsx|csv|json)$/i.exec(values.out)?.[1]?.toLowerCase() as OutputKind | undefined) : undefined;
  if (values.out && !kind) throw new UsageError('badOut', { file: values.out });
  if (!positionals.length) throw new UsageError('noBundles');
  const threshold = values.threshold === undefined ? 5 : Number(values.threshold);
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 100) throw new UsageError('badThreshold', { value: values.threshold ?? '' });
  const passphrase = values.passphrase ?? env.MREZA_BUNDLE_PASSPHRASE;
  return {
    bundles: positionals,
    key: values.key,
    ...(values.out && kind ? { out: values.out, kind } : {}),
    ...(values.to ? { to: values.to } : {}),
    lang,
    threshold,
    ...(passphrase ? { passphrase } : {}),
    ...(values.trusted ? { trusted: values.trusted } : {}),
    trustOnFirstUse: values['trust-on-first-use'] === true,
  };
}
