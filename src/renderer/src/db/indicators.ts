import { compareText } from '@shared/i18n/collation';
import type { Locale } from '@shared/i18n/locales';
import type { PartnerProgramme, PartnerWithheld, TotalsOnlyPartner } from '@shared/consolidate';
import type { Dataset } from '@shared/indicators/dataset';
import { loadPartnersDataset } from './partnersDataset';
import { ownPersonKeys } from './linkage';
import type { Target } from '@shared/model';
import type { Actor } from './actor';
import { audit } from './audit';
import type { MrezaDb } from './db';
import { readablePeople, requirePermission } from './permissions';

/** Every table the indicators read, in one read transaction so the figures are consistent. */
export async function loadDataset(db: MrezaDb) {
  return db.transaction(
    'r',
    [
      db.people,
      db.programmes,
      db.events,
      db.sessions,
      db.enrolments,
      db.attendance,
      db.certificates,
      db.matches,
      db.mentoringSessions,
      db.outcomes,
      db.organisations,
      db.referrals,
    ],
    async () => ({
      people: await db.people.toArray(),
      programmes: await db.programmes.toArray(),
      events: await db.events.toArray(),
      sessions: await db.sessions.toArray(),
      enrolments: await db.enrolments.toArray(),
      attendance: await db.attendance.toArray(),
      certificates: await db.certificates.toArray(),
      matches: await db.matches.toArray(),
      mentoringSessions: await db.mentoringSessions.toArray(),
      outcomes: await db.outcomes.toArray(),
      organisations: await db.organisations.toArray(),
      // Only what the figures need: a report never holds a referral's reason or contact.
      referrals: (await db.referrals.toArray()).map(({ id, orgId, personId, kind, date, history }) => ({ id, orgId, personId, kind, date, history })),
    }),
  );
}

export type OwnDataset = Awaited<ReturnType<typeof loadDataset>>;

/** Names for the drill-down list: only the people behind one number. */
export async function peopleByIds(db: MrezaDb, actor: Actor, ids: readonly string[], locale: Locale | string = 'hr') {
  const allowed = await readablePeople(db, actor);
  return (await db.people.bulkGet(ids.filter((id) => !allowed || allowed.has(id))))
    .filter((p) => p !== undefined)
    .sort((a, b) => compareText(locale)(a.lastName, b.lastName) || compareText(locale)(a.firstName, b.firstName));
}

/**
 * What Reports computes from: this organisation's records and, at the lead, the partners'
 * consolidated records too. People are made unique by the pseudonymous key the partners' bundles
 * carry, which the lead's own people get too, so someone served by both counts once.
 */
export async function loadReportDataset(
  db: MrezaDb,
  actor: Actor,
): Promise<{
  own: OwnDataset;
  dataset: Dataset;
  personKey?: (personId: string) => string;
  partnerNames: Map<string, string>;
  partnerProgrammes: PartnerProgramme[];
  totalsOnly: TotalsOnlyPartner[];
  withheld: PartnerWithheld[];
}> {
  requirePermission(actor, 'readReports');
  const own = await loadDataset(db);
  const partners = await loadPartnersDataset(db, () => ownPersonKeys(db, own.people));
  if (!partners) return { own, dataset: own, partnerNames: new Map(), partnerProgrammes: [], totalsOnly: [], withheld: [] };
  const merged = {} as Record<keyof Dataset, unknown[]>;
  for (const key of Object.keys(own) as Array<keyof Dataset>) merged[key] = [...(own[key] ?? []), ...(partners.dataset[key] ?? [])];
  return {
    own,
    dataset: merged as unknown as Dataset,
    personKey: partners.dataset.personKey,
    partnerNames: partners.names,
    partnerProgrammes: partners.programmes,
    totalsOnly: partners.totalsOnly,
    withheld: partners.withheld,
  };
}

/** The donor's targets, project-wide and per programme. */
export async function listTargets(db: MrezaDb): Promise<Target[]> {
  return db.targets.toArray();
}

/** A donor report left the organisation: who saved it, under which file name. */
export async function logReportExport(db: MrezaDb, actor: Actor, fileName: string): Promise<void> {
  await db.transaction('rw', db.auditLog, () => audit(db, actor, 'export', 'report', undefined, 'donorReport', { detail: fileName }));
}
