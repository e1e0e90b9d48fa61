import { invitationFileName } from '@shared/bundle';
import type { JoinedProject, LeadProject } from '@shared/model';
import { keyFileSaved, leadKeyFile } from '../../../db/bundleImport';
import { createLeadProject, getLeadProject, invitationFile, joinProject } from '../../../db/exchange';
import type { ExchangeActionContext } from './context';
import { attempt, type Outcome } from './outcome';

/** Lead: starts the project under the name typed (surrounding spaces dropped). */
export function startLeadProject({ db, actor, org }: Pick<ExchangeActionContext, 'db' | 'actor' | 'org'>, name: string): Promise<Outcome<LeadProject>> {
  return attempt(() => createLeadProject(db, actor, org, name.trim()));
}

/**
 * Lead: writes the invitation behind the passphrase and asks where to save it. Resolves to the
 * saved file's name, or undefined when there is no project or the user cancelled the dialog.
 * Throws (for the passphrase form to show) when the invitation cannot be written.
 */
export async function saveInvitation(
  { db, actor, saveFile }: Pick<ExchangeActionContext, 'db' | 'actor' | 'saveFile'>,
  passphrase: string,
): Promise<string | undefined> {
  const project = await getLeadProject(db);
  if (!project) return undefined;
  const data = await invitationFile(db, actor, passphrase);
  const res = await saveFile({ suggestedName: invitationFileName(project.invitation.projectName), filters: [], data });
  return res?.fileName;
}

/**
 * Lead: writes the key file for the command-line consolidation and asks where to save it; a saved
 * key file is audited (it opens every partner export). Undefined when the user cancelled.
 */
export async function saveLeadKeyFile({ db, actor, org, saveFile }: ExchangeActionContext, passphrase: string): Promise<string | undefined> {
  const file = await leadKeyFile(db, actor, org, passphrase);
  const res = await saveFile({ suggestedName: file.fileName, filters: [], data: file.data });
  if (!res) return undefined;
  await keyFileSaved(db, actor, res.fileName);
  return res.fileName;
}

/** Partner: opens the lead's invitation with its passphrase and joins the project. */
export function joinLeadProject(
  { db, actor }: Pick<ExchangeActionContext, 'db' | 'actor'>,
  file: { fileName: string; data: Uint8Array },
  passphrase: string,
): Promise<Outcome<JoinedProject>> {
  return attempt(() => joinProject(db, actor, file.data, passphrase, file.fileName));
}
