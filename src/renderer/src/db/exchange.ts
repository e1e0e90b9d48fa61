import { BundleError, type Invitation, createInvitation, readInvitation, writeInvitation } from '@shared/bundle';
import { exportOrgKeys, fingerprint, generateOrgKeys, importOrgKeys, type OrgKeys } from '@shared/crypto';
import type { ExchangeIdentity, JoinedProject, LeadProject, LinkageSecret, Organisation } from '@shared/model';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';
import { getLinkageSecret } from './linkage';

/*
 * Exchange: this installation's key pair and the project it leads or has joined. A partner's
 * export is in partnerExport.ts, the lead's import of bundles and its key file in bundleImport.ts,
 * and the partners' records the reports read (with the lead's own people) in partnersDataset.ts.
 */

export interface Identity {
  installationId: string;
  keys: OrgKeys;
  fingerprint: string;
}

/** This installation's key pair; generated and stored the first time exchange is used. */
export async function ensureIdentity(db: MrezaDb): Promise<Identity> {
  let row = (await db.exchange.get('identity')) as ExchangeIdentity | undefined;
  if (!row) {
    // Key generation is WebCrypto (not IndexedDB), so it runs before the transaction that stores it.
    const keys = await generateOrgKeys();
    const fresh: ExchangeIdentity = {
      id: 'identity',
      installationId: crypto.randomUUID(),
      keys: (await exportOrgKeys(keys)) as ExchangeIdentity['keys'],
      fingerprint: await fingerprint(keys.publicKeys),
      createdAt: new Date().toISOString(),
    };
    row = await db.transaction('rw', db.exchange, async () => {
      const existing = (await db.exchange.get('identity')) as ExchangeIdentity | undefined;
      if (existing) return existing;
      await db.exchange.add(fresh);
      return fresh;
    });
  }
  return { installationId: row.installationId, keys: await importOrgKeys(row.keys), fingerprint: row.fingerprint };
}

export async function getLeadProject(db: MrezaDb): Promise<LeadProject | undefined> {
  return (await db.exchange.get('leadProject')) as LeadProject | undefined;
}

export async function getJoinedProject(db: MrezaDb): Promise<JoinedProject | undefined> {
  return (await db.exchange.get('joinedProject')) as JoinedProject | undefined;
}

/**
 * Lead: creates the project (once). The linkage secret is made here, on the lead's service side:
 * it goes into its own row (db/linkage.ts) and into invitations, never into the project row the
 * consolidation reads.
 */
export async function createLeadProject(db: MrezaDb, actor: Actor, org: Organisation, projectName: string): Promise<LeadProject> {
  requirePermission(actor, 'keys');
  const identity = await ensureIdentity(db);
  const { projectSecret, ...invitation } = await createInvitation({
    projectName,
    lead: { orgId: org.id, name: org.name, country: org.country },
    leadKeys: identity.keys.publicKeys,
  });
  const now = new Date().toISOString();
  const row: LeadProject = { id: 'leadProject', invitation, createdAt: now };
  const linkage: LinkageSecret = { id: 'linkage', projectId: invitation.projectId, secret: projectSecret, createdAt: now };
  return db.transaction('rw', db.exchange, db.auditLog, async () => {
    const existing = await getLeadProject(db);
    if (existing) return existing;
    await db.exchange.bulkAdd([row, linkage]);
    await db.auditLog.add(auditEntry(actor, 'create', 'exchange', invitation.projectId, '', { detail: projectName }));
    return row;
  });
}

export const MIN_PASSPHRASE = 10;

/** Lead: the invitation file's bytes (passphrase-protected), the only file that carries the linkage secret. */
export async function invitationFile(db: MrezaDb, actor: Actor, passphrase: string): Promise<Uint8Array> {
  requirePermission(actor, 'keys');
  const project = await getLeadProject(db);
  const linkage = await getLinkageSecret(db);
  if (!project || !linkage || linkage.projectId !== project.invitation.projectId) throw new BundleError('notAllowed', { reason: 'noProject' });
  return writeInvitation({ ...project.invitation, projectSecret: linkage.secret } as Invitation, passphrase);
}

/** Partner: opens the invitation and joins its project; throws InvitationError for bad files. */
export async function joinProject(db: MrezaDb, actor: Actor, bytes: Uint8Array, passphrase: string, fileName = ''): Promise<JoinedProject> {
  requirePermission(actor, 'keys');
  const invitation = await readInvitation(bytes, passphrase);
  await ensureIdentity(db);
  const row: JoinedProject = { id: 'joinedProject', invitation, joinedAt: new Date().toISOString() };
  await db.transaction('rw', db.exchange, db.auditLog, async () => {
    await db.exchange.put(row);
    await db.auditLog.add(auditEntry(actor, 'import', 'exchange', invitation.projectId, '', { detail: fileName.slice(0, 260) || invitation.projectName }));
  });
  return row;
}
