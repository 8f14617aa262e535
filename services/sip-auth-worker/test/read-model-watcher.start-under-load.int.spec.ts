import type { NatsConnection } from 'nats';
import { authSubject, AuthDecision, Reply } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from '../../../test/support/nats';
import { answerChallenge, parseChallengeHeader } from '../../../test/support/digest-client';
import { readModel } from './read-model-docs';
import { RunningWorker, startSipAuthWorker } from '../src/bootstrap';

const TRUNKS = 120;
const LISTS = 6;
let nc: NatsConnection;
let ns: string;
let worker: RunningWorker | undefined;

async function authorize(body: object): Promise<AuthDecision> {
  const msg = await nc.request(authSubject(ns, 'authorize'), Buffer.from(JSON.stringify(body)), { timeout: 5000 });
  const reply = JSON.parse(Buffer.from(msg.data).toString()) as Reply<AuthDecision>;
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 400; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('condition not reached');
}
/** Challenge, then answer as `username` with `password`: the final reason. */
async function signIn(domain: string, username: string, password: string): Promise<string> {
  const invite = { domain, sourceIp: '192.0.2.1', method: 'INVITE', requestUri: `sip:+15550100@${domain}` };
  const challenge = await authorize(invite);
  if (!challenge.proxyAuthenticate) return challenge.reason;
  const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate[0]), { username, password, method: 'INVITE', uri: invite.requestUri });
  return (await authorize({ ...invite, authorization })).reason;
}
const listOf = (i: number) => `CL${i % LISTS}`;
/** The password each user ends with: every third one is changed after it was added. */
const finalPassword = (i: number) => (i % 3 === 0 ? `changed-${i}` : `first-${i}`);

beforeAll(async () => { nc = await connectNats(); });
afterAll(async () => { await nc.close(); });

// Without the eager copy: a generation written before issue 14's copy, read kind by kind from the bucket.
describe.each([
  ['from the eager copy of the generation, lists by their chunk documents', true],
  ['from the bucket itself (a generation without an eager copy)', false],
])('a worker that starts while the configuration changes under it (credentials on demand), reading %s', (_mode, eagerCopy) => {
  beforeAll(() => { ns = freshNamespace('wl'); worker = undefined; });
  afterAll(async () => {
    await worker?.close();
    await cleanupNamespace(nc, ns);
  });

  it('loses no change: once it reports the last position, every trunk and every credential is the latest', async () => {
    const rm = await readModel(nc, ns, 1, { eagerCopy });
    await rm.activate();
    let last = '0';
    for (let i = 0; i < TRUNKS; i++) {
      if (i === TRUNKS / 3) void startSipAuthWorker(testEnv(ns, { WORKER_HTTP_PORT: '0' })).then((w) => { worker = w; });
      await rm.credential(listOf(i), `CR${i}`, `user${i}`, `first-${i}`);
      last = await rm.trunk(`TK${i}`, `d${i}.example.net`, { credentialListIds: [listOf(i)] });
      if (i % 3 === 0) last = await rm.credential(listOf(i), `CR${i}`, `user${i}`, finalPassword(i));
    }
    await until(() => worker?.status().ready === true && worker.status().position === last);
    expect(worker!.status().counts.trunks).toBe(TRUNKS);
    for (let i = 0; i < TRUNKS; i++) {
      expect(`${i}: ${await signIn(`d${i}.example.net`, `user${i}`, finalPassword(i))}`).toBe(`${i}: digest-verified`);
    }
    expect(await signIn('d0.example.net', 'user0', 'first-0')).toBe('bad-response');
  });

  it('follows a password change of a list it has cached, and a credential added to it', async () => {
    const rm = await readModel(nc, ns, 1, { eagerCopy });
    expect(await signIn('d1.example.net', 'user1', 'first-1')).toBe('digest-verified');
    await rm.credential(listOf(1), 'CR1', 'user1', 'rotated-1');
    await rm.credential(listOf(1), 'CRX', 'newcomer', 'hello-1');
    await until(async () => (await signIn('d1.example.net', 'user1', 'rotated-1')) === 'digest-verified');
    expect(await signIn('d1.example.net', 'newcomer', 'hello-1')).toBe('digest-verified');
  });
});
