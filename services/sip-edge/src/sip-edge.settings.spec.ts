import { readSipEdgeSettings } from './sip-edge.settings';

describe('sip-edge settings', () => {
  it('defaults to Kamailio\'s evapi on 127.0.0.1:8448, ¾ of a 2 s bound and port 9466', () => {
    const s = readSipEdgeSettings({});
    expect([s.evapi, s.authTimeoutMs, s.httpPort, s.shared.namespace]).toEqual([{ host: '127.0.0.1', port: 8448 }, 1500, 9466, 'sipauth']);
    expect(readSipEdgeSettings({ SIPAUTH_EDGE_AUTH_TIMEOUT_MS: '1000' }).authTimeoutMs).toBe(750);
  });

  it('reads an evapi address with a host name or a bracketed IPv6 address', () => {
    expect(readSipEdgeSettings({ SIPAUTH_EVAPI_ADDRESS: 'kamailio:9000' }).evapi).toEqual({ host: 'kamailio', port: 9000 });
    expect(readSipEdgeSettings({ SIPAUTH_EVAPI_ADDRESS: '[::1]:8448' }).evapi).toEqual({ host: '::1', port: 8448 });
  });

  it.each([
    ['SIPAUTH_EVAPI_ADDRESS', 'kamailio'],
    ['SIPAUTH_EVAPI_ADDRESS', 'kamailio:70000'],
    ['SIPAUTH_EDGE_AUTH_TIMEOUT_MS', '10'],
    ['SIPAUTH_EDGE_AUTH_TIMEOUT_MS', 'soon'],
    ['SIP_EDGE_HTTP_PORT', '-1'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => readSipEdgeSettings({ [name]: value })).toThrow(name);
  });
});
