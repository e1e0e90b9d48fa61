import { z } from 'zod';
import { FILE_KINDS } from './files/kinds';
import { LOCALES } from './i18n/locales';
import { updateStatus } from './updates/status';

/**
 * The one contract between main and renderer. Main registers a handler for each channel and
 * parses every payload with `request` before the handler runs; the preload exposes exactly these
 * channels and nothing else. Paths never cross: files are chosen by the user in main's dialogs
 * and only their names and contents reach the renderer.
 */

/** A bare file name in the app's backup folder: no separators, no "..", nothing hidden. */
export const backupFileName = z.string().regex(/^mreza-backup-\d{8}T\d{9}Z(-[a-z]+)*\.json\.gz$/, 'not a backup file name');

/** Extensions without the dot; Mreža's own have a dash (`mreza-mentor`, `mreza-logs`). */
const fileFilter = z.object({ name: z.string().max(80), extensions: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,15}$/)).max(8) });
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

/**
 * The most a file written or read through main may hold. Far above any real export or backup, it
 * keeps a misbehaving page from filling the disk or main's memory with one call.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** A printed document's HTML as UTF-8 (a sign-in sheet of a few pages with its logos: well under this). */
export const MAX_PRINT_HTML_BYTES = 16 * 1024 * 1024;
/** Bytes that main writes to a file: bounded before the handler runs. */
const fileBytes = bytes.check(z.maxLength(MAX_FILE_BYTES, 'file too large'));
const printHtml = bytes.check(z.minLength(1, 'empty document'), z.maxLength(MAX_PRINT_HTML_BYTES, 'document too large'));

/** At most this many double-clicked files wait for sign-in (the oldest beyond it are dropped). */
export const MAX_OPENED_FILES = 8;
/** A file the OS opened with Mreža: its bytes, or why main could not read it. */
export const openedFile = z.union([
  z.object({ kind: z.enum(FILE_KINDS), fileName: z.string().max(260), data: fileBytes }),
  z.object({ kind: z.enum(FILE_KINDS), fileName: z.string().max(260), problem: z.enum(['tooLarge', 'unreadable']) }),
]);
export type OpenedFile = z.infer<typeof openedFile>;

/** One line for the log file from the renderer; main scrubs it again before writing (logScrub.ts). */
export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export const MAX_LOG_MESSAGE = 8000;

export const BACKUP_REASONS = ['auto', 'quit', 'manual', 'before-restore', 'before-clear', 'before-encryption'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupInfo = z.object({ fileName: backupFileName, createdAt: z.string(), size: z.number().int().min(0) });
export type BackupInfo = z.infer<typeof backupInfo>;

/** Why a copy to the chosen backup folder failed (the user sees `backup:folder.errors.<code>`). */
export const FOLDER_COPY_ERRORS = ['folderMissing', 'notWritable', 'diskFull', 'tooLarge', 'failed'] as const;
export type FolderCopyError = (typeof FOLDER_COPY_ERRORS)[number];
/** Why a folder the user picked cannot hold backups (`backup:folder.refused.<reason>`). */
export const FOLDER_REFUSALS = ['notFound', 'notADirectory', 'notWritable', 'appFolder'] as const;
export type FolderRefusal = (typeof FOLDER_REFUSALS)[number];

const folderCopy = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.enum(FOLDER_COPY_ERRORS) })]);
export type FolderCopy = z.infer<typeof folderCopy>;

/**
 * The folder (a USB stick, a network share) that receives a copy of every backup. `supported` is
 * false in the browser build, which cannot write to a folder of the user's choosing.
 */
export const backupFolderStatus = z.object({
  supported: z.boolean(),
  /** The path the user chose in main's folder dialog: shown to her, never sent back to main. */
  folder: z.string().max(4096).nullable(),
  lastCopy: z.object({ at: z.string(), fileName: backupFileName }).nullable(),
  lastError: z.object({ at: z.string(), code: z.enum(FOLDER_COPY_ERRORS) }).nullable(),
});
export type BackupFolderStatus = z.infer<typeof backupFolderStatus>;

export const channels = {
  'app:info': {
    request: z.undefined(),
    response: z.object({ version: z.string(), platform: z.string(), locales: z.array(z.string()), isElectron: z.boolean() }),
  },
  /**
   * Writes a backup into the app's own data folder and rotates them (RETENTION in
   * backup/rotation.ts); then copies it to the chosen backup folder, if any, rotated alike.
   */
  'backup:write': {
    request: z.object({ reason: z.enum(BACKUP_REASONS), data: fileBytes }),
    /** `folderCopy` when a backup folder is chosen: whether the copy there worked. */
    response: backupInfo.extend({ folderCopy: folderCopy.optional() }),
  },
  'backup:list': { request: z.undefined(), response: z.array(backupInfo) },
  'backup:read': { request: z.object({ fileName: backupFileName }), response: bytes },
  /** Deletes every backup in the app's own folder ("End mentoring on this computer"). */
  'backup:deleteAll': { request: z.undefined(), response: z.object({ deleted: z.number().int().min(0) }) },
  /** Where backups are also copied, and how the last copy went. */
  'backupFolder:get': { request: z.undefined(), response: backupFolderStatus },
  /** Asks the user for a folder in main's dialog and checks it is an existing, writable folder. */
  'backupFolder:choose': {
    request: z.undefined(),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), folder: backupFolderStatus }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('refused'), reason: z.enum(FOLDER_REFUSALS) }),
      z.object({ status: z.literal('unsupported') }),
    ]),
  },
  /** Stops copying backups to the folder (the copies already there stay). */
  'backupFolder:forget': { request: z.undefined(), response: backupFolderStatus },
  /** Asks the user where to save and writes the file there; null when cancelled. */
  'file:save': {
    request: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/),
      filters: z.array(fileFilter).max(8),
      data: fileBytes,
    }),
    response: z.object({ fileName: z.string() }).nullable(),
  },
  /** Asks the user for one or more files and returns their names and bytes; empty when cancelled. */
  'file:open': {
    request: z.object({ filters: z.array(fileFilter).max(8), multiple: z.boolean() }),
    response: z.array(z.object({ fileName: z.string(), data: bytes })),
  },
  /** Renders the current window to an A4 PDF and asks where to save it. */
  'print:pdf': {
    request: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/),
      landscape: z.boolean().default(false),
    }),
    response: z.object({ fileName: z.string() }).nullable(),
  },
  /**
   * Renders a standalone HTML document (the app's own printed markup, e.g. a sign-in sheet for the
   * evidence pack) to an A4 PDF in a hidden window with JavaScript off; null where it cannot.
   */
  'print:htmlToPdf': { request: z.object({ html: printHtml }), response: bytes.nullable() },
  /** Opens the operating system's print dialog for the current window (A4, backgrounds on); false when cancelled. */
  'print:print': { request: z.object({ landscape: z.boolean().default(false) }), response: z.boolean() },
  /** The UI language changed (or was read at start): main rebuilds its menu and dialogs in it. */
  'app:setLocale': { request: z.object({ locale: z.enum(LOCALES) }), response: z.boolean() },
  /**
   * The files the OS opened with Mreža (double-click, a second launch, macOS open-file) since the
   * last call. The renderer asks only while someone is signed in, so they wait through the lock.
   */
  'file:takeOpened': { request: z.undefined(), response: z.array(openedFile).max(MAX_OPENED_FILES) },
  /** A renderer error or warning for the log file (no personal data: scrubbed here and in main). */
  'log:write': {
    request: z.object({ level: z.enum(LOG_LEVELS), message: z.string().max(MAX_LOG_MESSAGE) }),
    response: z.boolean(),
  },
  /** Opens the logs folder main knows (never a path from the renderer); false when it could not. */
  'app:openLogsFolder': { request: z.undefined(), response: z.boolean() },
  /** The renderer has finished its quit-time backup; main may now close the window. */
  'app:quitReady': { request: z.undefined(), response: z.boolean() },
  /** Updates (src/main/updates.ts): the status, parsed again by the renderer (updates/status.ts). */
  'updates:get': { request: z.undefined(), response: updateStatus },
  /** The opt-in to automatic checks (off by default); turning it on checks at once. */
  'updates:setAutoCheck': { request: z.object({ enabled: z.boolean() }), response: updateStatus },
  /** "Check now": one check, with the click as consent. */
  'updates:check': { request: z.undefined(), response: updateStatus },
  /** "Install on restart": downloads the offered version; it installs when Mreža restarts. */
  'updates:download': { request: z.undefined(), response: updateStatus },
  /** "Restart now": quits through the quit-time backup, then installs; false when nothing is ready. */
  'updates:restart': { request: z.undefined(), response: z.boolean() },
} as const;

export type Channel = keyof typeof channels;
export type Request<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type Response<C extends Channel> = z.infer<(typeof channels)[C]['response']>;
export const CHANNELS = Object.keys(channels) as Channel[];

/**
 * Events main sends to the renderer (no payload the renderer can misuse): quitting, files waiting
 * for `file:takeOpened`, Help → Keyboard shortcuts, the update status changed.
 */
export const EVENTS = ['app:beforeQuit', 'app:fileOpened', 'app:showShortcuts', 'updates:changed'] as const;
export type AppEvent = (typeof EVENTS)[number];

/** What the preload puts on window.api: one invoke per channel, one listener per event. */
export interface MrezaApi {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
  on(event: AppEvent, listener: () => void): () => void;
}
