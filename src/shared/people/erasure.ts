import type { TableName, Tombstone } from '../model';

/** What the erasure ledger keeps of one erased person: her id, her organisation, when; nothing that identifies her. */
export interface ErasedPerson {
  personId: string;
  orgId: string;
  at: string;
}

type Row = Record<string, unknown>;

/**
 * The tables a bundle is written from, without erased people and what hangs off them (rows with
 * their personId or menteeId, their mentor records, those mentors' matches and the matches' rows),
 * and with a tombstone for every one of them, so the lead erases her too however old the data a
 * restore brought back. Pure, so the rule is the same wherever a bundle is made.
 */
export function withoutErased(tables: Partial<Record<TableName, unknown[]>>, erased: readonly ErasedPerson[]): Partial<Record<TableName, unknown[]>> {
  if (!erased.length) return tables;
  const people = new Set(erased.map((r) => r.personId));
  const mentors = new Set(((tables.mentors ?? []) as Row[]).filter((m) => people.has(String(m.personId))).map((m) => String(m.id)));
  const matches = new Set(
    ((tables.matches ?? []) as Row[]).filter((m) => people.has(String(m.menteeId)) || mentors.has(String(m.mentorId))).map((m) => String(m.id)),
  );
  const gone = (name: string, r: Row) =>
    (name === 'people' && people.has(String(r.id))) ||
    (name === 'mentors' && mentors.has(String(r.id))) ||
    (name === 'matches' && matches.has(String(r.id))) ||
    people.has(String(r.personId)) ||
    matches.has(String(r.matchId));
  const out: Partial<Record<TableName, unknown[]>> = {};
  for (const [name, rows] of Object.entries(tables) as Array<[TableName, Row[]]>) out[name] = name === 'tombstones' ? rows : rows.filter((r) => !gone(name, r));
  const stoned = new Set(((tables.tombstones ?? []) as Row[]).map((t) => String(t.recordId)));
  const stones: Tombstone[] = erased
    .filter((r) => !stoned.has(r.personId))
    .map((r) => ({ id: crypto.randomUUID(), orgId: r.orgId, table: 'people', recordId: r.personId, erasedAt: r.at, createdAt: r.at, updatedAt: r.at }));
  out.tombstones = [...(tables.tombstones ?? []), ...stones];
  return out;
}
