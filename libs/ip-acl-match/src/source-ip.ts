/**
 * The source address of a request, parsed once so it can be looked up in several matchers.
 *
 * Accepted text: canonical dotted-quad IPv4 (`203.0.113.9`), IPv6 in any RFC 4291 form
 * (`2001:db8::1`, `2001:DB8:0:0:0:0:0:1`, `::ffff:203.0.113.9`), and IPv6 in brackets
 * (`[2001:db8::1]`). Refused (undefined): zone ids (`fe80::1%eth0`: a zone names an interface of
 * the receiving host, so the same text may be different peers; no ACL range can carry one, so the
 * source fails closed), ports, surrounding whitespace, non-canonical IPv4 (`010.0.0.1`, `10.1`).
 *
 * IPv4-mapped IPv6 (`::ffff:0:0/96`, RFC 4291 §2.5.5.2, what a dual-stack socket reports for an
 * IPv4 peer) is the IPv4 peer itself: it becomes family 4 with `mapped: true`. Other embeddings
 * (the deprecated `::a.b.c.d`, NAT64 `64:ff9b::/96`) stay IPv6 and never match IPv4 ranges.
 */
import { parseIpv4, parseIpv6 } from './ip-text';

export interface SourceIp {
  readonly family: 4 | 6;
  /**
   * The address as four big-endian 32-bit words, held as signed int32 bit patterns (small integers
   * for V8, so lookups never touch heap numbers); an IPv4 address is `w0` (the rest 0).
   */
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
  /** True when the text was an IPv4-mapped IPv6 address, now treated as the IPv4 address. */
  readonly mapped: boolean;
}

const MAX_SOURCE_LENGTH = 47;
const groups: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/** Parses a source address as the SIP edge reports it; undefined (never a throw) for anything else. */
export function parseSourceIp(text: string): SourceIp | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_SOURCE_LENGTH) return undefined;
  let start = 0;
  let end = text.length;
  if (text.charCodeAt(0) === 91) {
    if (text.charCodeAt(end - 1) !== 93) return undefined;
    start = 1;
    end -= 1;
  } else if (text.indexOf(':') < 0) {
    const v4 = parseIpv4(text);
    return v4 < 0 ? undefined : { family: 4, w0: v4 | 0, w1: 0, w2: 0, w3: 0, mapped: false };
  }
  if (!parseIpv6(text, start, end, groups)) return undefined;
  const w0 = (groups[0] << 16) | groups[1];
  const w1 = (groups[2] << 16) | groups[3];
  const w2 = (groups[4] << 16) | groups[5];
  const w3 = (groups[6] << 16) | groups[7];
  if (w0 === 0 && w1 === 0 && w2 === 0xffff) return { family: 4, w0: w3, w1: 0, w2: 0, w3: 0, mapped: true };
  return { family: 6, w0, w1, w2, w3, mapped: false };
}

/** The address in normal text form (dotted quad, or RFC 5952 IPv6), e.g. for logs. */
export function formatSourceIp(src: SourceIp): string {
  if (src.family === 4) return [src.w0 >>> 24, (src.w0 >>> 16) & 255, (src.w0 >>> 8) & 255, src.w0 & 255].join('.');
  const parts = [src.w0, src.w1, src.w2, src.w3].flatMap((w) => [w >>> 16, w & 0xffff]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = parts.map((p) => p.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
