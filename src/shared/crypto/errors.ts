/**
 * Why a crypto container could not be opened. The invitation and bundle readers translate these
 * into their own typed errors; nothing here throws anything else for bad input.
 */
export type CryptoErrorCode =
  /** The bytes do not start with the container's magic. */
  | 'notAContainer'
  /** Structure broken: truncated, wrong lengths, or authenticated decryption failed. */
  | 'damaged'
  | 'wrongPassphrase'
  /** Encrypted to a different key than the one offered. */
  | 'wrongRecipient'
  /** Written by a newer Mreža (unknown container version). */
  | 'newerFormat'
  /** A key (JWK or raw base64) is malformed. */
  | 'invalidKey'
  /** The file asks for more KDF rounds than a reader grants (params.found, params.max). */
  | 'tooCostly'
  /** Larger than a file of its kind can be (params.foundMb, params.maxMb). */
  | 'tooLarge';

export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`crypto ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'CryptoError';
  }
}
