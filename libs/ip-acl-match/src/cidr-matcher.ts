/**
 * Longest-prefix match of a source address against IPv4 and IPv6 ranges, for the per-INVITE ACL
 * check. One path-compressed trie per family; lookups take well under 2 µs among 100,000 ranges
 * (bench/acl.bench.ts).
 *
 * IPv4-mapped addresses are IPv4 everywhere: a source `::ffff:203.0.113.9` is looked up as
 * `203.0.113.9`, and a range inside `::ffff:0:0/96` (`::ffff:203.0.113.0/120`) is stored as the IPv4
 * range it maps (`203.0.113.0/24`). An IPv6 range wider than that block (`::/16`) is an IPv6 range
 * only: it never matches an IPv4 or IPv4-mapped source.
 */
import { parseCidr, type Cidr } from './cidr';
import { parseIpv4, parseIpv6 } from './ip-text';
import { PrefixTrie, type Words } from './prefix-trie';
import { parseSourceIp, type SourceIp } from './source-ip';

interface RangeKey extends Words {
  family: 4 | 6;
  length: number;
}

const groups: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/** The trie key of a range; undefined when the text is not a valid range. */
function rangeKey(cidr: Cidr | string): RangeKey | undefined {
  let range: Cidr;
  if (typeof cidr === 'string') {
    const parsed = parseCidr(cidr);
    if (!parsed.ok) return undefined;
    range = parsed.value;
  } else {
    range = cidr;
  }
  if (range === null || typeof range !== 'object' || typeof range.network !== 'string') return undefined;
  const length = range.prefixLength;
  if (range.family === 4) {
    const address = parseIpv4(range.network);
    if (address < 0 || !Number.isInteger(length) || length < 0 || length > 32) return undefined;
    return { family: 4, w0: address | 0, w1: 0, w2: 0, w3: 0, length };
  }
  if (range.family !== 6 || !parseIpv6(range.network, 0, range.network.length, groups)) return undefined;
  if (!Number.isInteger(length) || length < 0 || length > 128) return undefined;
  const w0 = (groups[0] << 16) | groups[1];
  const w1 = (groups[2] << 16) | groups[3];
  const w2 = (groups[4] << 16) | groups[5];
  const w3 = (groups[6] << 16) | groups[7];
  if (length >= 96 && w0 === 0 && w1 === 0 && w2 === 0xffff) return { family: 4, w0: w3, w1: 0, w2: 0, w3: 0, length: length - 96 };
  return { family: 6, w0, w1, w2, w3, length };
}

/**
 * A set of CIDR ranges, each carrying values, answering "which value does the most specific range
 * containing this address carry?". Adding a value a range already holds is a no-op; a range may
 * hold several values (the same range in two lists), and lookups answer with the first still
 * present.
 *
 * @typeParam T what a range carries (an ACL id, an address id); `true` for a plain set.
 *   `undefined` is not a value: it means "no match".
 */
export class CidrMatcher<T = true> {
  private readonly v4 = new PrefixTrie<T>(32);
  private readonly v6 = new PrefixTrie<T>(128);

  /** Number of ranges holding at least one value (IPv4-mapped ranges count as IPv4). */
  get size(): number {
    return this.v4.size + this.v6.size;
  }

  /**
   * Adds `value` to a range: a {@link Cidr} (as parseCidr returns; a host address inside the range
   * is masked to its network) or text `10.1.2.0/24` (parsed with parseCidr, so its prefix limits apply).
   * @throws RangeError when the range is not valid; the matcher is then unchanged.
   */
  add(cidr: Cidr | string, value: T): void {
    const key = rangeKey(cidr);
    if (key === undefined) throw new RangeError(`not a valid CIDR range: ${JSON.stringify(cidr)}`);
    this.trie(key.family).add(key, key.length, value);
  }

  /**
   * Removes `value` from a range, or the whole range when `value` is omitted.
   * @returns false when there was nothing to remove (or `cidr` is not a valid range); never throws.
   */
  remove(cidr: Cidr | string, value?: T): boolean {
    const key = rangeKey(cidr);
    return key !== undefined && this.trie(key.family).remove(key, key.length, value);
  }

  /** Removes every range. */
  clear(): void {
    this.v4.clear();
    this.v6.clear();
  }

  /** The value of the longest range containing `ip`; undefined when none does or `ip` is not a valid source address. */
  lookup(ip: string): T | undefined {
    const src = parseSourceIp(ip);
    return src === undefined ? undefined : this.lookupParsed(src);
  }

  /** As {@link lookup}, for an address parsed once with parseSourceIp. */
  lookupParsed(src: SourceIp): T | undefined {
    return src.family === 4 ? this.v4.lookup(src) : this.v6.lookup(src);
  }

  /** Whether some range contains `ip` (false for an invalid address). */
  matches(ip: string): boolean {
    return this.lookup(ip) !== undefined;
  }

  /** As {@link matches}, for an address parsed once with parseSourceIp. */
  matchesParsed(src: SourceIp): boolean {
    return this.lookupParsed(src) !== undefined;
  }

  private trie(family: 4 | 6): PrefixTrie<T> {
    return family === 4 ? this.v4 : this.v6;
  }
}
