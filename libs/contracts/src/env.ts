/**
 * The configuration every service shares (SPEC §7), read from environment variables. Each service
 * adds its own (ports) and parses the key lists with @sipauth/sip-digest.
 */
import { DEFAULT_NAMESPACE, assertNamespace } from './subjects';

export interface SharedConfig {
  natsServers: string[];
  /**
   * `NATS_USER` / `NATS_PASSWORD`: the service's own NATS user (deploy/ gives each service one, with
   * only the subjects it needs). nats.js ignores credentials written into NATS_URL, so they come
   * separately; pass them to `connect({ user, pass })`. Undefined when NATS needs no login.
   */
  natsUser?: string;
  natsPassword?: string;
  /**
   * `NATS_INBOX_PREFIX`: the subject prefix of this connection's reply inboxes and JetStream deliver
   * subjects; default `_INBOX.<NATS_USER>` when a user is set (deploy/'s NATS users may subscribe only
   * to their own prefix, so no user reads another's replies, KV watches or consumer deliveries).
   */
  natsInboxPrefix?: string;
  /**
   * `NATS_TLS_CA`: a PEM file of the CA that signed the NATS servers' certificates. Set, or with a
   * `tls://` NATS_URL, the client requires TLS and refuses a server that does not offer it.
   */
  natsTlsCaFile?: string;
  /** `SIPAUTH_EVENT_STREAM_REPLICAS`: replicas of the JetStream event stream (and KV buckets) the service creates; 3 in a cluster. Default 1. */
  eventStreamReplicas?: number;
  namespace: string;
  /** `esdb://…` selects EventStoreDB; undefined selects JetStream. */
  eventStoreConnectionString?: string;
  realm: string;
  nonceTtlSeconds: number;
  /** Comma-separated `id:base64` keys, current first; undefined when not configured. */
  nonceSecrets?: string;
  sealingKeys?: string;
}

export function readSharedConfig(env: NodeJS.ProcessEnv = process.env): SharedConfig {
  const ttl = env.SIPAUTH_NONCE_TTL_SECONDS === undefined ? 300 : Number(env.SIPAUTH_NONCE_TTL_SECONDS);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86_400) {
    throw new Error(`SIPAUTH_NONCE_TTL_SECONDS must be an integer from 1 to 86400 (got ${env.SIPAUTH_NONCE_TTL_SECONDS})`);
  }
  const realm = env.SIPAUTH_REALM ?? 'sipauth.local';
  if (!/^[\x21-\x7e]([\x20-\x7e]{0,126}[\x21-\x7e])?$/.test(realm) || realm.includes('"') || realm.includes('\\')) {
    throw new Error('SIPAUTH_REALM must be 1–128 printable characters without quotes or backslashes');
  }
  const replicas = env.SIPAUTH_EVENT_STREAM_REPLICAS === undefined || env.SIPAUTH_EVENT_STREAM_REPLICAS === '' ? 1 : Number(env.SIPAUTH_EVENT_STREAM_REPLICAS);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) {
    throw new Error(`SIPAUTH_EVENT_STREAM_REPLICAS must be an integer from 1 to 5 (got ${env.SIPAUTH_EVENT_STREAM_REPLICAS})`);
  }
  return {
    natsServers: (env.NATS_URL ?? 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()).filter(Boolean),
    namespace: assertNamespace(env.SIPAUTH_NAMESPACE ?? DEFAULT_NAMESPACE),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    realm,
    nonceTtlSeconds: ttl,
    natsUser: env.NATS_USER || undefined,
    natsPassword: env.NATS_PASSWORD || undefined,
    natsInboxPrefix: readInboxPrefix(env),
    natsTlsCaFile: env.NATS_TLS_CA || undefined,
    eventStreamReplicas: replicas,
    nonceSecrets: env.SIPAUTH_NONCE_SECRETS || undefined,
    sealingKeys: env.SIPAUTH_SEALING_KEYS || undefined,
  };
}

const SUBJECT_PREFIX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

function readInboxPrefix(env: NodeJS.ProcessEnv): string | undefined {
  const prefix = env.NATS_INBOX_PREFIX || (env.NATS_USER ? `_INBOX.${env.NATS_USER}` : undefined);
  if (prefix !== undefined && !SUBJECT_PREFIX.test(prefix)) {
    throw new Error(`NATS_INBOX_PREFIX must be dot-separated subject tokens without wildcards (got ${JSON.stringify(prefix)})`);
  }
  return prefix;
}

/** What {@link natsConnectOptions} returns: a subset of nats.js `ConnectionOptions`. */
export interface NatsClientOptions {
  servers: string[];
  name: string;
  user?: string;
  pass?: string;
  maxReconnectAttempts: number;
  inboxPrefix?: string;
  tls?: { caFile?: string };
}

/**
 * Options for nats.js `connect()` from the shared configuration: servers, the service's NATS user,
 * its inbox prefix, TLS with the configured CA, a name.
 */
export function natsConnectOptions(config: SharedConfig, name: string): NatsClientOptions {
  const tlsWanted = config.natsTlsCaFile !== undefined || config.natsServers.some((s) => s.startsWith('tls://'));
  return {
    servers: config.natsServers,
    name,
    ...(config.natsUser ? { user: config.natsUser, pass: config.natsPassword ?? '' } : {}),
    // A service outlives NATS restarts: keep reconnecting instead of giving up after the default 10 tries.
    maxReconnectAttempts: -1,
    ...(config.natsInboxPrefix ? { inboxPrefix: config.natsInboxPrefix } : {}),
    ...(tlsWanted ? { tls: config.natsTlsCaFile ? { caFile: config.natsTlsCaFile } : {} } : {}),
  };
}

/**
 * A whole number from `min` to `max` read from `env[name]`, or `fallback` when unset or empty; throws
 * an Error naming the variable otherwise (every service's own numeric variables use it).
 */
export function readIntegerEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** A TCP port (0 picks a free one) read from `env[name]`, or `fallback` when unset: each service's HTTP port. */
export function readPortEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return readIntegerEnv(env, name, fallback, 0, 65_535);
}
