import { coversSpecialCategories, type Consent } from '../model';
import { BUNDLE_TABLES, REFERENCES, type BundleTable } from './privacy';

type Row = Record<string, unknown>;
type Tables = Partial<Record<BundleTable, Row[]>>;

/** A consent lets a person's records go to the lead while it says so and is not withdrawn. */
export function sharesWithLead(consents: readonly Pick<Consent, 'shareWithLead' | 'withdrawnAt'>[]): boolean {
  return consents.some((c) => c.shareWithLead && !c.withdrawnAt);
}

export interface ConsentScope {
  consentsOf: Map<string, Consent[]>;
  /** Ids of rows that stay home, per table: people without consent to share and every row that depends on them. */
  dropped: Map<BundleTable, Set<string>>;
  /** Whether a person's special-category data (target groups) may travel. */
  coversSpecial(personId: string): boolean;
}

/**
 * What of a partner's records may leave for the lead: the one decision both the records and the
 * indicators of a bundle follow (so no figure of a bundle counts someone whose records stayed home).
 */
export function consentScope(tables: Tables): ConsentScope {
  const consentsOf = new Map<string, Consent[]>();
  for (const c of (tables.consents ?? []) as unknown as Consent[]) {
    const list = consentsOf.get(c.personId) ?? [];
    list.push(c);
    consentsOf.set(c.personId, list);
  }
  const dropped = new Map<BundleTable, Set<string>>(BUNDLE_TABLES.map((t) => [t, new Set<string>()]));
  for (const p of tables.people ?? []) if (!sharesWithLead(consentsOf.get(String(p.id)) ?? [])) dropped.get('people')!.add(String(p.id));

  // Cascade until nothing changes (the references form a short chain; two rounds suffice today).
  for (let changed = true; changed;) {
    changed = false;
    for (const ref of REFERENCES) {
      if (!ref.cascade) continue;
      const gone = dropped.get(ref.target)!;
      const mine = dropped.get(ref.table)!;
      for (const row of tables[ref.table] ?? []) {
        const id = String(row.id);
        if (!mine.has(id) && gone.has(String(row[ref.field]))) {
          mine.add(id);
          changed = true;
        }
      }
    }
  }
  return { consentsOf, dropped, coversSpecial: (personId) => coversSpecialCategories(consentsOf.get(personId) ?? []) };
}

/**
 * The partner's own tables as far as they may leave: rows of people who do not share (and what
 * depends on them) removed, target groups emptied where no consent covers them. Record ids and
 * fields are untouched (this feeds the indicators, not the rows of the bundle).
 */
/** Whose consent decides a special-category field of a row: the person herself, or a mentoring log's mentee. */
export function specialSubjectOf(tables: Tables): (table: BundleTable, row: Row) => string {
  const menteeOfMatch = new Map((tables.matches ?? []).map((m) => [String(m.id), String(m.menteeId)]));
  return (table, row) =>
    table === 'people' ? String(row.id) : table === 'mentoringSessions' ? (menteeOfMatch.get(String(row.matchId)) ?? '') : String(row.personId);
}

export function tablesInScope<T extends Tables>(tables: T, scope: ConsentScope): T {
  const out: Tables = {};
  const subjectOf = specialSubjectOf(tables);
  for (const [table, rows] of Object.entries(tables) as Array<[BundleTable, Row[]]>) {
    const gone = scope.dropped.get(table);
    let kept = gone && gone.size ? rows.filter((r) => !gone.has(String(r.id))) : rows;
    if (table === 'people')
      kept = kept.map((p) => (Array.isArray(p.targetGroups) && p.targetGroups.length && !scope.coversSpecial(String(p.id)) ? { ...p, targetGroups: [] } : p));
    // Services (psychosocial support…) count only where the mentee's consent covers them, as they travel.
    if (table === 'mentoringSessions')
      kept = kept.map((r) => (Array.isArray(r.services) && r.services.length && !scope.coversSpecial(subjectOf(table, r)) ? { ...r, services: [] } : r));
    out[table] = kept;
  }
  return out as T;
}
