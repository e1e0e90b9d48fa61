import { describe, expect, it } from 'vitest';
import { isUnsent, planDepartures, type DepartureInput } from '@shared/mentorPack';
import { receivedUpTo } from '../../src/renderer/src/db/mentorLaptop';
import type { MentorModeSettings } from '@shared/model';

const base: DepartureInput = {
  mentorPersonId: 'mentor',
  carriedMatchIds: new Set(['m2']),
  carriedPersonIds: new Set(['mentor', 'bea']),
  matches: [
    { id: 'm1', menteeId: 'ana' },
    { id: 'm2', menteeId: 'bea' },
  ],
  people: [{ id: 'mentor' }, { id: 'ana' }, { id: 'bea' }],
  profiles: [
    { id: 'p-ana', personId: 'ana' },
    { id: 'p-bea', personId: 'bea' },
  ],
  sessions: [
    { id: 's-pack', matchId: 'm1' }, // came in a pack, never touched here
    { id: 's-home', matchId: 'm1' },
    { id: 's-late', matchId: 'm1' },
    { id: 's-bea', matchId: 'm2' },
  ],
  touchedAt: new Map([
    ['s-home', '2026-10-01T10:00:00.000Z'],
    ['s-late', '2026-10-03T10:00:00.000Z'],
    ['s-bea', '2026-10-03T10:00:00.000Z'],
  ]),
  receivedUpTo: '2026-10-02T00:00:00.000Z',
};

describe('planDepartures: what a newer pack lets go of on a mentor’s laptop', () => {
  it('keeps only the unsent log of a mentee no longer carried, with her name, and drops her needs and the logs already home', () => {
    const plan = planDepartures(base);
    expect(plan.removeSessionIds.sort()).toEqual(['s-home', 's-pack']);
    expect(plan.removeMatchIds).toEqual([]);
    expect(plan.namesOnlyPersonIds).toEqual(['ana']);
    expect(plan.removePersonIds).toEqual([]);
    expect(plan.removeProfileIds).toEqual(['p-ana']);
    expect(plan.waiting).toEqual([{ matchId: 'm1', personId: 'ana', count: 1 }]);
  });

  it('removes her altogether once every log she touched is confirmed home; the mentor and carried mentees stay', () => {
    const plan = planDepartures({ ...base, receivedUpTo: '2026-10-04T00:00:00.000Z' });
    expect(plan.removeMatchIds).toEqual(['m1']);
    expect(plan.removePersonIds).toEqual(['ana']);
    expect(plan.removeSessionIds.sort()).toEqual(['s-home', 's-late', 's-pack']);
    expect(plan.waiting).toEqual([]);
  });

  it('nothing confirmed: every log she wrote waits, logs the pack brought do not', () => {
    const plan = planDepartures({ ...base, receivedUpTo: undefined });
    expect(plan.removeSessionIds).toEqual(['s-pack']);
    expect(plan.waiting).toEqual([{ matchId: 'm1', personId: 'ana', count: 2 }]);
    expect(isUnsent('s-pack', base.touchedAt, undefined)).toBe(false);
  });

  it('a mentee given back to her under a new match keeps her person row and needs; the old match goes', () => {
    const plan = planDepartures({
      ...base,
      carriedMatchIds: new Set(['m2', 'm3']),
      carriedPersonIds: new Set(['mentor', 'bea', 'ana']),
      receivedUpTo: '2026-10-04T00:00:00.000Z',
    });
    expect(plan.removeMatchIds).toEqual(['m1']);
    expect(plan.removePersonIds).toEqual([]);
    expect(plan.removeProfileIds).toEqual([]);
  });
});

describe('receivedUpTo: which confirmation a pack may give', () => {
  const mode = {
    sentExports: [{ exportId: '11111111-1111-4111-8111-111111111111', exportedAt: '2026-10-02T00:00:00.000Z' }],
    logsReceivedAt: '2026-09-01T00:00:00.000Z',
  } as MentorModeSettings;
  const manifest = (exportId: string) => ({ logsReceived: { exportId, exportedAt: '2030-01-01T00:00:00.000Z' } }) as never;

  it('counts only a logs file this computer wrote, at the time this computer wrote it', () => {
    expect(receivedUpTo(mode, manifest('11111111-1111-4111-8111-111111111111'))).toBe('2026-10-02T00:00:00.000Z');
  });
  it('a file written elsewhere (or a made-up id) confirms nothing new', () => {
    expect(receivedUpTo(mode, manifest('22222222-2222-4222-8222-222222222222'))).toBe('2026-09-01T00:00:00.000Z');
    expect(receivedUpTo(undefined, manifest('22222222-2222-4222-8222-222222222222'))).toBeUndefined();
  });
  it('never goes back: an older confirmation leaves the newer one', () => {
    expect(receivedUpTo({ ...mode, logsReceivedAt: '2026-11-01T00:00:00.000Z' }, manifest('11111111-1111-4111-8111-111111111111'))).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });
});
