import { ProjectHasher } from '@shared/bundle';
import { fromBase64 } from '@shared/crypto';
import { separateLinkageSecret, type LinkageSecret } from '@shared/model';
import type { MrezaDb } from './db';

/**
 * The lead's service side and the project's linkage secret (the HMAC key of person keys). The
 * lead holds it as any partner does, to write invitations and to key its own people; its
 * consolidation (partner slices, the consolidated reports' loading, the key file) never reads
 * it, so what consolidation holds cannot compute or confirm anybody's key. docs/privacy.md.
 */

/** The lead's linkage secret row, if this installation leads a project. */
export async function getLinkageSecret(db: MrezaDb): Promise<LinkageSecret | undefined> {
  return (await db.exchange.get('linkage')) as LinkageSecret | undefined;
}

/**
 * Before this change the lead kept the secret inside its project row, with the consolidated data:
 * move it to the service side and drop it there. Runs when the data store opens (db.ts) and again
 * is applied to backups as they are read (shared/backup/format.ts).
 */
export async function moveLinkageSecret(db: MrezaDb): Promise<void> {
  await db.transaction('rw', db.exchange, async () => {
    const rows = await db.exchange.toArray();
    const moved = separateLinkageSecret(rows);
    if (moved === rows) return;
    await db.exchange.bulkPut(moved as typeof rows);
  });
}

/**
 * The lead's own people's keys, made on the service side with the secret: only the keys go to the
 * consolidated reports, so someone served by the lead and a partner counts once.
 */
export async function ownPersonKeys(db: MrezaDb, people: Parameters<ProjectHasher['pseudoKey']>[0][]): Promise<Map<string, string>> {
  const row = await getLinkageSecret(db);
  const secret = row ? fromBase64(row.secret) : null;
  if (!secret || !people.length) return new Map();
  const hasher = await ProjectHasher.create(secret);
  return new Map(await Promise.all(people.map(async (p) => [p.id, await hasher.pseudoKey(p)] as const)));
}
