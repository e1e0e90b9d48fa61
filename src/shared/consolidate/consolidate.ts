import { dequal } from 'dequal';
import type { Country, PartnerSliceRow } from '../model';
import { EMPTY_DATASET, type Dataset } from '../indicators/dataset';
import type { IndicatorsFile } from '../bundle/format';
import type { InspectedBundle } from '../bundle/read';
import type { Row } from '../bundle/pseudonymise';
import { BUNDLE_TABLES, PSEUDO_KEY_FIELD, type BundleTable, type PrivacyLevel } from '../bundle/privacy';

/**
 * Consolidation at the lead, pure: plain arrays in, plain arrays out. A bundle is a partner's
 * full current snapshot, so a partner's slice is replaced whole by a newer bundle; the result
 * depends only on the newest acceptable bundle per partner, never on the order of imports.
 */

/**
 * What the lead holds of one partner: the last export it imported, whole. One entity, one schema:
 * the stored row (partnerSliceSchema in model/exchange.ts) less where and when it was stored, with
 * the indicators and tables typed as the bundle reader checked them.
 */
export type PartnerSlice = Omit<PartnerSliceRow, 'id' | 'projectId' | 'importedAt' | 'indicators' | 'tables'> & {
  indicators: IndicatorsFile;
  tables: Partial<Record<BundleTable, Row[]>>;
};

export interface ConsolidatedState {
  projectId: string;
  /** By partner organisation id. */
  partners: Record<string, PartnerSlice>;
}

export function emptyConsolidatedState(projectId: string): ConsolidatedState {
  return { projectId, partners: {} };
}

/** The fingerprints to pass to inspectBundle as `pins`. */
export function pinsOf(state: ConsolidatedState): Record<string, string> {
  return Object.fromEntries(Object.values(state.partners).map((p) => [p.orgId, p.fingerprint]));
}

export interface BundleInput {
  bundle: InspectedBundle;
  fileName?: string;
}

export type PlanStatus =
  /** Will be written. */
  | 'apply'
  /** This very export is already imported: nothing changes. */
  | 'unchanged'
  /** Another bundle of the same organisation in this batch is newer (or the same export twice). */
  | 'skipped'
  | 'refused';

export type ProblemCode =
  /** params: newerExportId, newerExportedAt, newerFileName — the newer export already imported. */
  | 'older'
  /** params: expected, found (fingerprints). */
  | 'signerChanged'
  /** Two bundles in this batch claim the same new organisation with different keys. */
  | 'signerConflict'
  /** The bundle claims the lead's own organisation (params.organisation: the name it gives). */
  | 'ownOrganisation'
  /** The key is already another partner's (params.partner): one installation speaks for one organisation. */
  | 'keyOfAnotherPartner'
  /** A new partner whose key fingerprint the lead has not confirmed: nothing of it is written. */
  | 'unconfirmedKey'
  | 'otherProject'
  /** params: newerExportId, newerExportedAt, newerFileName — the newer one in this batch. */
  | 'supersededInBatch'
  /** The same export appears twice in this batch. */
  | 'duplicateInBatch'
  /** Informational: already imported. */
  | 'sameExport';

export interface Problem {
  code: ProblemCode;
  params: Record<string, string>;
}

export interface TableChange {
  add: Row[];
  replace: Row[];
  /** Ids removed: rows gone from the new snapshot or erased by a tombstone. */
  remove: string[];
}

export interface BundlePlan {
  /** Position in the input, so the UI lines plans up with files. */
  index: number;
  fileName?: string;
  organisation: { id: string; name: string; country: Country };
  exportId: string;
  exportedAt: string;
  privacy: PrivacyLevel;
  fingerprint: string;
  /** 'firstUse': the user should compare the fingerprint with the partner before committing. */
  trust: 'pinned' | 'firstUse';
  status: PlanStatus;
  problems: Problem[];
  changes: Partial<Record<BundleTable, TableChange>>;
  totals: { add: number; replace: number; remove: number };
  /** Tombstones the bundle carries, and how many rows they remove. */
  tombstones: Row[];
  erased: number;
  /** For 'apply': the slice that replaces the partner's previous one. */
  slice?: PartnerSlice;
}

export interface BundleImportPlan {
  projectId: string;
  items: BundlePlan[];
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** Total order of exports of one organisation: export time, then export id, then file hash. */
function compareExports(a: { exportedAt: string; exportId: string; hash?: string }, b: { exportedAt: string; exportId: string; hash?: string }): number {
  return time(a.exportedAt) - time(b.exportedAt) || a.exportId.localeCompare(b.exportId) || (a.hash ?? '').localeCompare(b.hash ?? '');
}

/**
 * Row equality for the dry run of a newer bundle: structural (key order does not matter), without
 * building strings; comparing canonical JSON cost 50 times more on a partner's whole slice.
 */
const sameRow = (a: Row, b: Row) => dequal(a, b);

function sliceOf(input: BundleInput): { slice: PartnerSlice; erased: Set<string> } {
  const { bundle } = input;
  const m = bundle.manifest;
  const erasedByTable = new Map<string, Set<string>>();
  for (const t of bundle.tombstones) {
    const set = erasedByTable.get(String(t.table)) ?? new Set<string>();
    set.add(String(t.recordId));
    erasedByTable.set(String(t.table), set);
  }
  const erased = new Set<string>();
  const tables: Partial<Record<BundleTable, Row[]>> = {};
  for (const [table, rows] of Object.entries(bundle.tables) as Array<[BundleTable, Row[]]>) {
    const gone = erasedByTable.get(table);
    tables[table] = gone ? rows.filter((r) => !gone.has(String(r.id)) || (erased.add(`${table}:${String(r.id)}`), false)) : rows;
  }
  return {
    slice: {
      orgId: m.organisation.id,
      name: m.organisation.name,
      country: m.organisation.country,
      exportId: m.exportId,
      exportedAt: m.exportedAt,
      ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
      privacy: m.privacy,
      fingerprint: bundle.fingerprint,
      publicKeys: m.signer.publicKeys,
      indicators: bundle.indicators,
      tables,
      tombstones: bundle.tombstones,
    },
    erased,
  };
}

function diff(previous: PartnerSlice | undefined, next: PartnerSlice, erasedInBundle: Set<string>): Pick<BundlePlan, 'changes' | 'totals' | 'erased'> {
  const changes: Partial<Record<BundleTable, TableChange>> = {};
  const totals = { add: 0, replace: 0, remove: 0 };
  let erased = erasedInBundle.size;
  const tombstoned = new Set(next.tombstones.map((t) => `${String(t.table)}:${String(t.recordId)}`));
  for (const table of BUNDLE_TABLES) {
    const before = new Map((previous?.tables[table] ?? []).map((r) => [String(r.id), r]));
    const after = next.tables[table] ?? [];
    if (!before.size && !after.length) continue;
    const change: TableChange = { add: [], replace: [], remove: [] };
    const seen = new Set<string>();
    for (const row of after) {
      const id = String(row.id);
      seen.add(id);
      const old = before.get(id);
      if (!old) change.add.push(row);
      else if (!sameRow(old, row)) change.replace.push(row);
    }
    for (const id of before.keys()) {
      if (seen.has(id)) continue;
      change.remove.push(id);
      if (tombstoned.has(`${table}:${id}`)) erased++;
    }
    if (change.add.length || change.replace.length || change.remove.length) {
      changes[table] = change;
      totals.add += change.add.length;
      totals.replace += change.replace.length;
      totals.remove += change.remove.length;
    }
  }
  return { changes, totals, erased };
}

/**
 * The slice a bundle becomes (tombstoned rows left out), as applyPlan would store it: for writers
 * that store one partner at a time (the command line's PostgreSQL store).
 */
export function partnerSliceOf(input: BundleInput): PartnerSlice {
  return sliceOf(input).slice;
}

const describeExport = (e: { exportId: string; exportedAt: string; fileName?: string }) => ({
  newerExportId: e.exportId,
  newerExportedAt: e.exportedAt,
  newerFileName: e.fileName ?? '',
});

export interface PlanOptions {
  /** The lead's own organisation id: a bundle claiming it, or carrying it as a row, is refused. */
  ownOrgId?: string;
}

/**
 * The dry run: what importing these bundles (in any order) into `state` would do, per bundle.
 * Nothing is changed; pass the plan to applyPlan (through withConfirmedKeys) to get the new state.
 */
export function planBundleImport(state: ConsolidatedState, inputs: readonly BundleInput[], opts: PlanOptions = {}): BundleImportPlan {
  const items: BundlePlan[] = inputs.map((input, index) => {
    const m = input.bundle.manifest;
    return {
      index,
      ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
      organisation: m.organisation,
      exportId: m.exportId,
      exportedAt: m.exportedAt,
      privacy: m.privacy,
      fingerprint: input.bundle.fingerprint,
      trust: state.partners[m.organisation.id] ? 'pinned' : 'firstUse',
      status: 'refused',
      problems: [],
      changes: {},
      totals: { add: 0, replace: 0, remove: 0 },
      tombstones: input.bundle.tombstones,
      erased: 0,
    };
  });

  // Whose key is whose: a key pinned for one partner never speaks for another, and within a batch
  // one key claiming two new organisations is refused for both.
  const ownerOfKey = new Map(Object.values(state.partners).map((p) => [p.fingerprint, p] as const));
  const orgsOfKey = new Map<string, Set<string>>();
  const eligible: BundlePlan[] = [];
  for (const item of items) {
    if (input(item).bundle.manifest.projectId !== state.projectId) {
      item.problems.push({ code: 'otherProject', params: { found: input(item).bundle.manifest.projectId, expected: state.projectId } });
    } else if (
      opts.ownOrgId !== undefined &&
      (item.organisation.id === opts.ownOrgId || (input(item).bundle.tables.organisations ?? []).some((o) => o.id === opts.ownOrgId))
    ) {
      item.problems.push({ code: 'ownOrganisation', params: { organisation: item.organisation.name } });
    } else {
      eligible.push(item);
      orgsOfKey.set(item.fingerprint, (orgsOfKey.get(item.fingerprint) ?? new Set()).add(item.organisation.id));
    }
  }

  const byOrg = new Map<string, number[]>();
  for (const item of eligible) {
    const owner = ownerOfKey.get(item.fingerprint);
    if (owner ? owner.orgId !== item.organisation.id : (orgsOfKey.get(item.fingerprint)?.size ?? 0) > 1) {
      const other =
        owner?.name ?? eligible.find((it) => it.fingerprint === item.fingerprint && it.organisation.id !== item.organisation.id)?.organisation.name ?? '';
      item.problems.push({ code: 'keyOfAnotherPartner', params: { partner: other } });
      continue;
    }
    const list = byOrg.get(item.organisation.id) ?? [];
    list.push(item.index);
    byOrg.set(item.organisation.id, list);
  }
  function input(item: BundlePlan): BundleInput {
    return inputs[item.index]!;
  }

  for (const [orgId, indices] of byOrg) {
    const current = state.partners[orgId];
    const group = indices.map((i) => items[i]!);
    const key = (it: BundlePlan) => ({ exportedAt: it.exportedAt, exportId: it.exportId, hash: input(it).bundle.fileSha256 });

    // Keys: pinned at the lead, or (first import) all bundles of the batch must agree.
    if (current) {
      for (const it of group)
        if (it.fingerprint !== current.fingerprint)
          it.problems.push({ code: 'signerChanged', params: { expected: current.fingerprint, found: it.fingerprint } });
    } else if (new Set(group.map((it) => it.fingerprint)).size > 1) {
      for (const it of group) it.problems.push({ code: 'signerConflict', params: { organisation: it.organisation.name } });
    }
    const candidates = group.filter((it) => it.problems.length === 0).sort((a, b) => compareExports(key(b), key(a)));
    const newest = candidates[0];
    for (const it of candidates) {
      if (current && it.exportId === current.exportId) {
        it.status = 'unchanged';
        it.problems.push({ code: 'sameExport', params: { exportId: it.exportId } });
      } else if (current && compareExports(key(it), { exportedAt: current.exportedAt, exportId: current.exportId }) < 0) {
        it.problems.push({ code: 'older', params: describeExport(current) });
      } else if (it !== newest) {
        const dup = newest!.exportId === it.exportId;
        it.status = 'skipped';
        it.problems.push(
          dup
            ? { code: 'duplicateInBatch', params: { exportId: it.exportId } }
            : { code: 'supersededInBatch', params: describeExport({ ...newest!, fileName: newest!.fileName }) },
        );
      } else {
        const { slice, erased } = sliceOf(input(it));
        Object.assign(it, diff(current, slice, erased), { status: 'apply' as const, slice });
      }
    }
  }
  return { projectId: state.projectId, items };
}

/** The new partners of a plan whose key the lead must confirm (by phone) before they can be written: organisation id → fingerprint. */
export function keysToConfirm(plan: BundleImportPlan): Record<string, string> {
  return Object.fromEntries(plan.items.filter((i) => i.status === 'apply' && i.trust === 'firstUse').map((i) => [i.organisation.id, i.fingerprint]));
}

/**
 * The plan as it may be written: a new partner's bundle is applied only when the lead confirmed
 * exactly that fingerprint for that organisation (`confirmed`: organisation id → fingerprint);
 * otherwise it is refused as 'unconfirmedKey' and nothing of it is written. The key it is written
 * with is then pinned: a later bundle of that partner with another key is refused (signerChanged).
 */
export function withConfirmedKeys(plan: BundleImportPlan, confirmed: Readonly<Record<string, string>>): BundleImportPlan {
  return {
    ...plan,
    items: plan.items.map((i) => {
      if (i.status !== 'apply' || i.trust !== 'firstUse' || confirmed[i.organisation.id] === i.fingerprint) return i;
      const { slice: _slice, ...rest } = i;
      return {
        ...rest,
        status: 'refused',
        problems: [{ code: 'unconfirmedKey', params: { fingerprint: i.fingerprint } }],
        changes: {},
        totals: { add: 0, replace: 0, remove: 0 },
        erased: 0,
      };
    }),
  };
}

/** The state after the plan's 'apply' items (pure; the caller writes it in one transaction). */
export function applyPlan(state: ConsolidatedState, plan: BundleImportPlan): ConsolidatedState {
  if (plan.projectId !== state.projectId) return state;
  const partners = { ...state.partners };
  for (const item of plan.items) if (item.status === 'apply' && item.slice) partners[item.slice.orgId] = item.slice;
  return { projectId: state.projectId, partners };
}

export type PartnersDataset = Dataset & {
  /** Pass as IndicatorFilter.personKey: a person counts once across partners. */
  personKey: (personId: string) => string;
};

/**
 * Every partner's rows as one Dataset for computeIndicators, with personKey = pseudoKey. Partners
 * that sent aggregate bundles have no rows here; their figures are in `slice.indicators`.
 */
export function partnersDataset(state: ConsolidatedState): PartnersDataset {
  const ds = {} as Record<keyof Dataset, unknown[]>;
  for (const key of Object.keys(EMPTY_DATASET) as Array<keyof Dataset>) ds[key] = [];
  const keys = new Map<string, string>();
  const orgIds = Object.keys(state.partners).sort();
  for (const orgId of orgIds) {
    const slice = state.partners[orgId]!;
    for (const key of Object.keys(ds) as Array<keyof Dataset>) {
      const rows = slice.tables[key as BundleTable];
      if (rows) ds[key].push(...rows);
    }
    for (const p of slice.tables.people ?? []) if (typeof p[PSEUDO_KEY_FIELD] === 'string') keys.set(String(p.id), p[PSEUDO_KEY_FIELD] as string);
    if (!(slice.tables.organisations ?? []).some((o) => o.id === orgId)) {
      ds.organisations.push({ id: orgId, orgId, kind: 'ngo', country: slice.country, isSelf: false });
    }
  }
  return Object.assign(ds as unknown as Dataset, { personKey: (id: string) => keys.get(id) ?? id });
}
