import type { PartnersDataset } from './consolidate';

/**
 * At the lead, its own people next to the partners' pseudonymised ones: the lead's service side
 * computes their keys with the linkage secret it holds like any partner (db/linkage.ts) and hands
 * over only the keys, so someone served by the lead and by a partner counts once. Consolidation
 * never sees the secret. Partners' ids keep their pseudoKey; anything unknown stays its own id.
 */
export function withOwnPeople(dataset: PartnersDataset, ownKeys: ReadonlyMap<string, string>): PartnersDataset {
  if (!ownKeys.size) return dataset;
  const partners = dataset.personKey;
  return { ...dataset, personKey: (id: string) => ownKeys.get(id) ?? partners(id) };
}
