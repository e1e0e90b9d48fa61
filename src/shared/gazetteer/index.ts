/**
 * Municipalities: one canonical form for a place however it was typed.
 *
 * A person's municipality is stored as the gazetteer's canonical (official Latin) name when the
 * typed text names exactly one unit — so "Младеновац", "mladenovac " and "MLADENOVAC" are all
 * stored as "Mladenovac" — and as typed otherwise (never lost; the form and the import flag it
 * and offer the closest names). See docs/decisions.md.
 */
import { foldForSearch, latinToCyrillic } from '../i18n/transliterate';
import { BA, HR, RS, SI } from './data';

export type GazetteerCountry = 'HR' | 'RS' | 'BA' | 'SI';

export interface Municipality {
  /** Stable id: country and folded canonical name ("RS:mladenovac"). */
  id: string;
  country: GazetteerCountry;
  /** The official Latin-script name; what a person's record stores. */
  name: string;
  /** The Cyrillic name, for the countries that officially use Cyrillic (RS, BA). */
  cyrillic?: string;
  aliases: readonly string[];
}

const SOURCES: ReadonlyArray<[GazetteerCountry, string]> = [
  ['HR', HR],
  ['RS', RS],
  ['BA', BA],
  ['SI', SI],
];

/** Words in front of a name that say what kind of unit it is, folded ("Grad Zagreb", "Mestna občina Ljubljana"). */
const UNIT_PREFIX = /^(?:mestna obcina|gradska opcina|gradska opstina|grad|opcina|opstina|obcina|municipality of|city of) (?=\S)/;

/**
 * The one folding rule for place names: script, case and diacritics as foldForSearch does (so
 * Cyrillic and Latin meet), punctuation and hyphens as spaces, spaces collapsed, and a leading
 * "Grad"/"Općina"/"Opština"/"Občina" dropped. "Grad Zagreb" → "zagreb", "Ivanić-Grad" →
 * "ivanic grad", "Гаџин  Хан" → "gadzin han".
 */
export function placeKey(text: string): string {
  const folded = foldForSearch(text)
    .replace(/[\s\-–—_.,;:/\\()"'„“”‚‘’]+/g, ' ')
    .trim();
  return folded.replace(UNIT_PREFIX, '');
}

let built: { all: Municipality[]; byKey: Map<string, Municipality[]>; keys: Array<[string, Municipality]> } | null = null;

/** Parses the data once, on first use. */
function gazetteer() {
  if (built) return built;
  const all: Municipality[] = [];
  const byKey = new Map<string, Municipality[]>();
  const keys: Array<[string, Municipality]> = [];
  const index = (key: string, m: Municipality) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(m)) {
      list.push(m);
      byKey.set(key, list);
      keys.push([key, m]);
    }
  };
  for (const [country, text] of SOURCES) {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const [head = '', ...aliases] = line.split('|');
      const [name = '', cyr] = head.split('=');
      const m: Municipality = {
        id: `${country}:${placeKey(name).replace(/ /g, '-')}`,
        country,
        name,
        ...(country === 'RS' || country === 'BA' ? { cyrillic: cyr ?? latinToCyrillic(name) } : {}),
        aliases,
      };
      all.push(m);
      index(placeKey(name), m);
      for (const a of aliases) index(placeKey(a), m);
    }
  }
  built = { all, byKey, keys };
  return built;
}

/** Every municipality in the gazetteer. */
export function allMunicipalities(): readonly Municipality[] {
  return gazetteer().all;
}

export interface MunicipalityMatch {
  /** The text as typed, trimmed. */
  input: string;
  status: 'empty' | 'known' | 'ambiguous' | 'unknown';
  /** The one municipality the text names (status known). */
  municipality?: Municipality;
  /** The canonical name: of the municipality, or the one name all candidates share (Vodice in HR and SI). */
  name?: string;
  /** Ambiguous: the units it may name; unknown: the closest names (when asked for). */
  suggestions: Municipality[];
}

/**
 * Which municipality a typed name is. Script, case, diacritics, spacing and unit prefixes do
 * not matter. Where one name belongs to several units (Vodice in HR and SI, Palilula in
 * Belgrade and Niš), the person's country picks among them; if that leaves more than one, the
 * match is ambiguous. A name that exists only in another country still matches (the country
 * given may be a default; the caller decides whether to warn). `suggest` adds the closest names
 * for an unknown one (an edit-distance pass over the gazetteer: ask only where they are shown).
 */
export function matchMunicipality(text: string | undefined, country?: string, opts: { suggest?: boolean } = {}): MunicipalityMatch {
  const input = (text ?? '').trim().replace(/\s+/g, ' ');
  if (!input) return { input, status: 'empty', suggestions: [] };
  const found = gazetteer().byKey.get(placeKey(input)) ?? [];
  const inCountry = found.filter((m) => m.country === country);
  const candidates = inCountry.length ? inCountry : found;
  if (candidates.length === 1) return { input, status: 'known', municipality: candidates[0]!, name: candidates[0]!.name, suggestions: [] };
  if (candidates.length > 1) {
    const names = new Set(candidates.map((m) => m.name));
    return { input, status: 'ambiguous', ...(names.size === 1 ? { name: candidates[0]!.name } : {}), suggestions: candidates };
  }
  return { input, status: 'unknown', suggestions: opts.suggest ? closestMunicipalities(input, { country }) : [] };
}

/**
 * What a person's record stores for a typed municipality: the canonical name when the text names
 * one unit, else the text as typed (trimmed, spaces collapsed). Undefined for empty text.
 */
export function canonicalMunicipality(text: string | undefined, country?: string): string | undefined {
  const m = matchMunicipality(text, country);
  if (m.status === 'empty') return undefined;
  return m.name ?? m.input;
}

/**
 * The municipality part of a person's identity (duplicate finding and the cross-partner key):
 * the folded canonical name. Independent of the country, so the key never depends on a default:
 * a name several units share (Vodice, Ribnik) keys as that name, and an unknown or ambiguous one
 * as its folded text.
 */
export function municipalityKey(text: string | undefined): string {
  const key = placeKey(text ?? '');
  if (!key) return '';
  const found = gazetteer().byKey.get(key) ?? [];
  const names = new Set(found.map((m) => m.name));
  return names.size === 1 ? placeKey([...names][0]!) : key;
}

/**
 * A person's place with the municipality in canonical form and, when the person has no country,
 * the country derived from it. An explicit country is never overwritten.
 */
export function canonicalPlace<T extends { municipality?: string | undefined; country?: string | undefined }>(p: T): T {
  const m = matchMunicipality(p.municipality, p.country);
  if (m.status === 'empty') return p;
  const out = { ...p, municipality: m.name ?? m.input };
  if (!p.country && m.municipality) out.country = m.municipality.country;
  return out;
}

/** Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * The municipalities whose names are closest to a typed text: names that start with it (as one
 * types) first, then by edit distance over folded names (at most a third of the length, at
 * least 1, so "Mladenovc" → Mladenovac but "Zadar" does not suggest "Bakar"); the person's
 * country first among equals.
 */
export function closestMunicipalities(text: string, opts: { country?: string | undefined; limit?: number } = {}): Municipality[] {
  const q = placeKey(text);
  if (!q) return [];
  const limit = opts.limit ?? 5;
  const maxDistance = Math.max(1, Math.floor(q.length / 3));
  const best = new Map<Municipality, number>();
  for (const [key, m] of gazetteer().keys) {
    // Rank: 0 = starts with the text, 1 = a later word starts with it or the text holds the
    // whole name ("Tuzla, Centar" → Tuzla), then 2 + distance.
    let rank: number;
    if (key.startsWith(q)) rank = 0;
    else if (q.length >= 3 && (key.includes(` ${q}`) || (key.length >= 3 && ` ${q} `.includes(` ${key} `)))) rank = 1;
    else {
      const d = editDistance(q, key, maxDistance);
      if (d > maxDistance) continue;
      rank = 2 + d;
    }
    const was = best.get(m);
    if (was === undefined || rank < was) best.set(m, rank);
  }
  return [...best]
    .sort(([a, ra], [b, rb]) => ra - rb || Number(b.country === opts.country) - Number(a.country === opts.country) || a.name.localeCompare(b.name, 'hr'))
    .slice(0, limit)
    .map(([m]) => m);
}

/** A municipality name in the script of the user's language: Cyrillic in sr-Cyrl, else Latin. */
export function municipalityLabel(name: string, locale?: string): string {
  if (locale !== 'sr-Cyrl') return name;
  const found = gazetteer()
    .byKey.get(placeKey(name))
    ?.find((m) => m.name === name);
  if (found) return found.cyrillic ?? latinToCyrillic(found.name);
  return name;
}

/**
 * Groups typed municipalities into one row per place for breakdowns: the canonical name for a
 * known place (so "Младеновац" and "Mladenovac" are one row), else the folded text, shown as the
 * first spelling met. Make one per breakdown.
 */
export function municipalityGrouper(): (text: string | undefined, country?: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  const firstSpelling = new Map<string, string>();
  return (text, country) => {
    const cacheKey = `${country ?? ''}|${text ?? ''}`;
    if (cache.has(cacheKey)) return cache.get(cacheKey);
    const m = matchMunicipality(text, country);
    let out = m.name;
    if (out === undefined && m.status !== 'empty') {
      const key = placeKey(m.input);
      out = firstSpelling.get(key);
      if (out === undefined) firstSpelling.set(key, (out = m.input));
    }
    cache.set(cacheKey, out);
    return out;
  };
}
