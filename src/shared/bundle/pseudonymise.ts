import { municipalityKey } from '../gazetteer';
import { personNameKey } from '../people/nameKey';
import { own, toHex, utf8, type Bytes } from '../crypto';
import { ageBand } from '../indicators/compute';
import { specialSubjectOf, type ConsentScope } from './consentScope';
import { AGE_BAND_FIELD, fieldRule, PSEUDO_KEY_FIELD, tablesAt, type BundleTable, type PrivacyLevel } from './privacy';

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
   * HMAC(secret, personNameKey + "|" + birthYear + "|" + municipalityKey), hex.
   * Anonymised people (names gone) get a key of their own record, so they never merge.
   */
  async pseudoKey(p: {
    id: string;
    orgId: string;
    firstName?: unknown;
    lastName?: unknown;
    birthYear?: unknown;
    municipality?: unknown;
    anonymised?: unknown;
  }): Promise<string> {
    if (p.anonymised === true || typeof p.firstName !== 'string' || typeof p.lastName !== 'string')
      return toHex(await this.mac(`anonymised|${p.orgId}|${p.id}`));
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
  const municipality = typeof p.municipality === 'string' ? municipalityKey(p.municipality) : '';
  return `${personNameKey(p)}|${year}|${municipality}`;
}

export { sharesWithLead } from './consentScope';

export interface PreparedRecords {
  tables: Record<BundleTable, Row[]>;
  tombstones: Row[];
  /** People kept out of the record tables for lack of a consent to share (and out of the bundle's indicators). */
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
  /** Who travels: consentScope(tables), the decision the bundle's indicators already followed. */
  scope: ConsentScope;
}): Promise<PreparedRecords> {
  const { level, orgId } = input;
  const atYear = Number(input.today.slice(0, 4));
  const hasher = await ProjectHasher.create(input.projectSecret);
  // Who travels: the same decision the bundle's indicators followed, made once by the caller.
  const { dropped, coversSpecial } = input.scope;

  const pidCache = new Map<string, Promise<string>>();
  const pid = (id: string) => {
    let p = pidCache.get(id);
    if (!p) pidCache.set(id, (p = hasher.pseudoId(orgId, id)));
    return p;
  };
  const droppedPeople = dropped.get('people')!;
  const subjectOf = specialSubjectOf(input.tables);

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
          next[field] = coversSpecial(subjectOf(table, row)) ? value : [];
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
