import { z } from 'zod';
import { id, isoDateTime } from '../model';
import { canonicalBytes, fingerprint, fromBase64, importDecryptionKeys, sealWithPassphrase, type DecryptionKeys, type StoredOrgKeys } from '../crypto';
import { KeyFileError } from './errors';
import { openSealedJson, SealedJsonError } from './sealedJson';
import { orgSlug } from './fileName';

/**
 * The lead's key file, for the command-line consolidation (scripts/consolidate.ts): the lead's
 * public keys and its decryption key (not its signing key: the file cannot sign mentor packs or
 * anything else in the lead's name), the project and the partner keys pinned so far, as
 * canonical JSON inside a passphrase container (content type "keyFile"). Whoever holds it and its
 * passphrase can open every partner export of the project, so it is written only on request.
 * Version 1 files (which also carried the signing key) are still read; their signing key is ignored.
 */
export const KEY_FILE_FORMAT = 'mreza-lead-key';
export const KEY_FILE_FORMAT_VERSION = 2;

const b64Key = z.string().refine((s) => fromBase64(s)?.length === 32, 'a 32-byte base64 value');
const jwk = z.record(z.string(), z.unknown());

const publicKeys = z.object({ sign: b64Key, encrypt: b64Key });
const common = {
  createdAt: isoDateTime,
  project: z.object({ id, name: z.string().trim().min(1).max(200) }),
  lead: z.object({ orgId: id, name: z.string().trim().min(1).max(200), fingerprint: z.string() }),
  /** Partner organisation id → pinned signer fingerprint, as the lead's app knew them. */
  pins: z.record(id, z.string()),
};

export const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  formatVersion: z.literal(KEY_FILE_FORMAT_VERSION),
  ...common,
  keys: z.strictObject({ publicKeys, encryptPrivate: jwk }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

/** Version 1: the whole stored key pair (the signing key is not read). */
const keyFileV1Schema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  formatVersion: z.literal(1),
  ...common,
  keys: z.object({ format: z.literal('mreza-keys'), version: z.literal(1), publicKeys, signPrivate: jwk, encryptPrivate: jwk }),
});

export interface NewKeyFile {
  project: { id: string; name: string };
  lead: { orgId: string; name: string };
  keys: StoredOrgKeys;
  pins?: Record<string, string>;
  now?: Date;
}

export async function writeKeyFile(input: NewKeyFile, passphrase: string, opts: { iterations?: number } = {}): Promise<Uint8Array> {
  const file = keyFileSchema.parse({
    format: KEY_FILE_FORMAT,
    formatVersion: KEY_FILE_FORMAT_VERSION,
    createdAt: (input.now ?? new Date()).toISOString(),
    project: input.project,
    lead: { ...input.lead, fingerprint: await fingerprint(input.keys.publicKeys) },
    keys: { publicKeys: input.keys.publicKeys, encryptPrivate: input.keys.encryptPrivate },
    pins: input.pins ?? {},
  });
  return sealWithPassphrase(canonicalBytes(file), passphrase, 'keyFile', opts);
}

const KEY_FILE_PROBLEMS = {
  notThisKind: 'notAKeyFile',
  notAContainer: 'damaged',
  wrongPassphrase: 'wrongPassphrase',
  newerFormat: 'newerFormat',
  damaged: 'damaged',
  tooCostly: 'tooCostly',
  tooLarge: 'tooLarge',
} as const;

/** Opens a key file and imports its decryption keys; throws KeyFileError only. */
export async function readKeyFile(bytes: Uint8Array, passphrase: string): Promise<{ file: KeyFile; keys: DecryptionKeys }> {
  let opened: { json: unknown; formatVersion: number };
  try {
    opened = await openSealedJson(bytes, passphrase, 'keyFile', KEY_FILE_FORMAT, KEY_FILE_FORMAT_VERSION);
  } catch (e) {
    if (e instanceof SealedJsonError) throw new KeyFileError(KEY_FILE_PROBLEMS[e.code], e.params);
    throw e;
  }
  const parsed = (opened.formatVersion === 1 ? keyFileV1Schema : keyFileSchema).safeParse(opened.json);
  if (!parsed.success) throw new KeyFileError('damaged', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
  const file: KeyFile = {
    ...parsed.data,
    formatVersion: KEY_FILE_FORMAT_VERSION,
    keys: { publicKeys: parsed.data.keys.publicKeys, encryptPrivate: parsed.data.keys.encryptPrivate },
  };
  let keys: DecryptionKeys;
  try {
    keys = await importDecryptionKeys(file.keys.publicKeys, file.keys.encryptPrivate);
  } catch {
    throw new KeyFileError('damaged', { field: 'keys' });
  }
  if ((await fingerprint(keys.publicKeys)) !== file.lead.fingerprint) throw new KeyFileError('damaged', { field: 'lead.fingerprint' });
  return { file, keys };
}

/** `mreza-lead-key-<project-slug>.mreza-key` */
export function keyFileName(projectName: string): string {
  return `mreza-lead-key-${orgSlug(projectName)}.mreza-key`;
}
