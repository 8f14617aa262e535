/** The config-service's configuration: the shared settings (SPEC §7) plus its own. */
import { readPortEnv, readSharedConfig, type SharedConfig } from '@sipauth/contracts';
import { SealingKeyring } from '@sipauth/sip-digest';
import { parseApiTokens, type ApiTokens } from './transport/http/api-tokens';

export interface ConfigServiceSettings {
  shared: SharedConfig;
  /** 0 picks a free port. */
  httpPort: number;
  keyring: SealingKeyring;
  apiTokens: ApiTokens;
  /** CONFIG_BODY_TIMEOUT_MS (default 10000): a REST body not fully arrived by then is answered 408. */
  bodyTimeoutMs: number;
  /** CONFIG_MIN_POSITION_WAIT_MS (default 5000): how long a read waits for its Sipauth-Min-Position before 503. */
  minPositionWaitMs: number;
}

/** A whole number of milliseconds from 1 to 10 minutes, or the default when unset. */
function readMillis(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 600_000) throw new Error(`${name} must be a number of milliseconds from 1 to 600000 (got ${JSON.stringify(text)})`);
  return value;
}

/** Reads and checks every variable; throws a clear Error (never echoing a key or token) when one is wrong. */
export function readSettings(env: NodeJS.ProcessEnv): ConfigServiceSettings {
  const shared = readSharedConfig(env);
  const httpPort = readPortEnv(env, 'CONFIG_HTTP_PORT', 8080);
  if (!shared.sealingKeys) {
    throw new Error('SIPAUTH_SEALING_KEYS is required: comma-separated id:base64 keys of 32 bytes, current first (the HA1s are sealed with it)');
  }
  return {
    shared,
    httpPort,
    keyring: SealingKeyring.fromConfig(shared.sealingKeys, 'SIPAUTH_SEALING_KEYS'),
    apiTokens: parseApiTokens(env.CONFIG_API_TOKENS),
    bodyTimeoutMs: readMillis(env, 'CONFIG_BODY_TIMEOUT_MS', 10_000),
    minPositionWaitMs: readMillis(env, 'CONFIG_MIN_POSITION_WAIT_MS', 5_000),
  };
}
