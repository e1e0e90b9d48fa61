import { compareText } from '@shared/i18n/collation';
import { MentorPackError, mergeReturnedLog, writeMentorLogs, type OpenedMentorPack } from '@shared/mentorPack';
import {
  mentorModeSettingsSchema,
  TABLE_SCHEMAS,
  type Match,
  type MenteeProfile,
  type MentoringSession,
  type MentorModeSettings,
  type Organisation,
  type Person,
  type User,
} from '@shared/model';
import { personNameKey } from '@shared/people/nameKey';
import { isHeld } from '@shared/indicators/held';
import type { Locale } from '@shared/i18n/locales';
import { actorOf, type Actor } from './actor';
import { requirePermission } from './permissions';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { ensureIdentity } from './exchange';
import { letGoOfDepartedMentees, receivedUpTo, type Departures } from './mentorLaptop';
import { orgToday, selfTimeZone } from './orgDay';
import { createKeyring } from '@shared/auth/keyring';
import { generateRecoveryKey } from '@shared/auth/recoveryKey';
import { dropDataKey, getDataKey, setDataKey } from './dataKey';
import { checkNewPassphrase } from './signIn';

/** Mentor side: a volunteer's own Mreža holding one mentor pack. */

export async function getMentorMode(db: MrezaDb): Promise<MentorModeSettings | undefined> {
  const parsed = mentorModeSettingsSchema.safeParse(await db.table('settings').get('mentorMode'));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores an opened pack, in one transaction. On a fresh installation it also makes the
 * organisation (the coordinator's, so the logs carry its id), a mentor user and the settings.
 * A newer pack for the same mentor updates the data; the mentor's own edits of a log survive
 * unless the pack's copy is newer.
 */
export async function openMentorPack(
  db: MrezaDb,
  pack: OpenedMentorPack,
  language: Locale,
  fileName = '',
  signIn?: { passphrase: string },
): Promise<{ user: User; recoveryKey?: string } & Departures> {
  const { manifest, rows } = pack;
  // On a fresh computer the mentor's own passphrase (chosen there, same policy) creates the keyring.
  let keys: ({ userId: string; recoveryKey: string } & Awaited<ReturnType<typeof createKeyring>>) | undefined;
  if (signIn) {
    await checkNewPassphrase(db, signIn.passphrase, [manifest.mentor.name, manifest.organisation.name]);
    const userId = crypto.randomUUID();
    const recoveryKey = generateRecoveryKey();
    keys = { userId, recoveryKey, ...(await createKeyring(userId, signIn.passphrase, recoveryKey, getDataKey(db))) };
  }
  let keyringMade = false;
  const held = getDataKey(db);
  // The encryption layer writes the pack's rows with the new key, from the first one on.
  if (keys) await setDataKey(db, keys.dataKey);
  const restoreKey = async () => (held ? setDataKey(db, held) : dropDataKey(db));
  // The key the logs will be signed with: a secret, so written once the data key is held.
  await ensureIdentity(db).catch(async (e: unknown) => {
    if (keys) await restoreKey();
    throw e;
  });
  const tables = [db.organisations, db.users, db.settings, db.auditLog, db.people, db.mentors, db.matches, db.menteeProfiles, db.mentoringSessions];
  const result = await db
    .transaction('rw', tables, async () => {
      const self = await db.organisations.filter((o) => o.isSelf).first();
      const mode = await getMentorMode(db);
      if (self && !mode) throw new MentorPackError('notEmpty');
      if (mode && (mode.organisation.id !== manifest.organisation.id || mode.mentorId !== manifest.mentor.id))
        throw new MentorPackError('otherOrganisation', { organisation: mode.organisation.name });
      // The organisation's key is pinned by the first pack: a later pack signed by another key could
      // make her send her confidential logs to whoever made it.
      if (mode && mode.orgFingerprint !== manifest.signer.fingerprint)
        throw new MentorPackError('organisationKeyChanged', { expected: mode.orgFingerprint, found: manifest.signer.fingerprint });
      if (mode && mode.packCreatedAt > manifest.createdAt) throw new MentorPackError('olderPack', { current: mode.packCreatedAt });
      const now = new Date().toISOString();
      let user = mode ? await db.users.filter((u) => u.mentorId === manifest.mentor.id).first() : undefined;
      if (!self) {
        const o = manifest.organisation;
        const org: Organisation = {
          id: o.id,
          orgId: o.id,
          createdAt: now,
          updatedAt: now,
          name: o.name,
          country: o.country,
          town: o.town,
          role: 'partner',
          isSelf: true,
          kind: 'ngo',
        };
        await db.organisations.add(org);
        await db.settings.put({ key: 'app', language, lockMinutes: 10, suppressionThreshold: 5, selfOrgId: org.id });
      }
      if (!user) {
        user = {
          id: keys?.userId ?? crypto.randomUUID(),
          orgId: manifest.organisation.id,
          createdAt: now,
          updatedAt: now,
          name: manifest.mentor.name,
          role: 'mentor',
          mentorId: manifest.mentor.id,
          disabled: false,
        };
        if (keys && !(await db.table('settings').get('keyring'))) {
          user.keyWrap = keys.keyring.users[user.id];
          await db.table('settings').put({ key: 'keyring', recovery: keys.keyring.recovery, createdAt: now });
          keyringMade = true;
        }
        await db.users.add(user);
      }
      const people = rows.people.map((r) => {
        const p = TABLE_SCHEMAS.people.parse(r);
        return { ...p, nameKey: personNameKey(p) };
      });
      await db.people.bulkPut(people);
      await db.mentors.bulkPut(rows.mentors.map((r) => TABLE_SCHEMAS.mentors.parse(r)));
      await db.matches.bulkPut(rows.matches.map((r) => TABLE_SCHEMAS.matches.parse(r)));
      await db.menteeProfiles.bulkPut(rows.menteeProfiles.map((r) => TABLE_SCHEMAS.menteeProfiles.parse(r)));
      const incoming = rows.mentoringSessions.map((r) => TABLE_SCHEMAS.mentoringSessions.parse(r));
      const local = await db.mentoringSessions.bulkGet(incoming.map((s) => s.id));
      const changed = incoming.flatMap((s, i) => (!local[i] || local[i].updatedAt < s.updatedAt ? [mergeReturnedLog(s, local[i])] : []));
      await db.mentoringSessions.bulkPut(changed);
      // Mentees this pack no longer carries leave this computer once her logs of them are home.
      const received = receivedUpTo(mode, manifest);
      const departures = await letGoOfDepartedMentees(db, pack, received);
      const next: MentorModeSettings = {
        key: 'mentorMode',
        packId: manifest.packId,
        packCreatedAt: manifest.createdAt,
        mentorId: manifest.mentor.id,
        matchIds: rows.matches.map((m) => String(m.id)),
        organisation: { id: manifest.organisation.id, name: manifest.organisation.name, country: manifest.organisation.country },
        orgPublicKeys: manifest.signer.publicKeys,
        orgFingerprint: manifest.signer.fingerprint,
        openedAt: now,
        ...(mode?.lastExportAt ? { lastExportAt: mode.lastExportAt } : {}),
        ...(mode?.sentExports ? { sentExports: mode.sentExports } : {}),
        ...(received ? { logsReceivedAt: received } : {}),
      };
      await db.table('settings').put(mentorModeSettingsSchema.parse(next));
      const actor: Actor = actorOf(user);
      await db.auditLog.add(
        auditEntry(actor, 'import', 'mentors', manifest.mentor.id, 'mentorPackOpened', { detail: fileName.slice(0, 260), count: rows.matches.length }),
      );
      if (departures.removed)
        await db.auditLog.add(auditEntry(actor, 'delete', 'people', undefined, 'mentorPackMenteesRemoved', { count: departures.removed }));
      return { user, ...departures };
    })
    .catch(async (e: unknown) => {
      if (keys) await restoreKey();
      throw e;
    });
  if (!keys) return result;
  if (!keyringMade) {
    await restoreKey();
    return result;
  }
  return { ...result, recoveryKey: keys.recoveryKey };
}

/**
 * Her logs of every match a pack ever gave her, signed with this installation's key and encrypted
 * to the coordinator. A newer pack may leave out a match (closed meanwhile): the logs she wrote for
 * it before still go home.
 */
export async function exportMentorLogs(db: MrezaDb, actor: Actor): Promise<{ bytes: Uint8Array; fileName: string; count: number }> {
  requirePermission(actor, 'logMentoring');
  const mode = await getMentorMode(db);
  if (!mode) throw new MentorPackError('notAPack');
  const identity = await ensureIdentity(db);
  const given = await db.matches.where('mentorId').equals(mode.mentorId).primaryKeys();
  const sessions: MentoringSession[] = await db.mentoringSessions
    .where('matchId')
    .anyOf([...new Set([...mode.matchIds, ...given])])
    .toArray();
  const written = await writeMentorLogs({
    pack: { packId: mode.packId, mentorId: mode.mentorId, organisationId: mode.organisation.id, orgPublicKeys: mode.orgPublicKeys },
    sessions,
    keys: identity.keys,
    installationId: identity.installationId,
    mentorName: actor.userName,
    timeZone: await selfTimeZone(db),
  });
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const sentExports = [...(mode.sentExports ?? []), { exportId: written.manifest.exportId, exportedAt: written.manifest.exportedAt }].slice(-50);
    await db.table('settings').put(mentorModeSettingsSchema.parse({ ...mode, lastExportAt: written.manifest.exportedAt, sentExports }));
    await db.auditLog.add(
      auditEntry(actor, 'export', 'mentoringSessions', mode.packId, 'mentorLogsExported', { detail: written.fileName, count: sessions.length }),
    );
  });
  return { bytes: written.bytes, fileName: written.fileName, count: sessions.length };
}

export interface MyMenteeRow {
  match: Match;
  person?: Person;
  profile?: MenteeProfile;
  name: string;
  held: number;
  lastHeld?: string;
  nextPlanned?: MentoringSession;
  /** The earliest follow-up date not yet done. */
  followUp?: string;
}

/** The mentees of the pack in use, with what the next session needs. */
export async function myMentees(db: MrezaDb, matchIds: readonly string[], locale: Locale | string = 'hr'): Promise<MyMenteeRow[]> {
  const matches = (await db.matches.bulkGet([...matchIds])).filter((m): m is Match => !!m);
  const people = await db.people.bulkGet(matches.map((m) => m.menteeId));
  const profiles = await db.menteeProfiles
    .where('personId')
    .anyOf(matches.map((m) => m.menteeId))
    .toArray();
  const sessions = await db.mentoringSessions
    .where('matchId')
    .anyOf(matches.map((m) => m.id))
    .toArray();
  const today = await orgToday(db);
  return matches
    .map((match, i) => {
      const mine = sessions.filter((s) => s.matchId === match.id);
      const held = mine.filter((s) => isHeld(s, today)).sort((a, b) => a.date.localeCompare(b.date));
      const person = people[i];
      return {
        match,
        person,
        profile: profiles.find((p) => p.personId === match.menteeId),
        name: person ? `${person.firstName} ${person.lastName}` : '—',
        held: held.length,
        lastHeld: held.at(-1)?.date,
        nextPlanned: mine.filter((s) => s.status === 'planned').sort((a, b) => `${a.date}${a.time ?? ''}`.localeCompare(`${b.date}${b.time ?? ''}`))[0],
        followUp: held
          .filter((s) => s.followUpOn && !s.followUpDone)
          .map((s) => s.followUpOn!)
          .sort()[0],
      };
    })
    .sort((a, b) => compareText(locale)(a.name, b.name));
}
