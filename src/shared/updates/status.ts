import { z } from 'zod';

/**
 * What the update service in main tells the renderer (#19 item 1). Main sends only a nudge
 * (`updates:changed`); the renderer asks for this status and parses it with these schemas, so
 * nothing unvalidated from the network or from main reaches the screen.
 */

/** Why a check or a download failed: codes only, never the updater's message (it can hold paths and URLs). */
export const UPDATE_ERRORS = ['offline', 'notFound', 'invalidFeed', 'verification', 'failed'] as const;
export type UpdateErrorCode = (typeof UPDATE_ERRORS)[number];

/** At most this many characters of release notes reach the screen. */
export const MAX_RELEASE_NOTES = 4000;

const version = z
  .string()
  .max(64)
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, 'not a version');
const notes = z.string().max(MAX_RELEASE_NOTES);

export const updateState = z.discriminatedUnion('status', [
  /** Nothing happening; `lastCheck` when a check found nothing newer. */
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  /** A newer version exists; nothing is downloaded until the user says "Install on restart". */
  z.object({ status: z.literal('available'), version, releaseNotes: notes, releaseDate: z.string().max(40).nullable() }),
  z.object({ status: z.literal('downloading'), version, releaseNotes: notes, percent: z.number().min(0).max(100) }),
  /** Downloaded and verified: installs when Mreža restarts (or quits). */
  z.object({ status: z.literal('ready'), version, releaseNotes: notes }),
  z.object({ status: z.literal('error'), code: z.enum(UPDATE_ERRORS) }),
]);
export type UpdateState = z.infer<typeof updateState>;

export const updateStatus = z.object({
  /** False in the browser build, a development run and the portable .exe (which cannot update itself). */
  supported: z.boolean(),
  /** The user's opt-in to automatic checks (off until she turns it on). */
  autoCheck: z.boolean(),
  currentVersion: z.string().max(64),
  /** When the last check finished without an error (ISO), null before the first. */
  lastCheckAt: z.string().max(40).nullable(),
  state: updateState,
});
export type UpdateStatus = z.infer<typeof updateStatus>;

/**
 * The fields of a feed's update info (electron-updater's UpdateInfo, read from latest.yml) that
 * Mreža uses, checked again here: a captive portal's page or a broken feed is an error, not an offer.
 */
export const feedInfoSchema = z.object({
  version: z.string().max(64),
  releaseNotes: z
    .union([z.string().max(200_000), z.array(z.object({ version: z.string().max(64), note: z.string().max(200_000).nullable() })).max(100)])
    .nullish(),
  releaseDate: z.string().max(40).optional(),
});
