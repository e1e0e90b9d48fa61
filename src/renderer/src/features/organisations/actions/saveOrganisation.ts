import type { Organisation, OrganisationDraftInput } from '@shared/model';
import { createOrganisation, deleteOrganisation, OrganisationError, updateOrganisation } from '../../../db/organisations';
import { ForbiddenError } from '../../../db/permissions';
import type { OrganisationActionContext } from './context';

export type SaveResult = { ok: true; organisation: Organisation } | { ok: false; code: 'invalid' | 'notFound' | 'forbidden' | 'failed' };

function failure(e: unknown): { ok: false; code: 'invalid' | 'notFound' | 'forbidden' | 'failed' } {
  if (e instanceof OrganisationError) return { ok: false, code: e.code };
  if (e instanceof ForbiddenError) return { ok: false, code: 'forbidden' };
  return { ok: false, code: 'failed' };
}

/** Adds a new entry (no id) or changes one; a refusal comes back as the code of its localised message. */
export async function saveOrganisation({ db, actor }: OrganisationActionContext, id: string | undefined, draft: OrganisationDraftInput): Promise<SaveResult> {
  try {
    return { ok: true, organisation: id ? await updateOrganisation(db, actor, id, draft) : await createOrganisation(db, actor, draft) };
  } catch (e) {
    return failure(e);
  }
}

export async function removeOrganisation({ db, actor }: OrganisationActionContext, id: string): Promise<{ ok: true } | ReturnType<typeof failure>> {
  try {
    await deleteOrganisation(db, actor, id);
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}
