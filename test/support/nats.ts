/**
 * Test isolation on the one shared NATS server: every test file takes a fresh namespace, so runs in
 * parallel (and leftovers of earlier runs) never meet. `cleanup` removes the namespace's streams and
 * KV buckets (KV buckets are streams named `KV_<bucket>`).
 */
import { randomBytes } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { isNamespaceStream } from '@sipauth/contracts';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

export function freshNamespace(prefix = 't'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** A test connection; on a server other than the shared one it reconnects for as long as it takes (that server may be restarted). */
export async function connectNats(name = 'sipauth-test', servers = NATS_URL): Promise<NatsConnection> {
  return connect({ servers, name, ...(servers === NATS_URL ? {} : { maxReconnectAttempts: -1 }) });
}

export async function cleanupNamespace(nc: NatsConnection, namespace: string): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for await (const si of jsm.streams.list()) {
    const name = si.config.name;
    if (isNamespaceStream(name, namespace)) {
      await jsm.streams.delete(name).catch(() => undefined);
    }
  }
}

/** Environment for a service under test: a fresh namespace and fixed test keys. */
export function testEnv(namespace: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NATS_URL,
    SIPAUTH_NAMESPACE: namespace,
    SIPAUTH_REALM: 'sipauth.test',
    SIPAUTH_NONCE_SECRETS: `n1:${Buffer.alloc(32, 1).toString('base64')}`,
    SIPAUTH_SEALING_KEYS: `k1:${Buffer.alloc(32, 2).toString('base64')}`,
    // Services started in the test process log warnings and errors only, unless the run asks for more.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...extra,
  };
}

/** Forces the client to drop its socket and waits until it is connected again. */
export async function dropAndReconnect(nc: NatsConnection): Promise<void> {
  const status = nc.status();
  const reconnected = (async () => {
    for await (const s of status) if (s.type === 'reconnect') return;
  })();
  await nc.reconnect();
  await reconnected;
}
