import { coversSpecialCategories, type Consent } from '../model';
import { foldForSearch } from '../i18n/transliterate';
import { personNameKey } from '../people/nameKey';
import { own, toHex, utf8, type Bytes } from '../crypto';
import { ageBand } from '../indicators/compute';
import { AGE_BAND_FIELD, BUNDLE_TABLES, fieldRule, PSEUDO_KEY_FIELD, REFERENCES, tablesAt, type BundleTable, type PrivacyLevel } from './privacy';

export type Row = Record<string, unknown>;
export type BundleTables = Partial<Record<BundleTable, Row[]>>;

/**
 * HMAC-SHA256 keyed with the project's linkage secret (the invitation's `projectSecret`), hex.
 * Only a partner's service side (and the lead's own service side) holds that secret: the lead's
 * consolidation never does, so it cannot compute or confirm a key (docs/privacy.md).
 */
export class ProjectHasher {
  private constructor(private readonly key: CryptoKey) {}

  static async create(projectSecret: Uint8Array): Promise<ProjectHasher> {
    return new ProjectHasher(await crypto.subtle.importKey('raw', own(projectSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']));
  }

  async mac(text: string): Promise<Bytes> {
    return new Uint8Array(await crypto.subtle.sign('HMAC', this.key, utf8(text)));
  }

  /**
   * The key that makes a person the same at every partner:
   * HMAC(secret, personNameKey + "|" + birthYear + "|" + folded municipality), hex.
   * Anonymised people (names gone) get a key of their own record, so they never merge.
   */
  async pseudoKey(p: { id: string; orgId: string; firstName?: unknown; lastName?: unknown; birthYear?: unknown; municipality?: unknown; anonymised?: unknown }): Promise<string> {
    if (p.anonymised === true || typeof p.firstName !== 'string' || typeof p.lastName !== 'string') return toHex(await this.mac(`anonymised|${p.orgId}|${p.id}`));
    return toHex(await this.mac(pseudoKeyInput({ firstName: p.firstName, lastName: p.lastName, birthYear: p.birthYear, municipality: p.municipality })));
  }

  /** A person's pseudonymous id: HMAC(secret, "person|" + orgId + "|" + id), shaped as a UUID (version 8). */
  async pseudoId(orgId: string, id: string): Promise<string> {
    const h = (await this.mac(`person|${orgId}|${id}`)).subarray(0, 16);
    h[6] = (h[6]! & 0x0f) | 0x80;
    h[8] = (h[8]! & 0x3f) | 0x80;
    const x = toHex(h);
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  }
}

/** The text a pseudoKey is the HMAC of (documented in docs/bundle-format.md). */
export function pseudoKeyInput(p: { firstName: string; lastName: string; birthYear?: unknown; municipality?: unknown }): string {
  const year = typeof p.birthYear === 'number' ? String(p.birthYear) : '';
  const municipality = typeof p.municipality === 'string' ? foldForSearch(p.municipality).replace(/\s+/g, ' ').trim() : '';
  return `${personNameKey(p)}|${year}|${municipality}`;
}

/** A consent lets a person's records go to the lead while it says so and is not withdrawn. */
export function sharesWithLead(consents: readonly Pick<Consent, 'shareWithLead' | 'withdrawnAt'>[]): boolean {
  return consents.some((c) => c.shareWithLead && !c.withdrawnAt);
}

export interface PreparedRecords {
  tables: Record<BundleTable, Row[]>;
  tombstones: Row[];
  /** People kept out of the record tables for lack of a consent to share (they still count in indicators). */
  withheldPeople: number;
}

/**
 * Applies the privacy policy to a partner's own rows: drops people without consent to share and
 * every row that depends on them, applies the field rules (pseudonymised) or keeps every field
 * but confidential notes (full), adds pseudoKey to people (and, pseudonymised, their age band on
 * `today` instead of the birth year), and replaces person ids consistently (pseudonymised).
 */
export async function prepareRecords(input: {
  tables: BundleTables;
  tombstones: Row[];
  level: Exclude<PrivacyLevel, 'aggregate'>;
  projectSecret: Uint8Array;
  orgId: string;
  /** The export day (yyyy-MM-dd): the age band is the one of this year. */
  today: string;
}): Promise<PreparedRecords> {
  const { level, orgId } = input;
  const atYear = Number(input.today.slice(0, 4));
  const hasher = await ProjectHasher.create(input.projectSecret);
  const consentsOf = new Map<string, Consent[]>();
  for (const c of (input.tables.consents ?? []) as unknown as Consent[]) {
    const list = consentsOf.get(c.personId) ?? [];
    list.push(c);
    consentsOf.set(c.personId, list);
  }
  const people = input.tables.people ?? [];
  const dropped = new Map<BundleTable, Set<string>>(BUNDLE_TABLES.map((t) => [t, new Set<string>()]));
  for (const p of people) if (!sharesWithLead(consentsOf.get(String(p.id)) ?? [])) dropped.get('people')!.add(String(p.id));

  // Cascade until nothing changes (the references form a short chain; two rounds suffice today).
  for (let changed = true; changed; ) {
    changed = false;
    for (const ref of REFERENCES) {
      if (!ref.cascade) continue;
      const gone = dropped.get(ref.target)!;
      const mine = dropped.get(ref.table)!;
      for (const row of input.tables[ref.table] ?? []) {
        const id = String(row.id);
        if (!mine.has(id) && gone.has(String(row[ref.field]))) {
          mine.add(id);
          changed = true;
        }
      }
    }
  }

  const pidCache = new Map<string, Promise<string>>();
  const pid = (id: string) => {
    let p = pidCache.get(id);
    if (!p) pidCache.set(id, (p = hasher.pseudoId(orgId, id)));
    return p;
  };
  const droppedPeople = dropped.get('people')!;
  // Whose consent decides a special-category field: the person herself, or a mentoring log's mentee.
  const menteeOfMatch = new Map((input.tables.matches ?? []).map((m) => [String(m.id), String(m.menteeId)]));
  const subjectOf = (table: BundleTable, row: Row) =>
    table === 'people' ? String(row.id) : table === 'mentoringSessions' ? (menteeOfMatch.get(String(row.matchId)) ?? '') : String(row.personId);

  const tables = {} as Record<BundleTable, Row[]>;
  for (const table of tablesAt(level)) {
    const out: Row[] = [];
    for (const row of input.tables[table] ?? []) {
      if (dropped.get(table)!.has(String(row.id))) continue;
      const next: Row = {};
      for (const [field, value] of Object.entries(row)) {
        if (value === undefined) continue;
        const rule = fieldRule(table, field);
        if (rule === 'never') continue;
        if (rule === 'specialCategory') {
          next[field] = coversSpecialCategories(consentsOf.get(subjectOf(table, row)) ?? []) ? value : [];
        } else if (level === 'full') {
          next[field] = rule === 'personRefs' && Array.isArray(value) ? value.filter((v) => !droppedPeople.has(String(v))) : value;
        } else if (rule === 'keep') {
          next[field] = value;
        } else if (rule === 'personRef') {
          next[field] = await pid(String(value));
        } else if (rule === 'personRefs' && Array.isArray(value)) {
          next[field] = await Promise.all(value.filter((v) => !droppedPeople.has(String(v))).map((v) => pid(String(v))));
        }
      }
      if (table === 'people') {
        next[PSEUDO_KEY_FIELD] = await hasher.pseudoKey(row as Parameters<ProjectHasher['pseudoKey']>[0]);
        if (level === 'pseudonymised') next[AGE_BAND_FIELD] = ageBand(typeof row.birthYear === 'number' ? row.birthYear : undefined, atYear);
      }
      out.push(next);
    }
    tables[table] = out;
  }

  const tombstones: Row[] = [];
  for (const t of input.tombstones) {
    tombstones.push(level === 'pseudonymised' && t.table === 'people' ? { ...t, recordId: await pid(String(t.recordId)) } : { ...t });
  }
  return { tables, tombstones, withheldPeople: droppedPeople.size };
}
