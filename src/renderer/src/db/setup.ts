import { organisationSetupSchema, type Organisation, type OrganisationSetup, type User } from '@shared/model';
import { actorOf } from './actor';
import { audit } from './audit';
import type { MrezaDb } from './db';

/** The first-run setup: this installation's organisation, its first (coordinator) user and settings, atomically. */
export async function setUpOrganisation(db: MrezaDb, input: OrganisationSetup): Promise<{ org: Organisation; user: User }> {
  const data = organisationSetupSchema.parse(input);
  return db.transaction('rw', [db.organisations, db.users, db.settings, db.auditLog], async () => {
    if (await db.organisations.filter((o) => o.isSelf).first()) throw new Error('already set up');
    const now = new Date().toISOString();
    const orgId = crypto.randomUUID();
    const org: Organisation = { id: orgId, orgId, createdAt: now, updatedAt: now, name: data.name, country: data.country, town: data.town, role: data.role, isSelf: true, kind: 'ngo' };
    const user: User = { id: crypto.randomUUID(), orgId, createdAt: now, updatedAt: now, name: data.userName, role: 'coordinator', disabled: false };
    await db.organisations.add(org);
    await db.users.add(user);
    await db.settings.put({ key: 'app', language: data.language, lockMinutes: 10, suppressionThreshold: 5 });
    const actor = actorOf(user);
    await audit(db, actor, 'create', 'organisations', org.id);
    await audit(db, actor, 'create', 'users', user.id);
    return { org, user };
  });
}

export async function getSelfOrganisation(db: MrezaDb): Promise<Organisation | undefined> {
  return db.organisations.filter((o) => o.isSelf).first();
}
