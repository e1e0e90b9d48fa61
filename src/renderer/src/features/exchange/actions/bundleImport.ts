import { keysToConfirm, withConfirmedKeys } from '@shared/consolidate';
import { commitBundleImport, previewBundleImport, type BundleImportPreview, type CommitResult, type IncomingFile } from '../../../db/bundleImport';
import type { ExchangeActionContext } from './context';
import { attempt, type Outcome } from './outcome';

/** New partners' key fingerprints the lead ticked as compared by phone: organisation id → fingerprint. */
export type ConfirmedKeys = Readonly<Record<string, string>>;

/** Lead: opens and verifies the partners' files and plans what would change (a dry run: writes nothing). */
export function inspectBundles(
  { db }: Pick<ExchangeActionContext, 'db'>,
  files: readonly IncomingFile[],
  opts: { passphrase?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<Outcome<BundleImportPreview>> {
  return attempt(() =>
    previewBundleImport(db, files, {
      ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    }),
  );
}

/** What the dry run would write now: bundles to apply, and new partners' keys still to confirm. */
export function planStatus(preview: BundleImportPreview | undefined, confirmed: ConfirmedKeys): { applicable: number; keysWaiting: number } {
  if (!preview) return { applicable: 0, keysWaiting: 0 };
  return {
    applicable: withConfirmedKeys(preview.plan, confirmed).items.filter((i) => i.status === 'apply').length,
    keysWaiting: Object.entries(keysToConfirm(preview.plan)).filter(([orgId, fp]) => confirmed[orgId] !== fp).length,
  };
}

/** Ticks (or unticks) one new partner's key as compared by phone. */
export function confirmKey(confirmed: ConfirmedKeys, orgId: string, fingerprint: string, yes: boolean): ConfirmedKeys {
  const { [orgId]: _drop, ...rest } = confirmed;
  return yes ? { ...rest, [orgId]: fingerprint } : rest;
}

/** Lead: writes what the dry run showed, in one transaction; new partners only with their key confirmed. */
export function applyBundles(
  { db, actor, org }: Pick<ExchangeActionContext, 'db' | 'actor' | 'org'>,
  preview: BundleImportPreview,
  confirmed: ConfirmedKeys,
  onProgress?: (done: number, total: number) => void,
): Promise<Outcome<CommitResult>> {
  return attempt(() => commitBundleImport(db, actor, org, preview, { confirmedKeys: confirmed, ...(onProgress ? { onProgress } : {}) }));
}
