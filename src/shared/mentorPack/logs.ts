import { CryptoError, fingerprint, isEnvelope, openFromRecipient, own, sealToRecipient, sha256Hex, type Bytes, type OrgKeys, type PublicKeys } from '../crypto';
import { ndjsonBytes, readNdjson, writeSigned } from '../bundle/signed';
import { openSignedFile } from './openSignedFile';
import { orgSlug } from '../bundle/fileName';
import { localDay, systemTimeZone } from '../calendar/localDay';
import type { MentoringSession } from '../model';
import { MentorPackError, fromBundleError } from './errors';
import { LOGS_ENTRY, LOGS_FORMAT, LOGS_FORMAT_VERSION, LOGS_SIGNATURE_CONTEXT, logRowSchema, logsManifestSchema, type LogsManifest } from './format';

/**
 * The mentor's session logs going home: every log of the pack's matches as the mentor's Mreža
 * holds it (a snapshot), signed with the mentor installation's key and encrypted to the
 * coordinator organisation's key that came in the pack.
 */
export interface WriteLogsInput {
  pack: { packId: string; mentorId: string; organisationId: string; orgPublicKeys: PublicKeys };
  sessions: readonly MentoringSession[];
  /** The mentor installation's own keys. */
  keys: OrgKeys;
  installationId: string;
  mentorName: string;
  /** The organisation's time zone, whose day names the file (default: the computer's). */
  timeZone?: string;
  now?: Date;
  exportId?: string;
}

/** `mreza-session-logs-<mentor>-<yyyy-mm-dd>.mreza-logs`, for the organisation's local day. */
export function logsFileName(mentorName: string, day: string): string {
  return `mreza-session-logs-${orgSlug(mentorName)}-${day}.mreza-logs`;
}

export async function writeMentorLogs(input: WriteLogsInput): Promise<{ bytes: Bytes; fileName: string; manifest: LogsManifest }> {
  const now = input.now ?? new Date();
  const rows = [...input.sessions].sort((a, b) => a.id.localeCompare(b.id)).map((s) => logRowSchema.parse(s));
  const data = ndjsonBytes(rows);
  const signerFingerprint = await fingerprint(input.keys.publicKeys);
  const manifest: LogsManifest = {
    format: LOGS_FORMAT,
    formatVersion: LOGS_FORMAT_VERSION,
    packId: input.pack.packId,
    mentorId: input.pack.mentorId,
    organisationId: input.pack.organisationId,
    installationId: input.installationId,
    exportId: input.exportId ?? crypto.randomUUID(),
    exportedAt: now.toISOString(),
    signer: { publicKeys: { sign: input.keys.publicKeys.sign, encrypt: input.keys.publicKeys.encrypt }, fingerprint: signerFingerprint },
    counts: { mentoringSessions: rows.length },
    entries: { [LOGS_ENTRY]: await sha256Hex(data) },
  };
  const signed = await writeSigned({
    context: LOGS_SIGNATURE_CONTEXT,
    manifest,
    files: { [LOGS_ENTRY]: data },
    signKey: input.keys.sign.privateKey,
    signerFingerprint,
  });
  const bytes = await sealToRecipient(signed, input.pack.orgPublicKeys, 'mentorLogs');
  return { bytes, fileName: logsFileName(input.mentorName, localDay(input.timeZone ?? systemTimeZone(), now)), manifest };
}

export interface OpenedLogs {
  manifest: LogsManifest;
  fingerprint: string;
  sessions: MentoringSession[];
  fileSha256: string;
}

/** Opens (with the coordinator organisation's keys), verifies and validates. Throws MentorPackError only. */
export async function readMentorLogs(input: Uint8Array, keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>): Promise<OpenedLogs> {
  try {
    return await read(own(input), keys);
  } catch (e) {
    throw fromBundleError(e, 'notALogsFile');
  }
}

async function read(bytes: Bytes, keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>): Promise<OpenedLogs> {
  const fileSha256 = await sha256Hex(bytes);
  if (!isEnvelope(bytes)) throw new MentorPackError('notALogsFile');
  let plain: Bytes;
  try {
    plain = await openFromRecipient(bytes, keys, 'mentorLogs');
  } catch (e) {
    if (!(e instanceof CryptoError)) throw new MentorPackError('damaged');
    if (e.code === 'notAContainer') throw new MentorPackError('notALogsFile');
    if (e.code === 'wrongRecipient' || e.code === 'newerFormat') throw new MentorPackError(e.code, e.params);
    throw new MentorPackError('damaged');
  }
  const { files, manifest } = await openSignedFile(plain, LOGS_SIGNATURE_CONTEXT, {
    format: LOGS_FORMAT,
    version: LOGS_FORMAT_VERSION,
    schema: logsManifestSchema,
    notThisKind: 'notALogsFile',
    entries: new Set([LOGS_ENTRY]),
  });
  const sessions = readNdjson(files[LOGS_ENTRY]!, 'mentoringSessions', logRowSchema, manifest.counts.mentoringSessions) as MentoringSession[];
  sessions.forEach((s, i) => {
    if (s.orgId !== manifest.organisationId) throw new MentorPackError('invalidRow', { table: 'mentoringSessions', line: i + 1, field: 'orgId' });
  });
  return { manifest, fingerprint: manifest.signer.fingerprint, sessions, fileSha256 };
}
