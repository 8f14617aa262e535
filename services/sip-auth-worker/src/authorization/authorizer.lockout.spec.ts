import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { answerChallenge, AnswerOptions, parseChallengeHeader } from '../../../../test/support/digest-client';
import { fixture, Fixture } from '../../test/authorizer-fixture';
import type { AuthorizeInput } from './authorizer';
import { parseSipUriHost } from './request-target';

const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'acme.example.net';
const ATTACKER = '203.0.113.66';
const CUSTOMER = '198.51.100.7';
const request = (ip: string, extra: Partial<AuthorizeInput> = {}): AuthorizeInput => ({
  domain: DOMAIN, source: parseSourceIp(ip) as SourceIp, method: 'INVITE', requestUri: parseSipUriHost(`sip:${DOMAIN}`)!, ...extra,
});

let f: Fixture;
beforeEach(() => {
  f = fixture();
  f.credential('CL1', 'CR1', 'alice', PASSWORD);
  f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'], lockoutPolicy: { enabled: true, maxFailures: 3, windowSeconds: 60, lockoutSeconds: 300 } });
});

async function attempt(ip: string, opts: Partial<AnswerOptions> = {}) {
  const challenge = await f.authorizer.authorize(request(ip));
  if (challenge.decision !== 'challenge') return challenge;
  const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), {
    username: 'alice', password: PASSWORD, method: 'INVITE', uri: `sip:${DOMAIN}`, ...opts,
  });
  return f.authorizer.authorize(request(ip, { authorization }));
}

describe('brute-force lockout (SPEC §5.1)', () => {
  it('locks a source out after maxFailures bad-response/unknown-user within the window, before any challenge', async () => {
    expect((await attempt(ATTACKER, { password: 'guess-1' })).reason).toBe('bad-response');
    expect((await attempt(ATTACKER, { username: 'mallory' })).reason).toBe('unknown-user');
    expect((await attempt(ATTACKER, { password: 'guess-3' })).reason).toBe('bad-response');
    const locked = await f.authorizer.authorize(request(ATTACKER));
    expect(locked).toEqual({ decision: 'deny', status: 403, reason: 'locked-out', trunkId: 'TK1' });
    expect((await attempt(ATTACKER)).reason).toBe('locked-out');
    expect((await f.authorizer.challenge({ domain: DOMAIN, source: parseSourceIp(ATTACKER) }))).toMatchObject({ reason: 'locked-out' });
  });

  it('keeps serving every other source of the same trunk', async () => {
    for (let i = 0; i < 3; i++) await attempt(ATTACKER, { password: `guess-${i}` });
    expect((await attempt(ATTACKER)).reason).toBe('locked-out');
    expect((await attempt(CUSTOMER)).reason).toBe('digest-verified');
  });

  it('forgets failures older than the window', async () => {
    await attempt(ATTACKER, { password: 'guess-1' });
    await attempt(ATTACKER, { password: 'guess-2' });
    f.clock.now += 61_000;
    expect((await attempt(ATTACKER, { password: 'guess-3' })).reason).toBe('bad-response');
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
  });

  it('ends the lockout after lockoutSeconds by the worker clock', async () => {
    for (let i = 0; i < 3; i++) await attempt(ATTACKER, { password: `guess-${i}` });
    f.clock.now += 299_000;
    expect((await f.authorizer.authorize(request(ATTACKER))).reason).toBe('locked-out');
    f.clock.now += 1_000;
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
  });

  it('starts the count again after a verified response', async () => {
    await attempt(ATTACKER, { password: 'guess-1' });
    await attempt(ATTACKER, { password: 'guess-2' });
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
    await attempt(ATTACKER, { password: 'guess-3' });
    await attempt(ATTACKER, { password: 'guess-4' });
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
  });

  it.each([
    ['realm-mismatch', { realm: 'other.realm' }],
    ['nonce-invalid', { nonce: 'AAAA' + 'x'.repeat(72) }],
    ['uri-mismatch', { uri: 'sip:evil.example.net' }],
  ] as const)('never counts %s', async (reason, opts) => {
    for (let i = 0; i < 5; i++) expect((await attempt(ATTACKER, opts)).reason).toBe(reason);
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
  });

  it('counts per username without ever locking the username out', async () => {
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) await attempt(ip, { password: 'guess' });
    expect(f.lockouts.outcomes.map((o) => o.usernameFailures)).toEqual([undefined, undefined, 3]);
    expect((await attempt(CUSTOMER)).reason).toBe('digest-verified');
  });

  it('does nothing when the trunk turned the lockout off', async () => {
    f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'], lockoutPolicy: { enabled: false, maxFailures: 3, windowSeconds: 60, lockoutSeconds: 300 } });
    for (let i = 0; i < 5; i++) await attempt(ATTACKER, { password: `guess-${i}` });
    expect(f.lockouts.outcomes).toHaveLength(0);
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
  });

  it('applies the default policy (10 failures) to a trunk that set none', async () => {
    f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'] });
    for (let i = 0; i < 9; i++) expect((await attempt(ATTACKER, { password: `guess-${i}` })).reason).toBe('bad-response');
    expect((await attempt(ATTACKER)).reason).toBe('digest-verified');
    for (let i = 0; i < 10; i++) await attempt(ATTACKER, { password: `guess-${i}` });
    expect((await attempt(ATTACKER)).reason).toBe('locked-out');
  });

  it('still applies the ACL first: a source outside it is ip-not-allowed, never counted', async () => {
    f.range('AL1', 'IP1', '198.51.100.0/24');
    f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'], ipAccessControlListIds: ['AL1'], lockoutPolicy: { enabled: true, maxFailures: 3, windowSeconds: 60, lockoutSeconds: 300 } });
    expect((await f.authorizer.authorize(request(ATTACKER))).reason).toBe('ip-not-allowed');
    expect(f.lockouts.outcomes).toHaveLength(0);
  });
});
