import { describe, expect, it } from 'vitest';
import { consentScope } from '../../src/shared/bundle/consentScope';
import { figuresArePartial, partnersWithheld } from '../../src/shared/consolidate/withheld';
import { consentDraftSchema, type Consent } from '../../src/shared/model';
import { UNTICKED_CONSENT_CHOICES, planSharingBasis, sharingConsentDraft, sharingState, withheldMark, withheldReasons } from '../../src/shared/people/sharing';

const share = (over: Partial<Consent> = {}) => ({ shareWithLead: true, ...over });
const noShare = { shareWithLead: false };

describe('sharing with the lead: where a person stands', () => {
  it('shares only with a basis not withdrawn; a withdrawn one is an objection; nothing recorded is no basis', () => {
    expect(sharingState([share()])).toBe('shares');
    expect(sharingState([share({ withdrawnAt: '2026-03-01' })])).toBe('objected');
    expect(sharingState([share({ withdrawnAt: '2026-03-01' }), share()])).toBe('shares');
    expect(sharingState([noShare])).toBe('noBasis');
    expect(sharingState([])).toBe('noBasis');
  });

  it('a new consent ticks nothing for the person: sharing is an active choice', () => {
    expect(UNTICKED_CONSENT_CHOICES.shareWithLead).toBe(false);
    expect(UNTICKED_CONSENT_CHOICES.specialCategories).toBe(false);
  });
});

describe('recording a basis in bulk', () => {
  const consents: Record<string, Array<{ shareWithLead: boolean; withdrawnAt?: string }>> = {
    a: [],
    b: [noShare],
    c: [share()],
    d: [share({ withdrawnAt: '2026-02-01' })],
    e: [],
  };
  const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e', anonymised: true }];

  it('records it for those with none, never overrides an objection, skips the anonymised and those who share', () => {
    expect(planSharingBasis(people, (id) => consents[id] ?? [])).toEqual({ record: ['a', 'b'], alreadyShared: 1, objected: 1, anonymised: 1 });
  });

  it('the row it adds is sharing only, valid, and names who recorded it', () => {
    const d = sharingConsentDraft({ legalBasis: 'publicTask', date: '2026-04-01', noticeVersion: ' 2026-01 ' }, 'Sanja Horvat');
    expect(d).toMatchObject({
      legalBasis: 'publicTask',
      date: '2026-04-01',
      noticeVersion: '2026-01',
      shareWithLead: true,
      specialCategories: false,
      photos: false,
      processing: false,
      recordedBy: 'Sanja Horvat',
    });
    expect(consentDraftSchema.safeParse(d).success).toBe(true);
    expect(consentDraftSchema.safeParse(sharingConsentDraft({ legalBasis: 'consent', date: '', noticeVersion: '1' }, 'x')).success).toBe(false);
  });

  it('after it, the export leaves at home only the objection (the same decision as the bundle)', () => {
    const rows = (people: string[], extra: Array<Pick<Consent, 'personId' | 'shareWithLead' | 'withdrawnAt'>>) =>
      consentScope({ people: people.map((id) => ({ id })), consents: extra as never }).dropped.get('people')!.size;
    const before = [
      { personId: 'b', shareWithLead: false },
      { personId: 'c', shareWithLead: true },
      { personId: 'd', shareWithLead: true, withdrawnAt: '2026-02-01' },
    ];
    expect(rows(['a', 'b', 'c', 'd'], before)).toBe(3);
    const plan = planSharingBasis(people.slice(0, 4), (id) => consents[id] ?? []);
    expect(rows(['a', 'b', 'c', 'd'], [...before, ...plan.record.map((personId) => ({ personId, shareWithLead: true }))])).toBe(1);
  });
});

describe('why people are withheld', () => {
  it('counts no basis and objections apart, the total being what consentScope leaves at home', () => {
    const consents: Record<string, Array<{ shareWithLead: boolean; withdrawnAt?: string }>> = {
      a: [],
      b: [noShare],
      c: [share()],
      d: [share({ withdrawnAt: '2026-02-01' })],
    };
    const people = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(withheldReasons(people, (id) => consents[id] ?? [])).toEqual({ noBasis: 2, objected: 1, total: 3 });
  });
});

describe('withheld people at the lead, with small-cell suppression', () => {
  it('shows 0, hides 1..t−1 as "<t", else the range; null when the bundle did not say', () => {
    expect(withheldMark({ from: 0, to: 0 }, 5)).toBe('0');
    expect(withheldMark({ from: 1, to: 4 }, 5)).toBe('<5');
    expect(withheldMark({ from: 5, to: 9 }, 5)).toBe('5–9');
    expect(withheldMark({ from: 1, to: 9 }, 10)).toBe('<10');
    expect(withheldMark(null, 5)).toBeNull();
    expect(withheldMark({ from: 1000, to: 1004 }, 5, (n) => n.toLocaleString('hr'))).toBe('1.000–1.004');
  });
});

describe('the lead knows, per partner, that its figures are partial', () => {
  const state = (partners: Record<string, { name: string; withheld?: { from: number; to: number }; threshold: number }>) =>
    ({
      partners: Object.fromEntries(
        Object.entries(partners).map(([orgId, p]) => [
          orgId,
          { orgId, name: p.name, country: 'HR', indicators: { threshold: p.threshold, ...(p.withheld ? { withheld: p.withheld } : {}) } },
        ]),
      ),
    }) as never;

  it('lists every partner with its range; partial when any left someone out or did not say', () => {
    const s = state({
      b: { name: 'Udruga Brod', withheld: { from: 5, to: 9 }, threshold: 5 },
      a: { name: 'Udruga Ante', withheld: { from: 0, to: 0 }, threshold: 5 },
    });
    expect(partnersWithheld(s).map((p) => [p.name, withheldMark(p.withheld, p.threshold)])).toEqual([
      ['Udruga Ante', '0'],
      ['Udruga Brod', '5–9'],
    ]);
    expect(figuresArePartial(partnersWithheld(s))).toBe(true);
    expect(figuresArePartial(partnersWithheld(state({ a: { name: 'A', withheld: { from: 0, to: 0 }, threshold: 5 } })))).toBe(false);
    expect(figuresArePartial(partnersWithheld(state({ a: { name: 'A', threshold: 5 } })))).toBe(true);
  });
});
