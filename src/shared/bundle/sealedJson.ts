import { z } from 'zod';
import { CryptoError, fromUtf8, openWithPassphrase, passphraseBoxType, type ContentType } from '../crypto';

/** What can go wrong opening a sealed JSON file; each kind of file maps these to its own codes. */
export type SealedJsonProblem = 'notThisKind' | 'notAContainer' | 'wrongPassphrase' | 'newerFormat' | 'damaged' | 'tooCostly' | 'tooLarge';

export class SealedJsonError extends Error {
  constructor(
    readonly code: SealedJsonProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`sealed json ${code}`);
    this.name = 'SealedJsonError';
  }
}

/**
 * Opens a passphrase container of content `type` holding one JSON document of `format`, and checks
 * its format name and version (the invitation and the lead's key file). The caller validates the
 * rest with its own schema. Throws SealedJsonError only.
 */
export async function openSealedJson(
  bytes: Uint8Array,
  passphrase: string,
  type: ContentType,
  format: string,
  supportedVersion: number,
): Promise<{ json: unknown; formatVersion: number }> {
  if (passphraseBoxType(bytes) !== type) throw new SealedJsonError('notThisKind');
  let plain: Uint8Array;
  try {
    plain = await openWithPassphrase(bytes, passphrase, type);
  } catch (e) {
    if (e instanceof CryptoError && (e.code === 'newerFormat' || e.code === 'tooCostly' || e.code === 'tooLarge')) throw new SealedJsonError(e.code, e.params);
    if (e instanceof CryptoError && (e.code === 'wrongPassphrase' || e.code === 'notAContainer')) throw new SealedJsonError(e.code);
    throw new SealedJsonError('damaged');
  }
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(plain));
  } catch {
    throw new SealedJsonError('damaged');
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== format) throw new SealedJsonError('notThisKind');
  if (head.data.formatVersion > supportedVersion) throw new SealedJsonError('newerFormat', { found: head.data.formatVersion, supported: supportedVersion });
  return { json, formatVersion: head.data.formatVersion };
}
