/** The worker's configuration: the shared variables of SPEC §7 plus its own, checked once at start. */
import { readPortEnv, readSharedConfig, SharedConfig } from '@sipauth/contracts';
import { NonceSecret, parseKeyList, SealingKeyring } from '@sipauth/sip-digest';
import { DEFAULT_CACHED_CREDENTIALS } from './index/credential-cache';

export interface WorkerConfig {
  shared: SharedConfig;
  /** `WORKER_HTTP_PORT` (default 9464; 0 picks a free port): /healthz, /readyz, /metrics. */
  httpPort: number;
  nonceSecrets: NonceSecret[];
  keyring: SealingKeyring;
  /** `SIPAUTH_WORKER_CACHED_CREDENTIALS` (default 200,000): credentials held in memory, by whole list, least recently used dropped first. */
  cachedCredentials: number;
}

/** Reads and checks the worker's environment; throws an Error naming the variable (never a key) when one is missing or invalid. */
export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const shared = readSharedConfig(env);
  if (!shared.nonceSecrets) throw new Error('SIPAUTH_NONCE_SECRETS is required (comma-separated id:base64 keys, current first)');
  if (!shared.sealingKeys) throw new Error('SIPAUTH_SEALING_KEYS is required (comma-separated id:base64 keys, current first)');
  const httpPort = readPortEnv(env, 'WORKER_HTTP_PORT', 9464);
  const cachedText = env.SIPAUTH_WORKER_CACHED_CREDENTIALS ?? String(DEFAULT_CACHED_CREDENTIALS);
  const cachedCredentials = Number(cachedText);
  if (!/^\d{1,9}$/.test(cachedText) || cachedCredentials < 1) {
    throw new Error(`SIPAUTH_WORKER_CACHED_CREDENTIALS must be a whole number of credentials, at least 1 (got ${JSON.stringify(cachedText)})`);
  }
  return {
    shared,
    httpPort,
    cachedCredentials,
    nonceSecrets: parseKeyList(shared.nonceSecrets, 'SIPAUTH_NONCE_SECRETS'),
    keyring: SealingKeyring.fromConfig(shared.sealingKeys, 'SIPAUTH_SEALING_KEYS'),
  };
}
