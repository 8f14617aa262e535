/**
 * Issue 13 item 6: a graceful stop finishes what it started. Requests already inside a decision when
 * drain begins (the replay-guard write, here held open by a gate the test controls) are answered with
 * their decision before drain resolves, so closing the connection afterwards loses none of them.
 */
import type { NatsConnection } from 'nats';
import { AuthDecision, authSubject, Reply } from '@sipauth/contracts';
import type { Authorizer } from '../src/authorization/authorizer';
import type { WorkerMetrics } from '../src/ops/worker-metrics';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { AuthResponder } from '../src/transport/auth-responder';

const ALLOW: AuthDecision = { decision: 'allow', status: 200, reason: 'ip-acl' } as AuthDecision;
const IN_FLIGHT = 20;

/** Decisions that wait until the test opens the gate; `started` counts the ones begun. */
function gatedAuthorizer() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  const seen: string[] = [];
  const waiters: Array<() => void> = [];
  const authorize = async (input: { requestUri: { host: string } }): Promise<AuthDecision> => {
    seen.push(input.requestUri.host);
    waiters.splice(0).forEach((w) => w());
    await gate;
    return { ...ALLOW, reason: `for ${input.requestUri.host}` } as AuthDecision;
  };
  const startedAtLeast = async (n: number) => { while (seen.length < n) await new Promise<void>((r) => waiters.push(r)); };
  return { authorizer: { authorize } as unknown as Authorizer, open, startedAtLeast };
}

describe('AuthResponder drain (worker SIGTERM)', () => {
  const namespace = freshNamespace('drain');
  let server: NatsConnection;
  let client: NatsConnection;
  beforeAll(async () => {
    server = await connectNats('drain-responder');
    client = await connectNats('drain-client');
  });
  afterAll(async () => {
    await cleanupNamespace(client, namespace);
    await client.close();
    if (!server.isClosed()) await server.close();
  });

  it('answers every decision in flight with its own decision before drain resolves, then the connection closes', async () => {
    const gated = gatedAuthorizer();
    const responder = new AuthResponder({
      nc: server, namespace, authorizer: gated.authorizer,
      metrics: { decided: () => undefined, failed: () => undefined } as unknown as WorkerMetrics,
      status: () => { throw new Error('not asked'); }, log: () => undefined,
    });
    await responder.serveDecisions();
    const subject = authSubject(namespace, 'authorize');
    const hosts = Array.from({ length: IN_FLIGHT }, (_, i) => `h${i}.acme.example.net`);
    const replies = hosts.map((host) => client.request(subject, JSON.stringify({
      domain: 'acme.example.net', sourceIp: '192.0.2.1', method: 'INVITE', requestUri: `sip:${host}`,
    }), { timeout: 10_000 }).then((m) => JSON.parse(m.string()) as Reply<AuthDecision>));
    await gated.startedAtLeast(IN_FLIGHT);

    let drained = false;
    const draining = responder.drain().then(() => { drained = true; });
    // Drain has unsubscribed and is now waiting on the held decisions; it must not have finished.
    await server.flush();
    expect(drained).toBe(false);
    gated.open();
    await draining;
    await server.close();

    const answers = await Promise.all(replies);
    expect(answers).toEqual(hosts.map((host) => ({ ok: true, data: { ...ALLOW, reason: `for ${host}` } })));
  });

  it('stops waiting for a decision that never ends once its bound has passed', async () => {
    const logged: string[] = [];
    const nc = await connectNats('drain-bounded');
    const gated = gatedAuthorizer();
    const responder = new AuthResponder({
      nc, namespace: `${namespace}b`, authorizer: gated.authorizer,
      metrics: { decided: () => undefined, failed: () => undefined } as unknown as WorkerMetrics,
      status: () => { throw new Error('not asked'); }, log: (m) => logged.push(m),
    });
    await responder.serveDecisions();
    void client.request(authSubject(`${namespace}b`, 'authorize'), JSON.stringify({
      domain: 'acme.example.net', sourceIp: '192.0.2.9', method: 'INVITE', requestUri: 'sip:acme.example.net',
    }), { timeout: 1_000 }).catch(() => undefined);
    await gated.startedAtLeast(1);
    await responder.drain(50);
    expect(logged).toEqual(['drain: 1 decisions still unanswered after 50 ms']);
    gated.open();
    await nc.close();
  });
});
