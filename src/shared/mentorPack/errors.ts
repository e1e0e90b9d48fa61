import { BundleError } from '../bundle/errors';

/**
 * Why a mentor pack or a session-logs file was refused. The UI shows `mentorPack:errors.<code>`
 * with `params`; readers and planners never throw anything else for bad input.
 */
export type MentorPackErrorCode =
  /** Another kind of file (a bundle, an invitation, a session-logs file where a pack was expected, …). */
  | 'notAPack'
  | 'notALogsFile'
  | 'wrongPassphrase'
  | 'damaged'
  | 'tampered'
  | 'newerFormat'
  /** The file declares more content than a mentor file can hold (params.limitMb); nothing was unpacked. */
  | 'tooLargeUnpacked'
  /** Session logs encrypted to another organisation. */
  | 'wrongRecipient'
  /** Logs for a pack this installation did not write. */
  | 'unknownPack'
  /** Logs whose mentor is not the pack's mentor. */
  | 'otherMentor'
  /** params.expected / params.found: fingerprints. */
  | 'signerChanged'
  /** params.newer: when the newer logs already imported were exported. */
  | 'olderReturn'
  /** A log for a match the pack did not carry (params.date). */
  | 'foreignMatch'
  /** params.table, params.line, params.field. */
  | 'invalidRow'
  /** A mentor installation can open packs of its own organisation and mentor only. */
  | 'otherOrganisation'
  /** A later pack signed with another organisation key than the first one (params.expected / params.found). */
  | 'organisationKeyChanged'
  /** params.current: the pack in use is newer. */
  | 'olderPack'
  /** This installation already holds an organisation's data: mentor mode needs a fresh one. */
  | 'notEmpty'
  /** The mentor has no active matches, or is not in the registry. */
  | 'nothingToPack'
  /** The data changed since the dry run: look again. */
  | 'stale'
  /** The file asks for more KDF rounds than a reader grants (params.found, params.max). */
  | 'tooCostly'
  /** Larger than a pack can be (params.foundMb, params.maxMb). */
  | 'tooLarge';

export class MentorPackError extends Error {
  constructor(
    readonly code: MentorPackErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`mentor pack ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'MentorPackError';
  }
}

/** The shared container code speaks BundleError; mentor files answer in their own terms. */
export function fromBundleError(e: unknown, notThisKind: 'notAPack' | 'notALogsFile'): MentorPackError {
  if (e instanceof MentorPackError) return e;
  if (!(e instanceof BundleError)) return new MentorPackError('damaged');
  switch (e.code) {
    case 'notABundle':
      return new MentorPackError(notThisKind);
    case 'tampered':
    case 'damaged':
    case 'wrongPassphrase':
    case 'wrongRecipient':
    case 'newerFormat':
    case 'tooLargeUnpacked':
    case 'invalidRow':
      return new MentorPackError(e.code, e.params);
    default:
      return new MentorPackError('damaged');
  }
}
