/**
 * SPEC §5 and §6 through the whole stack, for what the unit specs cannot show alone: real SIP
 * message flows answered by the independent test client, and hostile payloads over real NATS.
 */
import { authSubject } from '@sipauth/contracts';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'audit';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'audit.acme.example.net';
const URI = `sip:+15550100@${DOMAIN}`;
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: URI };

let stack: Stack;

async function inviteCredentials(uri = URI, requestUri = URI): Promise<string> {
  const challenge = await stack.authorize({ ...invite, requestUri });
  return answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), { username: 'alice', password: PASSWORD, method: 'INVITE', uri });
}

beforeAll(async () => {
  stack = await startStack({ prefix: 'audit' });
  const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: PASSWORD,
  });
  const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Audit', domainName: DOMAIN });
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('SPEC §5 flows through the stack', () => {
  it('allows the ACK and a CANCEL that repeat the INVITE’s credentials, after the INVITE used its nonce/nc', async () => {
    const authorization = await inviteCredentials();
    expect((await stack.authorize({ ...invite, authorization })).reason).toBe('digest-verified');
    expect((await stack.authorize({ ...invite, authorization })).reason).toBe('nonce-replayed');
    for (const method of ['ACK', 'ACK', 'CANCEL']) {
      expect(await stack.authorize({ ...invite, method, authorization })).toMatchObject({ decision: 'allow', status: 200, reason: 'digest-verified' });
    }
  });

  it('compares an IPv6 Request-URI host as an address', async () => {
    const requestUri = 'sip:+15550100@[2001:db8::10]:5060';
    const authorization = await inviteCredentials('sip:+15550100@[2001:DB8:0:0:0:0:0:10];transport=udp', requestUri);
    expect((await stack.authorize({ ...invite, requestUri, authorization })).reason).toBe('digest-verified');
  });
});

describe('SPEC §6 wire format over NATS', () => {
  const raw = async (op: 'authorize' | 'status', payload: string | Uint8Array) => {
    const msg = await stack.nc.request(authSubject(stack.namespace, op), typeof payload === 'string' ? Buffer.from(payload) : payload, { timeout: 10_000 });
    return JSON.parse(Buffer.from(msg.data).toString('utf8'));
  };

  it('answers malformed, empty, deeply nested and oversized requests with VALIDATION_FAILED, and keeps deciding', async () => {
    const depth = 400_000;
    for (const payload of ['{nope', '', `{"domain":${'['.repeat(depth)}${']'.repeat(depth)}}`]) {
      expect(await raw('authorize', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
    }
    const header = JSON.stringify({ ...invite, authorization: `Digest ${'a'.repeat(900_000)}` });
    expect(await raw('authorize', header)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'authorization' }] } });
    const { method: _absent, ...withoutMethod } = invite;
    const hostile = `{"__proto__":{"method":"ACK"},${JSON.stringify({ ...withoutMethod, domain: 7, body: ['x'] }).slice(1)}`;
    expect(await raw('authorize', hostile)).toMatchObject({
      ok: false, error: { code: 'VALIDATION_FAILED', details: expect.arrayContaining([
        { field: 'domain', message: 'must be a string' }, { field: 'method', message: 'is required' }, { field: 'body', message: 'must be a string' },
      ]) },
    });
    expect((await stack.authorize(invite)).decision).toBe('challenge');
  });

  it('answers auth.status with ready, position and counts, and malformed JSON there too with VALIDATION_FAILED', async () => {
    expect(await raw('status', '')).toMatchObject({ ok: true, data: { ready: true, position: expect.stringMatching(/^\d+$/), counts: { trunks: 1, credentials: 1 } } });
    expect(await raw('status', '{nope')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
