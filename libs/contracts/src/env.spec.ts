import { natsConnectOptions, readPortEnv, readSharedConfig } from './env';

const options = (env: Record<string, string>) => natsConnectOptions(readSharedConfig(env), 'svc');

describe('NATS connection options from the environment', () => {
  it('gives a service logged in as a user the inbox prefix that user may read, unless NATS_INBOX_PREFIX says otherwise', () => {
    expect(options({ NATS_USER: 'sip-auth-worker', NATS_PASSWORD: 'p' })).toMatchObject({ user: 'sip-auth-worker', pass: 'p', inboxPrefix: '_INBOX.sip-auth-worker' });
    expect(options({ NATS_USER: 'sip-edge', NATS_INBOX_PREFIX: '_R.edge' }).inboxPrefix).toBe('_R.edge');
    expect(options({}).inboxPrefix).toBeUndefined();
  });

  it('refuses an inbox prefix that is not plain subject tokens, naming the variable', () => {
    for (const bad of ['_INBOX.>', '_INBOX.*', 'a..b', 'a b', '.a']) {
      expect(() => readSharedConfig({ NATS_INBOX_PREFIX: bad })).toThrow(/NATS_INBOX_PREFIX/);
    }
  });

  it('requires TLS with the CA of NATS_TLS_CA, or with the system CAs for a tls:// URL, and not otherwise', () => {
    expect(options({ NATS_TLS_CA: '/etc/ca.crt' }).tls).toEqual({ caFile: '/etc/ca.crt' });
    expect(options({ NATS_URL: 'tls://nats:4222' }).tls).toEqual({});
    expect(options({ NATS_URL: 'nats://nats:4222' }).tls).toBeUndefined();
  });
});

describe('port variables', () => {
  it('reads a port, 0 included, and falls back when unset or empty', () => {
    expect(readPortEnv({ X_HTTP_PORT: '8081' }, 'X_HTTP_PORT', 9000)).toBe(8081);
    expect(readPortEnv({ X_HTTP_PORT: '0' }, 'X_HTTP_PORT', 9000)).toBe(0);
    expect(readPortEnv({}, 'X_HTTP_PORT', 9000)).toBe(9000);
    expect(readPortEnv({ X_HTTP_PORT: '' }, 'X_HTTP_PORT', 9000)).toBe(9000);
  });

  it.each(['-1', '65536', '80.5', ' 80', '0x50', 'http'])('rejects %j naming the variable', (raw) => {
    expect(() => readPortEnv({ X_HTTP_PORT: raw }, 'X_HTTP_PORT', 9000)).toThrow(/X_HTTP_PORT must be an integer from 0 to 65535/);
  });
});
