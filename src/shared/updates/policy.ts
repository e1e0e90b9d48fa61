import { MAX_RELEASE_NOTES, type UpdateErrorCode, type UpdateState } from './status';
import { isNewer } from './version';

/** Automatic checks: one at start, then when a day has passed since the last (checked hourly, as laptops sleep). */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const TICK_MS = 60 * 60 * 1000;

export interface CheckContext {
  /** Whether this build can update itself at all (packaged, not portable). */
  readonly supported: boolean;
  /** The user's opt-in. Without it Mreža makes no network call for updates. */
  readonly autoCheck: boolean;
  readonly state: UpdateState['status'];
  /** ISO time of the last finished check, null before the first. */
  readonly lastCheckAt: string | null;
  readonly now: Date;
  readonly reason: 'start' | 'tick';
}

/** Whether the service should check now on its own (a user's "Check now" is decided by `mayCheckNow`). */
export function shouldCheckAutomatically(ctx: CheckContext): boolean {
  if (!ctx.supported || !ctx.autoCheck) return false;
  // Never while a check or a download runs, nor once an update waits to be installed or downloaded.
  if (ctx.state !== 'idle' && ctx.state !== 'error') return false;
  if (ctx.reason === 'start') return true;
  const last = ctx.lastCheckAt === null ? Number.NaN : Date.parse(ctx.lastCheckAt);
  if (Number.isNaN(last)) return true;
  // A clock set back (last check "in the future") counts as due, or checks would stop for good.
  const since = ctx.now.getTime() - last;
  return since >= CHECK_INTERVAL_MS || since < 0;
}

/** "Check now": the click is the consent for this one check; only not while one runs or an update is on its way. */
export function mayCheckNow(supported: boolean, state: UpdateState['status']): boolean {
  return supported && (state === 'idle' || state === 'error' || state === 'available');
}

/** The parts of electron-updater's UpdateInfo read here (release notes may be HTML from GitHub, or per version). */
export interface FeedInfo {
  readonly version: string;
  readonly releaseNotes?: string | ReadonlyArray<{ readonly version: string; readonly note: string | null }> | null;
  readonly releaseDate?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Release notes as plain text for the screen: tags removed (never rendered as HTML), bounded. */
export function releaseNotesText(notes: FeedInfo['releaseNotes']): string {
  const raw = typeof notes === 'string' ? notes : Array.isArray(notes) ? notes.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n') : '';
  const text = raw
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > MAX_RELEASE_NOTES ? `${text.slice(0, MAX_RELEASE_NOTES - 1)}…` : text;
}

/**
 * What a feed's answer means for this installation: an offer of a newer version, or nothing
 * (the same or an older version: never offered, so a feed cannot downgrade Mreža).
 */
export function offerFrom(info: FeedInfo, currentVersion: string): Extract<UpdateState, { status: 'available' }> | null {
  if (typeof info.version !== 'string') return null;
  if (!isNewer(info.version, currentVersion)) return null;
  const date = typeof info.releaseDate === 'string' && !Number.isNaN(Date.parse(info.releaseDate)) ? info.releaseDate.slice(0, 40) : null;
  return { status: 'available', version: info.version.replace(/^v/, ''), releaseNotes: releaseNotesText(info.releaseNotes), releaseDate: date };
}

/** electron-updater's error codes and Node's network codes, as the few things a user can act on. */
export function updateErrorCode(error: unknown): UpdateErrorCode {
  const e = error as { code?: unknown; message?: unknown; statusCode?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (
    /^(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/.test(code) ||
    /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION|NETWORK|TIMED_OUT|ADDRESS_UNREACHABLE)/.test(message)
  )
    return 'offline';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || e?.statusCode === 404) return 'notFound';
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' ||
    /YAMLException/.test(String((e as { name?: unknown } | null)?.name ?? ''))
  )
    return 'invalidFeed';
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE' || code === 'ERR_CHECKSUM_MISMATCH' || code === 'ERR_UPDATER_NO_CHECKSUM' || /checksum mismatch/i.test(message))
    return 'verification';
  return 'failed';
}

/** Which notice the app shows (non-blocking): none while idle or checking, and none for a version the user put off. */
export function noticeFor(state: UpdateState, dismissedVersion: string | null): 'available' | 'downloading' | 'ready' | null {
  if (state.status === 'available') return state.version === dismissedVersion ? null : 'available';
  if (state.status === 'downloading' || state.status === 'ready') return state.status;
  return null;
}
