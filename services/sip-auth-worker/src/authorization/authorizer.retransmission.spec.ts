import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { answerChallenge, parseChallengeHeader } from '../../../../test/support/digest-client';
import { fixture, Fixture } from '../../test/authorizer-fixture';
import type { AuthorizeInput } from './authorizer';
import { parseSipUriHost } from './request-target';

const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'acme.example.net';
const src = (ip: string): SourceIp => parseSourceIp(ip) as SourceIp;
const request = (extra: Partial<AuthorizeInput> = {}): AuthorizeInput => ({
  domain: DOMAIN, source: src('192.0.2.10'), method: 'INVITE', requestUri: parseSipUriHost(`sip:1000@${DOMAIN}`)!, ...extra,
});

let f: Fixture;
beforeEach(() => {
  f = fixture();
  f.credential('CL1', 'CR1', 'alice', PASSWORD);
  f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'] });
});

async function answered(method = 'INVITE', uri = `sip:1000@${DOMAIN}`) {
  const challenge = parseChallengeHeader((await f.authorizer.authorize(request())).proxyAuthenticate![0]);
  return answerChallenge(challenge, { username: 'alice', password: PASSWORD, method, uri });
}

describe('ACK to a 2xx (RFC 3261 §13.2.2.4, SPEC §5)', () => {
  it("allows linphone's ACK to the 200's Contact carrying its INVITE's credentials", async () => {
    const authorization = await answered();
    expect((await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK.inv' }))).reason).toBe('digest-verified');
    const ack = request({ method: 'ACK', requestUri: parseSipUriHost('sip:shim@127.0.0.1:5090')!, authorization, transactionId: 'z9hG4bK.ack' });
    expect(await f.authorizer.authorize(ack)).toMatchObject({ decision: 'allow', status: 200, reason: 'digest-verified', username: 'alice' });
  });

  it('still verifies the response of such an ACK: a wrong password or a tampered uri is denied', async () => {
    const contact = parseSipUriHost('sip:shim@127.0.0.1:5090')!;
    const challenge = parseChallengeHeader((await f.authorizer.authorize(request())).proxyAuthenticate![0]);
    const wrong = answerChallenge(challenge, { username: 'alice', password: 'Wrong-Pass-1', method: 'INVITE', uri: `sip:1000@${DOMAIN}` });
    expect((await f.authorizer.authorize(request({ method: 'ACK', requestUri: contact, authorization: wrong }))).reason).toBe('bad-response');
    const good = await answered();
    const tampered = good.replace(`uri="sip:1000@${DOMAIN}"`, 'uri="sip:1000@elsewhere.example.net"');
    expect((await f.authorizer.authorize(request({ method: 'ACK', requestUri: contact, authorization: tampered }))).reason).toBe('bad-response');
  });

  it('keeps the host comparison for every other method, CANCEL included', async () => {
    const contact = parseSipUriHost('sip:shim@127.0.0.1:5090')!;
    for (const method of ['INVITE', 'CANCEL', 'BYE']) {
      const authorization = await answered(method);
      expect((await f.authorizer.authorize(request({ method, requestUri: contact, authorization }))).reason).toBe('uri-mismatch');
    }
  });
});

describe('retransmissions are not replays (SPEC §5)', () => {
  it('gives a retransmission with the same transactionId and response the same allow', async () => {
    const authorization = await answered();
    const first = await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK-1' }));
    expect(first.reason).toBe('digest-verified');
    expect(await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK-1' }))).toEqual(first);
    expect(await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK-1' }))).toEqual(first);
  });

  it('denies the same credentials under another or a missing transactionId as nonce-replayed', async () => {
    const authorization = await answered();
    expect((await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK-1' }))).reason).toBe('digest-verified');
    expect((await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK-2' }))).reason).toBe('nonce-replayed');
    expect((await f.authorizer.authorize(request({ authorization }))).reason).toBe('nonce-replayed');
  });

  it('never treats a first use without a transactionId as retransmittable', async () => {
    const authorization = await answered();
    expect((await f.authorizer.authorize(request({ authorization }))).reason).toBe('digest-verified');
    expect((await f.authorizer.authorize(request({ authorization, transactionId: 'z9hG4bK-1' }))).reason).toBe('nonce-replayed');
  });

  it('denies another response on the same nonce/nc and transactionId as nonce-replayed', async () => {
    const challenge = parseChallengeHeader((await f.authorizer.authorize(request())).proxyAuthenticate![0]);
    const answer = (cnonce: string) => answerChallenge(challenge, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: `sip:1000@${DOMAIN}`, cnonce });
    expect((await f.authorizer.authorize(request({ authorization: answer('aaaa'), transactionId: 'z9hG4bK-1' }))).reason).toBe('digest-verified');
    expect((await f.authorizer.authorize(request({ authorization: answer('bbbb'), transactionId: 'z9hG4bK-1' }))).reason).toBe('nonce-replayed');
  });

  it('applies the same rule to verify', async () => {
    const authorization = await answered();
    const verify = (transactionId: string) => f.authorizer.verify({ domain: DOMAIN, method: 'INVITE', requestUri: request().requestUri, authorization, transactionId });
    expect((await verify('z9hG4bK-v')).reason).toBe('digest-verified');
    expect((await verify('z9hG4bK-v')).reason).toBe('digest-verified');
    expect((await verify('z9hG4bK-w')).reason).toBe('nonce-replayed');
  });
});
