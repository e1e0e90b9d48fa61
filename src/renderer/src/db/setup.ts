import { createKeyring } from '@shared/auth/keyring';
import { generateRecoveryKey } from '@shared/auth/recoveryKey';
import { organisationSetupSchema, type Organisation, type OrganisationSetup, type User } from '@shared/model';
import { actorOf } from './actor';
import { audit } from './audit';
import { dropDataKey, getDataKey, setDataKey } from './dataKey';
import type { MrezaDb } from './db';
import { checkNewPassphrase } from './signIn';

export { getSelfOrganisation } from './selfOrganisation';

/**
 * The first-run setup: this installation's organisation, its first (coordinator) user and
 * settings, atomically. With `signIn` (the setup screen always gives it) the coordinator's
 * passphrase creates the keyring: a new data key, wrapped by it and by a new recovery key, which
 * is returned once for the recovery sheet; the data key is handed to the db layer. Without it the
 * installation is like one from before sign-in was tied to the data key (tests, fixtures): the
 * coordinator chooses a passphrase at her first sign-in.
 */
export async function setUpOrganisation(
  db: MrezaDb,
  input: OrganisationSetup,
  signIn?: { passphrase: string },
): Promise<{ org: Organisation; user: User; recoveryKey?: string }> {
  const data = organisationSetupSchema.parse(input);
  const userId = crypto.randomUUID();
  let keys: ({ recoveryKey: string } & Awaited<ReturnType<typeof createKeyring>>) | undefined;
  if (signIn) {
    await checkNewPassphrase(db, signIn.passphrase, [data.userName, data.name]);
    const recoveryKey = generateRecoveryKey();
    keys = { recoveryKey, ...(await createKeyring(userId, signIn.passphrase, recoveryKey, getDataKey(db))) };
  }
  // The encryption layer writes the first rows with the new key already.
  const held = getDataKey(db);
  if (keys) await setDataKey(db, keys.dataKey);
  const result = await db
    .transaction('rw', [db.organisations, db.users, db.settings, db.auditLog], async () => {
      if (await db.organisations.filter((o) => o.isSelf).first()) throw new Error('already set up');
      const now = new Date().toISOString();
      const orgId = crypto.randomUUID();
      const org: Organisation = {
        id: orgId,
        orgId,
        createdAt: now,
        updatedAt: now,
        name: data.name,
        country: data.country,
        town: data.town,
        role: data.role,
        isSelf: true,
        kind: 'ngo',
      };
      const user: User = {
        id: userId,
        orgId,
        createdAt: now,
        updatedAt: now,
        name: data.userName,
        role: 'coordinator',
        disabled: false,
        ...(keys ? { keyWrap: keys.keyring.users[userId] } : {}),
      };
      await db.organisations.add(org);
      await db.users.add(user);
      await db.settings.put({ key: 'app', language: data.language, lockMinutes: 10, suppressionThreshold: 5, selfOrgId: orgId });
      if (keys) await db.table('settings').put({ key: 'keyring', recovery: keys.keyring.recovery, createdAt: now });
      const actor = actorOf(user);
      await audit(db, actor, 'create', 'organisations', org.id);
      await audit(db, actor, 'create', 'users', user.id);
      return { org, user };
    })
    .catch((e: unknown) => {
      if (keys && !held) dropDataKey(db);
      throw e;
    });
  return keys ? { ...result, recoveryKey: keys.recoveryKey } : result;
}
