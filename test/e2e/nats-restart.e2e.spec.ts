/**
 * SPEC §8: a NATS restart loses nothing and needs no manual step. The whole stack (config-service,
 * projection-service, two workers) runs against a private nats-server, which is restarted under it
 * (SIGTERM, then the same port and store). Afterwards nobody touches the services: they must answer
 * again, take and spread new commands, still hold everything acknowledged before, and a
 * projection-service started after the restart must resume from its checkpoint.
 */
import type { NatsConnection } from 'nats';
import {
  ACTIVE_KEY, type ActiveReadModel, type AuthStatus, authSubject, type GetCredentialListResult, type GetIpAclResult,
  type GetTrunkResult, projectionBucket, querySubject, type QueryName, type Reply,
} from '@sipauth/contracts';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { describeWithPrivateNats, PrivateNats, startPrivateNats } from '../support/private-nats';
import { startStack, Stack, waitFor } from '../support/stack';

const ACCOUNT = 'acme';
const OLD_PASSWORD = 'Secret-Pass-123';
const NEW_PASSWORD = 'Fresh-Pass-4567';
const DOMAIN = 'nats-restart.example.net';
const OFFICE_IP = '203.0.113.5';
const BRANCH_IP = '198.51.100.7';
const invite = { domain: DOMAIN, sourceIp: OFFICE_IP, method: 'INVITE', requestUri: `sip:${DOMAIN}` };
/** Generous: after a restart the clients wait out their reconnect back-off. */
const RECOVERY_MS = 45_000;
/** Short, so that an outage longer than the projection's lease costs the test seconds, not minutes. */
const LEASE_TTL_MS = 3_000;

let nats: PrivateNats;
let stack: Stack;
let ids: { credentialListId: string; credentialId: string; ipAccessControlListId: string; trunkId: string };
let before: { events: string[]; readModel: Map<string, string>; queries: unknown[]; workers: AuthStatus[]; position: string };

/** Challenge, answer with the independent client, and return the decision's reason. */
async function answerWith(password: string, sourceIp = OFFICE_IP): Promise<string> {
  const request = { ...invite, sourceIp };
  const challenge = await stack.authorize(request);
  if (challenge.decision !== 'challenge') return challenge.reason;
  const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), {
    username: 'alice', password, method: 'INVITE', uri: invite.requestUri,
  });
  return (await stack.authorize({ ...request, authorization })).reason;
}

async function request<T>(subject: string, body: unknown): Promise<Reply<T>> {
  const msg = await stack.nc.request(subject, Buffer.from(JSON.stringify(body)), { timeout: 5_000 });
  return JSON.parse(Buffer.from(msg.data).toString('utf8')) as Reply<T>;
}

/** Every message of the event stream, in order, as subject and payload. */
async function eventStream(nc: NatsConnection, namespace: string): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const stream = `${namespace}_events`;
  const { state } = await jsm.streams.info(stream);
  const messages: string[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    messages.push(`${m.seq} ${m.subject} ${Buffer.from(m.data).toString('utf8')}`);
  }
  return messages;
}

/** Every live key of the active read-model generation with its value, read from the bucket's stream. */
async function activeReadModel(nc: NatsConnection, namespace: string): Promise<Map<string, string>> {
  const pointer = (await (await nc.jetstream().views.kv(projectionBucket(namespace), { bindOnly: true })).get(ACTIVE_KEY))!.json<ActiveReadModel>();
  const jsm = await nc.jetstreamManager();
  const stream = `KV_${pointer.bucket}`;
  const { state } = await jsm.streams.info(stream);
  const docs = new Map<string, string>();
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    // Older revisions of a key are gone (history 1): their sequence numbers are gaps.
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
    if (!m) continue;
    const key = m.subject.slice(`$KV.${pointer.bucket}.`.length);
    if (m.header?.get('KV-Operation')) docs.delete(key);
    else docs.set(key, Buffer.from(m.data).toString('utf8'));
  }
  return docs;
}

async function queries(): Promise<unknown[]> {
  const ask = async <T>(query: QueryName, body: object) => {
    const reply = await request<T>(querySubject(stack.namespace, query), { accountId: ACCOUNT, ...body });
    if (!reply.ok) throw new Error(`${query} failed: ${JSON.stringify(reply.error)}`);
    const { position: _position, ...rest } = reply.data as T & { position: string };
    return rest;
  };
  return [
    await ask<GetCredentialListResult>('credential-list.get', { credentialListId: ids.credentialListId }),
    await ask<GetIpAclResult>('ip-acl.get', { ipAccessControlListId: ids.ipAccessControlListId }),
    await ask<GetTrunkResult>('trunk.get', { trunkId: ids.trunkId }),
  ];
}

/** True once `auth.status` answers, ready, at `position` or later; false while NATS is still coming back. */
async function statusAnswersAt(position: string): Promise<boolean> {
  try {
    const status = await request<AuthStatus>(authSubject(stack.namespace, 'status'), {});
    return status.ok && status.data.ready && BigInt(status.data.position) >= BigInt(position);
  } catch {
    return false;
  }
}

async function recovered(what: string, check: () => Promise<unknown>): Promise<void> {
  await waitFor(async () => {
    try {
      await check();
      return true;
    } catch {
      return false;
    }
  }, what, RECOVERY_MS);
}

describeWithPrivateNats('a NATS server restart under the running stack', () => {
  beforeAll(async () => {
    nats = await startPrivateNats();
    stack = await startStack({ natsUrl: nats.url, workers: 2, prefix: 'nr', env: { PROJECTION_LEASE_TTL_MS: String(LEASE_TTL_MS) } });
    const list = await stack.apply<{ credentialListId: string; credentialId: string }>('credential-list.create', {
      accountId: ACCOUNT, friendlyName: 'Office', username: 'alice', password: OLD_PASSWORD,
    });
    const acl = await stack.apply<{ ipAccessControlListId: string }>('ip-acl.create', { accountId: ACCOUNT, friendlyName: 'PBX' });
    await stack.apply('ip-address.add', { accountId: ACCOUNT, ipAccessControlListId: acl.ipAccessControlListId, friendlyName: 'office', ipAddress: '203.0.113.0', cidrPrefixLength: 24 });
    const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: ACCOUNT, friendlyName: 'Main', domainName: DOMAIN });
    await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'credentialList', listId: list.credentialListId });
    const { position } = await stack.apply('trunk.assign', { accountId: ACCOUNT, trunkId, listKind: 'ipAccessControlList', listId: acl.ipAccessControlListId });
    ids = { ...list, ipAccessControlListId: acl.ipAccessControlListId, trunkId };

    expect(await answerWith(OLD_PASSWORD)).toBe('digest-verified');
    before = {
      events: await eventStream(stack.nc, stack.namespace),
      readModel: await activeReadModel(stack.nc, stack.namespace),
      queries: await queries(),
      workers: stack.workers.map((w) => w.status()),
      position,
    };
    expect(before.workers.every((w) => BigInt(w.position) >= BigInt(position))).toBe(true);

    await nats.restart();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await nats?.stop();
  }, 60_000);

  it('loses nothing acknowledged before the restart: events, read model, queries and worker indexes', async () => {
    await recovered('the event stream to be readable again', () => eventStream(stack.nc, stack.namespace));
    expect(await eventStream(stack.nc, stack.namespace)).toEqual(before.events);
    expect(await activeReadModel(stack.nc, stack.namespace)).toEqual(before.readModel);
    await recovered('the config-service queries to answer again', queries);
    expect(await queries()).toEqual(before.queries);
    expect(stack.workers.map((w) => w.status())).toEqual(before.workers);
  }, 60_000);

  it('answers auth.status and authorizes a fresh challenge/response again', async () => {
    await waitFor(() => statusAnswersAt(before.position), 'auth.status to answer again after the restart', RECOVERY_MS);
    await recovered('authorize to answer again after the restart', () => stack.authorize(invite));
    expect(await answerWith(OLD_PASSWORD)).toBe('digest-verified');
  }, 60_000);

  it('takes new commands and every worker applies them: a new password, a new address', async () => {
    const changed = await stack.apply('credential.change-password', {
      accountId: ACCOUNT, credentialListId: ids.credentialListId, credentialId: ids.credentialId, password: NEW_PASSWORD,
    });
    expect(BigInt(changed.position)).toBeGreaterThan(BigInt(before.position));
    expect(await answerWith(NEW_PASSWORD)).toBe('digest-verified');
    expect(await answerWith(OLD_PASSWORD)).toBe('bad-response');

    expect(await answerWith(NEW_PASSWORD, BRANCH_IP)).toBe('ip-not-allowed');
    const added = await stack.apply('ip-address.add', {
      accountId: ACCOUNT, ipAccessControlListId: ids.ipAccessControlListId, friendlyName: 'branch', ipAddress: BRANCH_IP,
    });
    for (const worker of stack.workers) {
      expect(BigInt(worker.status().position)).toBeGreaterThanOrEqual(BigInt(added.position));
      expect(worker.status().counts.ipRanges).toBe(before.workers[0].counts.ipRanges + 1);
    }
    expect(await answerWith(NEW_PASSWORD, BRANCH_IP)).toBe('digest-verified');
  }, 60_000);

  it('a projection-service started after the restart resumes from its checkpoint', async () => {
    await waitFor(() => stack.projection.runner.role === 'active', 'the first projection-service to be active');
    const generation = stack.projection.runner.activeGeneration;
    const checkpoint = stack.projection.runner.position!;
    const restarted = await stack.restartProjection();
    await waitFor(() => restarted.runner.role === 'active' && restarted.runner.ready, 'the new projection-service to become active', RECOVERY_MS);
    expect(restarted.runner.activeGeneration).toBe(generation);
    expect(restarted.runner.position).toBe(checkpoint);
    const metrics = await (await fetch(`http://127.0.0.1:${restarted.httpPort}/metrics`)).text();
    expect(metrics).not.toMatch(/sipauth_projection_events_applied_total\{phase="live"\} [1-9]/);

    const renamed = await stack.apply('trunk.rename', { accountId: ACCOUNT, trunkId: ids.trunkId, friendlyName: 'Main after restarts' });
    expect(BigInt(renamed.position)).toBeGreaterThan(BigInt(checkpoint));
    expect(await answerWith(NEW_PASSWORD)).toBe('digest-verified');
  }, 90_000);

  it('recovers the same way from an outage longer than the projection lease', async () => {
    const events = await eventStream(stack.nc, stack.namespace);
    await nats.restart({ downForMs: LEASE_TTL_MS * 2 });

    await recovered('the event stream to be readable again', () => eventStream(stack.nc, stack.namespace));
    expect(await eventStream(stack.nc, stack.namespace)).toEqual(events);
    await waitFor(() => statusAnswersAt('0'), 'auth.status to answer again after the outage', RECOVERY_MS);
    await recovered('the config-service to take a command again', async () => {
      const reply = await stack.send('credential-list.rename', { accountId: ACCOUNT, credentialListId: ids.credentialListId, friendlyName: 'Office after the outage' });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    });
    const added = await stack.apply('ip-address.add', {
      accountId: ACCOUNT, ipAccessControlListId: ids.ipAccessControlListId, friendlyName: 'lab', ipAddress: '192.0.2.0', cidrPrefixLength: 24,
    });
    for (const worker of stack.workers) expect(BigInt(worker.status().position)).toBeGreaterThanOrEqual(BigInt(added.position));
    expect(await answerWith(NEW_PASSWORD, '192.0.2.10')).toBe('digest-verified');
    expect(await answerWith(OLD_PASSWORD, '192.0.2.10')).toBe('bad-response');
  }, 120_000);
});
