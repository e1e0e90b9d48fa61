/**
 * Typed refusals of the exchange files. The UI translates `exchange:errors.<code>` with
 * `params`; readers never throw anything else for bad input.
 */
export type BundleErrorCode =
  /** Not a Mreža bundle at all (another file, another kind of Mreža file). */
  | 'notABundle'
  /** Truncated or corrupted: the structure cannot be read or authenticated decryption failed. */
  | 'damaged'
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
  /** Written by an older Mreža (bundle format params.found < params.supported): the partner must update and export again. */
  | 'olderFormat'
  /** The signer's key is not pinned yet and the caller asked for known signers only. */
  | 'unknownSigner'
  /** params.expected / params.found: fingerprints. */
  | 'signerChanged'
  /** params.table, params.line (1-based), params.field, params.reason. */
  | 'invalidRow'
  /** Writing: the full level needs acknowledgedRisk and confirmedFullList; pseudonymised/full need the project's linkage secret. */
  | 'notAllowed';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`bundle ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'BundleError';
  }
}

export type InvitationErrorCode = 'wrongPassphrase' | 'damaged' | 'notAnInvitation' | 'newerFormat';

export class InvitationError extends Error {
  constructor(
    readonly code: InvitationErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`invitation ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'InvitationError';
  }
}

export type KeyFileErrorCode = 'wrongPassphrase' | 'damaged' | 'notAKeyFile' | 'newerFormat';

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
