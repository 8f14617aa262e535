import { randomBytes } from 'node:crypto';
import { readWorkerConfig } from './sip-auth-worker.settings';

const key = () => `k1:${randomBytes(32).toString('base64')}`;
const env = (extra: Record<string, string> = {}) => ({ SIPAUTH_NONCE_SECRETS: key(), SIPAUTH_SEALING_KEYS: key(), ...extra });

describe('readWorkerConfig: the credential cache bound', () => {
  it('holds 200,000 credentials unless SIPAUTH_WORKER_CACHED_CREDENTIALS says otherwise', () => {
    expect(readWorkerConfig(env()).cachedCredentials).toBe(200_000);
    expect(readWorkerConfig(env({ SIPAUTH_WORKER_CACHED_CREDENTIALS: '50000' })).cachedCredentials).toBe(50_000);
  });

  it.each(['0', '-5', 'lots', '1e6', ''])('refuses %j naming the variable', (value) => {
    expect(() => readWorkerConfig(env({ SIPAUTH_WORKER_CACHED_CREDENTIALS: value }))).toThrow(/SIPAUTH_WORKER_CACHED_CREDENTIALS/);
  });
});
