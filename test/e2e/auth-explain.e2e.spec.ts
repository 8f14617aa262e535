/**
 * auth.explain (SPEC §5.3) against the running stack: the real engine step by step, checked against
 * the independent digest client; it claims no nonce, counts no failure and is rate limited.
 */
import { authSubject, ExplainResult, Reply } from '@sipauth/contracts';
import { h, ha1Of } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'explain.example.net';
const SOURCE = '203.0.113.9';

let stack: Stack;
let trunkId: string;
let aclId: string;

async function explain(body: object): Promise<Reply<ExplainResult>> {
  const msg = await stack.nc.request(authSubject(stack.namespace, 'explain'), JSON.stringify(body), { timeout: 10_000 });
  return msg.json<Reply<ExplainResult>>();
}
async function explained(body: object): Promise<ExplainResult> {
  const reply = await explain(body);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}

beforeAll(async () => {
  stack = await startStack({ workers: 1, prefix: 'xpl' });
  const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: PASSWORD,
  });
  ({ ipAccessControlListId: aclId } = await stack.apply<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: ACCOUNT, friendlyName: 'PBX' }));
  await stack.apply('ip-address.add', { accountId: ACCOUNT, ipAccessControlListId: aclId, friendlyName: 'net', ipAddress: '203.0.113.0', cidrPrefixLength: 24 });
  ({ trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN }));
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'ipAccessControlList', listId: aclId });
  await stack.apply('trunk.set-lockout-policy', { accountId: ACCOUNT, trunkId, enabled: true, maxFailures: 2 });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('auth.explain (SPEC §5.3)', () => {
  it('explains an allow step by step, with the matching range and a response the independent client agrees with', async () => {
    const result = await explained({ domain: DOMAIN.toUpperCase(), sourceIp: SOURCE, username: 'alice', password: PASSWORD });
    expect(result).toMatchObject({ decision: 'allow', status: 200, reason: 'digest-verified' });
    expect(result.steps.map((s) => s.step)).toEqual(['trunk', 'acl', 'lockout', 'challenge', 'response', 'verification', 'decision']);
    expect(result.steps[0].detail).toEqual({ domain: DOMAIN, trunkId });
    expect(result.steps[1]).toMatchObject({ outcome: 'allowed', detail: { ipAccessControlListId: aclId, range: '203.0.113.0/24' } });
    expect(result.steps[2]).toMatchObject({ outcome: 'not-locked-out', detail: { policy: { enabled: true, maxFailures: 2, windowSeconds: 60, lockoutSeconds: 300 } } });
    expect((result.steps[3].detail as { algorithms: string[] }).algorithms).toEqual(['MD5', 'SHA-256']);
    const r = result.steps[4].detail as Record<string, string>;
    const expected = h('MD5', `${ha1Of('MD5', 'alice', r.realm, PASSWORD)}:${r.nonce}:${r.nc}:${r.cnonce}:auth:${h('MD5', `INVITE:${r.uri}`)}`);
    expect(r.response).toBe(expected);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('explains a wrong password as bad-response without counting it toward a lockout', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await explained({ domain: DOMAIN, sourceIp: SOURCE, username: 'alice', password: 'Wrong-Pass-1' })).toMatchObject({ decision: 'deny', reason: 'bad-response' });
    }
    const after = await explained({ domain: DOMAIN, sourceIp: SOURCE });
    expect(after.steps.find((s) => s.step === 'lockout')?.outcome).toBe('not-locked-out');
    expect(after).toMatchObject({ decision: 'challenge', status: 407 });
  });

  it('explains where a request stops: a source outside every ACL', async () => {
    const result = await explained({ domain: DOMAIN, sourceIp: '192.0.2.1', username: 'alice', password: PASSWORD });
    expect(result).toMatchObject({ decision: 'deny', reason: 'ip-not-allowed' });
    expect(result.steps.map((s) => `${s.step}:${s.outcome}`)).toEqual(['trunk:found', 'acl:denied', 'decision:deny']);
  });

  it('refuses bad input naming each field', async () => {
    const reply = await explain({ domain: DOMAIN, sourceIp: 'nope', username: 'alice' });
    expect(reply.ok).toBe(false);
    const fields = (reply as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['password', 'sourceIp']);
  });

  it('serves at a low rate: a burst beyond it is refused with a message saying so', async () => {
    // A burst of 10 per replica (the earlier tests used some), then one per second.
    const replies = await Promise.all(Array.from({ length: 30 }, () => explain({ domain: DOMAIN, sourceIp: SOURCE })));
    const refused = replies.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThanOrEqual(18);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('limited to') } });
  });
});
