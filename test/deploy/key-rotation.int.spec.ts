/**
 * Key rotation in two phases, as README's deployment section prescribes for SIPAUTH_NONCE_SECRETS and
 * SIPAUTH_SEALING_KEYS: (1) add the new key as accepted (`old,new`) and roll every replica, (2) make
 * it current (`new,old`) and roll again. During the second roll replicas of both orders run side by
 * side: a nonce minted and an HA1 sealed under the new key by an updated replica must still work on
 * a replica that is not updated yet, and the other way round. Each step runs one worker at a time,
 * as a rolling update hands the queue group from one pod to the next, so it is known which replica
 * minted and which verified. The last test shows why phase 1 is not optional.
 */
import type { NatsConnection } from 'nats';
import { AuthDecision, authSubject, configSubject, Reply } from '@sipauth/contracts';
import { RunningConfigService, startConfigService } from '../../services/config-service/src/bootstrap';
import { RunningProjectionService, startProjectionService } from '../../services/projection-service/src/bootstrap';
import { RunningWorker, startSipAuthWorker } from '../../services/sip-auth-worker/src/bootstrap';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from '../support/nats';
import { waitFor } from '../support/stack';

const key = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString('base64')}`;
const N1 = key('n1', 11);
const N2 = key('n2', 12);
const K1 = key('k1', 21);
const K2 = key('k2', 22);
const ACCOUNT = 'acme';
const DOMAIN = 'rotation.example.net';
const INVITE = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE', requestUri: `sip:+15550100@${DOMAIN}` };

const namespace = freshNamespace('rot');
let nc: NatsConnection;
let projection: RunningProjectionService;
const running: { close(): Promise<void> }[] = [];

const env = (nonceSecrets: string, sealingKeys: string) => testEnv(namespace, { NODE_ENV: 'test', SIPAUTH_NONCE_SECRETS: nonceSecrets, SIPAUTH_SEALING_KEYS: sealingKeys });

async function config(sealingKeys: string): Promise<RunningConfigService> {
  const service = await startConfigService({ ...env(N1, sealingKeys), CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
  running.push(service);
  return service;
}

/** Starts a worker with the given key orders and waits until it has applied `position`. */
async function worker(nonceSecrets: string, sealingKeys: string, position: string): Promise<RunningWorker> {
  const w = await startSipAuthWorker({ ...env(nonceSecrets, sealingKeys), WORKER_HTTP_PORT: '0' });
  running.push(w);
  await waitFor(() => w.status().ready && BigInt(w.status().position) >= BigInt(position), 'worker caught up');
  return w;
}

async function request<T>(subject: string, body: unknown): Promise<Reply<T>> {
  const msg = await nc.request(subject, Buffer.from(JSON.stringify(body)), { timeout: 10_000 });
  return JSON.parse(Buffer.from(msg.data).toString('utf8')) as Reply<T>;
}

async function command<T>(name: Parameters<typeof configSubject>[1], body: object): Promise<T & { position: string }> {
  const reply = await request<T & { position: string }>(configSubject(namespace, name), { accountId: ACCOUNT, ...body });
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

async function authorize(body: object): Promise<AuthDecision> {
  const reply = await request<AuthDecision>(authSubject(namespace, 'authorize'), body);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}

const answer = (challenge: AuthDecision, username: string, password: string) => answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), {
  username, password, method: 'INVITE', uri: INVITE.requestUri,
});

/** A fresh challenge from whichever worker runs now (its nonce minted under that worker's current key). */
const challengeOf = async () => {
  const c = await authorize(INVITE);
  expect(c.decision).toBe('challenge');
  return c;
};

let trunkId: string;
let listId: string;
let position: string;

beforeAll(async () => {
  nc = await connectNats('key-rotation');
  projection = await startProjectionService({ ...env(N1, K1), PROJECTION_HTTP_PORT: '0' });
  // Before the rotation: every replica knows only n1 and k1; alice's HA1 is sealed under k1.
  const before = await config(K1);
  trunkId = (await command<{ trunkId: string }>('trunk.create', { friendlyName: 'Rotation', domainName: DOMAIN })).trunkId;
  listId = (await command<{ credentialListId: string }>('credential-list.create', { friendlyName: 'Office', username: 'alice', password: 'Alice-Pass-123' })).credentialListId;
  position = (await command('trunk.assign', { trunkId, listKind: 'credentialList', listId })).position;
  await before.close();
}, 60_000);

afterAll(async () => {
  for (const r of running.reverse()) await r.close().catch(() => undefined);
  await projection?.close();
  await cleanupNamespace(nc, namespace);
  await nc.close();
});

describe('two-phase key rotation with replicas of both key orders', () => {
  it('lets a not-yet-updated worker (n1,n2 / k1,k2) verify a nonce and unseal an HA1 minted by an updated replica (n2,n1 / k2,k1)', async () => {
    // Phase 2 under way: config-service already seals under k2; bob is created by it.
    const updatedConfig = await config(`${K2},${K1}`);
    position = (await command('credential.add', { credentialListId: listId, username: 'bob', password: 'Bob-Pass-12345' })).position;
    await updatedConfig.close();

    const updated = await worker(`${N2},${N1}`, `${K2},${K1}`, position);
    const challenge = await challengeOf(); // minted under n2 by the updated worker
    await updated.close();

    await worker(`${N1},${N2}`, `${K1},${K2}`, position); // the one the roll has not reached yet
    expect(await authorize({ ...INVITE, authorization: answer(challenge, 'bob', 'Bob-Pass-12345') })).toMatchObject({ decision: 'allow', username: 'bob' });
    const again = await challengeOf(); // minted under n1
    expect(await authorize({ ...INVITE, authorization: answer(again, 'alice', 'Alice-Pass-123') })).toMatchObject({ decision: 'allow', username: 'alice' });
  }, 60_000);

  it('lets an updated worker verify a nonce minted by a not-yet-updated one, and unseal an HA1 sealed before the rotation', async () => {
    for (const r of running.splice(0)) await r.close();
    const old = await worker(`${N1},${N2}`, `${K1},${K2}`, position);
    const challenge = await challengeOf(); // minted under n1
    await old.close();

    await worker(`${N2},${N1}`, `${K2},${K1}`, position);
    expect(await authorize({ ...INVITE, authorization: answer(challenge, 'alice', 'Alice-Pass-123') })).toMatchObject({ decision: 'allow', username: 'alice' });
    expect(await authorize({ ...INVITE, authorization: answer(await challengeOf(), 'bob', 'Bob-Pass-12345') })).toMatchObject({ decision: 'allow', username: 'bob' });
  }, 60_000);

  it('fails without phase 1: a worker that knows only n1 and k1 cannot take a nonce minted under n2, nor open an HA1 sealed under k2', async () => {
    for (const r of running.splice(0)) await r.close();
    const updated = await worker(`${N2},${N1}`, `${K2},${K1}`, position);
    const forAlice = await challengeOf();
    await updated.close();

    await worker(N1, K1, position);
    const alice = await authorize({ ...INVITE, authorization: answer(forAlice, 'alice', 'Alice-Pass-123') });
    expect(alice.decision).not.toBe('allow');
    // bob's HA1 is sealed under k2: even with a nonce this worker minted itself, he is not let in.
    const bob = await authorize({ ...INVITE, authorization: answer(await challengeOf(), 'bob', 'Bob-Pass-12345') });
    expect(bob.decision).not.toBe('allow');
  }, 60_000);
});
