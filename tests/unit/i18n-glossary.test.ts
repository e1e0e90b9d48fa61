/**
 * One term per concept (issue 18, items 1 and 2): docs/glossary.md lists, per language, the chosen
 * term and the rejected variants and wrong-language forms; no translated string may use those.
 * The glossary is the single source: this test parses its tables.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from '../../src/shared/i18n/resources';

const GLOSSARY = readFileSync(resolve(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
const CHECKED = ['hr', 'sr-Latn', 'bs', 'sl'] as const;
type Checked = (typeof CHECKED)[number];

interface Row {
  concept: string;
  term: string;
  rejected: string[];
}

/** The rows of the table in the section whose heading names `(\`lang\`…)`. */
export function glossaryRows(markdown: string, lang: string): Row[] {
  const sections = markdown.split(/^## /m);
  const section = sections.find((s) => new RegExp(`^[^\\n]*\\(\`${lang}\``).test(s));
  if (!section) return [];
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line) || /^\|\s*Concept\s*\|/.test(line)) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const [concept = '', term = '', rejected = ''] = cells;
    rows.push({
      concept,
      term,
      rejected: rejected
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r && r !== '—'),
    });
  }
  return rows;
}

/** A rejected entry as a case-insensitive whole-word pattern; a final `*` matches any ending. */
export function variantPattern(entry: string): RegExp {
  const wild = entry.endsWith('*');
  const body = (wild ? entry.slice(0, -1) : entry)
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\u00a0]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${wild ? '\\p{L}*' : ''}(?![\\p{L}\\p{N}])`, 'iu');
}

function strings(tree: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (typeof tree === 'string') out.push([prefix, tree]);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) strings(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const REQUIRED_CONCEPTS = [
  'attendance',
  'certificate',
  'participant',
  'mentor',
  'mentee',
  'workshop',
  'training module',
  'consent',
  'erase (a person)',
  'export',
  'bundle (export file)',
  'partner organisation',
  'lead organisation',
  'indicator',
  'report',
  'audit log',
  'e-mail',
];

describe('docs/glossary.md', () => {
  it('names a term for every core concept in every language', () => {
    const overview = GLOSSARY.split(/^## /m).find((s) => s.startsWith('Overview')) ?? '';
    for (const concept of REQUIRED_CONCEPTS) {
      const row = overview.split('\n').find((l) => l.startsWith(`| ${concept} `));
      expect(row, concept).toBeDefined();
      expect(
        row
          ?.split('|')
          .slice(1, -1)
          .every((c) => c.trim() !== ''),
        concept,
      ).toBe(true);
    }
  });

  it.each(CHECKED)('%s has a table with rejected variants and wrong-language forms', (lang) => {
    const rows = glossaryRows(GLOSSARY, lang);
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.some((r) => r.concept.startsWith('*'))).toBe(true);
  });

  it('the matcher finds a variant inside a sentence and not inside another word', () => {
    expect(variantPattern('nazočn*').test('Stopa nazočnosti')).toBe(true);
    expect(variantPattern('dnevnik promena').test('u dnevnik promena.')).toBe(true);
    expect(variantPattern('lica').test('Obuhvaćena lica')).toBe(true);
    expect(variantPattern('lica').test('ličnost, dvolična')).toBe(false);
    expect(variantPattern('posle').test('poslednji')).toBe(false);
  });
});

describe.each(CHECKED)('%s strings use the glossary terms', (lang: Checked) => {
  const rows = glossaryRows(GLOSSARY, lang);
  const res = resources[lang] as Record<string, unknown>;
  it.each([...NAMESPACES])('%s.json', (ns) => {
    const problems: string[] = [];
    for (const [key, value] of strings(res[ns])) {
      for (const row of rows) {
        for (const entry of row.rejected) {
          const m = variantPattern(entry).exec(value);
          if (m) problems.push(`${key}: "${m[0]}" (${row.concept.replace(/\*/g, '')}) → ${row.term === '—' ? 'not this language' : row.term}`);
        }
      }
    }
    expect(problems, `${lang}/${ns}.json`).toEqual([]);
  });
});
