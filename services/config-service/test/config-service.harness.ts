/**
 * Test harness: a config-service in a fresh namespace, a raw nats.js client (no Nest client) to call
 * it, direct access to the event store to check what was written, and cleanup of the namespace.
 */
import { configSubject, querySubject, type ConfigCommandName, type QueryName, type Reply } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from '../../../test/support/nats';
import { startConfigService, type RunningConfigService, type StartOptions } from '../src/bootstrap';

export const TOKEN_ALL = 'token-for-every-account-0001';
export const TOKEN_ACME = 'token-for-acme-only-00000001';

export interface Harness {
  namespace: string;
  env: Record<string, string>;
  nc: NatsConnection;
  store: EventStore;
  service: RunningConfigService;
  command<T = Record<string, unknown>>(name: ConfigCommandName, body: unknown): Promise<Reply<T & { position: string }>>;
  query<T = Record<string, unknown>>(name: QueryName, body: unknown): Promise<Reply<T & { position: string }>>;
  /** Sends raw bytes and returns the parsed reply. */
  raw(subject: string, payload: string): Promise<Reply<unknown>>;
  /** Succeeds or fails the test with the error. */
  ok<T = Record<string, unknown>>(name: ConfigCommandName, body: unknown): Promise<T & { position: string }>;
  close(): Promise<void>;
}

export async function startHarness(options: StartOptions & { env?: Record<string, string> } = {}): Promise<Harness> {
  const namespace = freshNamespace('cfg');
  const env = testEnv(namespace, { CONFIG_HTTP_PORT: '0', CONFIG_API_TOKENS: `${TOKEN_ALL}=*,${TOKEN_ACME}=acme`, ...options.env });
  const nc = await connectNats('config-service-test');
  const service = await startConfigService(env, { logger: options.logger ?? false });
  const store = await createEventStore(nc, { namespace });
  const raw = async (subject: string, payload: string): Promise<Reply<unknown>> =>
    (await nc.request(subject, payload, { timeout: 10_000 })).json<Reply<unknown>>();
  const harness: Harness = {
    namespace, env, nc, store, service, raw,
    command: (name, body) => raw(configSubject(namespace, name), JSON.stringify(body)) as never,
    query: (name, body) => raw(querySubject(namespace, name), JSON.stringify(body)) as never,
    async ok(name, body) {
      const reply = await harness.command(name, body);
      if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
      return reply.data as never;
    },
    async close() {
      await service.close();
      await store.close();
      await cleanupNamespace(nc, namespace);
      await nc.close();
    },
  };
  return harness;
}

/**
 * Starts a harness before the enclosing `describe`'s tests and closes it (with its namespace) after them.
 * The harness object is returned at once and filled in by that `beforeAll`, so use it only inside tests
 * and hooks. An `afterAll` that must run before the harness closes is declared before this call.
 */
export function useConfigService(options: StartOptions & { env?: Record<string, string> } = {}): { harness: Harness; fixtures: Fixtures } {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(options));
  });
  afterAll(() => harness.close?.());
  return { harness, fixtures: fixtures(harness) };
}

export const PASSWORD = 'Correct-Horse-9-Battery';

/** A credential list with one credential, a trunk, or an ACL in `accountId`. */
export const fixtures = (h: Harness) => ({
  credentialList: (accountId = 'acme', username = 'alice') =>
    h.ok<{ credentialListId: string; credentialId: string }>('credential-list.create', { accountId, friendlyName: 'Office', username, password: PASSWORD }),
  ipAcl: (accountId = 'acme') => h.ok<{ ipAccessControlListId: string }>('ip-acl.create', { accountId, friendlyName: 'Office' }),
  trunk: (accountId = 'acme', domainName = `t${Math.random().toString(16).slice(2)}.pstn.example.net`) =>
    h.ok<{ trunkId: string }>('trunk.create', { accountId, friendlyName: 'Main', domainName }),
});
export type Fixtures = ReturnType<typeof fixtures>;
