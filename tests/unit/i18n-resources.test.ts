/**
 * Generic checks over the whole resource tree: they iterate over whatever namespaces and keys
 * exist, with `en` as the reference.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/shared/i18n/locales';
import { NAMESPACES, resources } from '../../src/shared/i18n/resources';
import { latinToCyrillic, mapStrings } from '../../src/shared/i18n/transliterate';
import { outOfDate, plan } from '../../scripts/gen-sr-cyrl.ts';

type Tree = { [key: string]: unknown };

/** Flattens nested objects to dotted keys (i18next's default keySeparator). */
function flatten(tree: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (tree !== null && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree as Tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, tree);
  }
  return out;
}

const PLURAL_KEY = /^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$/;

interface PluralGroup {
  base: string;
  ordinal: boolean;
  zero: boolean;
}

/** Splits the reference keys into plain keys and plural groups (base + `_other` present). */
function analyse(reference: Map<string, unknown>): { plain: string[]; groups: PluralGroup[]; problems: string[] } {
  const plain: string[] = [];
  const groups = new Map<string, PluralGroup>();
  const problems: string[] = [];
  for (const key of reference.keys()) {
    const m = PLURAL_KEY.exec(key);
    if (!m) {
      plain.push(key);
      continue;
    }
    const base = m[1] as string;
    const ordinal = m[2] !== undefined;
    const other = `${base}${ordinal ? '_ordinal' : ''}_other`;
    if (!reference.has(other)) {
      problems.push(`${key}: plural form without ${other}`);
      plain.push(key);
      continue;
    }
    const id = `${base}|${ordinal}`;
    const group = groups.get(id) ?? { base, ordinal, zero: false };
    if (m[3] === 'zero') group.zero = true;
    groups.set(id, group);
  }
  return { plain, groups: [...groups.values()], problems };
}

function pluralCategories(locale: string, ordinal: boolean): string[] {
  return new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
}

function groupKeys(group: PluralGroup, locale: string): string[] {
  const categories = new Set(pluralCategories(locale, group.ordinal));
  if (group.zero) categories.add('zero'); // i18next's explicit `_zero`, offered for every language
  return [...categories].map((c) => `${group.base}${group.ordinal ? '_ordinal' : ''}_${c}`);
}

/** The keys `locale` must have, given the reference (English) tree. */
function expectedKeys(reference: Map<string, unknown>, locale: string): Set<string> {
  const { plain, groups } = analyse(reference);
  return new Set([...plain, ...groups.flatMap((g) => groupKeys(g, locale))]);
}

/** Human-readable differences between what `locale` has and what it must have. */
function keyProblems(reference: unknown, translation: unknown, locale: string): string[] {
  const ref = flatten(reference);
  const actual = new Set(flatten(translation).keys());
  const expected = expectedKeys(ref, locale);
  return [
    ...analyse(ref).problems,
    ...[...expected].filter((k) => !actual.has(k)).map((k) => `missing: ${k}`),
    ...[...actual].filter((k) => !expected.has(k)).map((k) => `unexpected: ${k}`),
  ];
}

/** `{{name}}` names, `$t(key` nesting references and tag names (`<1>`, `</1>`, `<0/>`, `<a>`). */
function tokens(value: unknown): Set<string> {
  const s = typeof value === 'string' ? value : '';
  const out = new Set<string>();
  for (const m of s.matchAll(/\{\{([^{}]*)\}\}/g)) {
    out.add(`{{${(m[1] as string).trim().replace(/^-\s*/, '').split(',')[0]?.trim()}}}`);
  }
  for (const m of s.matchAll(/\$t\(\s*([^,)\s]+)/g)) out.add(`$t(${m[1]})`);
  for (const m of s.matchAll(/<(\/?)(\d+|[A-Za-z][\w-]*)(?:\s[^<>]*)?(\/?)>/g)) out.add(`<${m[1]}${m[2]}${m[3]}>`);
  return out;
}

function tokenProblems(reference: unknown, translation: unknown): string[] {
  const ref = flatten(reference);
  const tr = flatten(translation);
  const { plain, groups } = analyse(ref);
  const problems: string[] = [];
  const compare = (key: string, required: Set<string>, allowed: Set<string>) => {
    if (!tr.has(key)) return; // reported by the key-set test
    const have = tokens(tr.get(key));
    for (const t of required) if (!have.has(t)) problems.push(`${key}: lacks ${t}`);
    for (const t of have) if (!allowed.has(t)) problems.push(`${key}: has ${t}, which en does not`);
  };
  for (const key of plain) compare(key, tokens(ref.get(key)), tokens(ref.get(key)));
  for (const g of groups) {
    const prefix = `${g.base}${g.ordinal ? '_ordinal' : ''}_`;
    const union = new Set([...ref.keys()].filter((k) => k.startsWith(prefix) && PLURAL_KEY.test(k)).flatMap((k) => [...tokens(ref.get(k))]));
    const required = new Set([...union].filter((t) => t !== '{{count}}')); // "ena oseba" may spell the number out
    const allowed = new Set([...union, '{{count}}']);
    for (const key of tr.keys()) if (key.startsWith(prefix) && PLURAL_KEY.test(key)) compare(key, required, allowed);
  }
  return problems;
}

const TRANSLATED = LOCALES.filter((l) => l !== 'en');
const res = resources as Record<Locale, Record<string, unknown>>;

describe('i18n resource tree', () => {
  it('has every namespace file for every locale', () => {
    for (const locale of LOCALES) expect(Object.keys(res[locale]).sort()).toEqual([...NAMESPACES].sort());
  });

  it('en plural keys are complete for English', () => {
    for (const ns of NAMESPACES) {
      expect(keyProblems(res.en[ns], res.en[ns], 'en'), `en/${ns}.json`).toEqual([]);
    }
  });

  describe.each(TRANSLATED)('%s', (locale) => {
    it.each([...NAMESPACES])('%s.json has exactly the keys of en (with its own plural forms)', (ns) => {
      expect(keyProblems(res.en[ns], res[locale][ns], locale), `${locale}/${ns}.json`).toEqual([]);
    });

    it.each([...NAMESPACES])('%s.json keeps the placeholders, nesting and tags of en', (ns) => {
      expect(tokenProblems(res.en[ns], res[locale][ns]), `${locale}/${ns}.json`).toEqual([]);
    });
  });

  it('has no empty or non-string values', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const ns of NAMESPACES) {
        for (const [key, value] of flatten(res[locale][ns])) {
          if (typeof value !== 'string') problems.push(`${locale}/${ns}: ${key} is ${JSON.stringify(value)}`);
          else if (value.trim() === '') problems.push(`${locale}/${ns}: ${key} is empty`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no Cyrillic in the Latin-script locales', () => {
    const problems: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== 'sr-Cyrl')) {
      for (const ns of NAMESPACES) {
        for (const [key, value] of flatten(res[locale][ns])) {
          if (typeof value === 'string' && /\p{Script=Cyrillic}/u.test(value)) problems.push(`${locale}/${ns}: ${key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('sr-Cyrl is exactly the transliteration of sr-Latn', () => {
    for (const ns of NAMESPACES) {
      expect(res['sr-Cyrl'][ns], `sr-Cyrl/${ns}.json`).toEqual(mapStrings(res['sr-Latn'][ns], latinToCyrillic));
    }
  });

  it('generated files (sr-Cyrl/*.json, resources.ts) are up to date: run `npm run i18n:gen`', () => {
    expect(outOfDate(plan())).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const en = { a: 'A {{name}}', b: { c: 'C <1>x</1>' }, n_one: '{{count}} thing', n_other: '{{count}} things' };

  it('accept a complete translation with the language’s plural forms', () => {
    const hr = { a: 'A {{name}}', b: { c: 'C <1>x</1>' }, n_one: '{{count}} stvar', n_few: '{{count}} stvari', n_other: '{{count}} stvari' };
    expect(keyProblems(en, hr, 'hr')).toEqual([]);
    expect(tokenProblems(en, hr)).toEqual([]);
    const sl = {
      a: 'A {{name}}',
      b: { c: 'C <1>x</1>' },
      n_one: 'ena stvar',
      n_two: '{{count}} stvari',
      n_few: '{{count}} stvari',
      n_other: '{{count}} stvari',
    };
    expect(keyProblems(en, sl, 'sl')).toEqual([]);
    expect(tokenProblems(en, sl)).toEqual([]);
  });

  it('fail on a missing key, a missing plural form, an extra key, a lost placeholder or tag', () => {
    const hr = { a: 'A', b: { c: 'C x', d: 'extra' }, n_one: '{{count}} stvar', n_other: '{{count}} stvari {{oops}}' };
    expect(keyProblems(en, hr, 'hr')).toEqual(['missing: n_few', 'unexpected: b.d']);
    expect(keyProblems(en, { ...hr, b: {} }, 'hr')).toContain('missing: b.c');
    expect(tokenProblems(en, hr)).toEqual(['a: lacks {{name}}', 'b.c: lacks <1>', 'b.c: lacks </1>', 'n_other: has {{oops}}, which en does not']);
  });

  it('fail on an English plural form without _other', () => {
    expect(keyProblems({ n_one: 'x' }, { n_one: 'x' }, 'en')).toEqual(['n_one: plural form without n_other']);
  });
});

describe('audit log labels', () => {
  it('every table of the data store has a name in the audit log', async () => {
    const { TABLE_NAMES } = await import('../../src/shared/model');
    const { resources } = await import('../../src/shared/i18n/resources');
    const tables = (resources.en.audit as { tables: Record<string, string> }).tables;
    expect(TABLE_NAMES.filter((t) => !tables[t])).toEqual([]);
  });
});
