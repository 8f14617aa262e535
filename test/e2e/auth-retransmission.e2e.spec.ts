/**
 * Retransmissions and linphone's ACK to a 2xx against the running stack with two worker replicas,
 * answered by the independent digest client (test/support/digest-client.ts).
 */
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { seedDigestTrunk, startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'retransmit.example.net';
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: `sip:1000@${DOMAIN}` };

let stack: Stack;

async function answered() {
  const challenge = await stack.authorize(invite);
  expect(challenge.proxyAuthenticate!.map((v) => parseChallengeHeader(v).algorithm)).toEqual(['MD5', 'SHA-256']);
  return answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), { username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri });
}

beforeAll(async () => {
  stack = await startStack({ workers: 2, prefix: 'rtx' });
  await seedDigestTrunk(stack, { accountId: ACCOUNT, domainName: DOMAIN, username: 'alice', password: PASSWORD });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('retransmissions across two worker replicas (SPEC §5)', () => {
  it('gives every retransmission of a verified INVITE (same top-Via branch) the same allow, whichever replica answers', async () => {
    const authorization = await answered();
    const first = await stack.authorize({ ...invite, authorization, transactionId: 'z9hG4bK-rtx-1' });
    expect(first).toMatchObject({ decision: 'allow', reason: 'digest-verified', username: 'alice' });
    const again = await Promise.all(Array.from({ length: 20 }, () => stack.authorize({ ...invite, authorization, transactionId: 'z9hG4bK-rtx-1' })));
    expect(again).toEqual(again.map(() => first));
    // Both replicas took part (the queue group spreads 21 requests over both but with odds of 1 in a million).
    for (const worker of stack.workers) {
      expect(await (await fetch(`${worker.httpUrl}/metrics`)).text()).toMatch(/sipauth_worker_decisions_total\{operation="authorize",decision="allow",reason="digest-verified"\} [1-9]/);
    }
  });

  it('allows exactly one of concurrent first uses and treats the others as what they are', async () => {
    const authorization = await answered();
    const decisions = await Promise.all(['z9hG4bK-a', 'z9hG4bK-b', 'z9hG4bK-c', 'z9hG4bK-d'].map((transactionId) =>
      stack.authorize({ ...invite, authorization, transactionId })));
    expect(decisions.filter((d) => d.reason === 'digest-verified')).toHaveLength(1);
    expect(decisions.filter((d) => d.reason === 'nonce-replayed')).toHaveLength(3);
  });

  it('denies the same credentials under another branch or none as nonce-replayed', async () => {
    const authorization = await answered();
    expect((await stack.authorize({ ...invite, authorization, transactionId: 'z9hG4bK-x' })).reason).toBe('digest-verified');
    expect((await stack.authorize({ ...invite, authorization, transactionId: 'z9hG4bK-y' })).reason).toBe('nonce-replayed');
    expect((await stack.authorize({ ...invite, authorization })).reason).toBe('nonce-replayed');
  });

  it('refuses an empty or oversized transactionId naming the field', async () => {
    for (const transactionId of ['', 'z'.repeat(257), 42]) {
      const reply = await stack.auth('authorize', { ...invite, transactionId });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'transactionId' })] } });
    }
  });
});

describe("linphone's ACK to a 2xx (RFC 3261 §13.2.2.4)", () => {
  it("allows the ACK sent to the 200's Contact with the INVITE's credentials, on either replica", async () => {
    const authorization = await answered();
    expect((await stack.authorize({ ...invite, authorization, transactionId: 'z9hG4bK-inv' })).reason).toBe('digest-verified');
    const ack = { domain: DOMAIN, sourceIp: invite.sourceIp, method: 'ACK', requestUri: 'sip:shim@127.0.0.1:5090', authorization, transactionId: 'z9hG4bK-ack' };
    const decisions = await Promise.all([stack.authorize(ack), stack.authorize(ack), stack.authorize(ack)]);
    expect(decisions.every((d) => d.decision === 'allow' && d.reason === 'digest-verified')).toBe(true);
  });

  it('still denies such an ACK whose response does not verify, and a CANCEL to another host', async () => {
    const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![0]);
    const wrong = answerChallenge(challenge, { username: 'alice', password: 'Wrong-Pass-000', method: 'INVITE', uri: invite.requestUri });
    expect((await stack.authorize({ ...invite, method: 'ACK', requestUri: 'sip:shim@127.0.0.1:5090', authorization: wrong })).reason).toBe('bad-response');
    const good = await answered();
    expect((await stack.authorize({ ...invite, method: 'CANCEL', requestUri: 'sip:shim@127.0.0.1:5090', authorization: good })).reason).toBe('uri-mismatch');
  });
});
