import { parseCidr } from './cidr';
import { CidrMatcher } from './cidr-matcher';
import { parseSourceIp } from './source-ip';

function matcherOf(entries: Array<[string, string]>): CidrMatcher<string> {
  const matcher = new CidrMatcher<string>();
  for (const [cidr, value] of entries) matcher.add(cidr, value);
  return matcher;
}

describe('CidrMatcher', () => {
  it('matches an exact host range and nothing next to it', () => {
    const matcher = matcherOf([['203.0.113.9/32', 'host']]);
    expect(matcher.lookup('203.0.113.9')).toBe('host');
    expect(matcher.lookup('203.0.113.8')).toBeUndefined();
    expect(matcher.lookup('203.0.113.10')).toBeUndefined();
  });

  it('answers with the longest matching prefix among nested ranges', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'wide'], ['10.1.2.0/24', 'narrow'], ['10.1.0.0/16', 'middle']]);
    expect(matcher.lookup('10.1.2.3')).toBe('narrow');
    expect(matcher.lookup('10.1.3.3')).toBe('middle');
    expect(matcher.lookup('10.200.0.1')).toBe('wide');
    expect(matcher.lookup('11.0.0.1')).toBeUndefined();
  });

  it('covers a whole /8 and only it', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'ten']]);
    expect(matcher.lookup('10.0.0.0')).toBe('ten');
    expect(matcher.lookup('10.255.255.255')).toBe('ten');
    expect(matcher.lookup('9.255.255.255')).toBeUndefined();
    expect(matcher.lookup('11.0.0.0')).toBeUndefined();
  });

  it('matches an IPv6 /128 exactly and a /16 broadly', () => {
    const matcher = matcherOf([['2001:db8::1/128', 'host'], ['2001::/16', 'wide']]);
    expect(matcher.lookup('2001:db8::1')).toBe('host');
    expect(matcher.lookup('2001:db8::2')).toBe('wide');
    expect(matcher.lookup('2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe('wide');
    expect(matcher.lookup('2002::')).toBeUndefined();
  });

  it('stores a range given with host bits as its network', () => {
    const matcher = matcherOf([['192.0.2.77/24', 'net']]);
    expect(matcher.lookup('192.0.2.1')).toBe('net');
    expect(matcher.remove('192.0.2.0/24')).toBe(true);
    expect(matcher.size).toBe(0);
  });

  it('accepts a Cidr as parseCidr returns it', () => {
    const parsed = parseCidr('2001:db8::', 48);
    if (!parsed.ok) throw new Error('fixture');
    const matcher = new CidrMatcher();
    matcher.add(parsed.value, true);
    expect(matcher.matches('2001:db8:0:ffff::1')).toBe(true);
    expect(matcher.matches('2001:db8:1::1')).toBe(false);
  });

  it('falls back to the wider range once the narrower one is removed', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'wide'], ['10.1.0.0/16', 'narrow']]);
    expect(matcher.remove('10.1.0.0/16')).toBe(true);
    expect(matcher.lookup('10.1.2.3')).toBe('wide');
    expect(matcher.remove('10.0.0.0/8')).toBe(true);
    expect(matcher.lookup('10.1.2.3')).toBeUndefined();
    expect(matcher.size).toBe(0);
  });

  it('removes only the given value of a range that holds several, answering with the earliest still present', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'acl-a'], ['10.0.0.0/8', 'acl-b']]);
    expect(matcher.size).toBe(1);
    expect(matcher.lookup('10.9.9.9')).toBe('acl-a');
    expect(matcher.remove('10.0.0.0/8', 'acl-a')).toBe(true);
    expect(matcher.lookup('10.9.9.9')).toBe('acl-b');
    expect(matcher.remove('10.0.0.0/8', 'acl-a')).toBe(false);
    expect(matcher.remove('10.0.0.0/8', 'acl-b')).toBe(true);
    expect(matcher.matches('10.9.9.9')).toBe(false);
  });

  it('treats adding a value a range already holds as a no-op', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'a'], ['10.0.0.0/8', 'a']]);
    expect(matcher.remove('10.0.0.0/8', 'a')).toBe(true);
    expect(matcher.matches('10.0.0.1')).toBe(false);
  });

  it('answers false when removing a range it does not hold or an invalid one, and never throws', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'a']]);
    expect(matcher.remove('10.0.0.0/9')).toBe(false);
    expect(matcher.remove('2001:db8::/32')).toBe(false);
    expect(matcher.remove('garbage')).toBe(false);
    expect(matcher.size).toBe(1);
  });

  it('refuses to add an invalid range and stays unchanged', () => {
    const matcher = new CidrMatcher();
    expect(() => matcher.add('10.0.0.0/40', true)).toThrow(RangeError);
    expect(() => matcher.add({ family: 4, network: 'nope', prefixLength: 8 }, true)).toThrow(RangeError);
    expect(() => matcher.add({ family: 6, network: '2001:db8::', prefixLength: 129 }, true)).toThrow(RangeError);
    expect(matcher.size).toBe(0);
  });

  it('answers undefined, never throws, for sources that are not addresses', () => {
    const matcher = matcherOf([['0.0.0.0/8', 'zero'], ['::/16', 'six']]);
    for (const ip of ['', 'garbage', '10.0.0.1:5060', 'fe80::1%eth0', '::1 ', undefined, null, 7]) {
      expect(matcher.lookup(ip as unknown as string)).toBeUndefined();
      expect(matcher.matches(ip as unknown as string)).toBe(false);
    }
  });

  it('matches an IPv4-mapped source, in either text form, against IPv4 ranges', () => {
    const matcher = matcherOf([['203.0.113.0/24', 'v4']]);
    expect(matcher.lookup('::ffff:203.0.113.9')).toBe('v4');
    expect(matcher.lookup('::ffff:cb00:7109')).toBe('v4');
    expect(matcher.lookup('[::ffff:203.0.113.9]')).toBe('v4');
  });

  it('treats an IPv6 range inside ::ffff:0:0/96 as the IPv4 range it maps', () => {
    const matcher = matcherOf([['::ffff:203.0.113.0/120', 'mapped']]);
    expect(matcher.lookup('203.0.113.9')).toBe('mapped');
    expect(matcher.lookup('::ffff:203.0.113.9')).toBe('mapped');
    expect(matcher.lookup('203.0.114.9')).toBeUndefined();
    expect(matcher.remove('203.0.113.0/24')).toBe(true);
  });

  it('never matches an IPv4 or IPv4-mapped source against a wider IPv6 range, nor an IPv6 source against IPv4 ranges', () => {
    const matcher = matcherOf([['::/16', 'six'], ['0.0.0.0/8', 'zero']]);
    expect(matcher.lookup('203.0.113.9')).toBeUndefined();
    expect(matcher.lookup('::ffff:203.0.113.9')).toBeUndefined();
    expect(matcher.lookup('::ffff:0.1.2.3')).toBe('zero');
    expect(matcher.lookup('::203.0.113.9')).toBe('six');
    expect(matcher.lookup('::1')).toBe('six');
  });

  it('answers parsed sources in several matchers as it answers text', () => {
    const aclA = matcherOf([['198.51.100.0/24', 'a']]);
    const aclB = matcherOf([['198.51.100.7/32', 'b'], ['2001:db8::/32', 'b6']]);
    const src = parseSourceIp('198.51.100.7')!;
    expect([aclA.lookupParsed(src), aclB.lookupParsed(src)]).toEqual(['a', 'b']);
    expect(aclB.matchesParsed(parseSourceIp('2001:db8::9')!)).toBe(true);
    expect(aclA.matchesParsed(parseSourceIp('2001:db8::9')!)).toBe(false);
  });

  it('forgets everything on clear', () => {
    const matcher = matcherOf([['10.0.0.0/8', 'a'], ['2001:db8::/32', 'b']]);
    matcher.clear();
    expect(matcher.size).toBe(0);
    expect(matcher.matches('10.0.0.1')).toBe(false);
    matcher.add('10.0.0.0/8', 'c');
    expect(matcher.lookup('10.0.0.1')).toBe('c');
  });
});
