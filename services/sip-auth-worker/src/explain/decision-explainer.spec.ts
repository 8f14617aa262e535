import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { h, ha1Of } from '../../../../test/support/digest-client';
import { fixture, Fixture, REALM } from '../../test/authorizer-fixture';
import { DecisionExplainer, ExplainInput } from './decision-explainer';

const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'acme.example.net';
const input = (extra: Partial<ExplainInput> = {}): ExplainInput => ({ domain: DOMAIN, source: parseSourceIp('203.0.113.9') as SourceIp, method: 'INVITE', ...extra });

let f: Fixture;
let explainer: DecisionExplainer;
beforeEach(() => {
  f = fixture();
  f.credential('CL1', 'CR1', 'alice', PASSWORD);
  f.range('AL1', 'IP1', '203.0.113.0/24');
  f.range('AL1', 'IP2', '203.0.113.9/32');
  f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'], ipAccessControlListIds: ['AL1'], lockoutPolicy: { enabled: true, maxFailures: 2, windowSeconds: 60, lockoutSeconds: 300 } });
  explainer = new DecisionExplainer(f.authorizer);
});

describe('auth.explain (SPEC §5.3)', () => {
  it('walks every step to an allow with the matching range, the challenge and the response computed per the first algorithm', async () => {
    const result = await explainer.explain(input({ username: 'alice', password: PASSWORD }));
    expect(result).toMatchObject({ decision: 'allow', status: 200, reason: 'digest-verified' });
    expect(result.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['trunk', 'found'], ['acl', 'allowed'], ['lockout', 'not-locked-out'], ['challenge', 'offered'],
      ['response', 'computed'], ['verification', 'verified'], ['decision', 'allow'],
    ]);
    expect(result.steps[1].detail).toEqual({ ipAccessControlListId: 'AL1', ipAddressId: 'IP2', range: '203.0.113.9/32' });
    const r = result.steps[4].detail as Record<string, string>;
    expect(r).toMatchObject({ algorithm: 'MD5', method: 'INVITE', uri: `sip:${DOMAIN}`, username: 'alice', nc: '00000001', qop: 'auth' });
    // The response an independent client computes from the same nonce and cnonce: the digest step is real.
    const ha2 = h('MD5', `INVITE:sip:${DOMAIN}`);
    expect(r.response).toBe(h('MD5', `${ha1Of('MD5', 'alice', REALM, PASSWORD)}:${r.nonce}:00000001:${r.cnonce}:auth:${ha2}`));
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('says bad-response for a wrong password, and neither counts it nor claims a nonce', async () => {
    for (let i = 0; i < 5; i++) {
      const result = await explainer.explain(input({ username: 'alice', password: 'Wrong-Pass-1' }));
      expect(result).toMatchObject({ decision: 'deny', reason: 'bad-response' });
      expect(result.steps.find((s) => s.step === 'verification')).toMatchObject({ outcome: 'refused', detail: { reason: 'bad-response' } });
    }
    expect(f.lockouts.outcomes).toHaveLength(0);
    expect((await explainer.explain(input({ username: 'alice', password: PASSWORD }))).reason).toBe('digest-verified');
  });

  it('stops at the step that decides: unknown trunk, ACL, lockout', async () => {
    expect((await explainer.explain(input({ domain: 'nobody.example.net' }))).steps.map((s) => s.step)).toEqual(['trunk', 'decision']);
    const outside = await explainer.explain(input({ source: parseSourceIp('192.0.2.1') as SourceIp }));
    expect(outside).toMatchObject({ reason: 'ip-not-allowed' });
    expect(outside.steps.map((s) => [s.step, s.outcome])).toEqual([['trunk', 'found'], ['acl', 'denied'], ['decision', 'deny']]);
    f.lockouts.book.putLock('TK1.203.0.113.9', { trunkId: 'TK1', accountId: 'AC1', sourceIp: '203.0.113.9', lockedAt: f.clock.now, expiresAt: f.clock.now + 1000, failures: 2 });
    const locked = await explainer.explain(input({ username: 'alice', password: PASSWORD }));
    expect(locked).toMatchObject({ decision: 'deny', reason: 'locked-out' });
    expect(locked.steps.find((s) => s.step === 'lockout')).toMatchObject({ outcome: 'locked-out', detail: { expiresAt: new Date(f.clock.now + 1000).toISOString() } });
  });

  it('ends at the challenge without a username and password', async () => {
    const result = await explainer.explain(input());
    expect(result).toMatchObject({ decision: 'challenge', status: 407 });
    expect(result.steps.find((s) => s.step === 'challenge')?.detail).toMatchObject({ algorithms: ['MD5', 'SHA-256'] });
  });

  it('computes the response in the trunk’s first algorithm', async () => {
    f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'], digestAlgorithms: ['SHA-512-256', 'MD5'] });
    const result = await explainer.explain(input({ username: 'alice', password: PASSWORD }));
    expect(result.reason).toBe('digest-verified');
    const r = result.steps.find((s) => s.step === 'response')?.detail as Record<string, string>;
    expect(r.algorithm).toBe('SHA-512-256');
    const ha2 = h('SHA-512-256', `INVITE:sip:${DOMAIN}`);
    expect(r.response).toBe(h('SHA-512-256', `${ha1Of('SHA-512-256', 'alice', REALM, PASSWORD)}:${r.nonce}:00000001:${r.cnonce}:auth:${ha2}`));
  });
});
