/**
 * CIDR parsing and normalisation (SPEC §3): IPv4 with prefix 8–32 (default 32), IPv6 with prefix
 * 16–128 (default 128); the address is normalised to its network (`10.1.2.3/24` → `10.1.2.0/24`,
 * IPv6 in RFC 5952 form). Only canonical dotted-quad IPv4 is accepted (no `010.1.1.1`, no `10.1`).
 * An IPv4-mapped IPv6 range (`::ffff:10.0.0.0/120`) is the IPv4 range it maps to (`10.0.0.0/24`) and
 * obeys the IPv4 limits: otherwise `::ffff:0.0.0.0/96` would admit every IPv4 source, and one range could
 * sit in an ACL twice under two spellings.
 */
import ipaddr from 'ipaddr.js';
import { parseIpv4, parseIpv6 } from './ip-text';

export type IpFamily = 4 | 6;

export interface Cidr {
  family: IpFamily;
  /** The network address, normalised. */
  network: string;
  prefixLength: number;
}

export type CidrResult =
  | { ok: true; value: Cidr }
  | { ok: false; field: 'ipAddress' | 'cidrPrefixLength'; message: string };

export const PREFIX_LIMITS: Record<IpFamily, { min: number; max: number }> = {
  4: { min: 8, max: 32 },
  6: { min: 16, max: 128 },
};

/** Parses an address (optionally with `/prefix`) and an optional separate prefix length into its normalised network. */
export function parseCidr(input: string, cidrPrefixLength?: number): CidrResult {
  if (typeof input !== 'string' || input.length === 0 || input.length > 64) {
    return { ok: false, field: 'ipAddress', message: 'must be an IPv4 or IPv6 address' };
  }
  const [addressText, prefixText, ...rest] = input.trim().split('/');
  if (rest.length > 0) return { ok: false, field: 'ipAddress', message: 'must be an IPv4 or IPv6 address' };
  const address = parseAddress(addressText);
  if (!address) return { ok: false, field: 'ipAddress', message: 'must be an IPv4 or IPv6 address' };

  let prefix: number | undefined = cidrPrefixLength;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return { ok: false, field: 'ipAddress', message: 'has an invalid /prefix' };
    const inline = Number(prefixText);
    if (prefix !== undefined && prefix !== inline) {
      return { ok: false, field: 'cidrPrefixLength', message: `disagrees with the /${inline} in ipAddress` };
    }
    prefix = inline;
  }
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && (prefix ?? 128) >= 96) {
    const mapped = prefix === undefined ? undefined : prefix - 96;
    const v4 = normalise((address as ipaddr.IPv6).toIPv4Address(), 4, mapped);
    return v4.ok || v4.field !== 'cidrPrefixLength'
      ? v4
      : { ok: false, field: 'cidrPrefixLength', message: 'must be an integer from 104 to 128 for an IPv4-mapped IPv6 address (the IPv4 range it maps to takes 8 to 32)' };
  }
  return normalise(address, address.kind() === 'ipv4' ? 4 : 6, prefix);
}

function normalise(address: ipaddr.IPv4 | ipaddr.IPv6, family: IpFamily, prefix: number | undefined): CidrResult {
  const limits = PREFIX_LIMITS[family];
  if (prefix === undefined) prefix = limits.max;
  if (!Number.isInteger(prefix) || prefix < limits.min || prefix > limits.max) {
    return { ok: false, field: 'cidrPrefixLength', message: `must be an integer from ${limits.min} to ${limits.max} for IPv${family}` };
  }
  const network = family === 4
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toRFC5952String();
  return { ok: true, value: { family, network, prefixLength: prefix } };
}

/**
 * Parses a single address: canonical dotted-quad IPv4 or any valid IPv6 text (zone ids refused).
 * Stricter than ipaddr.js, which reads `::1.2.3.4` as `::ffff:1.2.3.4` and `010` octets in an
 * IPv6's IPv4 tail as decimal.
 */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (typeof text !== 'string') return undefined;
  if (!text.includes(':')) return parseIpv4(text) < 0 ? undefined : ipaddr.IPv4.parse(text);
  const groups = [0, 0, 0, 0, 0, 0, 0, 0];
  return parseIpv6(text, 0, text.length, groups) ? new ipaddr.IPv6(groups) : undefined;
}
