import { DEFAULT_DIGEST_ALGORITHMS, DEFAULT_LOCKOUT_POLICY, effectiveDigestAlgorithms, effectiveLockoutPolicy } from './config';

describe('the effective digest order of a trunk', () => {
  it('is MD5 then SHA-256 for a trunk that set none, as the clients that read only the first challenge need', () => {
    expect(DEFAULT_DIGEST_ALGORITHMS).toEqual(['MD5', 'SHA-256']);
    expect(effectiveDigestAlgorithms([])).toEqual(['MD5', 'SHA-256']);
    expect(effectiveDigestAlgorithms(undefined)).toEqual(['MD5', 'SHA-256']);
  });

  it("is the trunk's own order when it set one", () =>
    expect(effectiveDigestAlgorithms(['SHA-512-256', 'SHA-256'])).toEqual(['SHA-512-256', 'SHA-256']));

  it('is a fresh array, so a caller that changes it changes neither the default nor the read model', () => {
    const own: ['SHA-256'] = ['SHA-256'];
    effectiveDigestAlgorithms(own).push('MD5');
    effectiveDigestAlgorithms(undefined).push('SHA-512-256');
    expect(own).toEqual(['SHA-256']);
    expect(DEFAULT_DIGEST_ALGORITHMS).toEqual(['MD5', 'SHA-256']);
  });
});

describe('the effective lockout policy of a trunk', () => {
  it('is on, 10 failures within 60 s locking a source out for 300 s, for a trunk that set none', () =>
    expect(effectiveLockoutPolicy(undefined)).toEqual({ enabled: true, maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 }));

  it("is the trunk's own policy when it set one", () => {
    const own = { enabled: false, maxFailures: 3, windowSeconds: 10, lockoutSeconds: 30 };
    expect(effectiveLockoutPolicy(own)).toEqual(own);
  });

  it('takes each figure left out from the default', () =>
    expect(effectiveLockoutPolicy({ enabled: true, maxFailures: 5 })).toEqual({ ...DEFAULT_LOCKOUT_POLICY, maxFailures: 5 }));

  it('reads only the policy fields of a wider object, such as a request', () =>
    expect(effectiveLockoutPolicy({ enabled: false, trunkId: 'TK1', accountId: 'acme' } as never)).toEqual({ ...DEFAULT_LOCKOUT_POLICY, enabled: false }));
});
