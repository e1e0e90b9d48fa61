import type { TFunction } from 'i18next';
import type { ConsolidatedState } from './consolidate';

/** A partner's programme as the lead's reports name it. */
export interface PartnerProgramme {
  id: string;
  partner: string;
  kind: string;
  /** 1, 2, 3… within the partner, in the order the partner created them (stable between exports). */
  number: number;
  /** Only in full-level exports: pseudonymised ones carry no titles (a title can say what consent withheld). */
  title?: string;
}

/** Every partner's programmes, numbered within each partner. */
export function partnerProgrammes(state: ConsolidatedState): PartnerProgramme[] {
  const out: PartnerProgramme[] = [];
  for (const slice of Object.values(state.partners)) {
    const rows = [...(slice.tables.programmes ?? [])].sort(
      (a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || String(a.id).localeCompare(String(b.id)),
    );
    rows.forEach((row, i) => {
      out.push({
        id: String(row.id),
        partner: slice.name,
        kind: String(row.kind),
        number: i + 1,
        ...(typeof row.title === 'string' ? { title: row.title } : {}),
      });
    });
  }
  return out;
}

/**
 * Programme names for the lead's reports, by programme id: the title where the partner sent one,
 * otherwise a neutral label from the programme's kind and number ("Programme 2 (BADGE cycle)").
 * Partners often run a programme of the same name: a name more than one partner uses gets the
 * partner's name after it, so the report's rows can be told apart.
 */
export function programmeTitles(programmes: readonly PartnerProgramme[], t: TFunction): Map<string, string> {
  const named = programmes.map((p) => ({
    ...p,
    name: p.title ?? t('reports:partnerProgramme', { number: p.number, kind: t(`programmes:kinds.${p.kind}`, { defaultValue: p.kind }) }),
  }));
  const partnersOf = new Map<string, Set<string>>();
  for (const r of named) partnersOf.set(r.name, (partnersOf.get(r.name) ?? new Set()).add(r.partner));
  return new Map(named.map((r) => [r.id, partnersOf.get(r.name)!.size > 1 ? `${r.name} (${r.partner})` : r.name]));
}
