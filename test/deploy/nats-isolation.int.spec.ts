/**
 * The users and permissions shipped in deploy/ (deploy/nats/nats-server.conf with
 * deploy/k8s/nats/accounts.conf), enforced by a real nats-server of the version CI has: the real
 * config-service, projection-service and sip-auth-worker run under their own users and do their
 * jobs, the SIP edge and operator tooling ask what they may; and every attempt of one user to read
 * another's replies, the event stream or the read models is refused by the server, which reports a
 * permissions violation (observed, not inferred from silence).
 */
import { randomBytes } from 'node:crypto';
import { AckPolicy, connect, ConnectionOptions, Events, NatsConnection, NatsError } from 'nats';
import { authSubject, configSubject, natsConnectOptions, querySubject, readSharedConfig, Reply } from '@sipauth/contracts';
import { startConfigService, RunningConfigService } from '../../services/config-service/src/bootstrap';
import { RunningProjectionService, startProjectionService } from '../../services/projection-service/src/bootstrap';
import { RunningWorker, startSipAuthWorker } from '../../services/sip-auth-worker/src/bootstrap';
import { InboxRequester, RequestOutcome } from '../../services/sip-edge/src/bridge/inbox-requester';
import { answerChallenge, parseChallengeHeader } from '../support/digest-client';
import { describeWithPrivateNats, PrivateNats, startShippedNats } from '../support/private-nats';

const NS = 'sipauth'; // the namespace the shipped accounts.conf is written for
const USERS = ['config-service', 'projection-service', 'sip-auth-worker', 'sip-edge', 'config-client'] as const;
type User = (typeof USERS)[number];
const passwordVar = (user: string) => `NATS_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
const PASSWORDS: Record<string, string> = Object.fromEntries(
  [...USERS, 'sys'].map((u) => [passwordVar(u), `p${randomBytes(24).toString('hex')}`]),
);
const ACCOUNT = 'acme';
const PASSWORD = 'Isolation-Pass-123';
const INVITE = { domain: 'isolated.example.net', sourceIp: '203.0.113.5', method: 'INVITE', requestUri: 'sip:+15550100@isolated.example.net' };

let nats: PrivateNats;
let config: RunningConfigService;
let projection: RunningProjectionService;
let worker: RunningWorker;
const connections: NatsConnection[] = [];

/** A client connection as `user` with that user's inbox prefix, as the services and the README's clients make it. */
async function as(user: User, extra: Partial<ConnectionOptions> = {}): Promise<NatsConnection> {
  const nc = await connect({
    servers: nats.url, user, pass: PASSWORDS[passwordVar(user)], name: `isolation-${user}`, inboxPrefix: `_INBOX.${user}`, ...extra,
  });
  connections.push(nc);
  return nc;
}

function serviceEnv(user: User): Record<string, string> {
  return {
    NODE_ENV: 'test',
    NATS_URL: nats.url,
    NATS_USER: user,
    NATS_PASSWORD: PASSWORDS[passwordVar(user)],
    SIPAUTH_NAMESPACE: NS,
    SIPAUTH_REALM: 'sipauth.test',
    SIPAUTH_NONCE_SECRETS: `n1:${Buffer.alloc(32, 1).toString('base64')}`,
    SIPAUTH_SEALING_KEYS: `k1:${Buffer.alloc(32, 2).toString('base64')}`,
  };
}

async function ask<T>(nc: NatsConnection, subject: string, body: unknown): Promise<Reply<T>> {
  const msg = await nc.request(subject, Buffer.from(JSON.stringify(body)), { timeout: 10_000 });
  return JSON.parse(Buffer.from(msg.data).toString('utf8')) as Reply<T>;
}

async function command<T>(nc: NatsConnection, name: Parameters<typeof configSubject>[1], body: object): Promise<T & { position: string }> {
  const reply = await ask<T & { position: string }>(nc, configSubject(NS, name), { accountId: ACCOUNT, ...body });
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/**
 * Resolves with the server's permissions-violation report for `operation` on `subject` after
 * `attempt` ran on `nc`: the `-ERR 'Permissions Violation …'` the server sends, as nats.js hands it
 * to status listeners. Rejects if the attempt succeeds instead or nothing is reported in 10 s.
 */
async function refused(nc: NatsConnection, operation: 'publish' | 'subscription', subject: string, attempt: () => Promise<unknown> | unknown): Promise<string> {
  const statuses = nc.status();
  const report = (async () => {
    for await (const s of statuses) {
      const ctx = (s as { permissionContext?: { operation: string; subject: string } }).permissionContext;
      if (s.type === Events.Error && s.data === 'PERMISSIONS_VIOLATION' && ctx?.operation === operation && ctx.subject === subject) {
        return `${operation} ${subject} refused`;
      }
    }
    throw new Error('connection closed before a permissions violation was reported');
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no permissions violation for ${operation} ${subject}`)), 10_000); });
  try {
    const outcome = Promise.resolve().then(attempt).then(
      () => report,
      (err: unknown) => {
        if (err instanceof NatsError && err.isPermissionError()) return report;
        throw err;
      },
    );
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
    (statuses as { stop?: () => void }).stop?.();
  }
}

describeWithPrivateNats('the shipped NATS users on a real nats-server, with the real services', () => {
  let edge: NatsConnection;
  let client: NatsConnection;
  let eventPosition: string;

  beforeAll(async () => {
    nats = await startShippedNats({ env: PASSWORDS });
    config = await startConfigService({ ...serviceEnv('config-service'), CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
    projection = await startProjectionService({ ...serviceEnv('projection-service'), PROJECTION_HTTP_PORT: '0' });
    worker = await startSipAuthWorker({ ...serviceEnv('sip-auth-worker'), WORKER_HTTP_PORT: '0' });
    edge = await as('sip-edge');
    client = await as('config-client');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
    await worker?.close();
    await projection?.close();
    await config?.close();
    await nats?.stop();
  });

  it('runs every service under its own user: a command is stored, projected, indexed and decides a call the edge asks about', async () => {
    const { trunkId } = await command<{ trunkId: string }>(client, 'trunk.create', { friendlyName: 'Isolated', domainName: INVITE.domain });
    const { credentialListId } = await command<{ credentialListId: string }>(client, 'credential-list.create', {
      friendlyName: 'Office', username: 'alice', password: PASSWORD,
    });
    eventPosition = (await command(client, 'trunk.assign', { trunkId, listKind: 'credentialList', listId: credentialListId })).position;
    await waitUntil(async () => {
      const status = await ask<{ position: string }>(client, authSubject(NS, 'status'), {});
      return status.ok && BigInt(status.data.position) >= BigInt(eventPosition);
    });
    const trunk = await ask(client, querySubject(NS, 'trunk.get'), { accountId: ACCOUNT, trunkId });
    expect(trunk).toMatchObject({ ok: true, data: { trunk: { domainName: INVITE.domain, credentialListIds: [credentialListId] } } });

    const challenge = await ask<{ decision: string; proxyAuthenticate: string[] }>(edge, authSubject(NS, 'authorize'), INVITE);
    expect(challenge).toMatchObject({ ok: true, data: { decision: 'challenge' } });
    const authorization = answerChallenge(parseChallengeHeader((challenge as { data: { proxyAuthenticate: string[] } }).data.proxyAuthenticate[0]), {
      username: 'alice', password: PASSWORD, method: 'INVITE', uri: INVITE.requestUri,
    });
    expect(await ask(edge, authSubject(NS, 'verify'), { ...INVITE, authorization })).toMatchObject({ ok: true, data: { decision: 'allow', username: 'alice' } });

    // A wrong password: the worker broadcasts the failure to its replicas (sipauth.internal.auth.>)
    // and operators see it through the lockouts question.
    const wrong = answerChallenge(parseChallengeHeader((challenge as { data: { proxyAuthenticate: string[] } }).data.proxyAuthenticate[0]), {
      username: 'alice', password: 'not-the-password', method: 'INVITE', uri: INVITE.requestUri,
    });
    const refusedCall = await ask<{ decision: string }>(edge, authSubject(NS, 'verify'), { ...INVITE, authorization: wrong });
    expect(refusedCall.ok && refusedCall.data.decision).toMatch(/^(challenge|deny)$/);
    expect(await ask(client, authSubject(NS, 'lockouts.list'), { accountId: ACCOUNT, trunkId })).toMatchObject({ ok: true });
    const clear = authSubject(NS, 'lockouts.clear');
    expect(await refused(edge, 'publish', clear, () => edge.request(clear, Buffer.from('{}'), { timeout: 5000 }))).toMatch(/refused/);
  }, 60_000);

  it('lets the SIP edge bridge\'s own requester, connected as the bridge connects, ask the worker', async () => {
    const shared = readSharedConfig({ ...serviceEnv('sip-edge'), NATS_USER: 'sip-edge' });
    const nc = await connect(natsConnectOptions(shared, 'sip-edge'));
    connections.push(nc);
    const requester = new InboxRequester(nc, 10_000, shared.natsInboxPrefix);
    const outcome = await new Promise<RequestOutcome>((resolve) => requester.request(authSubject(NS, 'challenge'), JSON.stringify({ domain: INVITE.domain }), resolve));
    requester.close();
    expect(outcome.ok && JSON.parse(Buffer.from(outcome.msg.data).toString())).toMatchObject({ ok: true, data: { decision: 'challenge' } });
  });

  describe.each(USERS)('as %s', (user) => {
    const others = USERS.filter((u) => u !== user);

    it('may not subscribe to every inbox', async () => {
      const nc = await as(user);
      expect(await refused(nc, 'subscription', '_INBOX.>', () => nc.subscribe('_INBOX.>'))).toMatch(/refused/);
    });

    it.each(others)('may not read the replies and JetStream deliveries of %s', async (other) => {
      const nc = await as(user);
      const subject = `_INBOX.${other}.>`;
      expect(await refused(nc, 'subscription', subject, () => nc.subscribe(subject))).toMatch(/refused/);
    });

    it('may not listen to the event subjects or the read-model puts directly', async () => {
      const nc = await as(user);
      expect(await refused(nc, 'subscription', `${NS}.events.>`, () => nc.subscribe(`${NS}.events.>`))).toMatch(/refused/);
      expect(await refused(nc, 'subscription', `$KV.${NS}_rm_1.>`, () => nc.subscribe(`$KV.${NS}_rm_1.>`))).toMatch(/refused/);
    });

    it('gets a permissions violation, not a reply, when it asks without its own inbox prefix', async () => {
      const nc = await as(user, { inboxPrefix: undefined });
      await expect(nc.request(authSubject(NS, 'status'), Buffer.from('{}'), { timeout: 10_000 })).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    });
  });

  describe.each(['sip-auth-worker', 'sip-edge', 'config-client'] as const)('as %s', (user) => {
    it('cannot read the event stream through JetStream', async () => {
      const nc = await as(user);
      const jsm = await nc.jetstreamManager({ checkAPI: false });
      // Both forms of the consumer-create API: `…CREATE.<stream>` and `…CREATE.<stream>.<name>.<filter>`.
      await expect(jsm.consumers.add(`${NS}_events`, { ack_policy: AckPolicy.None, deliver_subject: `_INBOX.${user}.events` })).rejects.toThrow(/permission|violation/i);
      await expect(jsm.consumers.add(`${NS}_events`, { name: 'peek', ack_policy: AckPolicy.None, filter_subject: `${NS}.events.>` })).rejects.toThrow(/permission|violation/i);
      await expect(jsm.streams.getMessage(`${NS}_events`, { seq: 1 })).rejects.toThrow(/permission|violation/i);
    });
  });

  describe.each(['sip-edge', 'config-client'] as const)('as %s', (user) => {
    it('cannot read or watch the read-model bucket', async () => {
      const nc = await as(user);
      const bucket = worker.readModelBucket()!;
      expect(bucket).toMatch(new RegExp(`^${NS}_rm_\\d+$`));
      const js = nc.jetstream();
      await expect(js.views.kv(bucket, { bindOnly: true }).then((kv) => kv.get(`acct.${ACCOUNT}.position`))).rejects.toThrow(/permission|violation/i);
      const jsm = await nc.jetstreamManager({ checkAPI: false });
      await expect(jsm.consumers.add(`KV_${bucket}`, { ack_policy: AckPolicy.None, deliver_subject: `_INBOX.${user}.rm` })).rejects.toThrow(/permission|violation/i);
    });
  });

  it('lets only the worker answer auth requests and only config-service answer commands', async () => {
    const edgeAnswering = await as('sip-edge');
    const subject = authSubject(NS, 'authorize');
    expect(await refused(edgeAnswering, 'subscription', subject, () => edgeAnswering.subscribe(subject))).toMatch(/refused/);
    const workerAnswering = await as('sip-auth-worker');
    const create = configSubject(NS, 'trunk.create');
    expect(await refused(workerAnswering, 'subscription', create, () => workerAnswering.subscribe(create))).toMatch(/refused/);
    expect(await refused(edge, 'publish', create, () => edge.request(create, Buffer.from('{}'), { timeout: 5000 }))).toMatch(/refused/);
  });

  it('keeps the worker from the request ledger of config-service', async () => {
    const nc = await as('sip-auth-worker');
    const jsm = await nc.jetstreamManager({ checkAPI: false });
    await expect(jsm.streams.getMessage(`KV_${NS}_requests`, { seq: 1 })).rejects.toThrow(/permission|violation/i);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
