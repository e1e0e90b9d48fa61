import type { ConsolidatedState } from './consolidate';

/**
 * Programme titles for the lead's reports, by programme id. Partners often run a programme of the
 * same name ("BADGE"): a title more than one partner uses gets the partner's name after it, so
 * the report's rows can be told apart.
 */
export function programmeTitles(state: ConsolidatedState): Map<string, string> {
  const rows: Array<{ id: string; title: string; partner: string }> = [];
  for (const slice of Object.values(state.partners)) {
    for (const row of slice.tables.programmes ?? []) if (typeof row.title === 'string') rows.push({ id: String(row.id), title: row.title, partner: slice.name });
  }
  const partnersOf = new Map<string, Set<string>>();
  for (const r of rows) partnersOf.set(r.title, (partnersOf.get(r.title) ?? new Set()).add(r.partner));
  return new Map(rows.map((r) => [r.id, partnersOf.get(r.title)!.size > 1 ? `${r.title} (${r.partner})` : r.title]));
}
