/**
 * Recording the basis for sharing with the lead for many people at once: what it would do (for the
 * confirmation), the write, and its undo. The db layer checks the role; these turn its refusals
 * into the codes the dialog shows.
 */
import type { ImportHistory } from '@shared/model';
import type { SharingBasis, SharingPlan } from '@shared/people/sharing';
import { ForbiddenError } from '../../../db/permissions';
import { SharingError, lastSharingBasis, recordSharingBasis, sharingBasisPlan, undoSharingBasis } from '../../../db/sharing';
import type { ParticipantActionContext } from './context';

export type SharingProblem = 'forbidden' | 'invalidBasis' | 'failed';
export type SharingResult<T> = { ok: true; value: T } | { ok: false; problem: SharingProblem };

async function attempt<T>(run: () => Promise<T>): Promise<SharingResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, problem: e instanceof ForbiddenError ? 'forbidden' : e instanceof SharingError ? 'invalidBasis' : 'failed' };
  }
}

export function planSharing({ db, actor }: ParticipantActionContext, personIds: readonly string[]): Promise<SharingResult<SharingPlan>> {
  return attempt(() => sharingBasisPlan(db, actor, personIds));
}

/** Records the basis for everyone of `personIds` who has none; resolves to how many it was recorded for. */
export function recordSharing({ db, actor }: ParticipantActionContext, personIds: readonly string[], basis: SharingBasis): Promise<SharingResult<number>> {
  return attempt(async () => (await recordSharingBasis(db, actor, personIds, basis)).batch?.rowsAdded ?? 0);
}

export function lastSharing({ db }: Pick<ParticipantActionContext, 'db'>): Promise<ImportHistory | undefined> {
  return lastSharingBasis(db);
}

/** Undoes a bulk recording; resolves to how many people are back where they were. */
export function undoSharing({ db, actor }: ParticipantActionContext, batchId: string): Promise<SharingResult<number>> {
  return attempt(() => undoSharingBasis(db, actor, batchId));
}
