import {
  sha256Hex,
  fingerprint,
  own,
  type Bytes,
  type OrgKeys,
  sealWithPassphrase,
  openWithPassphrase,
  passphraseBoxType,
  isPassphraseBox,
  CryptoError,
} from '../crypto';
import { ndjsonBytes, readNdjson, writeSigned } from '../bundle/signed';
import { openSignedFile } from './openSignedFile';
import { orgSlug } from '../bundle/fileName';
import { localDay, orgTimeZone } from '../calendar/localDay';
import type { Consent, Country, Match, MenteeProfile, Mentor, MentoringSession, Person } from '../model';
import { MentorPackError, fromBundleError } from './errors';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_SIGNATURE_CONTEXT, packEntry, packManifestSchema, packRowSchema, type PackManifest } from './format';
import { PACK_TABLES, packRule, type PackTable } from './policy';

type Row = Record<string, unknown>;

export interface PackSource {
  people: readonly Person[];
  consents: readonly Consent[];
  mentors: readonly Mentor[];
  matches: readonly Match[];
  menteeProfiles: readonly MenteeProfile[];
  mentoringSessions: readonly MentoringSession[];
}

export type PackRows = Record<PackTable, Row[]>;

function minimise(table: PackTable, row: object, contactAllowed: boolean): Row {
  const out: Row = {};
  for (const [field, value] of Object.entries(row)) {
    const rule = packRule(table, field);
    if (value === undefined || rule === 'drop' || (rule === 'contact' && !contactAllowed)) continue;
    out[field] = value;
  }
  return out;
}

/** What one mentor needs: her row, her active matches, those mentees (minimised), their needs and logs. */
export function selectPackRows(source: PackSource, mentorId: string): { rows: PackRows; mentorName: string; matchIds: string[] } {
  const mentor = source.mentors.find((m) => m.id === mentorId);
  const mentorPerson = mentor && source.people.find((p) => p.id === mentor.personId);
  if (!mentor || !mentorPerson) throw new MentorPackError('nothingToPack');
  const matches = source.matches.filter((m) => m.mentorId === mentorId && m.status === 'active');
  if (!matches.length) throw new MentorPackError('nothingToPack');
  const personIds = new Set([mentor.personId, ...matches.map((m) => m.menteeId)]);
  const matchIds = new Set(matches.map((m) => m.id));
  const consented = new Set(source.consents.filter((c) => c.processing && !c.withdrawnAt).map((c) => c.personId));
  const rows: PackRows = {
    people: source.people.filter((p) => personIds.has(p.id)).map((p) => minimise('people', p, consented.has(p.id) || p.id === mentor.personId)),
    mentors: [minimise('mentors', mentor, true)],
    matches: matches.map((m) => minimise('matches', m, true)),
    menteeProfiles: source.menteeProfiles
      .filter((p) => personIds.has(p.personId) && p.personId !== mentor.personId)
      .map((p) => minimise('menteeProfiles', p, true)),
    mentoringSessions: source.mentoringSessions.filter((s) => matchIds.has(s.matchId)).map((s) => minimise('mentoringSessions', s, true)),
  };
  return { rows, mentorName: `${mentorPerson.firstName} ${mentorPerson.lastName}`, matchIds: [...matchIds] };
}

export interface WriteMentorPackInput {
  source: PackSource;
  mentorId: string;
  organisation: { id: string; name: string; country: Country; town: string; timeZone?: string };
  /** The coordinator organisation's keys: the pack is signed with them and the logs come back encrypted to them. */
  keys: OrgKeys;
  passphrase: string;
  /** The newest of her logs files imported at the coordinator (see `logsReceived` in format.ts). */
  logsReceived?: { exportId: string; exportedAt: string };
  now?: Date;
  packId?: string;
  iterations?: number;
}

export interface WrittenMentorPack {
  bytes: Bytes;
  fileName: string;
  manifest: PackManifest;
  matchIds: string[];
}

/** `mreza-mentor-pack-<mentor>-<yyyy-mm-dd>.mreza-mentor`, for the organisation's local day. */
export function packFileName(mentorName: string, day: string): string {
  return `mreza-mentor-pack-${orgSlug(mentorName)}-${day}.mreza-mentor`;
}

export async function writeMentorPack(input: WriteMentorPackInput): Promise<WrittenMentorPack> {
  const { rows, mentorName, matchIds } = selectPackRows(input.source, input.mentorId);
  const now = input.now ?? new Date();
  const files: Record<string, Bytes> = {};
  const counts: Record<string, number> = {};
  const entries: Record<string, string> = {};
  for (const table of PACK_TABLES) {
    files[packEntry(table)] = ndjsonBytes(rows[table]);
    counts[table] = rows[table].length;
    entries[packEntry(table)] = await sha256Hex(files[packEntry(table)]!);
  }
  const signerFingerprint = await fingerprint(input.keys.publicKeys);
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    packId: input.packId ?? crypto.randomUUID(),
    createdAt: now.toISOString(),
    organisation: { id: input.organisation.id, name: input.organisation.name, country: input.organisation.country, town: input.organisation.town },
    signer: { publicKeys: { sign: input.keys.publicKeys.sign, encrypt: input.keys.publicKeys.encrypt }, fingerprint: signerFingerprint },
    mentor: { id: input.mentorId, name: mentorName },
    ...(input.logsReceived ? { logsReceived: { exportId: input.logsReceived.exportId, exportedAt: input.logsReceived.exportedAt } } : {}),
    counts,
    entries,
  };
  const signed = await writeSigned({ context: PACK_SIGNATURE_CONTEXT, manifest, files, signKey: input.keys.sign.privateKey, signerFingerprint });
  const bytes = await sealWithPassphrase(signed, input.passphrase, 'mentorPack', { iterations: input.iterations });
  return { bytes, fileName: packFileName(mentorName, localDay(orgTimeZone(input.organisation), now)), manifest, matchIds };
}

export interface OpenedMentorPack {
  manifest: PackManifest;
  rows: PackRows;
}

/** Opens, verifies and checks a pack. Throws MentorPackError only. */
export async function readMentorPack(input: Uint8Array, passphrase: string): Promise<OpenedMentorPack> {
  try {
    return await read(own(input), passphrase);
  } catch (e) {
    throw fromBundleError(e, 'notAPack');
  }
}

async function read(bytes: Bytes, passphrase: string): Promise<OpenedMentorPack> {
  if (!isPassphraseBox(bytes) || (bytes.length >= 6 && passphraseBoxType(bytes) !== 'mentorPack')) throw new MentorPackError('notAPack');
  let plain: Bytes;
  try {
    plain = await openWithPassphrase(bytes, passphrase, 'mentorPack');
  } catch (e) {
    if (e instanceof CryptoError && (e.code === 'wrongPassphrase' || e.code === 'newerFormat' || e.code === 'tooCostly' || e.code === 'tooLarge'))
      throw new MentorPackError(e.code, e.params);
    throw new MentorPackError('damaged');
  }
  const { files, manifest } = await openSignedFile(plain, PACK_SIGNATURE_CONTEXT, {
    format: PACK_FORMAT,
    version: PACK_FORMAT_VERSION,
    schema: packManifestSchema,
    notThisKind: 'notAPack',
    entries: new Set(PACK_TABLES.map(packEntry)),
  });
  if (Object.keys(manifest.counts).length !== PACK_TABLES.length) throw new MentorPackError('tampered', { entry: 'counts' });

  const rows = {} as PackRows;
  for (const table of PACK_TABLES) rows[table] = readNdjson(files[packEntry(table)]!, table, packRowSchema(table), manifest.counts[table]);
  checkConsistency(manifest, rows);
  return { manifest, rows };
}

/** The rows must be exactly one mentor's world: her row, her active matches, their people and logs. */
function checkConsistency(manifest: PackManifest, rows: PackRows) {
  const bad = (table: string, line: number, field: string) => new MentorPackError('invalidRow', { table, line, field });
  for (const table of PACK_TABLES)
    rows[table].forEach((r, i) => {
      if (r.orgId !== manifest.organisation.id) throw bad(table, i + 1, 'orgId');
    });
  const [mentor] = rows.mentors;
  if (rows.mentors.length !== 1 || mentor?.id !== manifest.mentor.id) throw bad('mentors', 1, 'id');
  const people = new Set(rows.people.map((p) => p.id));
  if (!people.has(mentor.personId)) throw bad('mentors', 1, 'personId');
  rows.matches.forEach((m, i) => {
    if (m.mentorId !== mentor.id || m.status !== 'active') throw bad('matches', i + 1, 'mentorId');
    if (!people.has(m.menteeId)) throw bad('matches', i + 1, 'menteeId');
  });
  const matchIds = new Set(rows.matches.map((m) => m.id));
  rows.mentoringSessions.forEach((s, i) => {
    if (!matchIds.has(s.matchId as string)) throw bad('mentoringSessions', i + 1, 'matchId');
  });
}
