/**
 * The whole stack in this process on a fresh namespace: config-service, projection-service and one
 * or more sip-auth-workers, with helpers to send commands and wait until the workers have applied
 * them. `close()` stops everything and removes the namespace's streams and buckets.
 */
import type { NatsConnection } from 'nats';
import {
  AuthDecision, AuthStatus, authSubject, ConfigCommandName, configSubject, Reply,
} from '@sipauth/contracts';
import { startConfigService } from '../../services/config-service/src/bootstrap';
import { RunningProjectionService, startProjectionService } from '../../services/projection-service/src/bootstrap';
import { RunningWorker, startSipAuthWorker } from '../../services/sip-auth-worker/src/bootstrap';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from './nats';

export interface StackOptions {
  workers?: number;
  /** Extra environment for every service, e.g. SIPAUTH_NONCE_TTL_SECONDS. */
  env?: Record<string, string>;
  prefix?: string;
  /** The NATS server every service and the stack's own connection use; default the shared test server. */
  natsUrl?: string;
}

export interface Stack {
  namespace: string;
  nc: NatsConnection;
  workers: RunningWorker[];
  projection: RunningProjectionService;
  /** Base URL of config-service's HTTP server (REST API and console), on a free port. */
  configUrl: string;
  /** Closes the projection-service and starts a new one on the same namespace (stopped by close()). */
  restartProjection(): Promise<RunningProjectionService>;
  /** Starts one more worker on the stack's namespace (stopped by close()) and waits until it is ready. */
  addWorker(): Promise<RunningWorker>;
  /** Sends a config command; resolves its reply (ok or not). */
  send<T = Record<string, unknown>>(command: ConfigCommandName, body: object): Promise<Reply<T & { position: string }>>;
  /** Sends a config command that must succeed and waits until every worker has applied it. */
  apply<T = Record<string, unknown>>(command: ConfigCommandName, body: object): Promise<T & { position: string }>;
  /** Waits until `auth.status` and every worker report at least `position`. */
  waitForPosition(position: string): Promise<void>;
  authorize(body: object): Promise<AuthDecision>;
  auth<T = AuthDecision>(op: 'authorize' | 'challenge' | 'verify' | 'status', body: unknown): Promise<Reply<T>>;
  close(): Promise<void>;
}

const quiet = { NODE_ENV: 'test' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const namespace = freshNamespace(opts.prefix ?? 'e');
  const env = testEnv(namespace, { ...quiet, ...(opts.natsUrl ? { NATS_URL: opts.natsUrl } : {}), ...opts.env });
  const nc = await connectNats('sipauth-stack', opts.natsUrl);
  const closers: (() => Promise<void>)[] = [];
  try {
    const config = await startConfigService({ ...env, CONFIG_HTTP_PORT: '0' }, { logger: ['error', 'warn'] });
    closers.push(() => config.close());
    const startProjection = async () => {
      const started = await startProjectionService({ ...env, PROJECTION_HTTP_PORT: '0' });
      closers.push(() => started.close());
      return started;
    };
    const projection = await startProjection();
    const workers: RunningWorker[] = [];
    for (let i = 0; i < (opts.workers ?? 1); i++) {
      const worker = await startSipAuthWorker({ ...env, WORKER_HTTP_PORT: '0' });
      workers.push(worker);
      closers.push(() => worker.close());
    }
    await waitFor(() => workers.every((w) => w.status().ready), 'workers ready');

    const request = async <T>(subject: string, body: unknown): Promise<Reply<T>> => {
      const payload = typeof body === 'string' ? body : JSON.stringify(body);
      const msg = await nc.request(subject, Buffer.from(payload), { timeout: 10_000 });
      return JSON.parse(Buffer.from(msg.data).toString('utf8')) as Reply<T>;
    };
    const stack: Stack = {
      namespace, nc, workers, projection, configUrl: config.httpUrl,
      async restartProjection() {
        await stack.projection.close();
        stack.projection = await startProjection();
        return stack.projection;
      },
      async addWorker() {
        const worker = await startSipAuthWorker({ ...env, WORKER_HTTP_PORT: '0' });
        workers.push(worker);
        closers.push(() => worker.close());
        await waitFor(() => worker.status().ready, 'new worker ready');
        return worker;
      },
      send: (command, body) => request(configSubject(namespace, command), body),
      async apply(command, body) {
        const reply = await stack.send(command, body);
        if (!reply.ok) throw new Error(`${command} failed: ${JSON.stringify(reply.error)}`);
        await stack.waitForPosition(reply.data.position);
        return reply.data as never;
      },
      async waitForPosition(position) {
        const target = BigInt(position);
        await waitFor(async () => {
          const status = await request<AuthStatus>(authSubject(namespace, 'status'), {});
          return status.ok && BigInt(status.data.position) >= target && workers.every((w) => BigInt(w.status().position) >= target);
        }, `position ${position}`);
      },
      async authorize(body) {
        const reply = await request<AuthDecision>(authSubject(namespace, 'authorize'), body);
        if (!reply.ok) throw new Error(`authorize failed: ${JSON.stringify(reply.error)}`);
        return reply.data;
      },
      auth: (op, body) => request(authSubject(namespace, op), body),
      async close() {
        for (const close of closers.reverse()) await close().catch(() => undefined);
        await cleanupNamespace(nc, namespace);
        await nc.close();
      },
    };
    return stack;
  } catch (err) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await cleanupNamespace(nc, namespace);
    await nc.close();
    throw err;
  }
}

/**
 * Configures a digest-only trunk: a credential list "Office" holding `username`, a trunk "Main" on
 * `domainName`, the list assigned; resolves once every worker has applied it.
 */
export async function seedDigestTrunk(
  stack: Stack, o: { accountId: string; domainName: string; username: string; password: string },
): Promise<{ credentialListId: string; trunkId: string }> {
  const { credentialListId } = await stack.apply<{ credentialListId: string }>('credential-list.create', {
    accountId: o.accountId, friendlyName: 'Office', username: o.username, password: o.password,
  });
  const { trunkId } = await stack.apply<{ trunkId: string }>('trunk.create', { accountId: o.accountId, friendlyName: 'Main', domainName: o.domainName });
  await stack.apply('trunk.assign', { accountId: o.accountId, trunkId, listKind: 'credentialList', listId: credentialListId });
  return { credentialListId, trunkId };
}

/** Polls `check` every 10 ms until it holds; fails after 15 s naming `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
