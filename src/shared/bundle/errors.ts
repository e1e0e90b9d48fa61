/**
 * Typed refusals of the exchange files. The UI translates `exchange:errors.<code>` with
 * `params`; readers never throw anything else for bad input.
 */
export type BundleErrorCode =
  /** Not a Mreža bundle at all (another file, another kind of Mreža file). */
  | 'notABundle'
  /** Truncated or corrupted: the structure cannot be read or authenticated decryption failed. */
  | 'damaged'
  /** Signed but not encrypted to the lead: refused, whatever it holds. */
  | 'notEncrypted'
  /** The zip declares more than the reader unpacks (params.limitMb), found before unpacking anything. */
  | 'tooLargeUnpacked'
  /** Readable, but a signature, a hash, a count or the canonical form does not match. */
  | 'tampered'
  /** Encrypted to another organisation's key (params.recipient: that key's fingerprint), or no key given. */
  | 'wrongRecipient'
  | 'wrongPassphrase'
  /** Passphrase-protected and no passphrase was given: ask for one. */
  | 'passphraseRequired'
  /** params.found / params.expected: project ids. */
  | 'otherProject'
  /** params.part: 'format' | 'schema' | 'envelope', params.found, params.supported. */
  | 'newerFormat'
  /** Written by a Mreža too old for this lead (params.found, params.supported: the oldest accepted): update and export again. */
  | 'olderFormat'
  /** The signer's key is not pinned yet and the caller asked for known signers only. */
  | 'unknownSigner'
  /** params.expected / params.found: fingerprints. */
  | 'signerChanged'
  /** params.table, params.line (1-based), params.field, params.reason. */
  | 'invalidRow'
  /** Writing: the full level needs acknowledgedRisk and confirmedFullList; pseudonymised/full need the project's linkage secret. */
  | 'notAllowed'
  /** A passphrase-protected file asking for more KDF rounds than a reader grants (params.found, params.max). */
  | 'tooCostly';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`bundle ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'BundleError';
  }
}

/** tooCostly / tooLarge: see CryptoErrorCode (a file that asks for more work than it may). */
export type InvitationErrorCode = 'wrongPassphrase' | 'damaged' | 'notAnInvitation' | 'newerFormat' | 'tooCostly' | 'tooLarge';

export class InvitationError extends Error {
  constructor(
    readonly code: InvitationErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`invitation ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'InvitationError';
  }
}

export type KeyFileErrorCode = 'wrongPassphrase' | 'damaged' | 'notAKeyFile' | 'newerFormat' | 'tooCostly' | 'tooLarge';

/** Why the lead's key file (keyFile.ts) could not be opened. */
export class KeyFileError extends Error {
  constructor(
    readonly code: KeyFileErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`key file ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'KeyFileError';
  }
}

/**
 * The `exchange:errors.<key>` of a refusal. A bundle's format version decides who has to update:
 * a newer format than this Mreža reads means this computer (the lead) updates; an older one
 * (`olderFormat`) means the partner who sent it updates and exports again.
 */
export function exchangeErrorKey(code: string, params: Readonly<Record<string, string | number>> = {}): string {
  if (code === 'newerFormat' && params.part === 'format' && typeof params.found === 'number') return 'newerBundleFormat';
  return code;
}
