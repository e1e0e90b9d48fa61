import { describe, expect, it } from 'vitest';
import { buildDemoData, type DemoData } from '@shared/demo/demoData';
import { TABLE_SCHEMAS } from '@shared/model';
import { personNameKey } from '@shared/people/nameKey';

const SELF = '00000000-0000-4000-8000-000000000000';
const NOW = new Date('2026-12-01T10:00:00Z');

/** Ids from a generator that remembers the order it handed them out in. */
function recordingIds(make: () => string) {
  const ids: string[] = [];
  return {
    ids,
    newId: () => {
      const id = make();
      ids.push(id);
      return id;
    },
  };
}

function build(seed?: number, now = NOW) {
  const gen = recordingIds(() => crypto.randomUUID());
  return { data: buildDemoData(SELF, now, gen.newId, seed), ids: gen.ids };
}

const TABLES = Object.keys(build().data) as Array<keyof DemoData>;

describe('buildDemoData', () => {
  const { data } = build();
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const people = byId(data.people);
  const events = byId(data.events);
  const sessions = byId(data.sessions);

  it('fills every table it covers, and every row satisfies its schema as is', () => {
    for (const t of TABLES) {
      expect(data[t].length, t).toBeGreaterThan(0);
      for (const row of data[t]) {
        const parsed = TABLE_SCHEMAS[t].safeParse(row);
        expect(parsed.success, `${t}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
        // Nothing is left for defaults to fill in: what is stored is what the schema would produce.
        expect(parsed.data, t).toEqual(row);
      }
    }
  });

  it('every record belongs to this installation and has a unique id', () => {
    const all = TABLES.flatMap((t) => data[t] as Array<{ id: string; orgId: string }>);
    expect(all.every((r) => r.orgId === SELF)).toBe(true);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('has both partner towns, and SMEs the project supported', () => {
    expect(data.organisations.filter((o) => o.role === 'partner')).toEqual([
      expect.objectContaining({ town: 'Čakovec', country: 'HR', role: 'partner', isSelf: false }),
      expect.objectContaining({ town: 'Celje', country: 'SI', role: 'partner', isSelf: false }),
    ]);
    const smes = data.organisations.filter((o) => o.kind === 'sme');
    expect(smes.length).toBeGreaterThan(0);
    expect(smes.every((o) => o.role === 'other' && o.supportedOn)).toBe(true);
    // The register has other employers and institutions too, and job outcomes name their employer.
    expect(new Set(data.organisations.filter((o) => o.role === 'other').map((o) => o.kind))).toEqual(new Set(['sme', 'employer', 'public', 'ngo']));
    const employed = data.outcomes.filter((o) => o.kind === 'employed');
    expect(employed.length).toBeGreaterThan(0);
    expect(employed.every((o) => data.organisations.some((x) => x.id === o.employerId && x.role === 'other'))).toBe(true);
    const towns = new Set(data.people.map((p) => p.country));
    expect(towns).toEqual(new Set(['HR', 'SI']));
  });

  it('has a BADGE programme and a cross-border programme with modules in HR and SI', () => {
    const badge = data.programmes.filter((p) => p.kind === 'badge');
    const cross = data.programmes.filter((p) => p.kind === 'crossBorder');
    expect(badge).toHaveLength(1);
    expect(cross).toHaveLength(1);
    const modules = data.events.filter((e) => e.programmeId === cross[0]!.id);
    expect(modules.length).toBeGreaterThanOrEqual(2);
    expect(modules.every((m) => m.kind === 'module')).toBe(true);
    const countries = new Set(data.sessions.filter((s) => modules.some((m) => m.id === s.eventId)).map((s) => s.country));
    expect(countries).toEqual(new Set(['HR', 'SI']));
    expect(cross[0]!.partnerOrgIds).toEqual(data.organisations.filter((o) => o.role === 'partner').map((o) => o.id));
    expect(data.events.filter((e) => e.programmeId === badge[0]!.id).length).toBeGreaterThan(0);
  });

  it('has mentors, matches, mentoring sessions and outcomes', () => {
    expect(data.mentors.length).toBeGreaterThanOrEqual(3);
    expect(data.matches.some((m) => m.status === 'active')).toBe(true);
    expect(data.matches.some((m) => m.status === 'closed')).toBe(true);
    expect(data.mentoringSessions.length).toBeGreaterThan(data.matches.length);
    expect(data.outcomes.length).toBeGreaterThan(0);
    expect(data.certificates.length).toBeGreaterThan(0);
    expect(data.enrolments.some((e) => e.status === 'waiting')).toBe(true);
  });

  it('every reference points to an existing record of the right kind', () => {
    const orgIds = new Set(data.organisations.map((o) => o.id));
    const programmeIds = new Set(data.programmes.map((p) => p.id));
    const mentorIds = byId(data.mentors);
    const matchIds = byId(data.matches);
    for (const p of data.programmes) for (const o of p.partnerOrgIds) expect(orgIds.has(o)).toBe(true);
    for (const e of data.events) expect(programmeIds.has(e.programmeId)).toBe(true);
    for (const s of data.sessions) expect(events.has(s.eventId)).toBe(true);
    for (const e of data.enrolments) expect(events.has(e.eventId) && people.has(e.personId)).toBe(true);
    for (const a of data.attendance) expect(sessions.has(a.sessionId) && people.has(a.personId)).toBe(true);
    for (const c of data.certificates) expect(events.has(c.eventId) && people.has(c.personId)).toBe(true);
    for (const c of data.consents) expect(people.get(c.personId)?.kind).toBe('beneficiary');
    for (const o of data.outcomes) expect(people.has(o.personId)).toBe(true);
    for (const m of data.mentors) expect(people.get(m.personId)?.kind).toBe('professional');
    for (const m of data.matches) {
      expect(mentorIds.has(m.mentorId)).toBe(true);
      expect(people.get(m.menteeId)?.kind).toBe('beneficiary');
    }
    for (const s of data.mentoringSessions) expect(matchIds.has(s.matchId)).toBe(true);
    // Attendance is only recorded for people enrolled in the session's event.
    for (const a of data.attendance) {
      const eventId = sessions.get(a.sessionId)!.eventId;
      expect(data.enrolments.some((e) => e.eventId === eventId && e.personId === a.personId && e.status !== 'waiting')).toBe(true);
    }
  });

  it('is internally consistent: keys, certificates, waiting list, dates', () => {
    for (const p of data.people) expect(p.nameKey).toBe(personNameKey(p));
    // A completion certificate needs at least 80 % of the sessions attended.
    for (const c of data.certificates) {
      const eventSessions = data.sessions.filter((s) => s.eventId === c.eventId).map((s) => s.id);
      const attended = data.attendance.filter(
        (a) => a.personId === c.personId && eventSessions.includes(a.sessionId) && (a.status === 'present' || a.status === 'late'),
      );
      expect(attended.length / eventSessions.length).toBeGreaterThanOrEqual(0.8);
    }
    expect(data.enrolments.filter((e) => e.status === 'waiting').map((e) => e.waitPosition)).toEqual([0, 1]);
    // No attendance for sessions that have not happened yet.
    const today = NOW.toISOString().slice(0, 10);
    for (const a of data.attendance) expect(sessions.get(a.sessionId)!.date <= today).toBe(true);
    for (const m of data.matches) {
      if (m.status === 'closed') expect(m.closedOn! > m.startedOn!).toBe(true);
      if (m.status === 'proposed') expect(data.mentoringSessions.some((s) => s.matchId === m.id)).toBe(false);
    }
  });

  it('is the same for the same seed and day, apart from the ids', () => {
    const a = build(7);
    const b = build(7);
    expect(a.ids).toHaveLength(b.ids.length);
    let json = JSON.stringify(b.data);
    b.ids.forEach((id, i) => (json = json.replaceAll(id, a.ids[i]!)));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(a.data)));
    expect(a.data.people[0]!.id).not.toBe(b.data.people[0]!.id);
  });

  it('a different seed gives different people', () => {
    const names = (d: DemoData) => d.people.map((p) => p.nameKey).join('|');
    expect(names(build(1).data)).not.toBe(names(build(2).data));
    expect(names(build().data)).toBe(names(build(2026).data));
  });
});
