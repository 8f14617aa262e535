import { credentialChunkOf, keys } from '@sipauth/contracts';
import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { answerChallenge, AnswerOptions, parseChallengeHeader } from '../../../../test/support/digest-client';
import { fixture, Fixture, REALM } from '../../test/authorizer-fixture';
import type { AuthorizeInput } from './authorizer';
import { parseSipUriHost } from './request-target';

const PASSWORD = 'Secret-Pass-123';
const src = (ip: string): SourceIp => parseSourceIp(ip) as SourceIp;
const invite = (extra: Partial<AuthorizeInput> = {}): AuthorizeInput => ({
  domain: 'acme.example.net', source: src('192.0.2.10'), method: 'INVITE',
  requestUri: parseSipUriHost('sip:+15550100@acme.example.net')!, ...extra,
});

async function challengeAndAnswer(f: Fixture, opts: Partial<AnswerOptions> = {}, pick = 0, request: Partial<AuthorizeInput> = {}) {
  const challenge = await f.authorizer.authorize(invite(request));
  expect(challenge.decision).toBe('challenge');
  const parsed = parseChallengeHeader(challenge.proxyAuthenticate![pick]);
  const authorization = answerChallenge(parsed, {
    username: 'alice', password: PASSWORD, method: request.method ?? 'INVITE', uri: 'sip:+15550100@acme.example.net', ...opts,
  });
  return { authorization, parsed };
}

describe('Authorizer (SPEC §5 decision order)', () => {
  let f: Fixture;
  beforeEach(() => {
    f = fixture();
    f.credential('CL1', 'CR1', 'alice', PASSWORD);
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'] });
  });

  it('denies an unknown domain with 404 unknown-trunk', async () => {
    expect(await f.authorizer.authorize(invite({ domain: 'nobody.example.net' }))).toEqual({ decision: 'deny', status: 404, reason: 'unknown-trunk' });
  });

  it('normalises the domain: case, port, trailing dot', async () => {
    const d = await f.authorizer.authorize(invite({ domain: 'ACME.Example.NET.:5060' }));
    expect(d.decision).toBe('challenge');
  });

  it('denies a trunk without ACL or credential list with no-auth-configured', async () => {
    f.trunk('TK2', 'bare.example.net');
    expect(await f.authorizer.authorize(invite({ domain: 'bare.example.net' }))).toMatchObject({ decision: 'deny', status: 403, reason: 'no-auth-configured', trunkId: 'TK2' });
  });

  it('denies a source outside every ACL without ever challenging it, even on a digest trunk', async () => {
    f.range('AL1', 'IP1', '203.0.113.0/24');
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'], ipAccessControlListIds: ['AL1'] });
    const d = await f.authorizer.authorize(invite());
    expect(d).toMatchObject({ decision: 'deny', status: 403, reason: 'ip-not-allowed' });
    expect(d.proxyAuthenticate).toBeUndefined();
  });

  it('allows an ACL-only trunk from an allowed source, including IPv4-mapped IPv6 and IPv6 ranges', async () => {
    f.range('AL1', 'IP1', '203.0.113.0/24');
    f.range('AL1', 'IP2', '2001:db8::/32');
    f.trunk('TK3', 'acl.example.net', { ipAccessControlListIds: ['AL1'] });
    for (const ip of ['203.0.113.9', '::ffff:203.0.113.9', '2001:db8::5']) {
      expect(await f.authorizer.authorize(invite({ domain: 'acl.example.net', source: src(ip) }))).toMatchObject({ decision: 'allow', reason: 'ip-allowed' });
    }
    expect((await f.authorizer.authorize(invite({ domain: 'acl.example.net', source: src('2001:db9::1') }))).reason).toBe('ip-not-allowed');
  });

  it('sees a range removed from an ACL at once', async () => {
    f.range('AL1', 'IP1', '192.0.2.0/24');
    f.trunk('TK3', 'acl.example.net', { ipAccessControlListIds: ['AL1'] });
    expect((await f.authorizer.authorize(invite({ domain: 'acl.example.net' }))).reason).toBe('ip-allowed');
    f.index.apply('acct.AC1.ip-address.AL1.IP1', undefined);
    expect((await f.authorizer.authorize(invite({ domain: 'acl.example.net' }))).reason).toBe('ip-not-allowed');
  });

  it('challenges with MD5 then SHA-256 by default, qop auth, one fresh nonce per algorithm', async () => {
    const d = await f.authorizer.authorize(invite());
    expect(d).toMatchObject({ decision: 'challenge', status: 407, reason: 'challenge', trunkId: 'TK1' });
    const parsed = d.proxyAuthenticate!.map(parseChallengeHeader);
    expect(parsed.map((c) => c.algorithm)).toEqual(['MD5', 'SHA-256']);
    expect(parsed.every((c) => c.realm === REALM && c.qop?.join() === 'auth' && c.stale === undefined)).toBe(true);
    expect(parsed[0].nonce).not.toBe(parsed[1].nonce);
  });

  it("offers the trunk's own algorithm order", async () => {
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'], digestAlgorithms: ['SHA-512-256', 'MD5'] });
    const d = await f.authorizer.authorize(invite());
    expect(d.proxyAuthenticate!.map((v) => parseChallengeHeader(v).algorithm)).toEqual(['SHA-512-256', 'MD5']);
  });

  it('allows a correct answer and names the user and list', async () => {
    const { authorization } = await challengeAndAnswer(f);
    expect(await f.authorizer.authorize(invite({ authorization }))).toEqual({
      decision: 'allow', status: 200, reason: 'digest-verified', trunkId: 'TK1', username: 'alice', credentialListId: 'CL1',
    });
  });

  it.each([
    ['SHA-256', 1, {}], ['MD5', 0, {}], ['SHA-256-sess', 1, { algorithm: 'SHA-256-sess' }], ['MD5-sess', 0, { algorithm: 'MD5-sess' }],
    ['auth-int with a body', 1, { qop: 'auth-int', body: 'v=0\r\n' }], ['auth-int without a body', 0, { qop: 'auth-int' }],
    ['RFC 2069 (no qop)', 1, { qop: 'none' }], ['userhash with SHA-256', 1, { userhash: true }], ['userhash with MD5', 0, { userhash: true }],
  ] as const)('allows a correct %s answer', async (_name, pick, opts) => {
    const { authorization } = await challengeAndAnswer(f, opts as Partial<AnswerOptions>, pick);
    const body = (opts as { body?: string }).body;
    expect((await f.authorizer.authorize(invite({ authorization, body }))).reason).toBe('digest-verified');
  });

  it('allows SHA-512-256 when the trunk offers it', async () => {
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'], digestAlgorithms: ['SHA-512-256'] });
    const { authorization } = await challengeAndAnswer(f);
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('digest-verified');
  });

  it.each([
    ['bad-response', { password: 'Wrong-Pass-123' }],
    ['unknown-user', { username: 'mallory' }],
    ['unknown-user', { username: 'Alice' }],
    ['realm-mismatch', { realm: 'other.realm' }],
    ['nonce-invalid', { nonce: 'AAAA' + 'x'.repeat(72) }],
    ['algorithm-mismatch', { algorithm: 'SHA-256' }],
    ['uri-mismatch', { uri: 'sip:+15550100@evil.example.net' }],
  ] as const)('denies with %s', async (reason, opts) => {
    const { authorization } = await challengeAndAnswer(f, opts);
    expect(await f.authorizer.authorize(invite({ authorization }))).toMatchObject({ decision: 'deny', status: 403, reason });
  });

  it('accepts another user part and a port only on one side in the uri', async () => {
    const { authorization } = await challengeAndAnswer(f, { uri: 'sip:bob@ACME.example.net:5060;transport=tcp' });
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('digest-verified');
    const second = await challengeAndAnswer(f, { uri: 'sip:bob@acme.example.net:5061' });
    const d = await f.authorizer.authorize(invite({ authorization: second.authorization, requestUri: parseSipUriHost('sip:x@acme.example.net:5060')! }));
    expect(d.reason).toBe('uri-mismatch');
  });

  it('denies a tampered nonce as nonce-invalid', async () => {
    const { authorization, parsed } = await challengeAndAnswer(f);
    const last = parsed.nonce.slice(-1) === 'A' ? 'B' : 'A';
    const tampered = authorization.replace(parsed.nonce, parsed.nonce.slice(0, -1) + last);
    expect((await f.authorizer.authorize(invite({ authorization: tampered }))).reason).toBe('nonce-invalid');
  });

  it.each([['garbage'], ['Basic YWxpY2U6eA=='], ['Digest username="alice"']])('denies %j as malformed-credentials', async (authorization) => {
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('malformed-credentials');
  });

  it('challenges again with stale=true for a verifying answer to an expired nonce', async () => {
    const { authorization } = await challengeAndAnswer(f);
    f.clock.now += 301_000;
    const d = await f.authorizer.authorize(invite({ authorization }));
    expect(d).toMatchObject({ decision: 'challenge', status: 407, reason: 'stale-nonce' });
    expect(d.proxyAuthenticate!.every((v) => parseChallengeHeader(v).stale === true)).toBe(true);
  });

  it('never says stale for an expired nonce whose answer does not verify', async () => {
    const { authorization } = await challengeAndAnswer(f, { password: 'Wrong-Pass-123' });
    f.clock.now += 301_000;
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('bad-response');
  });

  it('allows a nonce/nc pair once and denies the replay', async () => {
    const { authorization } = await challengeAndAnswer(f);
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('digest-verified');
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('nonce-replayed');
  });

  it('allows the next nc on the same nonce, and an RFC 2069 nonce only once', async () => {
    const { parsed } = await challengeAndAnswer(f);
    const answer = (o: Partial<AnswerOptions>) => answerChallenge(parsed, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: 'sip:acme.example.net', ...o });
    expect((await f.authorizer.authorize(invite({ authorization: answer({ nc: 1 }) }))).reason).toBe('digest-verified');
    expect((await f.authorizer.authorize(invite({ authorization: answer({ nc: 2 }) }))).reason).toBe('digest-verified');
    const other = await challengeAndAnswer(f, { qop: 'none' });
    expect((await f.authorizer.authorize(invite({ authorization: other.authorization }))).reason).toBe('digest-verified');
    expect((await f.authorizer.authorize(invite({ authorization: other.authorization }))).reason).toBe('nonce-replayed');
  });

  it('allows any of several lists holding the same username when its password verifies', async () => {
    f.credential('CL2', 'CR2', 'alice', 'Other-Pass-456');
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1', 'CL2'] });
    const { authorization } = await challengeAndAnswer(f, { password: 'Other-Pass-456' });
    expect(await f.authorizer.authorize(invite({ authorization }))).toMatchObject({ reason: 'digest-verified', credentialListId: 'CL2' });
  });

  it('never reaches a list of the same id in another account', async () => {
    const eve = { username: 'eve', realm: 'sipauth.test', ha1: { 'MD5': 'k1.x' }, revision: 1, position: '1', createdAt: 't', updatedAt: 't' };
    f.index.apply(keys.credentialChunk('AC2', 'CL9', credentialChunkOf('CR9')), { credentialListId: 'CL9', accountId: 'AC2', chunk: credentialChunkOf('CR9'), credentials: { CR9: eve }, revision: 1, position: '1', updatedAt: 't' });
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL9'] });
    const { authorization } = await challengeAndAnswer(f, { username: 'eve' });
    expect((await f.authorizer.authorize(invite({ authorization }))).reason).toBe('unknown-user');
  });

  describe('ACK and CANCEL', () => {
    it.each(['ACK', 'CANCEL'])('allows %s without credentials and never challenges it', async (method) => {
      expect(await f.authorizer.authorize(invite({ method }))).toMatchObject({ decision: 'allow', reason: 'ack-cancel-allowed' });
    });

    it('still applies the ACL to an ACK', async () => {
      f.range('AL1', 'IP1', '203.0.113.0/24');
      f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'], ipAccessControlListIds: ['AL1'] });
      expect((await f.authorizer.authorize(invite({ method: 'ACK' }))).reason).toBe('ip-not-allowed');
    });

    it("verifies an ACK's credentials without the replay rule", async () => {
      const { authorization } = await challengeAndAnswer(f, { method: 'ACK' }, 0, {});
      for (let i = 0; i < 2; i++) expect((await f.authorizer.authorize(invite({ method: 'ACK', authorization }))).reason).toBe('digest-verified');
      const bad = await challengeAndAnswer(f, { method: 'ACK', password: 'Wrong-Pass-123' });
      expect((await f.authorizer.authorize(invite({ method: 'ACK', authorization: bad.authorization }))).reason).toBe('bad-response');
    });
  });

  describe('challenge and verify', () => {
    it('challenge applies the ACL only when a source is given', async () => {
      f.range('AL1', 'IP1', '203.0.113.0/24');
      f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'], ipAccessControlListIds: ['AL1'] });
      expect((await f.authorizer.challenge({ domain: 'acme.example.net' })).decision).toBe('challenge');
      expect((await f.authorizer.challenge({ domain: 'acme.example.net', source: src('192.0.2.1') })).reason).toBe('ip-not-allowed');
    });

    it('verify is digest only and denies a trunk without credential lists', async () => {
      f.range('AL1', 'IP1', '203.0.113.0/24');
      f.trunk('TK3', 'acl.example.net', { ipAccessControlListIds: ['AL1'] });
      const d = await f.authorizer.verify({ domain: 'acl.example.net', method: 'INVITE', requestUri: parseSipUriHost('sip:acl.example.net')!, authorization: 'Digest x=1' });
      expect(d).toMatchObject({ decision: 'deny', status: 403, reason: 'no-credential-lists' });
      f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'], ipAccessControlListIds: ['AL1'] });
      const { authorization } = await challengeAndAnswer(f, {}, 0, { source: src('203.0.113.1') });
      const v = await f.authorizer.verify({ domain: 'acme.example.net', method: 'INVITE', requestUri: invite().requestUri, authorization });
      expect(v.reason).toBe('digest-verified');
    });
  });
});
