import { z } from 'zod';
import { country, id, isoDateTime } from './base';

/**
 * Mentor packs keep their state in the settings table (one row per side), not in tables of
 * their own: a handful of packs per organisation, read and written whole.
 */
const b64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
export const packPublicKeysSchema = z.object({ sign: b64Key, encrypt: b64Key });

/** Coordinator: one entry per pack it wrote; the mentor's key is pinned by the first return. */
export const issuedMentorPackSchema = z.object({
  packId: id,
  mentorId: id,
  /** The matches the pack carried: a return may touch their session logs and nothing else. */
  matchIds: z.array(id),
  createdAt: isoDateTime,
  mentorKey: z.object({ fingerprint: z.string().min(1).max(80), publicKeys: packPublicKeysSchema }).optional(),
  lastReturn: z.object({ exportId: id, exportedAt: isoDateTime, importedAt: isoDateTime, fileSha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});
export type IssuedMentorPack = z.infer<typeof issuedMentorPackSchema>;

export const mentorPacksSettingsSchema = z.object({
  key: z.literal('mentorPacks'),
  packs: z.array(issuedMentorPackSchema).default([]),
});
export type MentorPacksSettings = z.infer<typeof mentorPacksSettingsSchema>;

/** Mentor: this installation runs in mentor mode for the pack it opened. */
export const mentorModeSettingsSchema = z.object({
  key: z.literal('mentorMode'),
  packId: id,
  packCreatedAt: isoDateTime,
  mentorId: id,
  /** The matches of the pack in use: the mentor sees these (her logs of earlier packs' matches go home too). */
  matchIds: z.array(id),
  organisation: z.object({ id, name: z.string().min(1).max(200), country }),
  /** The coordinator's keys from the pack: the session logs are encrypted to them. */
  orgPublicKeys: packPublicKeysSchema,
  orgFingerprint: z.string().min(1).max(80),
  openedAt: isoDateTime,
  lastExportAt: isoDateTime.optional(),
  /** Her newest logs files (id and when her Mreža wrote them): a pack's `logsReceived` counts only if it names one of these. */
  sentExports: z
    .array(z.object({ exportId: id, exportedAt: isoDateTime }))
    .max(50)
    .optional(),
  /** When she wrote the newest logs file a pack confirmed the coordinator received: logs she touched before are home. */
  logsReceivedAt: isoDateTime.optional(),
});
export type MentorModeSettings = z.infer<typeof mentorModeSettingsSchema>;
