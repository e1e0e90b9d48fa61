/**
 * `--to postgres://…`: consolidation into the national store, one bundle in memory at a time.
 *
 * Every file goes through the lead's own checks (inspectFiles: decryption, signature, hashes,
 * rows, project, pinned and trusted keys) and the lead's own plan (planBundleImport against what
 * the store holds, plus everything seen so far in this run), so a re-run changes nothing, an older
 * export is refused and a newer one replaces its partner, exactly as in the app. Only the
 * manifest-level facts of a verified file are kept for planning; its rows are written (or not)
 * while it is open, and a later file that changes the plan's decision for a partner rewrites that
 * partner from the file the plan now chooses (opened and verified again).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { KeyFile } from '../../../src/shared/bundle/keyFile';
import type { InspectedBundle } from '../../../src/shared/bundle/read';
import type { BatchLine } from '../../../src/shared/consolidate/batch';
import {
  emptyConsolidatedState,
  keysToConfirm,
  partnerSliceOf,
  planBundleImport,
  withConfirmedKeys,
  type BundleImportPlan,
  type ConsolidatedState,
  type PartnerSlice,
} from '../../../src/shared/consolidate/consolidate';
import { inspectFiles } from '../../../src/shared/consolidate/inspectFiles';
import type { OrgKeys } from '../../../src/shared/crypto';
import type { Country } from '../../../src/shared/model';
import { Store, StoreError, type StoredPartner } from './store';

export interface ToStoreOptions {
  passphrase?: string;
  schemaVersion: number;
  trusted?: ReadonlySet<string>;
  trustOnFirstUse: boolean;
  /** The zone whose day decides which sessions are held (stored for the views). */
  timeZone: string;
}

export interface ToStoreResult {
  /** One per path, in order; null for a file that could not be read. */
  lines: Array<BatchLine | null>;
  /** Partners written in this run. */
  written: number;
}

/** What planning needs of a verified bundle: everything but its rows. */
function metadataOnly(bundle: InspectedBundle, ownOrgId: string): InspectedBundle {
  const claimsLead = (bundle.tables.organisations ?? []).filter((o) => o.id === ownOrgId);
  return { ...bundle, tables: claimsLead.length ? { organisations: claimsLead } : {}, tombstones: [] };
}

function stateOf(projectId: string, stored: readonly StoredPartner[]): ConsolidatedState {
  const state = emptyConsolidatedState(projectId);
  for (const p of stored) {
    state.partners[p.orgId] = {
      orgId: p.orgId,
      name: p.name,
      country: p.country as Country,
      exportId: p.exportId,
      exportedAt: p.exportedAt,
      ...(p.fileName ? { fileName: p.fileName } : {}),
      privacy: p.privacy as PartnerSlice['privacy'],
      fingerprint: p.fingerprint,
      publicKeys: p.publicKeys as PartnerSlice['publicKeys'],
      indicators: {} as PartnerSlice['indicators'],
      tables: {},
      tombstones: [],
    };
  }
  return state;
}

export async function consolidateToStore(
  url: string,
  paths: readonly string[],
  lead: { file: KeyFile; keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'> },
  opts: ToStoreOptions,
): Promise<ToStoreResult> {
  const projectId = lead.file.project.id;
  const ownOrgId = lead.file.lead.orgId;
  const store = await Store.open(url, lead.file.project, opts.timeZone);
  try {
    const before = stateOf(projectId, await store.partners());
    const pins = { ...Object.fromEntries(Object.values(before.partners).map((p) => [p.orgId, p.fingerprint])), ...lead.file.pins };
    const inspectOpts = {
      projectId,
      pins,
      schemaVersion: opts.schemaVersion,
      ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
      ...(opts.trusted ? { trusted: opts.trusted } : {}),
      requireKnownSigner: !opts.trustOnFirstUse,
    };
    const lines: Array<BatchLine | null> = [];
    const metas: Array<{ bundle: InspectedBundle; fileName: string }> = [];
    const pathOfMeta: string[] = [];
    const lineOfMeta: number[] = [];
    /** Organisation id → index in metas of the export this run wrote for it. */
    const written = new Map<string, number>();
    let plan: BundleImportPlan = { projectId, items: [] };

    const open = async (path: string) => {
      const data = await readFile(path).then(
        (b) => new Uint8Array(b),
        () => null,
      );
      if (!data) return { data: null } as const;
      const { inputs, refused } = await inspectFiles([{ fileName: basename(path), data }], lead.keys, inspectOpts);
      return { data, input: inputs[0], refused: refused[0] } as const;
    };

    const decide = () => {
      const planned = planBundleImport(before, metas, { ownOrgId });
      // As at the lead's command line: every key got here pinned, trusted or by the explicit first-use choice.
      return withConfirmedKeys(planned, keysToConfirm(planned));
    };

    for (const path of paths) {
      const opened = await open(path);
      if (!opened.data) {
        lines.push(null);
        continue;
      }
      if (!opened.input) {
        lines.push({ fileName: basename(path), status: 'refused', problem: { kind: 'errors', ...opened.refused!.problem } });
        continue;
      }
      const current = metas.length;
      metas.push({ bundle: metadataOnly(opened.input.bundle, ownOrgId), fileName: opened.input.fileName });
      pathOfMeta.push(path);
      lineOfMeta.push(lines.length);
      lines.push({ fileName: basename(path), status: 'refused' });
      plan = decide();

      // Bring the store to the plan: for each partner, the export the plan applies (or none).
      const wanted = new Map<string, number>();
      for (const item of plan.items) if (item.status === 'apply') wanted.set(item.organisation.id, item.index);
      for (const orgId of new Set([...wanted.keys(), ...written.keys()])) {
        const want = wanted.get(orgId);
        if (want === written.get(orgId)) continue;
        if (want === undefined) {
          // Only a partner new in this run can lose its claim (two keys, or one key for two partners): the lead refuses both.
          if (before.partners[orgId]) throw new StoreError('write', { reason: `internal: ${orgId} lost its export` });
          await store.removePartner(orgId);
          written.delete(orgId);
          continue;
        }
        let bundle: InspectedBundle;
        if (want === current) bundle = opened.input.bundle;
        else {
          const again = await open(pathOfMeta[want]!);
          if (!again.input || again.input.bundle.fileSha256 !== metas[want]!.bundle.fileSha256) {
            throw new StoreError('write', { reason: `${pathOfMeta[want]!} changed during the run` });
          }
          bundle = again.input.bundle;
        }
        const slice = partnerSliceOf({ bundle, fileName: metas[want]!.fileName });
        await store.replacePartner(slice, { fileSha256: bundle.fileSha256, trust: bundle.trust });
        written.set(orgId, want);
      }
    }

    for (const item of plan.items) {
      const line = lines[lineOfMeta[item.index]!]!;
      const bundle = metas[item.index]!.bundle;
      Object.assign(line, {
        organisation: item.organisation,
        exportId: item.exportId,
        exportedAt: item.exportedAt,
        privacy: item.privacy,
        fingerprint: item.fingerprint,
        trust: bundle.trust,
      });
      // 'unchanged' (already in the store) is accepted: the store holds exactly that export.
      line.status = item.status === 'apply' || item.status === 'unchanged' ? 'accepted' : item.status === 'skipped' ? 'skipped' : 'refused';
      const problem = item.problems[0];
      if (problem && line.status !== 'accepted') line.problem = { kind: 'problems', code: problem.code, params: problem.params };
    }
    if (written.size) await store.analyze();
    return { lines, written: written.size };
  } finally {
    await store.close();
  }
}
