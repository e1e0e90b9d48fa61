import { describe, expect, it } from 'vitest';
import { referralSchema, referralDraftSchema, REFERRAL_KINDS, ORG_TYPES } from '@shared/model';
import {
  REFERRAL_STATUSES,
  checkStatusChange,
  historyProblem,
  isCompleted,
  isOpenStatus,
  nextStatuses,
  referralReminders,
  referralReminderKey,
  type StatusStep,
} from '@shared/referrals';

const TODAY = '2026-03-20';
const sent: StatusStep[] = [{ status: 'sent', date: '2026-03-02' }];

describe('referral status changes', () => {
  it('follows sent → accepted → service started → closed, or declined', () => {
    expect(nextStatuses('sent')).toEqual(['accepted', 'declined', 'closed']);
    expect(nextStatuses('accepted')).toEqual(['serviceStarted', 'closed']);
    expect(nextStatuses('serviceStarted')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual([]);
    expect(nextStatuses('declined')).toEqual([]);
    expect(REFERRAL_STATUSES.filter(isOpenStatus)).toEqual(['sent', 'accepted', 'serviceStarted']);
  });

  it('refuses a change the machine does not allow (skipping acceptance, reopening, declining after the service started)', () => {
    expect(checkStatusChange(sent, 'serviceStarted', '2026-03-05', TODAY)).toBe('notAllowed');
    expect(checkStatusChange([...sent, { status: 'declined', date: '2026-03-03' }], 'accepted', '2026-03-05', TODAY)).toBe('notAllowed');
    expect(
      checkStatusChange(
        [...sent, { status: 'accepted', date: '2026-03-03' }, { status: 'serviceStarted', date: '2026-03-04' }],
        'declined',
        '2026-03-05',
        TODAY,
      ),
    ).toBe('notAllowed');
    expect(checkStatusChange([], 'accepted', '2026-03-05', TODAY)).toBe('notAllowed');
    expect(checkStatusChange(sent, 'sent', '2026-03-05', TODAY)).toBe('notAllowed');
  });

  it('dates never go backwards and are not in the future', () => {
    expect(checkStatusChange(sent, 'accepted', '2026-03-01', TODAY)).toBe('dateBeforePrevious');
    expect(checkStatusChange(sent, 'accepted', '2026-03-02', TODAY)).toBeNull();
    expect(checkStatusChange(sent, 'accepted', '2026-03-21', TODAY)).toBe('dateInFuture');
    expect(historyProblem([...sent, { status: 'accepted', date: '2026-03-01' }])).toBe('dateBeforePrevious');
  });

  it('closing needs an outcome note or a close reason (blanks are not an outcome)', () => {
    const started: StatusStep[] = [...sent, { status: 'accepted', date: '2026-03-03' }, { status: 'serviceStarted', date: '2026-03-10' }];
    expect(checkStatusChange(started, 'closed', '2026-03-15', TODAY)).toBe('closeNeedsOutcome');
    expect(checkStatusChange(started, 'closed', '2026-03-15', TODAY, { outcome: '   ' })).toBe('closeNeedsOutcome');
    expect(checkStatusChange(started, 'closed', '2026-03-15', TODAY, { outcome: 'Dobila zajamčenu minimalnu naknadu' })).toBeNull();
    expect(checkStatusChange(sent, 'closed', '2026-03-15', TODAY, { closeReason: 'personWithdrew' })).toBeNull();
    expect(checkStatusChange(sent, 'declined', '2026-03-15', TODAY)).toBeNull();
  });

  it('a history must start with "sent" and follow the machine', () => {
    expect(historyProblem(sent)).toBeNull();
    expect(historyProblem([{ status: 'accepted', date: '2026-03-02' }])).toBe('mustStartSent');
    expect(historyProblem([...sent, { status: 'serviceStarted', date: '2026-03-03' }])).toBe('notAllowed');
  });

  it('completed = closed after the service started; a close without the service is not', () => {
    const started: StatusStep[] = [...sent, { status: 'accepted', date: '2026-03-03' }, { status: 'serviceStarted', date: '2026-03-10' }];
    expect(isCompleted([...started, { status: 'closed', date: '2026-03-12' }])).toBe(true);
    expect(isCompleted(started)).toBe(false);
    expect(isCompleted([...sent, { status: 'accepted', date: '2026-03-03' }, { status: 'closed', date: '2026-03-12' }])).toBe(false);
  });
});

describe('the referral schema (form, backup, import: one check)', () => {
  const row = {
    id: '7b000000-0000-4000-8000-000000000001',
    orgId: '0b7a4c1e-1d2f-4a3b-8c4d-5e6f7a8b9c01',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    personId: '1a000000-0000-4000-8000-000000000001',
    kind: 'socialWorkCentre',
    institution: 'Centar za socijalnu skrb Čakovec',
    date: '2026-03-02',
    reason: 'Zahtjev za zajamčenu minimalnu naknadu',
    status: 'sent',
    history: sent,
  };

  it('accepts a referral just sent, and kinds reuse the institution types (plus legal aid)', () => {
    expect(referralSchema.safeParse(row).success).toBe(true);
    for (const k of REFERRAL_KINDS) expect([...ORG_TYPES, 'legalAid']).toContain(k);
  });

  it('refuses a row whose history could not have happened', () => {
    expect(referralSchema.safeParse({ ...row, status: 'accepted' }).success).toBe(false);
    expect(referralSchema.safeParse({ ...row, history: [...sent, { status: 'closed', date: '2026-03-01' }], status: 'closed', outcome: 'x' }).success).toBe(
      false,
    );
    expect(
      referralSchema.safeParse({ ...row, history: [...sent, { status: 'closed', date: '2026-03-04' }], status: 'closed', closeReason: 'noResponse' }).success,
    ).toBe(true);
    expect(referralSchema.safeParse({ ...row, date: '2026-03-01' }).success).toBe(false);
  });

  it('the form needs a kind, an institution and a reason', () => {
    const r = referralDraftSchema.safeParse({ personId: row.personId, kind: 'legalAid', institution: '  ', date: '2026-03-02', reason: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['institution', 'reason']);
  });
});

describe('referral follow-up reminders', () => {
  const refs = [
    { id: 'a', personId: 'p1', status: 'sent' as const, followUpOn: '2026-03-18' },
    { id: 'b', personId: 'p2', status: 'serviceStarted' as const, followUpOn: '2026-03-20' },
    { id: 'c', personId: 'p3', status: 'accepted' as const, followUpOn: '2026-03-21' },
    { id: 'd', personId: 'p4', status: 'closed' as const, followUpOn: '2026-03-01' },
    { id: 'e', personId: 'p5', status: 'declined' as const, followUpOn: '2026-03-01' },
    { id: 'f', personId: 'p6', status: 'sent' as const },
  ];

  it('are due from the follow-up day, for open referrals only, oldest first', () => {
    expect(referralReminders(refs, TODAY).map((r) => [r.referralId, r.overdueDays])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
  });

  it('a snooze hides one until its day, then it is back', () => {
    const snoozes = { [referralReminderKey({ referralId: 'a' })]: '2026-03-25' };
    expect(referralReminders(refs, TODAY, snoozes).map((r) => r.referralId)).toEqual(['b']);
    expect(referralReminders(refs, '2026-03-25', snoozes).map((r) => r.referralId)).toEqual(['a', 'b', 'c']);
  });
});
