import { answerChallenge, AnswerOptions, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'digest.acme.example.net';
const URI = `sip:+15550100@${DOMAIN}`;
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: URI };

let stack: Stack;
let listId: string;
let aliceId: string;
let trunkId: string;

/** Challenges an INVITE and answers the challenge at `pick` (0 = most preferred). */
async function answer(opts: Partial<AnswerOptions> = {}, pick = 0, request: object = {}) {
  const challenge = await stack.authorize({ ...invite, ...request });
  expect(challenge).toMatchObject({ decision: 'challenge', status: 407 });
  const parsed = parseChallengeHeader(challenge.proxyAuthenticate![pick]);
  return answerChallenge(parsed, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: URI, ...opts });
}

beforeAll(async () => {
  stack = await startStack();
  const list = await stack.apply<{ credentialListId: string; credentialId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: PASSWORD,
  });
  listId = list.credentialListId;
  aliceId = list.credentialId;
  trunkId = (await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN })).trunkId;
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('digest authentication through the whole stack', () => {
  it('challenges an INVITE with MD5 then SHA-256 (the default order real clients need), and allows the answer', async () => {
    const challenge = await stack.authorize(invite);
    expect(challenge.proxyAuthenticate!.map((v) => parseChallengeHeader(v).algorithm)).toEqual(['MD5', 'SHA-256']);
    const authorization = await answer();
    expect(await stack.authorize({ ...invite, authorization })).toEqual({
      decision: 'allow', status: 200, reason: 'digest-verified', trunkId, username: 'alice', credentialListId: listId,
    });
  });

  it('normalises the domain the edge passes (case, port, trailing dot)', async () => {
    expect((await stack.authorize({ ...invite, domain: 'DIGEST.acme.example.net.:5060' })).decision).toBe('challenge');
  });

  it.each([
    ['bad-response', { password: 'Wrong-Pass-999' }],
    ['unknown-user', { username: 'mallory' }],
    ['uri-mismatch', { uri: 'sip:+15550100@other.example.net' }],
    ['realm-mismatch', { realm: 'elsewhere' }],
  ] as const)('denies an answer with %s', async (reason, opts) => {
    expect(await stack.authorize({ ...invite, authorization: await answer(opts) })).toMatchObject({ decision: 'deny', status: 403, reason });
  });

  it('denies a tampered nonce', async () => {
    const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![0]);
    const flipped = challenge.nonce.slice(0, 10) + (challenge.nonce[10] === 'A' ? 'B' : 'A') + challenge.nonce.slice(11);
    const authorization = answerChallenge({ ...challenge, nonce: flipped }, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: URI });
    expect((await stack.authorize({ ...invite, authorization })).reason).toBe('nonce-invalid');
  });

  it('denies an answer in another algorithm than its nonce was issued for', async () => {
    expect((await stack.authorize({ ...invite, authorization: await answer({ algorithm: 'SHA-256' }, 0) })).reason).toBe('algorithm-mismatch');
  });

  it('accepts every algorithm and qop of SPEC §5, userhash included, in the trunk order it sets', async () => {
    await stack.apply('trunk.set-digest-algorithms', { accountId: ACCOUNT, trunkId, algorithms: ['SHA-512-256', 'SHA-256', 'MD5'] });
    const offered = (await stack.authorize(invite)).proxyAuthenticate!.map((v) => parseChallengeHeader(v).algorithm);
    expect(offered).toEqual(['SHA-512-256', 'SHA-256', 'MD5']);
    for (const [pick] of offered.entries()) {
      for (const sess of [false, true]) {
        for (const qop of ['auth', 'auth-int', 'none'] as const) {
          for (const userhash of [false, true]) {
            const base = offered[pick];
            const authorization = await answer({ qop, userhash, body: 'v=0\r\n', ...(sess ? { algorithm: `${base}-sess` } : {}) }, pick);
            const decision = await stack.authorize({ ...invite, authorization, body: 'v=0\r\n' });
            expect({ base, sess, qop, userhash, reason: decision.reason }).toEqual({ base, sess, qop, userhash, reason: 'digest-verified' });
          }
        }
      }
    }
    await stack.apply('trunk.set-digest-algorithms', { accountId: ACCOUNT, trunkId, algorithms: ['SHA-256', 'MD5'] });
  });

  it('never challenges ACK or CANCEL, and verifies their credentials without the replay rule', async () => {
    for (const method of ['ACK', 'CANCEL']) {
      expect(await stack.authorize({ ...invite, method })).toMatchObject({ decision: 'allow', reason: 'ack-cancel-allowed' });
    }
    const authorization = await answer({ method: 'ACK' });
    for (let i = 0; i < 2; i++) expect((await stack.authorize({ ...invite, method: 'ACK', authorization })).reason).toBe('digest-verified');
    const wrong = await answer({ method: 'ACK', password: 'Wrong-Pass-999' });
    expect((await stack.authorize({ ...invite, method: 'ACK', authorization: wrong })).reason).toBe('bad-response');
  });

  it('serves auth.challenge and auth.verify', async () => {
    const challenge = await stack.auth('challenge', { domain: DOMAIN });
    expect(challenge).toMatchObject({ ok: true, data: { decision: 'challenge', status: 407 } });
    const authorization = await answer();
    expect(await stack.auth('verify', { domain: DOMAIN, method: 'INVITE', requestUri: URI, authorization })).toMatchObject({
      ok: true, data: { decision: 'allow', reason: 'digest-verified', username: 'alice' },
    });
    expect(await stack.auth('verify', { domain: DOMAIN })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('denies the old password and allows the new one after a password change', async () => {
    const NEW = 'Brand-New-Pass-456';
    await stack.apply('credential.change-password', { accountId: ACCOUNT, credentialListId: listId, credentialId: aliceId, password: NEW });
    expect((await stack.authorize({ ...invite, authorization: await answer() })).reason).toBe('bad-response');
    expect((await stack.authorize({ ...invite, authorization: await answer({ password: NEW }) })).reason).toBe('digest-verified');
    await stack.apply('credential.change-password', { accountId: ACCOUNT, credentialListId: listId, credentialId: aliceId, password: PASSWORD });
  });

  it('knows an added credential and forgets a removed one', async () => {
    const { credentialId } = await stack.apply<{ credentialId: string }>('credential.add', {
      accountId: ACCOUNT, credentialListId: listId, username: 'bob', password: 'Bobs-Pass-789',
    });
    expect((await stack.authorize({ ...invite, authorization: await answer({ username: 'bob', password: 'Bobs-Pass-789' }) })).reason).toBe('digest-verified');
    await stack.apply('credential.remove', { accountId: ACCOUNT, credentialListId: listId, credentialId });
    expect((await stack.authorize({ ...invite, authorization: await answer({ username: 'bob', password: 'Bobs-Pass-789' }) })).reason).toBe('unknown-user');
  });

  it('denies with no-auth-configured once the list is unassigned', async () => {
    await stack.apply('trunk.unassign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId });
    expect(await stack.authorize(invite)).toMatchObject({ decision: 'deny', status: 403, reason: 'no-auth-configured' });
    await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId });
    expect((await stack.authorize(invite)).decision).toBe('challenge');
  });

  it('denies an unknown domain with 404', async () => {
    expect(await stack.authorize({ ...invite, domain: 'nobody.example.net' })).toEqual({ decision: 'deny', status: 404, reason: 'unknown-trunk' });
  });
});
