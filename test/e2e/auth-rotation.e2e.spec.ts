/**
 * Password rotation with overlap (SPEC §5.2) against the running stack: credential.change-password
 * with previousPasswordValidForSeconds, both passwords accepted by the workers, the query showing
 * previousPasswordValidUntil, and a later change or a removal ending the overlap at once. Expiry by
 * the worker's clock is proven with a controlled clock in authorizer.rotation.spec.ts.
 */
import { querySubject, Reply } from '@sipauth/contracts';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const DOMAIN = 'rotation.example.net';
const FIRST = 'First-Pass-111';
const SECOND = 'Second-Pass-222';
const THIRD = 'Third-Pass-333';

let stack: Stack;
let credentialListId: string;
let credentialId: string;

async function reason(password: string, pick = 0): Promise<string> {
  const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: `sip:${DOMAIN}` };
  const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![pick]);
  const authorization = answerChallenge(challenge, { username: 'alice', password, method: 'INVITE', uri: invite.requestUri });
  return (await stack.authorize({ ...invite, authorization })).reason;
}

async function credentialView(): Promise<Record<string, unknown>> {
  const msg = await stack.nc.request(querySubject(stack.namespace, 'credential-list.get'), JSON.stringify({ accountId: ACCOUNT, credentialListId }), { timeout: 10_000 });
  const reply = msg.json<Reply<{ credentialList: { credentials: Record<string, unknown>[] } }>>();
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data.credentialList.credentials.find((c) => c.credentialId === credentialId)!;
}

beforeAll(async () => {
  stack = await startStack({ workers: 2, prefix: 'rot' });
  ({ credentialListId, credentialId } = await stack.apply<{ credentialListId: string; credentialId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: FIRST,
  }));
  const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN });
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('password rotation with overlap (SPEC §5.2)', () => {
  it('accepts the previous and the new password during the overlap, in both offered algorithms', async () => {
    const before = Date.now();
    await stack.apply('credential.change-password', { accountId: ACCOUNT, credentialListId, credentialId, password: SECOND, previousPasswordValidForSeconds: 3600 });
    for (const pick of [0, 1]) {
      expect(await reason(SECOND, pick)).toBe('digest-verified');
      expect(await reason(FIRST, pick)).toBe('digest-verified');
    }
    expect(await reason('Not-The-Pass-0')).toBe('bad-response');
    const until = Date.parse(String((await credentialView()).previousPasswordValidUntil));
    expect(until).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it('ends the overlap at once with a later change without one', async () => {
    await stack.apply('credential.change-password', { accountId: ACCOUNT, credentialListId, credentialId, password: THIRD });
    expect(await reason(FIRST)).toBe('bad-response');
    expect(await reason(SECOND)).toBe('bad-response');
    expect(await reason(THIRD)).toBe('digest-verified');
    expect(await credentialView()).not.toHaveProperty('previousPasswordValidUntil');
  });

  it('ends the overlap at once when the credential is removed', async () => {
    await stack.apply('credential.change-password', { accountId: ACCOUNT, credentialListId, credentialId, password: FIRST, previousPasswordValidForSeconds: 600 });
    expect(await reason(THIRD)).toBe('digest-verified');
    const { credentialId: other } = await stack.apply<{ credentialId: string }>('credential.add', { accountId: ACCOUNT, credentialListId, username: 'bob', password: SECOND });
    expect(other).toBeDefined();
    await stack.apply('credential.remove', { accountId: ACCOUNT, credentialListId, credentialId });
    expect(await reason(THIRD)).toBe('unknown-user');
    expect(await reason(FIRST)).toBe('unknown-user');
  });
});
