import type { z } from 'zod';
import { fingerprint, type PublicKeys } from '../crypto';
import { checkEntries, MANIFEST_ENTRY, openSigned, parseEntryJson, requireCanonical, unpackSigned, verifySigned } from '../bundle/signed';
import { MentorPackError } from './errors';
import { MAX_UNPACKED } from './format';

interface SignedManifest {
  signer: { publicKeys: PublicKeys; fingerprint: string };
  entries: Record<string, string>;
}

/**
 * The steps a pack and a logs file share once decrypted: the signed container, the manifest of
 * the right kind and version (canonical, valid), the signer's fingerprint and signature, and the
 * hash of every expected entry. Throws BundleError or MentorPackError; callers map the former.
 */
export async function openSignedFile<M extends SignedManifest>(
  plain: Uint8Array,
  context: string,
  kind: { format: string; version: number; schema: z.ZodType<M>; notThisKind: 'notAPack' | 'notALogsFile'; entries: ReadonlySet<string> },
): Promise<{ files: Record<string, Uint8Array>; manifest: M }> {
  const opened = await openSigned(plain, context, { maxUnpackedBytes: MAX_UNPACKED, notSignedCode: 'damaged' });
  const json = parseEntryJson(opened.manifestBytes, 'tampered', MANIFEST_ENTRY) as Record<string, unknown> | null;
  if (json?.format !== kind.format) throw new MentorPackError(kind.notThisKind);
  if (typeof json.formatVersion === 'number' && json.formatVersion > kind.version) throw new MentorPackError('newerFormat', { found: json.formatVersion });
  const parsed = kind.schema.safeParse(json);
  if (!parsed.success) throw new MentorPackError('damaged', { entry: MANIFEST_ENTRY });
  const manifest = parsed.data;
  requireCanonical(opened.manifestBytes, manifest, MANIFEST_ENTRY);
  const signerFingerprint = await fingerprint(manifest.signer.publicKeys).catch(() => {
    throw new MentorPackError('tampered');
  });
  if (signerFingerprint !== manifest.signer.fingerprint) throw new MentorPackError('tampered');
  await verifySigned(opened.signature, signerFingerprint, manifest.signer.publicKeys.sign);
  const files = unpackSigned(opened);
  await checkEntries(files, manifest.entries, kind.entries);
  return { files, manifest };
}
