import { municipalityGrouper } from '../gazetteer';
import { GENDERS, OUTCOME_KINDS, SERVICES, TARGET_GROUPS } from '../model';
import { AGE_BANDS, inPeriod, type Dataset, type IndicatorFilter } from './dataset';
import { datasetIndex, dayNumber, monthOfDay, personKeys, SERVICE_BIT } from './datasetIndex';
import { isPlacement, jobsOpened, supportedSmes } from './employers';
import { heldPeriod, isHeld } from './held';
import { walkLogs } from './mentoringWalk';
import { referralIndicators, type ReferralIndicators } from './referrals';
import { everyMonth, Tally, type Breakdown } from './tally';

export type { Breakdown } from './tally';

export { AGE_BANDS };
export type { ReferralIndicators } from './referrals';

export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(birthYear: number | undefined, atYear: number): AgeBand {
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
    /** Jobs the SMEs supported in the period opened (their recorded numbers, summed). */
    jobsOpened: number;
    /** Unique people with a job outcome in the period that names its employer ("employed at"). */
    placedWithEmployers: number;
  };
  /** Referrals to institutions; absent when the data set carries none (Dataset.referrals). */
  referrals?: ReferralIndicators;
}

/** The people behind each number, for click-through: indicator path → person ids. */
export type Drilldown = Map<string, Set<string>>;

/**
 * Every indicator for one filter, from plain arrays (definitions: docs/indicators.md).
 * `today` (the organisation's local day) decides which sessions have been held (held.ts); the
 * caller passes it so results are reproducible.
 */
export function computeIndicators(
  ds: Dataset,
  filter: IndicatorFilter,
  today: string,
  opts: { drilldown?: boolean | string } = {},
): { indicators: Indicators; drilldown: Drilldown } {
  const keyOf = filter.personKey ?? ((id: string) => id);
  const period = { from: filter.from, to: filter.to };
  const drill: Drilldown = new Map();
  // The people behind each number are only collected when someone asks (a filter change on a
  // large data set should not pay for sets nobody opens).
  // `drilldown: 'reach.byGender.woman'` collects only that number's people (one click).
  const wanted = opts.drilldown ?? true;
  const remember =
    wanted === false
      ? () => undefined
      : (path: string, personId: string) => {
          if (wanted !== true && path !== wanted) return;
          let set = drill.get(path);
          if (!set) drill.set(path, (set = new Set()));
          set.add(personId);
        };
  const index = datasetIndex(ds);
  const { orgCountry, eventProgramme, sessionById, personIndex } = index;

  // Which partners' records count.
  const orgAllowed = (orgId: string) => (!filter.orgId || orgId === filter.orgId) && (!filter.country || orgCountry.get(orgId) === filter.country);

  // Training records, narrowed by programme and partner.
  const programmeOf = (eventId: string) => eventProgramme.get(eventId);
  const inProgramme = (eventId: string) => !filter.programmeId || programmeOf(eventId) === filter.programmeId;
  const sessionsHeld = ds.sessions.filter((s) => orgAllowed(s.orgId) && inProgramme(s.eventId) && isHeld(s, today) && inPeriod(s.date, period));
  const heldIds = new Set(sessionsHeld.map((s) => s.id));
  const marked = ds.attendance.filter((a) => heldIds.has(a.sessionId) && orgAllowed(a.orgId));
  const attended = marked.filter((a) => a.status === 'present' || a.status === 'late');

  // Mentoring records; with a programme filter only that programme's participants' mentoring counts.
  const programmePeople = filter.programmeId
    ? new Set(ds.enrolments.filter((e) => programmeOf(e.eventId) === filter.programmeId).map((e) => e.personId))
    : null;
  const matchAllowed = new Uint8Array(ds.matches.length);
  const matches = ds.matches.filter((m, mi) => orgAllowed(m.orgId) && (!programmePeople || programmePeople.has(m.menteeId)) && (matchAllowed[mi] = 1) === 1);
  // Planned logs are left out of the index; held ones end today at the latest.
  const walk = walkLogs(index.logs, heldPeriod(period, today), matchAllowed);

  // Reach: a person is reached in the period by attending a session or by a mentoring session.
  // People are told apart by their key (a partner's pseudonymous key at the lead); the first
  // person reached stands for the key. Small arrays, not sets: almost everyone has one
  // programme and one partner.
  const { keyOfPerson, count: keyCount } = personKeys(ds, filter.personKey);
  const slot = new Int32Array(keyCount).fill(-1);
  const reached: Array<{ person: Dataset['people'][number]; first: number; programmes: string[]; partners: string[] }> = [];
  const reach = (position: number, orgId: string, day: number, programmeId?: string) => {
    const key = keyOfPerson[position]!;
    let entry = reached[slot[key]!];
    if (!entry) {
      slot[key] = reached.length;
      reached.push((entry = { person: ds.people[position]!, first: day, programmes: [], partners: [] }));
    }
    if (day < entry.first) entry.first = day;
    if (programmeId && !entry.programmes.includes(programmeId)) entry.programmes.push(programmeId);
    if (!entry.partners.includes(orgId)) entry.partners.push(orgId);
  };
  for (const a of attended) {
    const position = personIndex.get(a.personId);
    const session = sessionById.get(a.sessionId)!;
    if (position !== undefined) reach(position, a.orgId, dayNumber(session.date), programmeOf(session.eventId));
  }
  const { firstPos } = walk;
  for (let mi = 0; mi < firstPos.length; mi++) {
    const position = index.matchMentee[mi]!;
    if (firstPos[mi]! >= 0 && position >= 0) reach(position, ds.matches[mi]!.orgId, index.logs.day[firstPos[mi]!]!);
  }

  // Every reach breakdown in one pass over the people reached.
  const atYear = Number((filter.to ?? today).slice(0, 4));
  const by = {
    gender: new Tally(GENDERS),
    ageBand: new Tally(AGE_BANDS),
    targetGroup: new Tally(TARGET_GROUPS),
    municipality: new Tally(),
    country: new Tally(),
    programme: new Tally(),
    partner: new Tally(),
  };
  const months = new Map<number, number>();
  // One row per place however it was typed ("Младеновац" and "Mladenovac"): the canonical name.
  const placeOf = municipalityGrouper();
  let beneficiaries = 0;
  let professionals = 0;
  for (const r of reached) {
    const { person } = r;
    // A partner's pseudonymised rows carry the band of their export day instead of the birth year.
    const band = person.birthYear === undefined && person.ageBand ? person.ageBand : ageBand(person.birthYear, atYear);
    const town = placeOf(person.municipality, person.country) ?? 'unknown';
    if (person.kind === 'beneficiary') beneficiaries++;
    else if (person.kind === 'professional') professionals++;
    by.gender.add(person.gender);
    by.ageBand.add(band);
    for (const g of person.targetGroups ?? []) by.targetGroup.add(g);
    by.municipality.add(town);
    by.country.add(person.country ?? 'unknown');
    for (const p of r.programmes) by.programme.add(p);
    for (const o of r.partners) by.partner.add(o);
    const month = Math.floor(r.first / 100);
    months.set(month, (months.get(month) ?? 0) + 1);
    if (wanted === false) continue;
    remember('reach.total', person.id);
    remember(`reach.${person.kind === 'beneficiary' ? 'beneficiaries' : 'professionals'}`, person.id);
    remember(`reach.byGender.${person.gender}`, person.id);
    remember(`reach.byAgeBand.${band}`, person.id);
    for (const g of person.targetGroups ?? []) remember(`reach.byTargetGroup.${g}`, person.id);
    remember(`reach.byMunicipality.${town}`, person.id);
    remember(`reach.byCountry.${person.country ?? 'unknown'}`, person.id);
    for (const p of r.programmes) remember(`reach.byProgramme.${p}`, person.id);
    for (const o of r.partners) remember(`reach.byPartner.${o}`, person.id);
  }
  const women = by.gender.get('woman');

  // Outcomes: unique people per kind, among the people in scope.
  const outcomes = ds.outcomes.filter((o) => orgAllowed(o.orgId) && inPeriod(o.date, period) && (!programmePeople || programmePeople.has(o.personId)));
  const outcomePeople = new Map<string, Set<string>>(OUTCOME_KINDS.map((k) => [k, new Set()]));
  const placed = new Set<string>();
  for (const o of outcomes) {
    if (!outcomePeople.get(o.kind)!.has(keyOf(o.personId))) remember(`outcomes.byKind.${o.kind}`, o.personId);
    outcomePeople.get(o.kind)!.add(keyOf(o.personId));
    if (isPlacement(o)) {
      if (!placed.has(keyOf(o.personId))) remember('outcomes.placedWithEmployers', o.personId);
      placed.add(keyOf(o.personId));
    }
  }

  // Services: unique mentees per service (mentees without a record count by their id).
  const keyServices = new Uint8Array(keyCount);
  const strayServices = new Map<string, number>();
  for (let mi = 0; mi < firstPos.length; mi++) {
    const mask = walk.matchServices[mi]!;
    if (firstPos[mi]! < 0 || !mask) continue;
    const position = index.matchMentee[mi]!;
    const menteeId = ds.matches[mi]!.menteeId;
    if (position >= 0) keyServices[keyOfPerson[position]!]! |= mask;
    else strayServices.set(keyOf(menteeId), (strayServices.get(keyOf(menteeId)) ?? 0) | mask);
    if (wanted !== false) for (const service of SERVICES) if (mask & SERVICE_BIT.get(service)!) remember(`mentoring.servicesByPeople.${service}`, menteeId);
  }
  const servicePeople = SERVICES.map(() => 0);
  const countBits = (mask: number) => {
    for (let b = 0; b < servicePeople.length; b++) servicePeople[b]! += (mask >> b) & 1;
  };
  for (const mask of keyServices) if (mask) countBits(mask);
  strayServices.forEach(countBits);

  const participants = new Set(attended.map((a) => keyOf(a.personId)));
  const smes = supportedSmes(ds, filter);
  const heldEvents = new Set(sessionsHeld.map((s) => s.eventId));
  const indicators: Indicators = {
    reach: {
      total: reached.length,
      beneficiaries,
      professionals,
      women,
      womenShare: reached.length ? women / reached.length : null,
      byGender: by.gender.result(),
      byAgeBand: by.ageBand.result(),
      byTargetGroup: by.targetGroup.result(),
      byMunicipality: by.municipality.result(),
      byCountry: by.country.result(),
      byProgramme: by.programme.result(),
      byPartner: by.partner.result(),
      byMonth: everyMonth([...months].map(([month, count]) => ({ key: monthOfDay(month * 100 + 1), count }))),
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
      sessions: walk.sessions,
      hours: Math.round((walk.minutes / 60) * 10) / 10,
      servicesBySessions: SERVICES.map((key, b) => ({ key, count: walk.serviceSessions[b]! })),
      servicesByPeople: SERVICES.map((key, b) => ({ key, count: servicePeople[b]! })),
    },
    outcomes: {
      byKind: OUTCOME_KINDS.map((key) => ({ key, count: outcomePeople.get(key)!.size })),
      smesSupported: smes.length,
      jobsOpened: jobsOpened(smes),
      placedWithEmployers: placed.size,
    },
  };
  if (ds.referrals)
    indicators.referrals = referralIndicators(
      ds.referrals,
      period,
      (r) => orgAllowed(r.orgId) && (!programmePeople || programmePeople.has(r.personId)),
      wanted === false ? undefined : remember,
    );
  return { indicators, drilldown: drill };
}
