import { z } from 'zod';
import { country, id, isoDateTime } from './base';

/**
 * What the exchange feature keeps locally. Nothing here travels in a bundle
 * (see LOCAL_ONLY_TABLES in shared/bundle/privacy.ts).
 */
const b64 = z.string().min(1).max(200);
const publicKeys = z.object({ sign: b64, encrypt: b64 });
const jwk = z.record(z.string(), z.unknown());
const plainRow = z.record(z.string(), z.unknown());

/** This installation's key pair (private keys as JWK) and its installation id, made on first use. */
export const exchangeIdentitySchema = z.object({
  id: z.literal('identity'),
  installationId: id,
  keys: z.object({ format: z.literal('mreza-keys'), version: z.literal(1), publicKeys, signPrivate: jwk, encryptPrivate: jwk }),
  fingerprint: z.string().min(1).max(80),
  createdAt: isoDateTime,
});

/** The invitation as it travels (kept as read; invitationSchema in shared/bundle validates it on the way in). */
const invitationRow = z.object({
  format: z.literal('mreza-invitation'),
  formatVersion: z.number().int(),
  projectId: id,
  projectName: z.string().min(1).max(200),
  lead: z.object({ orgId: id, name: z.string().min(1).max(200), country: country.optional(), publicKeys, fingerprint: z.string() }),
  projectSecret: b64,
  createdAt: isoDateTime,
});

/**
 * At the lead, its consolidation side: the project it created, as in the invitation it writes but
 * WITHOUT the linkage secret (`projectSecret`), which lives on the lead's service side
 * (`linkageSecretSchema`). Consolidation never holds it, so it cannot compute or confirm a person's
 * key (docs/privacy.md). Rows written before this change still carry it: db/linkage.ts moves it.
 */
export const leadProjectSchema = z.object({
  id: z.literal('leadProject'),
  invitation: invitationRow.omit({ projectSecret: true }),
  createdAt: isoDateTime,
});

/**
 * At the lead, its own service side: the project's linkage secret (the HMAC key of person keys),
 * held as any partner holds it in its joined invitation. Read only to write invitations and to key
 * the lead's own people; the consolidation code never reads this row.
 */
export const linkageSecretSchema = z.object({
  id: z.literal('linkage'),
  projectId: id,
  secret: b64,
  createdAt: isoDateTime,
});

/** At a partner: the project it joined by importing the lead's invitation. */
export const joinedProjectSchema = z.object({
  id: z.literal('joinedProject'),
  invitation: invitationRow,
  joinedAt: isoDateTime,
  lastExportAt: isoDateTime.optional(),
});

export const exchangeRowSchema = z.discriminatedUnion('id', [exchangeIdentitySchema, leadProjectSchema, linkageSecretSchema, joinedProjectSchema]);
export type ExchangeRow = z.infer<typeof exchangeRowSchema>;
export type ExchangeIdentity = z.infer<typeof exchangeIdentitySchema>;
export type LeadProject = z.infer<typeof leadProjectSchema>;
export type LinkageSecret = z.infer<typeof linkageSecretSchema>;
export type JoinedProject = z.infer<typeof joinedProjectSchema>;

/** At the lead: one row per partner organisation, its last imported export, whole. */
export const partnerSliceSchema = z.object({
  /** The partner organisation's id. */
  id,
  orgId: id,
  projectId: id,
  name: z.string().min(1).max(200),
  country,
  exportId: id,
  exportedAt: isoDateTime,
  fileName: z.string().max(260).optional(),
  privacy: z.enum(['aggregate', 'pseudonymised', 'full']),
  /** The pinned signing key (trust on first use). */
  fingerprint: z.string().min(1).max(80),
  publicKeys,
  indicators: plainRow,
  tables: z.record(z.string(), z.array(plainRow)),
  tombstones: z.array(plainRow),
  importedAt: isoDateTime,
});
export type PartnerSliceRow = z.infer<typeof partnerSliceSchema>;

/**
 * Exchange rows written before the lead's linkage secret moved out of its project row: returns the
 * rows with the secret taken out of `leadProject` and kept in a `linkage` row (an existing one
 * wins), or the very same array when there is nothing to move. Used by the data store's opening
 * migration and by backup restore, so an old backup cannot put the secret back.
 */
export function separateLinkageSecret<T>(rows: readonly T[]): readonly T[] {
  const lead = rows.find((r) => (r as { id?: unknown } | null)?.id === 'leadProject') as
    { invitation?: Record<string, unknown>; createdAt?: unknown } | undefined;
  const secret = lead?.invitation?.projectSecret;
  if (!lead || secret === undefined) return rows;
  const { projectSecret: _dropped, ...invitation } = lead.invitation!;
  const hasLinkage = rows.some((r) => (r as { id?: unknown } | null)?.id === 'linkage');
  const linkage = { id: 'linkage', projectId: invitation.projectId, secret, createdAt: lead.createdAt };
  return [...rows.map((r) => (r === (lead as unknown) ? ({ ...lead, invitation } as T) : r)), ...(hasLinkage ? [] : [linkage as T])];
}
