import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { seedDigestTrunk, startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'replicas.example.net';
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: `sip:${DOMAIN}` };
const pace = () => new Promise((r) => setTimeout(r, 50));

/** Two workers, and nonces that expire after one second. */
let stack: Stack;

async function answered(opts: { nc?: number } = {}) {
  const challenge = await stack.authorize(invite);
  const parsed = parseChallengeHeader(challenge.proxyAuthenticate![0]);
  return { parsed, authorization: answerChallenge(parsed, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri, ...opts }) };
}

/**
 * Answers the challenge correctly with nc 1, 2, 3… until the workers stop allowing it, which a
 * correct answer does only once its nonce has expired (the 1 s lifetime): waited for, not slept.
 */
async function untilExpired(parsed: ReturnType<typeof parseChallengeHeader>) {
  for (let nc = 1; nc <= 400; nc++, await pace()) {
    const authorization = answerChallenge(parsed, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri, nc });
    const decision = await stack.authorize({ ...invite, authorization });
    if (decision.decision !== 'allow') return { decision, nextNc: nc + 1 };
  }
  throw new Error('the nonce never expired');
}

beforeAll(async () => {
  stack = await startStack({ workers: 2, env: { SIPAUTH_NONCE_TTL_SECONDS: '1' } });
  await seedDigestTrunk(stack, { accountId: ACCOUNT, domainName: DOMAIN, username: 'alice', password: PASSWORD });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('two worker replicas', () => {
  it('both apply every command before the helper returns', () => {
    const [a, b] = stack.workers.map((w) => w.status());
    expect(a.position).toBe(b.position);
    expect(a.counts).toEqual(b.counts);
  });

  it('allows a nonce/nc pair once across both replicas and rejects every replay', async () => {
    const { authorization } = await answered();
    const decisions = await Promise.all(Array.from({ length: 20 }, () => stack.authorize({ ...invite, authorization })));
    expect(decisions.filter((d) => d.decision === 'allow')).toHaveLength(1);
    expect(decisions.filter((d) => d.reason === 'nonce-replayed')).toHaveLength(19);
    for (const worker of stack.workers) {
      expect(await (await fetch(`${worker.httpUrl}/metrics`)).text()).toMatch(/sipauth_worker_decisions_total\{operation="authorize",decision="deny",reason="nonce-replayed"\} \d/);
    }
  });

  it('allows the next nc of the same nonce', async () => {
    const { parsed } = await answered();
    for (const nc of [1, 2]) {
      const authorization = answerChallenge(parsed, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri, nc });
      expect((await stack.authorize({ ...invite, authorization })).reason).toBe('digest-verified');
    }
  });

  it('challenges again with stale=true when a correct answer arrives after its nonce expired', async () => {
    const { parsed } = await answered();
    const { decision } = await untilExpired(parsed);
    expect(decision).toMatchObject({ decision: 'challenge', status: 407, reason: 'stale-nonce' });
    expect(decision.proxyAuthenticate!.map((v) => parseChallengeHeader(v).stale)).toEqual([true, true]);
  });

  it('denies a wrong answer to an expired nonce without saying stale', async () => {
    const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![0]);
    const { decision: stale, nextNc } = await untilExpired(challenge);
    expect(stale.reason).toBe('stale-nonce');
    const authorization = answerChallenge(challenge, { username: 'alice', password: 'Wrong-Pass-999', method: 'INVITE', uri: invite.requestUri, nc: nextNc });
    expect(await stack.authorize({ ...invite, authorization })).toMatchObject({ decision: 'deny', reason: 'bad-response' });
  });
});
