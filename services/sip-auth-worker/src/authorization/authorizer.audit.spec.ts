/** SPEC §5 line by line: the cases the main authorizer spec leaves open. */
import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { answerChallenge, AnswerOptions, parseChallengeHeader } from '../../../../test/support/digest-client';
import { fixture, Fixture } from '../../test/authorizer-fixture';
import type { AuthorizeInput } from './authorizer';
import { parseSipUriHost } from './request-target';

const PASSWORD = 'Secret-Pass-123';
const URI = 'sip:+15550100@acme.example.net';
const src = (ip: string): SourceIp => parseSourceIp(ip) as SourceIp;
const request = (extra: Partial<AuthorizeInput> = {}): AuthorizeInput => ({
  domain: 'acme.example.net', source: src('192.0.2.10'), method: 'INVITE', requestUri: parseSipUriHost(URI)!, ...extra,
});

async function answer(f: Fixture, opts: Partial<AnswerOptions> = {}, pick = 0) {
  const challenge = await f.authorizer.authorize(request());
  const parsed = parseChallengeHeader(challenge.proxyAuthenticate![pick]);
  return answerChallenge(parsed, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: URI, ...opts });
}

describe('Authorizer against SPEC §5, clause by clause', () => {
  let f: Fixture;
  beforeEach(() => {
    f = fixture();
    f.credential('CL1', 'CR1', 'alice', PASSWORD);
    f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'] });
  });
  const decide = (extra: Partial<AuthorizeInput>) => f.authorizer.authorize(request(extra));

  describe('ACK and CANCEL repeat their INVITE’s credentials (RFC 3261 §13.2.2.4)', () => {
    it.each(['ACK', 'CANCEL'])('verifies a %s carrying the credentials its INVITE was allowed with, as often as it comes', async (method) => {
      const authorization = await answer(f);
      expect((await decide({ authorization })).reason).toBe('digest-verified');
      for (let i = 0; i < 2; i++) {
        expect(await decide({ method, authorization })).toMatchObject({ decision: 'allow', status: 200, reason: 'digest-verified', username: 'alice' });
      }
    });

    it('denies an ACK whose repeated INVITE credentials do not verify, with the reason', async () => {
      expect(await decide({ method: 'ACK', authorization: await answer(f, { password: 'Wrong-Pass-123' }) }))
        .toMatchObject({ decision: 'deny', status: 403, reason: 'bad-response' });
      expect(await decide({ method: 'CANCEL', authorization: await answer(f, { method: 'BYE' }) }))
        .toMatchObject({ decision: 'deny', status: 403, reason: 'bad-response' });
      expect(await decide({ method: 'ACK', authorization: 'Digest username="alice"' }))
        .toMatchObject({ decision: 'deny', status: 403, reason: 'malformed-credentials' });
      // Only an ACK is waived the host comparison (it goes to the 200's Contact); a CANCEL keeps it.
      expect(await decide({ method: 'CANCEL', authorization: await answer(f, { uri: 'sip:x@elsewhere.example.net' }) }))
        .toMatchObject({ decision: 'deny', status: 403, reason: 'uri-mismatch' });
    });

    it('does not let an INVITE borrow the ACK exemption: its response must be for INVITE and is replay-checked', async () => {
      const forAck = await answer(f, { method: 'ACK' });
      expect((await decide({ authorization: forAck })).reason).toBe('bad-response');
      const authorization = await answer(f);
      await decide({ method: 'ACK', authorization });
      expect((await decide({ authorization })).reason).toBe('digest-verified');
      expect((await decide({ authorization })).reason).toBe('nonce-replayed');
    });

    it('treats method tokens case-sensitively: `ack` is not ACK and is challenged', async () => {
      expect(await decide({ method: 'ack' })).toMatchObject({ decision: 'challenge', status: 407 });
      expect(await decide({ method: 'Cancel' })).toMatchObject({ decision: 'challenge', status: 407 });
    });
  });

  describe('the uri parameter', () => {
    it.each([
      ['sips: with parameters and headers', 'sips:bob@ACME.example.net;transport=udp?subject=x', URI],
      ['an IPv6 host written differently', 'sip:[2001:DB8:0:0::1]:5060;transport=udp', 'sip:+1555@[2001:db8::1]'],
      ['a trailing dot', 'sip:acme.example.net.', URI],
    ])('accepts %s', async (_name, uri, requestUri) => {
      const authorization = await answer(f, { uri });
      expect((await decide({ authorization, requestUri: parseSipUriHost(requestUri)! })).reason).toBe('digest-verified');
    });

    it.each([
      ['another IPv6 host', 'sip:[2001:db8::2]', 'sip:[2001:db8::1]'],
      ['another port when both carry one', 'sip:[2001:db8::1]:5061', 'sip:[2001:db8::1]:5060'],
      ['a tel: URI', 'tel:+15550100', URI],
    ])('denies %s as uri-mismatch', async (_name, uri, requestUri) => {
      const authorization = await answer(f, { uri });
      expect((await decide({ authorization, requestUri: parseSipUriHost(requestUri) ?? { host: 'acme.example.net' } })).reason).toBe('uri-mismatch');
    });
  });

  describe('nonces and algorithms', () => {
    it('answers a -sess response on another algorithm’s nonce with algorithm-mismatch', async () => {
      expect((await decide({ authorization: await answer(f, { algorithm: 'SHA-256-sess' }, 0) })).reason).toBe('algorithm-mismatch');
      expect((await decide({ authorization: await answer(f, { algorithm: 'MD5-sess' }, 1) })).reason).toBe('algorithm-mismatch');
    });

    it('names an algorithm it does not know as algorithm-mismatch and a qop it does not know as qop-unsupported', async () => {
      const good = await answer(f);
      expect((await decide({ authorization: good.replace('algorithm=MD5', 'algorithm=SHA-1') })).reason).toBe('algorithm-mismatch');
      expect((await decide({ authorization: good.replace('qop=auth', 'qop=auth-conf') })).reason).toBe('qop-unsupported');
    });

    it('accepts algorithm names in any case and quoted', async () => {
      const good = await answer(f);
      expect((await decide({ authorization: good.replace('algorithm=MD5', 'algorithm="md5"') })).reason).toBe('digest-verified');
    });

    it('says stale only for a verifying answer, and a stale answer uses up nothing', async () => {
      const authorization = await answer(f);
      f.clock.now += 301_000;
      expect((await decide({ authorization: authorization.replace(/username="alice"/, 'username="bob"') })).reason).toBe('unknown-user');
      expect((await decide({ authorization })).reason).toBe('stale-nonce');
      expect((await decide({ authorization })).reason).toBe('stale-nonce');
    });
  });

  describe('replay', () => {
    it('claims a nonce/nc pair only for a response that otherwise verifies', async () => {
      const challenge = parseChallengeHeader((await decide({})).proxyAuthenticate![0]);
      const reply = (o: Partial<AnswerOptions>) => answerChallenge(challenge, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: URI, nc: 7, ...o });
      expect((await decide({ authorization: reply({ password: 'Wrong-Pass-123' }) })).reason).toBe('bad-response');
      expect((await decide({ authorization: reply({}) })).reason).toBe('digest-verified');
      expect((await decide({ authorization: reply({}) })).reason).toBe('nonce-replayed');
    });

    it('allows an RFC 2069 nonce once whatever else changes (the nonce itself is the key)', async () => {
      const challenge = parseChallengeHeader((await decide({})).proxyAuthenticate![0]);
      const reply = (cnonce: string) => answerChallenge(challenge, {
        username: 'alice', password: PASSWORD, method: 'INVITE', uri: URI, qop: 'none', algorithm: 'MD5-sess', cnonce,
      });
      expect((await decide({ authorization: reply('one') })).reason).toBe('digest-verified');
      expect((await decide({ authorization: reply('two') })).reason).toBe('nonce-replayed');
    });

    it('shares the pairs between authorize and verify', async () => {
      const authorization = await answer(f);
      expect((await f.authorizer.verify({ domain: 'acme.example.net', method: 'INVITE', requestUri: request().requestUri, authorization })).reason).toBe('digest-verified');
      expect((await decide({ authorization })).reason).toBe('nonce-replayed');
    });
  });

  describe('several lists and userhash', () => {
    it('tries every list holding the username, userhash included, and names the one that verified', async () => {
      f.credential('CL2', 'CR2', 'alice', 'Other-Pass-456');
      f.credential('CL3', 'CR3', 'alice', 'Third-Pass-789');
      f.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1', 'CL2', 'CL3'] });
      for (const [password, list] of [[PASSWORD, 'CL1'], ['Other-Pass-456', 'CL2'], ['Third-Pass-789', 'CL3']]) {
        for (const userhash of [false, true]) {
          expect(await decide({ authorization: await answer(f, { password, userhash }) })).toMatchObject({ reason: 'digest-verified', credentialListId: list });
        }
      }
      expect((await decide({ authorization: await answer(f, { password: 'None-Of-Them-1' }) })).reason).toBe('bad-response');
    });
  });

  describe('domain and decision order', () => {
    it.each(['ACME.EXAMPLE.NET', 'acme.example.net.', 'acme.example.net:5060', ' acme.example.net.:5061 '])('finds the trunk by %j', async (domain) => {
      expect((await decide({ domain })).decision).toBe('challenge');
    });

    it('ignores credentials on an ACL-only trunk (step 4 comes first) and on an ACK outside the ACL denies first', async () => {
      f.range('AL1', 'IP1', '192.0.2.0/24');
      f.trunk('TK3', 'acl.example.net', { ipAccessControlListIds: ['AL1'] });
      expect(await decide({ domain: 'acl.example.net', authorization: 'garbage' })).toMatchObject({ decision: 'allow', reason: 'ip-allowed' });
      expect(await decide({ domain: 'acl.example.net', method: 'ACK', source: src('198.51.100.1'), authorization: await answer(f) }))
        .toMatchObject({ decision: 'deny', status: 403, reason: 'ip-not-allowed' });
    });

    it('challenge without a source on an ACL-only trunk has nothing to offer; with an allowed source it allows', async () => {
      f.range('AL1', 'IP1', '192.0.2.0/24');
      f.trunk('TK3', 'acl.example.net', { ipAccessControlListIds: ['AL1'] });
      expect(await f.authorizer.challenge({ domain: 'acl.example.net' })).toMatchObject({ decision: 'deny', status: 403, reason: 'no-credential-lists' });
      expect(await f.authorizer.challenge({ domain: 'acl.example.net', source: src('192.0.2.1') })).toMatchObject({ decision: 'allow', reason: 'ip-allowed' });
      expect(await f.authorizer.challenge({ domain: 'nobody.example.net' })).toMatchObject({ decision: 'deny', status: 404, reason: 'unknown-trunk' });
    });

    it('verify denies no-credential-lists on a trunk with nothing configured and ignores the ACL', async () => {
      f.trunk('TK4', 'bare.example.net');
      expect((await f.authorizer.verify({ domain: 'bare.example.net', method: 'INVITE', requestUri: request().requestUri, authorization: 'x' })).reason).toBe('no-credential-lists');
    });
  });

  describe('hostile credentials', () => {
    it.each([
      ['an empty value', ''],
      ['a header at the length limit', `Digest username="${'a'.repeat(8150)}"`],
      ['a header over the length limit', `Digest ${'x=1,'.repeat(3000)}`],
      ['prototype parameter names', 'Digest __proto__="x", constructor="y", username="alice"'],
      ['a thousand commas', `Digest ${','.repeat(1000)}`],
      ['an unterminated quote', 'Digest username="alice'],
      ['control characters', 'Digest username="al\u0000ice"'],
    ])('denies %s as malformed-credentials', async (_name, authorization) => {
      // Only the decision is checked here: a speed bound on wall-clock time would flake on a busy machine.
      expect(await decide({ authorization })).toMatchObject({ decision: 'deny', status: 403, reason: 'malformed-credentials' });
    });
  });
});
