import { z } from 'zod';
import { country, id, isoDateTime } from '../model';
import { canonicalBytes, fromBase64, randomBytes, toBase64, fingerprint, rawPublicKeys, type PublicKeys, sealWithPassphrase } from '../crypto';
import { InvitationError } from './errors';
import { openSealedJson, SealedJsonError } from './sealedJson';

/**
 * The project invitation (lead → partners): who the lead is, its public keys, and the project's
 * pseudonymisation secret. JSON inside a passphrase container (content type "invitation").
 */
export const INVITATION_FORMAT = 'mreza-invitation';
export const INVITATION_FORMAT_VERSION = 1;

const b64Key = z.string().refine((s) => fromBase64(s)?.length === 32, 'a 32-byte base64 value');

export const invitationSchema = z.object({
  format: z.literal(INVITATION_FORMAT),
  formatVersion: z.literal(INVITATION_FORMAT_VERSION),
  projectId: id,
  projectName: z.string().trim().min(1).max(200),
  lead: z.object({
    orgId: id,
    name: z.string().trim().min(1).max(200),
    country: country.optional(),
    publicKeys: z.object({ sign: b64Key, encrypt: b64Key }),
    fingerprint: z.string(),
  }),
  /** 32 random bytes, base64: the HMAC key of pseudoKeys and pseudonymous ids. */
  projectSecret: b64Key,
  createdAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitationSchema>;

export interface NewInvitation {
  projectId?: string;
  projectName: string;
  lead: { orgId: string; name: string; country?: Invitation['lead']['country'] };
  leadKeys: PublicKeys;
  now?: Date;
}

export async function createInvitation(input: NewInvitation): Promise<Invitation> {
  return invitationSchema.parse({
    format: INVITATION_FORMAT,
    formatVersion: INVITATION_FORMAT_VERSION,
    projectId: input.projectId ?? crypto.randomUUID(),
    projectName: input.projectName,
    lead: { ...input.lead, publicKeys: { sign: input.leadKeys.sign, encrypt: input.leadKeys.encrypt }, fingerprint: await fingerprint(input.leadKeys) },
    projectSecret: toBase64(randomBytes(32)),
    createdAt: (input.now ?? new Date()).toISOString(),
  });
}

export async function writeInvitation(invitation: Invitation, passphrase: string, opts: { iterations?: number } = {}): Promise<Uint8Array> {
  return sealWithPassphrase(canonicalBytes(invitationSchema.parse(invitation)), passphrase, 'invitation', opts);
}

const INVITATION_PROBLEMS = {
  notThisKind: 'notAnInvitation',
  notAContainer: 'notAnInvitation',
  wrongPassphrase: 'wrongPassphrase',
  newerFormat: 'newerFormat',
  damaged: 'damaged',
  tooCostly: 'tooCostly',
  tooLarge: 'tooLarge',
} as const;

/** Opens and verifies an invitation file; throws InvitationError only. */
export async function readInvitation(bytes: Uint8Array, passphrase: string): Promise<Invitation> {
  let json: unknown;
  try {
    ({ json } = await openSealedJson(bytes, passphrase, 'invitation', INVITATION_FORMAT, INVITATION_FORMAT_VERSION));
  } catch (e) {
    if (e instanceof SealedJsonError) throw new InvitationError(INVITATION_PROBLEMS[e.code], e.params);
    throw e;
  }
  const parsed = invitationSchema.safeParse(json);
  if (!parsed.success) throw new InvitationError('damaged', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
  try {
    rawPublicKeys(parsed.data.lead.publicKeys);
    if ((await fingerprint(parsed.data.lead.publicKeys)) !== parsed.data.lead.fingerprint) throw new InvitationError('damaged', { field: 'lead.fingerprint' });
  } catch (e) {
    if (e instanceof InvitationError) throw e;
    throw new InvitationError('damaged', { field: 'lead.publicKeys' });
  }
  return parsed.data;
}
