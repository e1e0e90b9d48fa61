import { describe, expect, it } from 'vitest';
import { lostOnWithdrawal } from '@shared/model';

const consent = (id: string, special: boolean, withdrawnAt?: string) => ({ id, processing: true, specialCategories: special, withdrawnAt });
const ana = { targetGroups: ['roma', 'singleParent'], notes: 'Želi otvoriti obrt.' };

describe('what withdrawing a consent deletes (named in its confirmation)', () => {
  it('the only special-category consent: her target groups and notes go', () => {
    expect(lostOnWithdrawal(ana, [consent('a', true)], 'a')).toEqual({ targetGroups: ['roma', 'singleParent'], notes: true });
  });
  it('another consent still covers special categories: nothing goes', () => {
    expect(lostOnWithdrawal(ana, [consent('a', true), consent('b', true)], 'a')).toEqual({ targetGroups: [], notes: false });
  });
  it('a withdrawn or non-special other consent does not keep anything', () => {
    expect(lostOnWithdrawal(ana, [consent('a', true), consent('b', true, '2025-01-01'), consent('c', false)], 'a')).toEqual({
      targetGroups: ['roma', 'singleParent'],
      notes: true,
    });
  });
  it('no special data: nothing to lose', () => {
    expect(lostOnWithdrawal({ targetGroups: [], notes: '  ' }, [consent('a', true)], 'a')).toEqual({ targetGroups: [], notes: false });
  });
});
