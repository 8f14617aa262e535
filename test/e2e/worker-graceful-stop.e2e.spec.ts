/**
 * Issue 13 item 6: a worker stopping (what its SIGTERM handler runs: RunningWorker.close) answers
 * every request it has already started deciding, credentialed INVITEs whose replay-guard write is in
 * flight included, with that request's own decision; none is answered INTERNAL or left unanswered.
 */
import type { AuthDecision, Reply } from '@sipauth/contracts';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { seedDigestTrunk, startStack, Stack } from '../support/stack';

const ACCOUNT = 'acme';
const PASSWORD = 'Secret-Pass-123';
const DOMAIN = 'graceful.example.net';
const REQUESTS = 1000;
const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: `sip:${DOMAIN}` };

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ workers: 2 });
  await seedDigestTrunk(stack, { accountId: ACCOUNT, domainName: DOMAIN, username: 'alice', password: PASSWORD });
}, 60_000);

afterAll(async () => { await stack?.close(); });

describe('a worker stopping under load', () => {
  it('answers every request it already started with its own decision while the other replica takes the rest', async () => {
    const challenge = parseChallengeHeader((await stack.authorize(invite)).proxyAuthenticate![0]);
    // Each request its own nc, so each is a first use (a replay-guard write) that allows once.
    let answered = 0;
    let firstAnswer!: () => void;
    const someAnswered = new Promise<void>((resolve) => { firstAnswer = resolve; });
    const replies = Array.from({ length: REQUESTS }, (_, i) => {
      const authorization = answerChallenge(challenge, { username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri, nc: i + 1 });
      return stack.auth<AuthDecision>('authorize', { ...invite, authorization }).then((reply: Reply<AuthDecision>) => {
        if (++answered === 1) firstAnswer();
        return reply.ok ? `${reply.data.decision} ${reply.data.reason}` : `error ${reply.error.code}`;
      }, (err: Error) => `no answer: ${err.message}`);
    });
    // Stop one replica while most of the burst is still being decided.
    await someAnswered;
    const stopped = stack.workers[0].close();
    const outcomes = await Promise.all(replies);
    await stopped;

    expect(answered).toBe(REQUESTS);
    expect(outcomes.filter((o) => o !== 'allow digest-verified')).toEqual([]);
  });
});
