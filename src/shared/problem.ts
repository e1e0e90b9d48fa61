/**
 * The one error-to-code mapper. Our refusals (BundleError, InvitationError, MentorPackError…)
 * carry a code the UI translates and its params; anything else thrown is 'unexpected', on every
 * path (window thread, worker, command line), so the same bad file gets the same message.
 */
export interface Problem {
  code: string;
  params: Record<string, string | number>;
}

/** The code of anything that is not one of the refusals the caller names. */
export const UNEXPECTED = 'unexpected';

/** A refusal class of ours: a code and its params. */
export type CodedErrorClass = abstract new (...args: never[]) => Error & { readonly code: string; readonly params: Readonly<Record<string, string | number>> };

/** `e` as a code and params when it is one of `kinds`, else 'unexpected'. */
export function problemOf(e: unknown, kinds: readonly CodedErrorClass[]): Problem {
  for (const kind of kinds) if (e instanceof kind) return { code: e.code, params: { ...e.params } };
  return { code: UNEXPECTED, params: {} };
}
