/**
 * "Plurals where a number is shown" (issue 18, item 4): a noun after a number must agree with
 * it (hr "1 tjedan, 2 tjedna, 5 tjedana"; sl also "2 tedna"), which only i18next plurals
 * (`_one/_few/_other`, sl also `_two`) can do. So in every string that is NOT one of a plural
 * set, a numeric placeholder may be followed only by punctuation, the end, another placeholder,
 * a unit that does not inflect (MB, %) or a connective ("5 od 20", "3 i 4"); a word after it
 * ("{{weeks}} tjedana", "od {{total}} potreba") means the string needs plural keys or a
 * label form ("potrebe: {{count}} od {{total}}").
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/shared/i18n/locales';
import { NAMESPACES, resources } from '../../src/shared/i18n/resources';

/** Placeholders that hold a number of things (names like {{row}} or {{seq}} are labels: "redak 5"). */
const NUMERIC = new Set([
  'count',
  'total',
  'done',
  'shown',
  'n',
  'weeks',
  'days',
  'months',
  'max',
  'min',
  'found',
  'pages',
  'capacity',
  'enrolled',
  'actual',
  'target',
  'active',
  'percent',
  'limitMb',
  'maxMb',
  'foundMb',
  'threshold',
  'minimum',
  'maximum',
  'waiting',
  'add',
  'replace',
  'unchanged',
  'keptLocal',
]);

/** Words that may follow a number without agreeing with it. */
const CONNECTIVE = /^(od|of|i|in|and|do|to|ili|or|oz|MB|KB|GB)$/u;

const PLURAL_KEY = /_(zero|one|two|few|many|other)$/;

function flatten(tree: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (tree !== null && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof tree === 'string') {
    out.set(prefix, tree);
  }
  return out;
}

/** "{{weeks}} tjedana" → ["weeks tjedana"]: each numeric placeholder followed by a word. */
export function numbersBeforeWords(value: string): string[] {
  const found: string[] = [];
  for (const m of value.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}[\s\u00a0]*(\p{L}+)/gu)) {
    const [, name, word] = m as unknown as [string, string, string];
    if (NUMERIC.has(name) && !CONNECTIVE.test(word)) found.push(`{{${name}}} ${word}`);
  }
  return found;
}

const res = resources as Record<Locale, Record<string, unknown>>;

describe('numbers followed by a noun use plural keys', () => {
  it('the detector finds the cases the issue names and passes label forms', () => {
    expect(numbersBeforeWords('{{mentee}} i {{mentor}}: nema susreta već {{weeks}} tj.')).toEqual(['{{weeks}} tj']);
    expect(numbersBeforeWords('pokriva {{count}} od {{total}} potreba')).toEqual(['{{total}} potreba']);
    expect(numbersBeforeWords('zajedničke potrebe: {{count}} od {{total}}')).toEqual([]);
    expect(numbersBeforeWords('Ova datoteka ima {{foundMb, number}} MB.')).toEqual([]);
    expect(numbersBeforeWords('Redak {{row}} ponavlja redak {{other}}.')).toEqual([]);
  });

  describe.each(LOCALES.filter((l) => l !== 'sr-Cyrl'))('%s', (locale) => {
    it.each([...NAMESPACES])('%s.json', (ns) => {
      const problems: string[] = [];
      for (const [key, value] of flatten(res[locale][ns])) {
        if (PLURAL_KEY.test(key)) continue;
        for (const p of numbersBeforeWords(value)) problems.push(`${key}: "${p}" needs plural keys (or "label: {{n}}")`);
      }
      expect(problems, `${locale}/${ns}.json`).toEqual([]);
    });
  });
});
