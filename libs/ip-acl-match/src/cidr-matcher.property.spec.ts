import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { CidrMatcher } from './cidr-matcher';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
interface Range { text: string; bytes: number[]; prefix: number }
type Op = { kind: 'add' | 'remove'; range: number; value?: string };

/** The documented semantics, by brute force over ipaddr.js: IPv4-mapped sources and ranges are IPv4. */
class NaiveMatcher {
  private entries: Array<{ key: string; network: Address; prefix: number; value: string }> = [];

  private static normalise(text: string): { key: string; network: Address; prefix: number } {
    let [network, prefix] = ipaddr.parseCIDR(text);
    if (network.kind() === 'ipv6' && prefix >= 96 && (network as ipaddr.IPv6).isIPv4MappedAddress()) {
      [network, prefix] = [(network as ipaddr.IPv6).toIPv4Address(), prefix - 96];
    }
    const masked = network.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${network.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${network.toString()}/${prefix}`);
    return { key: `${masked.toNormalizedString()}/${prefix}`, network: masked, prefix };
  }

  get size(): number {
    return new Set(this.entries.map((e) => e.key)).size;
  }

  add(text: string, value: string): void {
    const range = NaiveMatcher.normalise(text);
    if (!this.entries.some((e) => e.key === range.key && e.value === value)) this.entries.push({ ...range, value });
  }

  remove(text: string, value?: string): void {
    const { key } = NaiveMatcher.normalise(text);
    this.entries = this.entries.filter((e) => !(e.key === key && (value === undefined || e.value === value)));
  }

  lookup(address: Address): string | undefined {
    const source = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
    let best: { prefix: number; value: string } | undefined;
    for (const e of this.entries) {
      if (e.network.kind() !== source.kind() || !source.match(e.network, e.prefix)) continue;
      if (best === undefined || e.prefix > best.prefix) best = e;
    }
    return best?.value;
  }
}

const byte = fc.integer({ min: 0, max: 255 });
const v4Range = fc.tuple(fc.constantFrom(10, 192, 203), fc.array(byte, { minLength: 3, maxLength: 3 }), fc.integer({ min: 8, max: 32 }))
  .map(([first, rest, prefix]): Range => {
    const bytes = [first, ...rest];
    return { text: `${bytes.join('.')}/${prefix}`, bytes, prefix };
  });
const mappedRange = fc.tuple(fc.constantFrom(10, 192, 203), fc.array(byte, { minLength: 3, maxLength: 3 }), fc.integer({ min: 104, max: 128 }))
  .map(([first, rest, prefix]): Range => {
    const bytes = [...Array(10).fill(0), 255, 255, first, ...rest];
    return { text: `::ffff:${[first, ...rest].join('.')}/${prefix}`, bytes, prefix };
  });
const v6Range = fc.tuple(fc.constantFrom([0x20, 0x01, 0x0d, 0xb8], [0x20, 0x01, 0, 0], [0, 0, 0, 0]), fc.array(byte, { minLength: 12, maxLength: 12 }), fc.integer({ min: 16, max: 128 }))
  .map(([head, rest, prefix]): Range => {
    const bytes = [...head, ...rest];
    return { text: `${ipaddr.fromByteArray(bytes).toString()}/${prefix}`, bytes, prefix };
  });
const anyRange = fc.oneof({ arbitrary: v4Range, weight: 3 }, { arbitrary: v6Range, weight: 3 }, { arbitrary: mappedRange, weight: 1 });

const op = fc.record({
  kind: fc.constantFrom<'add' | 'remove'>('add', 'add', 'add', 'remove'),
  range: fc.nat(),
  value: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
});
/** An address inside one of the ranges (host bits random) or anywhere, in one of several text forms. */
const probe = fc.record({ range: fc.nat(), inside: fc.boolean(), noise: fc.array(byte, { minLength: 16, maxLength: 16 }), form: fc.nat({ max: 3 }) });

function probeAddress(ranges: Range[], p: { range: number; inside: boolean; noise: number[] }): Address {
  const range = ranges[p.range % ranges.length];
  const bytes = range.bytes.map((b, i) => {
    const kept = p.inside ? Math.max(0, Math.min(8, range.prefix - 8 * i)) : Math.max(0, Math.min(8, range.prefix - 8 * i - 1));
    const mask = (0xff << (8 - kept)) & 0xff;
    return (b & mask) | (p.noise[i] & ~mask & 0xff);
  });
  return ipaddr.fromByteArray(bytes);
}

/** Fully expanded form (`2001:0db8:0000:…`); ipaddr.js has toFixedLengthString at run time but not in its typings. */
const fixedLength = (v6: ipaddr.IPv6): string => v6.parts.map((p) => p.toString(16).padStart(4, '0')).join(':');

function sourceText(address: Address, form: number): string {
  if (address.kind() === 'ipv4') return form === 0 ? `::ffff:${address.toString()}` : address.toString();
  const v6 = address as ipaddr.IPv6;
  return [v6.toString(), v6.toNormalizedString(), `[${v6.toString()}]`, fixedLength(v6).toUpperCase()][form];
}

describe('CidrMatcher against a naive scan', () => {
  it('answers every address as the longest matching range of a brute-force scan does, through adds and removes', () => {
    fc.assert(
      fc.property(fc.array(anyRange, { minLength: 1, maxLength: 40 }), fc.array(op, { maxLength: 80 }), fc.array(probe, { minLength: 1, maxLength: 40 }), (ranges, ops, probes) => {
        const matcher = new CidrMatcher<string>();
        const naive = new NaiveMatcher();
        for (const { kind, range, value } of ops) {
          const text = ranges[range % ranges.length].text;
          if (kind === 'add') {
            matcher.add(text, value ?? 'a');
            naive.add(text, value ?? 'a');
          } else {
            matcher.remove(text, value);
            naive.remove(text, value);
          }
        }
        expect(matcher.size).toBe(naive.size);
        for (const p of probes) {
          const address = probeAddress(ranges, p);
          expect([sourceText(address, p.form), matcher.lookup(sourceText(address, p.form))]).toEqual([sourceText(address, p.form), naive.lookup(address)]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
