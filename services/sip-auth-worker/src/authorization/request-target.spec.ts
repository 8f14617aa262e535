import { normaliseDomain, parseSipUriHost, sameTarget } from './request-target';

describe('request targets', () => {
  it.each([
    ['ACME.Example.NET', 'acme.example.net'],
    ['acme.example.net.', 'acme.example.net'],
    ['acme.example.net:5060', 'acme.example.net'],
    ['Acme.Example.Net.:5061', 'acme.example.net'],
    ['[2001:DB8::1]:5060', '[2001:db8::1]'],
    ['[2001:DB8:0:0::1]', '[2001:db8::1]'],
    ['2001:DB8::1', '[2001:db8::1]'],
    ['::1', '[::1]'],
  ])('normalises the domain %s to %s', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    ['sip:alice@Acme.Example.net', { host: 'acme.example.net' }],
    ['sips:acme.example.net:5061;transport=tls', { host: 'acme.example.net', port: 5061 }],
    ['sip:+1555;phone-context=x@acme.example.net?subject=hi', { host: 'acme.example.net' }],
    ['sip:bob@[2001:db8::1]:5060', { host: '[2001:db8::1]', port: 5060 }],
    ['SIP:user:pw@host.example.net', { host: 'host.example.net' }],
    ['sip:bob@[2001:DB8:0:0:0:0:0:1]', { host: '[2001:db8::1]' }],
    ['sips:[::FFFF:192.0.2.1]:5061;transport=tls', { host: '[::ffff:c000:201]', port: 5061 }],
  ])('reads the host of %s', (uri, expected) => {
    expect(parseSipUriHost(uri)).toEqual(expected);
  });

  it.each(['tel:+1555', 'http://x', 'sip:', 'sip:a@', 'sip:host:99999', 'sip:ho st', 'sip:[zz]', 'sip:[1::2::3]', 'sip:[::1', 'sip:[]', 'sip:[fe80::1%25eth0]'])('refuses %j', (uri) => {
    expect(parseSipUriHost(uri)).toBeUndefined();
  });

  it('compares ports only when both sides carry one', () => {
    expect(sameTarget({ host: 'a' }, { host: 'a', port: 5060 })).toBe(true);
    expect(sameTarget({ host: 'a', port: 5061 }, { host: 'a', port: 5060 })).toBe(false);
    expect(sameTarget({ host: 'a' }, { host: 'b' })).toBe(false);
  });
});
