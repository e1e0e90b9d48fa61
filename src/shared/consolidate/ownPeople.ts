import { fromBase64 } from '../crypto';
import { ProjectHasher } from '../bundle/pseudonymise';
import type { ConsolidatedDataset } from './consolidate';

type OwnPerson = Parameters<ProjectHasher['pseudoKey']>[0];

/**
 * At the lead, its own people next to the partners' pseudonymised ones: they get the same keyed
 * hash the partners' bundles carry (project secret), so someone served by the lead and by a
 * partner counts once. Partners' ids keep their pseudoKey; anything unknown stays its own id.
 */
export async function withOwnPeople(dataset: ConsolidatedDataset, people: readonly OwnPerson[], projectSecretBase64: string): Promise<ConsolidatedDataset> {
  const secret = fromBase64(projectSecretBase64);
  if (!secret || !people.length) return dataset;
  const hasher = await ProjectHasher.create(secret);
  const keys = new Map(await Promise.all(people.map(async (p) => [p.id, await hasher.pseudoKey(p)] as const)));
  const partners = dataset.personKey;
  return { ...dataset, personKey: (id: string) => keys.get(id) ?? partners(id) };
}
