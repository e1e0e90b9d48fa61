/** The one error-to-code mapper (issue 14): the same failure is the same code on every path. */
import { describe, expect, it } from 'vitest';
import { BundleError, InvitationError, KeyFileError } from '@shared/bundle';
import { MentorPackError } from '@shared/mentorPack';
import { problemOf } from '@shared/problem';
import { exchangeProblemOf } from '../../src/renderer/src/features/exchange/actions';

describe('problemOf', () => {
  it('our refusals keep their code and a copy of their params; anything else is unexpected', () => {
    const params = { found: 3 };
    const p = problemOf(new BundleError('newerFormat', params), [BundleError]);
    expect(p).toEqual({ code: 'newerFormat', params: { found: 3 } });
    expect(p.params).not.toBe(params);
    expect(problemOf(new TypeError('x'), [BundleError])).toEqual({ code: 'unexpected', params: {} });
    expect(problemOf(new MentorPackError('damaged'), [BundleError])).toEqual({ code: 'unexpected', params: {} });
    expect(problemOf('a string', [BundleError])).toEqual({ code: 'unexpected', params: {} });
  });

  it('the exchange screens know bundles, invitations and key files', () => {
    expect(exchangeProblemOf(new InvitationError('wrongPassphrase'))).toEqual({ code: 'wrongPassphrase', params: {} });
    expect(exchangeProblemOf(new KeyFileError('notAKeyFile'))).toEqual({ code: 'notAKeyFile', params: {} });
    expect(exchangeProblemOf(new RangeError('boom'))).toEqual({ code: 'unexpected', params: {} });
  });
});
