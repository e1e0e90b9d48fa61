import { GENDERS, OUTCOME_KINDS, SERVICES, TARGET_GROUPS } from '../model';
import { inPeriod, type Dataset, type IndicatorFilter } from './dataset';

/** A count per category, in a fixed category order (so reports line up across partners). */
export type Breakdown = Array<{ key: string; count: number }>;

export const AGE_BANDS = ['under15', '15-24', '25-34', '35-44', '45-54', '55-64', '65plus', 'unknown'] as const;

export function ageBand(birthYear: number | undefined, atYear: number): (typeof AGE_BANDS)[number] {
  if (!birthYear) return 'unknown';
  const age = atYear - birthYear;
  if (age < 15) return 'under15';
  if (age >= 65) return '65plus';
  const lower = Math.floor((age - 5) / 10) * 10 + 5;
  return `${lower}-${lower + 9}` as (typeof AGE_BANDS)[number];
}

export interface Indicators {
  reach: {
    total: number;
    beneficiaries: number;
    professionals: number;
    women: number;
    /** Women among everyone reached (0..1), null when nobody was reached. */
    womenShare: number | null;
    byGender: Breakdown;
    byAgeBand: Breakdown;
    byTargetGroup: Breakdown;
    byMunicipality: Breakdown;
    byCountry: Breakdown;
    byProgramme: Breakdown;
    byPartner: Breakdown;
    /** People reached for the first time in each month of the period (yyyy-MM), oldest first. */
    byMonth: Breakdown;
  };
  training: {
    programmes: number;
    events: number;
    sessions: number;
    participants: number;
    /** Present or late among all attendance marked for the sessions held (0..1), null with none marked. */
    attendanceRate: number | null;
    completions: number;
    certificates: number;
  };
  mentoring: {
    activeMatches: number;
    closedMatches: number;
    sessions: number;
    hours: number;
    /** Sessions in which each service was given. */
    servicesBySessions: Breakdown;
    /** Unique people who received each service. */
    servicesByPeople: Breakdown;
  };
  outcomes: {
    /** Unique people with at least one outcome of each kind in the period. */
    byKind: Breakdown;
    smesSupported: number;
  };
}

/** Month counts oldest first, with the months in between that reached nobody shown as 0. */
function everyMonth(months: Breakdown): Breakdown {
  const sorted = [...months].sort((a, b) => a.key.localeCompare(b.key));
  if (sorted.length < 2) return sorted;
  const byKey = new Map(sorted.map((m) => [m.key, m.count]));
  const out: Breakdown = [];
  let [y, m] = sorted[0]!.key.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!.key;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, count: byKey.get(key) ?? 0 });
    if (key >= last) return out;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

interface Lookups {
  orgCountry: Map<string, string>;
  eventProgramme: Map<string, string>;
  sessionById: Map<string, Dataset['sessions'][number]>;
  matchById: Map<string, Dataset['matches'][number]>;
  personById: Map<string, Dataset['people'][number]>;
}
const lookupCache = new WeakMap<Dataset, Lookups>();

/** Maps that do not depend on the filter, built once per data set (filters change far more often). */
function lookups(ds: Dataset): Lookups {
  let found = lookupCache.get(ds);
  if (!found) {
    found = {
      orgCountry: new Map(ds.organisations.map((o) => [o.id, o.country])),
      eventProgramme: new Map(ds.events.map((e) => [e.id, e.programmeId])),
      sessionById: new Map(ds.sessions.map((s) => [s.id, s])),
      matchById: new Map(ds.matches.map((m) => [m.id, m])),
      personById: new Map(ds.people.map((p) => [p.id, p])),
    };
    lookupCache.set(ds, found);
  }
  return found;
}

/** The people behind each number, for click-through: indicator path → person ids. */
export type Drilldown = Map<string, Set<string>>;

const count = <T>(items: Iterable<T>, keyOf: (item: T) => string | string[], order: readonly string[] = []): Breakdown => {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const keys = keyOf(item);
    for (const k of Array.isArray(keys) ? keys : [keys]) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const fixed = order.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  const rest = [...counts].filter(([k]) => !order.includes(k)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [...fixed, ...rest.map(([key, c]) => ({ key, count: c }))];
};

/**
 * Every indicator for one filter, from plain arrays (definitions: docs/indicators.md).
 * `today` decides which sessions have been held; pass it so results are reproducible.
 */
export function computeIndicators(ds: Dataset, filter: IndicatorFilter, today: string, opts: { drilldown?: boolean } = {}): { indicators: Indicators; drilldown: Drilldown } {
  const keyOf = filter.personKey ?? ((id: string) => id);
  const period = { from: filter.from, to: filter.to };
  const drill: Drilldown = new Map();
  // The people behind each number are only collected when someone asks (a filter change on a
  // large data set should not pay for sets nobody opens).
  const remember =
    opts.drilldown === false
      ? () => undefined
      : (path: string, personId: string) => {
          let set = drill.get(path);
          if (!set) drill.set(path, (set = new Set()));
          set.add(personId);
        };
  const { orgCountry, eventProgramme, sessionById, matchById, personById } = lookups(ds);

  // Which partners' records count.
  const orgAllowed = (orgId: string) => (!filter.orgId || orgId === filter.orgId) && (!filter.country || orgCountry.get(orgId) === filter.country);

  // Training records, narrowed by programme and partner.
  const programmeOf = (eventId: string) => eventProgramme.get(eventId);
  const inProgramme = (eventId: string) => !filter.programmeId || programmeOf(eventId) === filter.programmeId;
  const sessionsHeld = ds.sessions.filter((s) => orgAllowed(s.orgId) && inProgramme(s.eventId) && s.date <= today && inPeriod(s.date, period));
  const heldIds = new Set(sessionsHeld.map((s) => s.id));
  const marked = ds.attendance.filter((a) => heldIds.has(a.sessionId) && orgAllowed(a.orgId));
  const attended = marked.filter((a) => a.status === 'present' || a.status === 'late');

  // Mentoring records; with a programme filter only that programme's participants' mentoring counts.
  const programmePeople = filter.programmeId
    ? new Set(ds.enrolments.filter((e) => programmeOf(e.eventId) === filter.programmeId).map((e) => e.personId))
    : null;
  const matches = ds.matches.filter((m) => orgAllowed(m.orgId) && (!programmePeople || programmePeople.has(m.menteeId)));
  const matchIds = new Set(matches.map((m) => m.id));
  // One pass over the session logs (the largest table): per match, the first session in the
  // period and the services given; per service, the sessions. Everything else works per match.
  let mentoringSessionCount = 0;
  let mentoringMinutes = 0;
  const sessionsByService = new Map<string, number>(SERVICES.map((k) => [k, 0]));
  const perMatch = new Map<string, { first: string; services: Set<string> }>();
  for (const s of ds.mentoringSessions) {
    if (!matchIds.has(s.matchId) || !inPeriod(s.date, period)) continue;
    mentoringSessionCount++;
    mentoringMinutes += s.minutes;
    let entry = perMatch.get(s.matchId);
    if (!entry) perMatch.set(s.matchId, (entry = { first: s.date, services: new Set() }));
    else if (s.date < entry.first) entry.first = s.date;
    for (const service of s.services) {
      sessionsByService.set(service, (sessionsByService.get(service) ?? 0) + 1);
      entry.services.add(service);
    }
  }

  // Reach: a person is reached in the period by attending a session or by a mentoring session.
  const reachedBy = new Map<string, { personId: string; first: string; programmes: Set<string>; partners: Set<string> }>();
  const reach = (personId: string, orgId: string, date: string, programmeId?: string) => {
    if (!personById.has(personId)) return;
    const key = keyOf(personId);
    let entry = reachedBy.get(key);
    if (!entry) reachedBy.set(key, (entry = { personId, first: date, programmes: new Set(), partners: new Set() }));
    if (date < entry.first) entry.first = date;
    if (programmeId) entry.programmes.add(programmeId);
    entry.partners.add(orgId);
  };
  for (const a of attended) {
    const session = sessionById.get(a.sessionId)!;
    reach(a.personId, a.orgId, session.date, programmeOf(session.eventId));
  }
  for (const [matchId, { first }] of perMatch) {
    const m = matchById.get(matchId);
    if (m) reach(m.menteeId, m.orgId, first);
  }

  const atYear = Number((filter.to ?? today).slice(0, 4));
  const reached = [...reachedBy.values()].map((r) => ({ ...r, person: personById.get(r.personId)! }));
  if (opts.drilldown !== false) for (const r of reached) {
    remember('reach.total', r.personId);
    remember(`reach.${r.person.kind === 'beneficiary' ? 'beneficiaries' : 'professionals'}`, r.personId);
    remember(`reach.byGender.${r.person.gender}`, r.personId);
    remember(`reach.byAgeBand.${ageBand(r.person.birthYear, atYear)}`, r.personId);
    for (const g of r.person.targetGroups ?? []) remember(`reach.byTargetGroup.${g}`, r.personId);
    remember(`reach.byMunicipality.${r.person.municipality || 'unknown'}`, r.personId);
    remember(`reach.byCountry.${r.person.country ?? 'unknown'}`, r.personId);
    for (const p of r.programmes) remember(`reach.byProgramme.${p}`, r.personId);
    for (const o of r.partners) remember(`reach.byPartner.${o}`, r.personId);
  }
  const women = reached.filter((r) => r.person.gender === 'woman').length;

  // Outcomes: unique people per kind, among the people in scope.
  const outcomes = ds.outcomes.filter((o) => orgAllowed(o.orgId) && inPeriod(o.date, period) && (!programmePeople || programmePeople.has(o.personId)));
  const outcomePeople = new Map<string, Set<string>>(OUTCOME_KINDS.map((k) => [k, new Set()]));
  for (const o of outcomes) {
    if (!outcomePeople.get(o.kind)!.has(keyOf(o.personId))) remember(`outcomes.byKind.${o.kind}`, o.personId);
    outcomePeople.get(o.kind)!.add(keyOf(o.personId));
  }

  // Services: sessions per service, and unique mentees per service.
  const servicePeople = new Map<string, Set<string>>(SERVICES.map((k) => [k, new Set()]));
  for (const [matchId, { services }] of perMatch) {
    const m = matchById.get(matchId)!;
    for (const service of services) {
      servicePeople.get(service)?.add(keyOf(m.menteeId));
      remember(`mentoring.servicesByPeople.${service}`, m.menteeId);
    }
  }

  const participants = new Set(attended.map((a) => keyOf(a.personId)));
  const heldEvents = new Set(sessionsHeld.map((s) => s.eventId));
  const indicators: Indicators = {
    reach: {
      total: reached.length,
      beneficiaries: reached.filter((r) => r.person.kind === 'beneficiary').length,
      professionals: reached.filter((r) => r.person.kind === 'professional').length,
      women,
      womenShare: reached.length ? women / reached.length : null,
      byGender: count(reached, (r) => r.person.gender, GENDERS),
      byAgeBand: count(reached, (r) => ageBand(r.person.birthYear, atYear), AGE_BANDS),
      byTargetGroup: count(reached, (r) => [...(r.person.targetGroups ?? [])], TARGET_GROUPS),
      byMunicipality: count(reached, (r) => r.person.municipality || 'unknown'),
      byCountry: count(reached, (r) => r.person.country ?? 'unknown'),
      byProgramme: count(reached, (r) => [...r.programmes]),
      byPartner: count(reached, (r) => [...r.partners]),
      byMonth: everyMonth(count(reached, (r) => r.first.slice(0, 7))),
    },
    training: {
      programmes: new Set([...heldEvents].map((e) => programmeOf(e))).size,
      events: heldEvents.size,
      sessions: sessionsHeld.length,
      participants: participants.size,
      attendanceRate: marked.length ? attended.length / marked.length : null,
      completions: ds.enrolments.filter((e) => e.status === 'completed' && orgAllowed(e.orgId) && inProgramme(e.eventId) && heldEvents.has(e.eventId)).length,
      certificates: ds.certificates.filter((c) => orgAllowed(c.orgId) && inProgramme(c.eventId) && inPeriod(c.issuedOn, period)).length,
    },
    mentoring: {
      activeMatches: matches.filter((m) => m.status === 'active' && (!filter.to || (m.startedOn ?? '') <= filter.to)).length,
      closedMatches: matches.filter((m) => m.status === 'closed' && inPeriod(m.closedOn, period)).length,
      sessions: mentoringSessionCount,
      hours: Math.round((mentoringMinutes / 60) * 10) / 10,
      servicesBySessions: [...sessionsByService].map(([key, c]) => ({ key, count: c })),
      servicesByPeople: SERVICES.map((key) => ({ key, count: servicePeople.get(key)!.size })),
    },
    outcomes: {
      byKind: OUTCOME_KINDS.map((key) => ({ key, count: outcomePeople.get(key)!.size })),
      smesSupported: ds.organisations.filter((o) => o.kind === 'sme' && !o.isSelf && orgAllowed(o.orgId) && (!filter.from && !filter.to ? true : inPeriod(o.supportedOn, period))).length,
    },
  };
  return { indicators, drilldown: drill };
}
