import {
  partnersDataset,
  partnersWithheld,
  partnerProgrammes,
  totalsOnlyPartners,
  withOwnPeople,
  type PartnersDataset,
  type PartnerProgramme,
  type PartnerWithheld,
  type TotalsOnlyPartner,
} from '@shared/consolidate';
import { loadConsolidatedState } from './bundleImport';
import type { MrezaDb } from './db';

/**
 * The partners' consolidated records, or undefined when nothing has been imported. With
 * `ownKeys` (the lead's own people's keys, from db/linkage.ts), personKey also covers them, so
 * nobody counts twice.
 */
export async function loadPartnersDataset(
  db: MrezaDb,
  ownKeys: () => Promise<ReadonlyMap<string, string>> = async () => new Map(),
): Promise<
  | { dataset: PartnersDataset; names: Map<string, string>; programmes: PartnerProgramme[]; totalsOnly: TotalsOnlyPartner[]; withheld: PartnerWithheld[] }
  | undefined
> {
  if ((await db.partnerSlices.count()) === 0) return undefined;
  const state = await loadConsolidatedState(db);
  if (!state || !Object.keys(state.partners).length) return undefined;
  // The lead's own people's keys come from its service side, already made: no secret here.
  const dataset = withOwnPeople(partnersDataset(state), await ownKeys());
  return {
    dataset,
    names: new Map(Object.values(state.partners).map((p) => [p.orgId, p.name])),
    programmes: partnerProgrammes(state),
    totalsOnly: totalsOnlyPartners(state),
    withheld: partnersWithheld(state),
  };
}
