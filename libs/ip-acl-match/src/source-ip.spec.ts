import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { formatSourceIp, parseSourceIp } from './source-ip';

const shown = (text: string) => {
  const src = parseSourceIp(text);
  return src === undefined ? undefined : `${formatSourceIp(src)} v${src.family}${src.mapped ? ' mapped' : ''}`;
};

describe('parseSourceIp', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9 v4'],
    ['0.0.0.0', '0.0.0.0 v4'],
    ['255.255.255.255', '255.255.255.255 v4'],
    ['2001:db8::1', '2001:db8::1 v6'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1 v6'],
    ['[2001:db8::1]', '2001:db8::1 v6'],
    ['::', ':: v6'],
    ['::1', '::1 v6'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0 v6'],
    ['::ffff:203.0.113.9', '203.0.113.9 v4 mapped'],
    ['::ffff:cb00:7109', '203.0.113.9 v4 mapped'],
    ['0:0:0:0:0:FFFF:203.0.113.9', '203.0.113.9 v4 mapped'],
    ['[::ffff:203.0.113.9]', '203.0.113.9 v4 mapped'],
    ['::203.0.113.9', '::cb00:7109 v6'],
    ['64:ff9b::203.0.113.9', '64:ff9b::cb00:7109 v6'],
    ['::fffe:203.0.113.9', '::fffe:cb00:7109 v6'],
  ])('reads %j as %s', (text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  it.each([
    'fe80::1%eth0', '[fe80::1%25eth0]', '203.0.113.9:5060', '[2001:db8::1]:5060', '[203.0.113.9]', '[2001:db8::1', '2001:db8::1]',
    ' 203.0.113.9', '203.0.113.9 ', '010.0.0.1', '10.1', '1.2.3.4.5', '256.0.0.1', '0x7f.0.0.1', '2130706433',
    '1::2::3', ':::', ':1::2', '1::2:', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '12345::1', '::ffff:1.2.3', '::ffff:01.2.3.4',
    '1.2.3.4::', 'g::1', '', '[]', 'localhost', 'sip.example.net', '::ffff:1.2.3.4.5', `${'1:'.repeat(30)}1`,
  ])('refuses %j', (text) => {
    expect(parseSourceIp(text)).toBeUndefined();
  });

  it('answers undefined for input that is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['1.2.3.4']]) expect(parseSourceIp(value as unknown as string)).toBeUndefined();
  });

  it('reads every IPv4 text that fast-check generates as ipaddr.js does', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        const src = parseSourceIp(text)!;
        expect(src.family).toBe(4);
        expect(formatSourceIp(src)).toBe(ipaddr.IPv4.parse(text).toString());
      }),
    );
  });

  it('reads every IPv6 text that fast-check generates as ipaddr.js does, IPv4-mapped ones as IPv4', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const src = parseSourceIp(text);
        expect(src).toBeDefined();
        // ipaddr.js turns the deprecated ::a.b.c.d into ::ffff:a.b.c.d; RFC 4291 does not.
        const reference = /^::\d+\.\d+\.\d+\.\d+$/.test(text) ? ipaddr.IPv6.parse(`::0:${text.slice(2)}`) : ipaddr.IPv6.parse(text);
        const expected = reference.isIPv4MappedAddress() ? reference.toIPv4Address().toString() : reference.toRFC5952String();
        expect(formatSourceIp(src!)).toBe(expected);
        expect(parseSourceIp(`[${text}]`)).toEqual(src);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.[]%/ x') }), (text) => {
      parseSourceIp(text);
    }));
  });
});
