import { parseAddress, parseCidr, type CidrResult } from './cidr';

const network = (r: CidrResult) => (r.ok ? `${r.value.network}/${r.value.prefixLength} v${r.value.family}` : `error ${r.field}`);

describe('parseCidr', () => {
  it.each([
    ['10.1.2.3/24', undefined, '10.1.2.0/24 v4'],
    ['10.1.2.3', 24, '10.1.2.0/24 v4'],
    ['10.1.2.3', undefined, '10.1.2.3/32 v4'],
    ['10.255.255.255/8', undefined, '10.0.0.0/8 v4'],
    ['203.0.113.9/32', 32, '203.0.113.9/32 v4'],
    ['0.0.0.0/8', undefined, '0.0.0.0/8 v4'],
    [' 192.0.2.1/24 ', undefined, '192.0.2.0/24 v4'],
  ])('normalises IPv4 %j with prefix %j to its network %s', (input, prefix, expected) => {
    expect(network(parseCidr(input, prefix))).toBe(expected);
  });

  it.each([
    ['2001:db8::1/32', undefined, '2001:db8::/32 v6'],
    ['2001:DB8:0:0:0:0:0:1', undefined, '2001:db8::1/128 v6'],
    ['2001:0db8:0000::1', 64, '2001:db8::/64 v6'],
    ['2001:db8:ffff::/16', undefined, '2001::/16 v6'],
    ['fe80::1:2:3:4/128', undefined, 'fe80::1:2:3:4/128 v6'],
    ['::ffff:1.2.3.4/64', undefined, '::/64 v6'],
    ['::/16', undefined, '::/16 v6'],
  ])('normalises IPv6 %j with prefix %j to its RFC 5952 network %s', (input, prefix, expected) => {
    expect(network(parseCidr(input, prefix))).toBe(expected);
  });

  it.each([
    ['::ffff:203.0.113.9/120', undefined, '203.0.113.0/24 v4'],
    ['::ffff:203.0.113.9', undefined, '203.0.113.9/32 v4'],
    ['::ffff:cb00:7109', 104, '203.0.0.0/8 v4'],
  ])('takes the IPv4-mapped IPv6 range %j (prefix %j) as the IPv4 range it maps to, %s', (input, prefix, expected) => {
    expect(network(parseCidr(input, prefix))).toBe(expected);
  });

  it.each([['::ffff:0.0.0.0/96'], ['::ffff:10.0.0.0/100'], ['::ffff:10.0.0.0/103']])(
    'refuses the IPv4-mapped range %j, which maps to an IPv4 prefix shorter than /8', (input) => {
      expect(parseCidr(input)).toMatchObject({ ok: false, field: 'cidrPrefixLength', message: expect.stringMatching(/104 to 128/) });
    });

  it('keeps the deprecated IPv4-compatible form ::a.b.c.d distinct from IPv4-mapped', () => {
    expect(network(parseCidr('::1.2.3.4'))).toBe('::102:304/128 v6');
  });

  it.each([
    ['10.0.0.0/7', undefined],
    ['10.0.0.0/33', undefined],
    ['10.0.0.0', 7],
    ['10.0.0.0', 33],
    ['10.0.0.0', 24.5],
    ['10.0.0.0', Number.NaN],
    ['2001:db8::/15', undefined],
    ['2001:db8::/129', undefined],
    ['2001:db8::', 15],
    ['2001:db8::', 129],
  ])('refuses %j with prefix %j outside 8–32 (IPv4) or 16–128 (IPv6)', (input, prefix) => {
    expect(network(parseCidr(input, prefix))).toBe('error cidrPrefixLength');
  });

  it('refuses an inline /prefix that disagrees with the separate prefix, and accepts one that agrees', () => {
    expect(network(parseCidr('10.0.0.0/8', 16))).toBe('error cidrPrefixLength');
    expect(network(parseCidr('10.0.0.0/16', 16))).toBe('10.0.0.0/16 v4');
  });

  it.each([
    '010.1.2.3', '10.01.2.3', '10.1', '10.1.2', '10.1.2.3.4', '0x0a.1.2.3', '167772160', '256.1.2.3', '10.1.2.-3',
    '2001:db8::1%eth0', 'fe80::1%1/64', '::ffff:010.1.2.3', '1::2::3', '12345::', ':1::', '1::2:', '[2001:db8::1]',
    '10.0.0.0/24/8', '10.0.0.0/', '10.0.0.0/024', '10.0.0.0/+8', '', 'garbage', 'localhost', '1.2.3.4\n5',
  ])('refuses the non-canonical or invalid address %j', (input) => {
    const result = parseCidr(input);
    expect(result.ok).toBe(false);
  });

  it('refuses non-string and overlong input with a reason instead of throwing', () => {
    expect(parseCidr(undefined as unknown as string).ok).toBe(false);
    expect(parseCidr(42 as unknown as string).ok).toBe(false);
    expect(parseCidr(`${'1'.repeat(100)}`).ok).toBe(false);
  });

  it('blames the field that is wrong', () => {
    expect(parseCidr('nope')).toMatchObject({ ok: false, field: 'ipAddress' });
    expect(parseCidr('10.0.0.0', 40)).toMatchObject({ ok: false, field: 'cidrPrefixLength' });
  });
});

describe('parseAddress', () => {
  it('parses canonical IPv4 and any valid IPv6 text', () => {
    expect(parseAddress('192.0.2.1')?.toString()).toBe('192.0.2.1');
    expect(parseAddress('2001:DB8::0:1')?.toString()).toBe('2001:db8::1');
    expect(parseAddress('::ffff:192.0.2.1')?.toNormalizedString()).toBe('0:0:0:0:0:ffff:c000:201');
  });

  it('refuses zone ids, octal-looking octets and other garbage', () => {
    for (const text of ['fe80::1%eth0', '01.2.3.4', '::ffff:01.2.3.4', '1.2.3', 'x', '']) expect(parseAddress(text)).toBeUndefined();
  });
});
