import { parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { answerChallenge, parseChallengeHeader } from '../../../../test/support/digest-client';
import { fixture, Fixture } from '../../test/authorizer-fixture';
import type { AuthorizeInput } from './authorizer';
import { parseSipUriHost } from './request-target';

const DOMAIN = 'acme.example.net';
const OLD = 'Old-Pass-1234';
const NEW = 'New-Pass-5678';
const request = (extra: Partial<AuthorizeInput> = {}): AuthorizeInput => ({
  domain: DOMAIN, source: parseSourceIp('192.0.2.10') as SourceIp, method: 'INVITE', requestUri: parseSipUriHost(`sip:${DOMAIN}`)!, ...extra,
});

let f: Fixture;
/** One hour after the fixture clock's start. */
let validUntil: string;
beforeEach(() => {
  f = fixture();
  validUntil = new Date(f.clock.now + 3_600_000).toISOString();
  f.credential('CL1', 'CR1', 'alice', NEW, { password: OLD, validUntil });
  f.trunk('TK1', DOMAIN, { credentialListIds: ['CL1'] });
});

async function decide(password: string, pick = 0) {
  const challenge = parseChallengeHeader((await f.authorizer.authorize(request())).proxyAuthenticate![pick]);
  const authorization = answerChallenge(challenge, { username: 'alice', password, method: 'INVITE', uri: `sip:${DOMAIN}` });
  return f.authorizer.authorize(request({ authorization }));
}

describe('password rotation with overlap (SPEC §5.2)', () => {
  it('accepts both the new and the previous password while the overlap runs, in every offered algorithm', async () => {
    expect((await decide(NEW)).reason).toBe('digest-verified');
    expect(await decide(OLD)).toMatchObject({ decision: 'allow', reason: 'digest-verified', username: 'alice', credentialListId: 'CL1' });
    expect((await decide(OLD, 1)).reason).toBe('digest-verified');
    expect((await decide('Other-Pass-000')).reason).toBe('bad-response');
  });

  it('refuses the previous password from validUntil on, by the worker clock', async () => {
    f.clock.now = Date.parse(validUntil) - 1;
    expect((await decide(OLD)).reason).toBe('digest-verified');
    f.clock.now = Date.parse(validUntil);
    expect((await decide(OLD)).reason).toBe('bad-response');
    expect((await decide(NEW)).reason).toBe('digest-verified');
  });

  it('ends the overlap at once when the document no longer carries it (a later change or a removal)', async () => {
    expect((await decide(OLD)).reason).toBe('digest-verified');
    f.credential('CL1', 'CR1', 'alice', 'Third-Pass-999');
    expect((await decide(OLD)).reason).toBe('bad-response');
    expect((await decide(NEW)).reason).toBe('bad-response');
    expect((await decide('Third-Pass-999')).reason).toBe('digest-verified');
    f.removeCredential('CL1', 'CR1');
    expect((await decide('Third-Pass-999')).reason).toBe('unknown-user');
  });

  it('runs no overlap for an unreadable validUntil', async () => {
    f.credential('CL1', 'CR1', 'alice', NEW, { password: OLD, validUntil: 'not a date' });
    expect((await decide(OLD)).reason).toBe('bad-response');
  });
});
