import { sameUriHost, sipUriHost } from './index';

describe('sipUriHost', () => {
  it.each([
    ['sip:bob@biloxi.com', { host: 'biloxi.com' }],
    ['sip:+15551234567@Acme.PSTN.example.net:5060;transport=udp', { host: 'acme.pstn.example.net', port: 5060 }],
    ['sips:acme.pstn.example.net.', { host: 'acme.pstn.example.net' }],
    ['SIP:alice;phone-context=x@host.example?subject=hi', { host: 'host.example' }],
    ['sip:alice@[2001:DB8::1]:5061;transport=tls', { host: '2001:db8::1', port: 5061 }],
    ['sip:198.51.100.7', { host: '198.51.100.7' }],
  ])('reads the host of %s', (uri, expected) => {
    expect(sipUriHost(uri)).toEqual(expected);
  });

  it.each(['/doe.json', 'tel:+15551234567', 'sip:', 'sip:bob@', 'sip:bob@host:99999', 'sip:bob@[::1', 'sip:bob@ho st', ''])(
    'finds no host in %p', (uri) => {
      expect(sipUriHost(uri)).toBeUndefined();
    });
});

describe('sameUriHost', () => {
  it('matches hosts case-insensitively whatever the user parts', () => {
    expect(sameUriHost('sip:+15551234567@ACME.pstn.example.net', 'sip:alice@acme.pstn.example.net;user=phone')).toBe(true);
  });

  it('compares ports only when both URIs carry one', () => {
    expect(sameUriHost('sip:a@acme.example:5060', 'sip:a@acme.example')).toBe(true);
    expect(sameUriHost('sip:a@acme.example:5060', 'sip:a@acme.example:5060')).toBe(true);
    expect(sameUriHost('sip:a@acme.example:5060', 'sip:a@acme.example:5080')).toBe(false);
  });

  it('refuses another host or an unreadable URI', () => {
    expect(sameUriHost('sip:a@evil.example', 'sip:a@acme.example')).toBe(false);
    expect(sameUriHost('/dir/index.html', 'sip:a@acme.example')).toBe(false);
  });
});
