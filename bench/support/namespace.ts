/**
 * A benchmark's own corner of the NATS server: a fresh namespace, the environment the services read,
 * a connection that sends config commands and reads replies, and removal of everything the namespace
 * created (its event stream and KV buckets, see isNamespaceStream) afterwards.
 */
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { configSubject, isNamespaceStream, type ConfigCommandName, type Reply } from '@sipauth/contracts';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** Every benchmark command acts for this account. */
export const BENCH_ACCOUNT = 'bench';

export interface BenchNamespace {
  ns: string;
  /** process.env plus the namespace, a realm and fresh nonce and sealing keys. */
  env: Record<string, string>;
  nc: NatsConnection;
  /** Sends a request and returns the reply's data; a refusal throws. */
  request<T>(subject: string, body: object): Promise<T>;
  /** Sends a config command for the bench account; a refusal throws. */
  command<T = Record<string, string>>(name: ConfigCommandName, body: object): Promise<T & { position: string }>;
  /** Deletes the namespace's streams and buckets and closes the connection. */
  close(): Promise<void>;
}

export async function openBenchNamespace(connectionName: string): Promise<BenchNamespace> {
  const ns = `bench${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>), NODE_ENV: 'test', NATS_URL, SIPAUTH_NAMESPACE: ns, SIPAUTH_REALM: 'sipauth.bench',
    SIPAUTH_NONCE_SECRETS: `n1:${randomBytes(32).toString('base64')}`, SIPAUTH_SEALING_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  };
  const nc = await connect({ servers: NATS_URL, name: connectionName });
  const request = async <T>(subject: string, body: object): Promise<T> => {
    const reply = (await nc.request(subject, JSON.stringify(body), { timeout: 10_000 })).json<Reply<T>>();
    if (!reply.ok) throw new Error(`${subject}: ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  return {
    ns, env, nc, request,
    command: (name, body) => request(configSubject(ns, name), { accountId: BENCH_ACCOUNT, ...body }),
    async close() {
      // Deleting a stream of millions of messages takes the server longer than nats.js's 5 s default
      // (a 3 GB read-model bucket at 3 M credentials timed out, and the bench died at its very end).
      const jsm = await nc.jetstreamManager({ timeout: 120_000 });
      for await (const s of jsm.streams.list()) {
        const name = s.config.name;
        if (isNamespaceStream(name, ns)) await jsm.streams.delete(name);
      }
      await nc.close();
    },
  };
}

/** Polls every 10 ms for up to 30 s. */
export async function until(check: () => boolean, what = 'the read model'): Promise<void> {
  for (let i = 0; i < 3000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
