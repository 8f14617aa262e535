/**
 * Brute-force lockout (SPEC §5.1) against the running stack with two worker replicas: the policy set
 * with trunk.set-lockout-policy, 1,000 failed attempts from one source while a correct client from
 * another source keeps being allowed, auth.lockouts.list|clear, metrics. The independent digest
 * client answers every challenge.
 */
import { authSubject, AuthDecision, Reply } from '@sipauth/contracts';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'lockout.example.net';
const ATTACKER = '203.0.113.66';
const CUSTOMER = '198.51.100.7';

let stack: Stack;
let trunkId: string;

async function ask<T>(op: 'lockouts.list' | 'lockouts.clear', body: object): Promise<Reply<T>> {
  const msg = await stack.nc.request(authSubject(stack.namespace, op), JSON.stringify(body), { timeout: 10_000 });
  return msg.json<Reply<T>>();
}

/** One call attempt: INVITE, and if challenged, the INVITE again answering it; the last decision. */
async function call(sourceIp: string, password: string, username = 'alice'): Promise<AuthDecision> {
  const invite = { domain: DOMAIN, sourceIp, method: 'INVITE', requestUri: `sip:1000@${DOMAIN}` };
  const first = await stack.authorize(invite);
  if (first.decision !== 'challenge') return first;
  const authorization = answerChallenge(parseChallengeHeader(first.proxyAuthenticate![0]), { username, password, method: 'INVITE', uri: invite.requestUri });
  return stack.authorize({ ...invite, authorization });
}

const metric = async (name: string) => {
  let total = 0;
  for (const w of stack.workers) {
    const m = new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${w.httpUrl}/metrics`)).text());
    total += m ? Number(m[1]) : 0;
  }
  return total;
};

beforeAll(async () => {
  stack = await startStack({ workers: 2, prefix: 'lck' });
  const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', {
    accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: PASSWORD,
  });
  ({ trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN }));
  await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: credentialListId });
  await stack.apply('trunk.set-lockout-policy', { accountId: ACCOUNT, trunkId, enabled: true, maxFailures: 10, windowSeconds: 600, lockoutSeconds: 900 });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('brute-force lockout across two replicas (SPEC §5.1)', () => {
  it('locks out a source after 1,000 failed attempts begin, while a correct client from another source stays allowed', async () => {
    const reasons = new Map<string, number>();
    for (let i = 0; i < 1_000; i++) {
      const decision = await call(ATTACKER, `guess-${i}`);
      reasons.set(decision.reason, (reasons.get(decision.reason) ?? 0) + 1);
      if (i % 50 === 0) expect((await call(CUSTOMER, PASSWORD)).reason).toBe('digest-verified');
    }
    expect(Object.fromEntries(reasons)).toEqual({ 'bad-response': 10, 'locked-out': 990 });
    expect((await call(ATTACKER, PASSWORD)).reason).toBe('locked-out');
    expect((await call(CUSTOMER, PASSWORD)).reason).toBe('digest-verified');
    expect(await metric('sipauth_worker_lockouts_total')).toBe(1);
  }, 120_000);

  it('answers a locked-out source before any challenge: no Proxy-Authenticate, 403 locked-out', async () => {
    const decision = await stack.authorize({ domain: DOMAIN, sourceIp: ATTACKER, method: 'INVITE', requestUri: `sip:${DOMAIN}` });
    expect(decision).toEqual({ decision: 'deny', status: 403, reason: 'locked-out', trunkId });
    expect((await stack.auth('challenge', { domain: DOMAIN, sourceIp: ATTACKER }))).toMatchObject({ ok: true, data: { reason: 'locked-out' } });
  });

  it('lists the active lockout with its expiry, for the owning account only', async () => {
    const reply = await ask<{ lockouts: { sourceIp: string; expiresAt: string; lockedAt: string; failures: number }[] }>('lockouts.list', { accountId: ACCOUNT, trunkId });
    expect(reply.ok).toBe(true);
    const [lockout] = (reply as { data: { lockouts: { sourceIp: string; expiresAt: string; lockedAt: string; failures: number }[] } }).data.lockouts;
    expect(lockout).toMatchObject({ trunkId, sourceIp: ATTACKER, failures: 10 });
    expect(Date.parse(lockout.expiresAt) - Date.parse(lockout.lockedAt)).toBe(900_000);
    expect(await ask('lockouts.list', { accountId: 'someone-else', trunkId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ask('lockouts.list', { accountId: ACCOUNT })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: 'trunkId' }] } });
  });

  it('never locks a username: failures of alice from many sources leave alice allowed', async () => {
    for (let i = 1; i <= 15; i++) expect((await call(`192.0.2.${i}`, 'Wrong-Pass-1')).reason).toBe('bad-response');
    expect((await call(CUSTOMER, PASSWORD)).reason).toBe('digest-verified');
    expect(await metric('sipauth_worker_username_failure_alerts_total')).toBeGreaterThanOrEqual(1);
  });

  it('clears the lockout on both replicas: the source is then decided on its merits', async () => {
    expect(await ask('lockouts.clear', { accountId: 'someone-else', trunkId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ask('lockouts.clear', { accountId: ACCOUNT, trunkId, sourceIp: 'not-an-ip' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await ask('lockouts.clear', { accountId: ACCOUNT, trunkId, sourceIp: ATTACKER })).toEqual({ ok: true, data: { cleared: 1 } });
    const decisions = await Promise.all(Array.from({ length: 6 }, () => call(ATTACKER, PASSWORD)));
    expect(decisions.map((d) => d.reason)).toEqual(decisions.map(() => 'digest-verified'));
    expect(await ask('lockouts.list', { accountId: ACCOUNT, trunkId })).toEqual({ ok: true, data: { lockouts: [] } });
  });

  it('counts nothing once the trunk turns the lockout off', async () => {
    await stack.apply('trunk.set-lockout-policy', { accountId: ACCOUNT, trunkId, enabled: false });
    for (let i = 0; i < 15; i++) expect((await call(ATTACKER, `guess-${i}`)).reason).toBe('bad-response');
    expect((await call(ATTACKER, PASSWORD)).reason).toBe('digest-verified');
  });
});
