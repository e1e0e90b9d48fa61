/**
 * Issue 13, item 5: "today" is the organisation's calendar day in its time zone, never the UTC
 * date. Between local midnight and 01:00 (02:00 in summer) the UTC date is still yesterday.
 * The clock is faked at 00:10 in Zagreb: 23:10 UTC in winter, 22:10 UTC in summer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectBundle } from '../../src/shared/bundle';
import { consentScope, tablesInScope } from '../../src/shared/bundle/consentScope';
import { COUNTRY_TIME_ZONES, dayStart, isTimeZone, localDay, orgTimeZone, systemTimeZone } from '../../src/shared/calendar/localDay';
import { buildDemoData } from '../../src/shared/demo/demoData';
import { presetPeriod } from '../../src/shared/indicators/periods';
import { generateOrgKeys, MIN_ITERATIONS } from '../../src/shared/crypto';
import { writeMentorLogs, writeMentorPack } from '../../src/shared/mentorPack';
import { organisationSchema } from '../../src/shared/model';
import { exportBundle, makeWorld } from '../fixtures/bundles/world';

const WINTER = '2026-01-14T23:10:00Z'; // 00:10 on 15 January in Zagreb (UTC+1)
const SUMMER = '2026-07-14T22:10:00Z'; // 00:10 on 15 July in Zagreb (UTC+2)

describe('localDay at 00:10 in Zagreb', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('is the new day in winter (23:10 UTC the day before)', () => {
    vi.setSystemTime(new Date(WINTER));
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-01-14'); // what the app used to take
    expect(localDay('Europe/Zagreb')).toBe('2026-01-15');
  });

  it('is the new day in summer (22:10 UTC the day before)', () => {
    vi.setSystemTime(new Date(SUMMER));
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-07-14');
    expect(localDay('Europe/Zagreb')).toBe('2026-07-15');
  });

  it('is the same in Belgrade, Sarajevo and Ljubljana, and still the old day at 23:59', () => {
    for (const zone of Object.values(COUNTRY_TIME_ZONES)) {
      expect(localDay(zone!, new Date(WINTER))).toBe('2026-01-15');
      expect(localDay(zone!, new Date(SUMMER))).toBe('2026-07-15');
      expect(localDay(zone!, new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
      expect(localDay(zone!, new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    }
    // Around the change to summer time (29 March 2026, 02:00 → 03:00).
    expect(localDay('Europe/Zagreb', new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(localDay('Europe/Zagreb', new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(localDay('Europe/Zagreb', new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('knows where a local day starts, in winter and in summer', () => {
    expect(dayStart('2026-01-15', 'Europe/Zagreb')).toBe('2026-01-14T23:00:00.000Z');
    expect(dayStart('2026-07-15', 'Europe/Zagreb')).toBe('2026-07-14T22:00:00.000Z');
    expect(dayStart('2026-03-30', 'Europe/Zagreb')).toBe('2026-03-29T22:00:00.000Z');
    expect(dayStart('2026-10-26', 'Europe/Belgrade')).toBe('2026-10-25T23:00:00.000Z');
    expect(dayStart('2026-01-15', 'UTC')).toBe('2026-01-15T00:00:00.000Z');
  });
});

describe('the organisation\u2019s time zone', () => {
  it('comes from the country unless one was chosen', () => {
    expect(orgTimeZone({ country: 'HR' })).toBe('Europe/Zagreb');
    expect(orgTimeZone({ country: 'RS' })).toBe('Europe/Belgrade');
    expect(orgTimeZone({ country: 'BA' })).toBe('Europe/Sarajevo');
    expect(orgTimeZone({ country: 'SI' })).toBe('Europe/Ljubljana');
    expect(orgTimeZone({ country: 'other' })).toBe(systemTimeZone());
    expect(orgTimeZone({ country: 'HR', timeZone: 'Europe/Podgorica' })).toBe('Europe/Podgorica');
    expect(orgTimeZone({ country: 'SI', timeZone: 'Mars/Olympus' })).toBe('Europe/Ljubljana');
  });

  it('is an optional field of the organisation: older records stay valid, a zone that does not exist is refused', () => {
    const org = {
      id: crypto.randomUUID(),
      orgId: crypto.randomUUID(),
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      name: 'Udruga',
      country: 'RS',
      town: 'Niš',
      role: 'partner',
      isSelf: true,
      kind: 'ngo',
    };
    expect(organisationSchema.safeParse(org).success).toBe(true);
    expect(organisationSchema.safeParse({ ...org, timeZone: 'Europe/Belgrade' }).success).toBe(true);
    expect(organisationSchema.safeParse({ ...org, timeZone: 'Europe/Nowhere' }).success).toBe(false);
    expect(isTimeZone('Europe/Sarajevo')).toBe(true);
  });
});

describe('call sites at 00:10 in Zagreb (these were dated yesterday)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('a partner\u2019s bundle is named for, and counts its sessions up to, the local day', async () => {
    const world = await makeWorld();
    // A mentoring session logged for 15 January (the new local day).
    const tables = structuredClone(world.a.tables);
    // A match whose mentee shares with the lead: the bundle's figures count only what may leave.
    const scope = consentScope(tables as never);
    const match = tables.matches.find((m) => m.status === 'active' && !scope.dropped.get('matches')!.has(m.id))!;
    tables.mentoringSessions.push({ ...tables.mentoringSessions[0]!, id: crypto.randomUUID(), matchId: match.id, date: '2026-01-15' });
    for (const at of [WINTER, SUMMER]) {
      vi.setSystemTime(new Date(at));
      const day = at === WINTER ? '2026-01-15' : '2026-07-15';
      // Threshold 1: no small cell hidden, so the count itself can be read.
      const written = await exportBundle(world, { ...world.a, tables }, { now: undefined, today: undefined, threshold: 1 });
      expect(written.fileName).toBe(`mreza-udruga-korak-cakovec-${day}.mreza`);
      expect(written.manifest.indicatorsAsOf).toBe(day);
      if (at === WINTER) {
        const opened = await inspectBundle(written.bytes, world.leadKeys, { projectId: world.invitation.projectId });
        const inScope = tablesInScope(tables as never, scope) as typeof tables;
        const heldOnThe15th = inScope.mentoringSessions.filter((s) => s.status !== 'planned' && s.date <= '2026-01-15').length;
        expect(heldOnThe15th).toBeGreaterThan(0);
        expect(opened.indicators.indicators.mentoring.sessions).toBe(heldOnThe15th);
      }
    }
  }, 60_000);

  it('mentor packs and session-log files carry the local day', async () => {
    vi.setSystemTime(new Date(WINTER));
    const org = { id: crypto.randomUUID(), name: 'Udruga Korak', country: 'HR' as const, town: 'Čakovec' };
    const d = buildDemoData(org.id, new Date(), () => crypto.randomUUID());
    const mentorId = d.mentors[0]!.id;
    const keys = await generateOrgKeys();
    const pack = await writeMentorPack({
      source: { ...d, menteeProfiles: [] },
      mentorId,
      organisation: org,
      keys,
      passphrase: 'duga-lozinka-za-paket',
      iterations: MIN_ITERATIONS,
    });
    expect(pack.fileName).toMatch(/-2026-01-15\.mreza-mentor$/);
    const logs = await writeMentorLogs({
      pack: { packId: pack.manifest.packId, mentorId, organisationId: org.id, orgPublicKeys: keys.publicKeys },
      sessions: [],
      keys,
      installationId: 'm',
      mentorName: 'Vesna K',
      timeZone: 'Europe/Zagreb',
    });
    expect(logs.fileName).toBe('mreza-session-logs-vesna-k-2026-01-15.mreza-logs');
  });

  it('the report presets are the local month, quarter and year (1 January at 00:10 is already the new year)', () => {
    const today = localDay('Europe/Zagreb', new Date('2025-12-31T23:10:00Z'));
    expect(today).toBe('2026-01-01');
    expect(presetPeriod('month', today)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(presetPeriod('quarter', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('year', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
