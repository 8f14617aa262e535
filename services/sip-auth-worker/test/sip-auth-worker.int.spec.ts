import { RequestStrategy, type NatsConnection } from 'nats';
import { authSubject, AuthDecision, AuthStatus, keys, Reply, SERVICE_NAMES } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from '../../../test/support/nats';
import { answerChallenge, parseChallengeHeader } from '../../../test/support/digest-client';
import { readModel } from './read-model-docs';
import { RunningWorker, startSipAuthWorker } from '../src/bootstrap';

const PASSWORD = 'Secret-Pass-123';
const ns = freshNamespace('w');
let nc: NatsConnection;
let workers: RunningWorker[] = [];

async function request<T>(op: string, body: unknown): Promise<Reply<T>> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const msg = await nc.request(authSubject(ns, op as 'status'), Buffer.from(payload), { timeout: 5000 });
  return JSON.parse(Buffer.from(msg.data).toString()) as Reply<T>;
}
const authorize = async (body: object) => {
  const reply = await request<AuthDecision>('authorize', body);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
};
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 200; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('condition not reached');
}
const invite = { domain: 'acme.example.net', sourceIp: '192.0.2.1', method: 'INVITE', requestUri: 'sip:+15550100@acme.example.net' };

beforeAll(async () => {
  nc = await connectNats();
  const rm = await readModel(nc, ns, 1);
  await rm.credential('CL1', 'CR1', 'alice', PASSWORD);
  await rm.trunk('TK1', 'acme.example.net', { credentialListIds: ['CL1'] });
  workers = await Promise.all([0, 1].map(() => startSipAuthWorker(testEnv(ns, { WORKER_HTTP_PORT: '0' }))));
  expect(workers[0].status().ready).toBe(false);
  await rm.activate();
  await until(() => workers.every((w) => w.status().ready));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await cleanupNamespace(nc, ns);
  await nc.close();
});

describe('sip-auth-worker over NATS (read model written directly)', () => {
  it('reports ready, position and counts on auth.status and /readyz once loaded', async () => {
    const reply = await request<AuthStatus>('status', {});
    expect(reply).toMatchObject({ ok: true, data: { ready: true, position: '2', counts: { trunks: 1, credentials: 1 } } });
    const res = await fetch(`${workers[0].httpUrl}/readyz`);
    expect(res.status).toBe(200);
    expect((await fetch(`${workers[1].httpUrl}/healthz`)).status).toBe(200);
  });

  it('answers malformed JSON and missing fields with VALIDATION_FAILED naming every bad field', async () => {
    expect(await request('authorize', '{nope')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const reply = await request('authorize', { domain: 'acme.example.net', sourceIp: 'not-an-ip', requestUri: 'http://x' });
    expect(reply.ok).toBe(false);
    const fields = (reply as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['method', 'requestUri', 'sourceIp']);
    expect(await request('verify', [1, 2])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('challenges, allows the answer once, and rejects its replay on the other replica', async () => {
    const challenge = await authorize(invite);
    const authorization = answerChallenge(parseChallengeHeader(challenge.proxyAuthenticate![0]), {
      username: 'alice', password: PASSWORD, method: 'INVITE', uri: invite.requestUri,
    });
    const replies = await Promise.all(Array.from({ length: 6 }, () => authorize({ ...invite, authorization })));
    expect(replies.filter((r) => r.reason === 'digest-verified')).toHaveLength(1);
    expect(replies.filter((r) => r.reason === 'nonce-replayed')).toHaveLength(5);
  });

  it('follows updates, and swaps to a rebuilt generation only once it is fully loaded', async () => {
    const rm1 = await readModel(nc, ns, 1);
    // A second handle on the same bucket continues its positions from 1; only the documents matter here.
    await rm1.range('AL1', 'IP1', '203.0.113.0', 24);
    await rm1.trunk('TK2', 'acl.example.net', { ipAccessControlListIds: ['AL1'] });
    await until(async () => (await authorize({ ...invite, domain: 'acl.example.net', sourceIp: '::ffff:203.0.113.7' })).reason === 'ip-allowed');

    const rm2 = await readModel(nc, ns, 2);
    await rm2.trunk('TK3', 'rebuilt.example.net', { ipAccessControlListIds: ['AL9'] });
    await rm2.range('AL9', 'IP9', '2001:db8::', 32);
    await rm2.activate();
    await until(async () => (await authorize({ ...invite, domain: 'rebuilt.example.net', sourceIp: '2001:db8::1' })).reason === 'ip-allowed');
    expect((await authorize(invite)).reason).toBe('unknown-trunk');
    expect(workers[1].status().counts).toMatchObject({ trunks: 1, ipRanges: 1 });
  });

  it('exposes decisions, latency and index sizes on /metrics', async () => {
    const text = await (await fetch(`${workers[0].httpUrl}/metrics`)).text();
    expect(text).toContain('sipauth_worker_decisions_total');
    expect(text).toContain('sipauth_worker_request_duration_seconds_bucket');
    expect(text).toMatch(/sipauth_worker_index_entries\{kind="trunks"\} 1/);
  });

  it('answers $SRV.PING.sip-auth-worker once per replica with its name and namespace, and leaves discovery when it stops', async () => {
    // $SRV has no namespace token: other test files' workers answer too, told apart by their metadata.
    const ours = async () => {
      const found = [];
      for await (const p of await nc.services.client({ strategy: RequestStrategy.Timer, maxWait: 1500 }).ping(SERVICE_NAMES.worker)) {
        if (p.metadata?.namespace === ns) found.push(p);
      }
      return found;
    };
    const both = await ours();
    expect(both.map((p) => p.name)).toEqual(['sip-auth-worker', 'sip-auth-worker']);
    expect(new Set(both.map((p) => p.id)).size).toBe(2);
    await workers[1].close();
    const left = await ours();
    expect(left.map((p) => p.name)).toEqual(['sip-auth-worker']);
    expect(both.map((p) => p.id)).toContain(left[0].id);
  });

  it('reports ready only once its deciding subjects are subscribed: asked at once, it answers', async () => {
    await Promise.all(workers.map((w) => w.close()));
    const late = await startSipAuthWorker(testEnv(ns, { WORKER_HTTP_PORT: '0' }));
    workers.push(late);
    await until(() => late.status().ready);
    expect((await authorize(invite)).decision).toBeDefined();
  });

  it('refuses to start without its keys, with a clear error', async () => {
    const env = testEnv(ns, { WORKER_HTTP_PORT: '0' });
    delete (env as Record<string, string>).SIPAUTH_SEALING_KEYS;
    await expect(startSipAuthWorker(env)).rejects.toThrow('SIPAUTH_SEALING_KEYS is required');
  });
});
