/**
 * Issue 14 through the real path (events appended → projection-service → KV → worker): a list's
 * credential chunks, the generation's eager copy, and a worker that starts from the copy, loads a list
 * by its chunks and follows chunk changes.
 */
import { randomUUID } from 'node:crypto';
import type { KV, NatsConnection } from 'nats';
import { authSubject, AuthDecision, CREDENTIAL_CHUNKS, credentialsOfChunk, decodeKvJson, eagerBucketOf, isEagerKey, keys, readModelBucket, Reply, type CredentialChunkDoc } from '@sipauth/contracts';
import { CURRENT_SCHEMA_VERSION } from '@sipauth/domain';
import { createEventStore, type EventData, type EventStore } from '@sipauth/event-store';
import { computeHa1s, ha1SealingContext, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from '../../../test/support/nats';
import { answerChallenge, parseChallengeHeader } from '../../../test/support/digest-client';
import { startProjectionService, type RunningProjectionService } from '../../projection-service/src/bootstrap';
import { RunningWorker, startSipAuthWorker } from '../src/bootstrap';

const ns = freshNamespace('wm');
const env = testEnv(ns, { WORKER_HTTP_PORT: '0', PROJECTION_HTTP_PORT: '0' });
const keyring = SealingKeyring.fromConfig(env.SIPAUTH_SEALING_KEYS);
const ACCOUNT = 'ACmembers';
const LIST = `CL${'1'.repeat(32)}`;
const TRUNK = `TK${'2'.repeat(32)}`;
const OTHER_TRUNK = `TK${'3'.repeat(32)}`;
const ACL = `AL${'4'.repeat(32)}`;
const AT = '2026-01-01T00:00:00.000Z';
const credentialId = (i: number) => `CR${i.toString(16).padStart(32, '0')}`;

let nc: NatsConnection;
let store: EventStore;
let projection: RunningProjectionService;
let worker: RunningWorker | undefined;
let last = '0';

const event = (type: string, data: object): EventData => ({
  id: randomUUID(), type, data,
  metadata: { accountId: ACCOUNT, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: CURRENT_SCHEMA_VERSION },
});
async function append(stream: string, events: EventData[]): Promise<void> {
  const { position } = await store.appendToStream(stream, events, { expectedRevision: 'any' });
  last = position;
}
const credential = (i: number, password = `pw-${i}`) => ({
  credentialId: credentialId(i), username: `user${i}`,
  ha1: sealHa1s(keyring, computeHa1s(`user${i}`, 'sipauth.test', password), ha1SealingContext(LIST, credentialId(i))),
});
async function projected(): Promise<void> {
  for (let i = 0; i < 400 && BigInt(projection.runner.position ?? '0') < BigInt(last); i++) await new Promise((r) => setTimeout(r, 25));
  expect(projection.runner.position).toBe(last);
}
/** Every live key of a bucket matching `filter` with its value. */
async function contents(kv: KV, filter = '>'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const listed: string[] = [];
  for await (const key of await kv.keys(filter)) listed.push(key);
  for (const key of listed) {
    const entry = await kv.get(key);
    if (entry && entry.operation === 'PUT') out.set(key, Buffer.from(entry.value).toString());
  }
  return out;
}
async function authorize(body: object): Promise<AuthDecision> {
  const msg = await nc.request(authSubject(ns, 'authorize'), Buffer.from(JSON.stringify(body)), { timeout: 5000 });
  const reply = JSON.parse(Buffer.from(msg.data).toString()) as Reply<AuthDecision>;
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}
async function signIn(username: string, password: string, sourceIp = '198.51.100.7'): Promise<string> {
  const invite = { domain: 'members.example.net', sourceIp, method: 'INVITE', requestUri: 'sip:+15550100@members.example.net' };
  const challenge = await authorize(invite);
  if (!challenge.proxyAuthenticate) return challenge.reason;
  const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate[0]), { username, password, method: 'INVITE', uri: invite.requestUri });
  return (await authorize({ ...invite, authorization })).reason;
}
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 400; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('condition not reached');
}

beforeAll(async () => {
  nc = await connectNats();
  store = await createEventStore(nc, { namespace: ns });
  projection = await startProjectionService(env);
});
afterAll(async () => {
  await worker?.close();
  await projection?.close();
  await store?.close();
  await cleanupNamespace(nc, ns);
  await nc.close();
});

describe('a list\'s credential chunks and the eager copy, written by projection-service', () => {
  let kv: KV;
  let eager: KV;

  it('writes a list\'s credentials (imports included) into its chunks and copies exactly the eager keys, deletions included', async () => {
    await append(`credentialList-${LIST}`, [
      event('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: AT }),
      event('CredentialsImported', { credentialListId: LIST, realm: 'sipauth.test', createdAt: AT, credentials: Array.from({ length: 300 }, (_, i) => credential(i)) }),
      event('CredentialAdded', { credentialListId: LIST, realm: 'sipauth.test', createdAt: AT, ...credential(300) }),
      event('CredentialRemoved', { credentialListId: LIST, credentialId: credentialId(7) }),
      event('TrunkAssigned', { trunkId: TRUNK, listKind: 'credentialList', listId: LIST }),
    ]);
    await append(`ipAcl-${ACL}`, [
      event('IpAccessControlListCreated', { ipAccessControlListId: ACL, accountId: ACCOUNT, friendlyName: 'Offices', createdAt: AT }),
      event('IpAddressAdded', { ipAccessControlListId: ACL, ipAddressId: `IP${'5'.repeat(32)}`, friendlyName: 'a', ipAddress: '198.51.100.0', cidrPrefixLength: 24, createdAt: AT }),
      event('IpAddressAdded', { ipAccessControlListId: ACL, ipAddressId: `IP${'6'.repeat(32)}`, friendlyName: 'b', ipAddress: '203.0.113.0', cidrPrefixLength: 24, createdAt: AT }),
      event('IpAddressRemoved', { ipAccessControlListId: ACL, ipAddressId: `IP${'6'.repeat(32)}` }),
      event('TrunkAssigned', { trunkId: TRUNK, listKind: 'ipAccessControlList', listId: ACL }),
    ]);
    await append(`trunk-${TRUNK}`, [
      event('TrunkCreated', { trunkId: TRUNK, accountId: ACCOUNT, friendlyName: 'Main', domainName: 'members.example.net', createdAt: AT }),
      event('TrunkAssigned', { trunkId: TRUNK, listKind: 'credentialList', listId: LIST }),
      event('TrunkAssigned', { trunkId: TRUNK, listKind: 'ipAccessControlList', listId: ACL }),
    ]);
    await append(`trunk-${OTHER_TRUNK}`, [
      event('TrunkCreated', { trunkId: OTHER_TRUNK, accountId: ACCOUNT, friendlyName: 'Gone', domainName: 'gone.example.net', createdAt: AT }),
      event('TrunkDeleted', { trunkId: OTHER_TRUNK, domainName: 'gone.example.net', credentialListIds: [], ipAccessControlListIds: [] }),
    ]);
    await projected();

    kv = await nc.jetstream().views.kv(readModelBucket(ns, 1), { bindOnly: true });
    eager = await nc.jetstream().views.kv(eagerBucketOf(readModelBucket(ns, 1)), { bindOnly: true });
    const chunks = await Promise.all(keys.credentialChunks(ACCOUNT, LIST).map(async (key) => decodeKvJson<CredentialChunkDoc>(await kv.get(key))));
    expect(chunks.filter((chunk) => chunk !== undefined)).toHaveLength(CREDENTIAL_CHUNKS);
    const held = new Map(chunks.flatMap((chunk) => credentialsOfChunk(chunk!)).map((c) => [c.credentialId, c]));
    expect(held.size).toBe(300);
    expect(held.get(credentialId(300))).toMatchObject({ username: 'user300', ha1: { 'MD5': expect.stringMatching(/^v1\.k1\./) } });
    expect(held.has(credentialId(7))).toBe(false);
    // No clear HA1 in a chunk: only the sealed values the events carried.
    const ha1 = computeHa1s('user3', 'sipauth.test', 'pw-3');
    expect(JSON.stringify(chunks)).not.toContain(ha1.MD5);
    expect(JSON.stringify(chunks)).not.toContain(ha1['SHA-256']);
    // Per-credential and members documents of the previous layout are gone.
    expect([...(await contents(kv)).keys()].filter((key) => key.includes('.credential.') || key.includes('.credential-ids.'))).toEqual([]);

    const all = await contents(kv);
    const expected = new Map([...all].filter(([key]) => isEagerKey(key)));
    const copied = await contents(eager);
    expect([...copied.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(copied).toEqual(expected);
    expect(copied.has(keys.trunk(ACCOUNT, OTHER_TRUNK))).toBe(false);
    expect(copied.has(keys.ipAddress(ACCOUNT, ACL, `IP${'6'.repeat(32)}`))).toBe(false);
    expect([...copied.keys()].some((key) => key.includes('.credentials.'))).toBe(false);
  });

  it('a worker started on it reads the copy, loads the list by its chunks, and follows chunk changes after', async () => {
    worker = await startSipAuthWorker(env);
    await until(() => worker!.status().ready);
    expect(worker.status().counts).toMatchObject({ trunks: 1, credentialLists: 1, credentials: 300, ipAccessControlLists: 1, ipRanges: 1 });
    expect(await signIn('user299', 'pw-299')).toBe('digest-verified');
    expect(await signIn('user300', 'pw-300')).toBe('digest-verified');
    expect(await signIn('user7', 'pw-7')).toBe('unknown-user');
    expect((await authorize({ domain: 'members.example.net', sourceIp: '203.0.113.9', method: 'INVITE', requestUri: 'sip:+1@members.example.net' })).decision).toBe('deny');

    await append(`credentialList-${LIST}`, [
      event('CredentialsImported', { credentialListId: LIST, realm: 'sipauth.test', createdAt: AT, credentials: [credential(400)] }),
      event('CredentialPasswordChanged', { credentialListId: LIST, credentialId: credentialId(1), realm: 'sipauth.test', ha1: credential(1, 'rotated').ha1 }),
    ]);
    await projected();
    await until(async () => (await signIn('user400', 'pw-400')) === 'digest-verified');
    expect(await signIn('user1', 'rotated')).toBe('digest-verified');
    expect(await signIn('user1', 'pw-1')).toBe('bad-response');

    await append(`credentialList-${LIST}`, [event('CredentialRemoved', { credentialListId: LIST, credentialId: credentialId(5) })]);
    await projected();
    await until(async () => (await signIn('user5', 'pw-5')) === 'unknown-user');
    expect(await signIn('user6', 'pw-6')).toBe('digest-verified');

    await append(`ipAcl-${ACL}`, [event('IpAddressRemoved', { ipAccessControlListId: ACL, ipAddressId: `IP${'5'.repeat(32)}` })]);
    await projected();
    await until(() => worker!.status().counts.ipRanges === 0);
    expect(await contents(eager, keys.ipAddressesOf(ACCOUNT, ACL))).toEqual(new Map());
    expect(worker.status().counts.ipRanges).toBe(0);
  });
});
