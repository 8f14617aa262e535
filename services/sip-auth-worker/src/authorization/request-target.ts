/**
 * Hosts of the SIP request: the trunk domain as the edge passes it, and the host:port of a SIP URI
 * (Request-URI, digest `uri`). Never throws: text that is not what it should be gives undefined.
 */

/** A URI's host (lower case; IPv6 kept in brackets) and its port, if it carries one. */
export interface HostPort { host: string; port?: number }

/**
 * The trunk domain as looked up: lower case, without a port and without a trailing dot.
 * `ACME.example.net.:5060` → `acme.example.net`; an IPv6 literal, bracketed or bare, in its
 * canonical bracketed form: `[2001:DB8:0::1]:5060` and `2001:DB8::1` → `[2001:db8::1]`.
 */
export function normaliseDomain(text: string): string {
  let host = text.trim().toLowerCase();
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close < 0 ? host : canonicalIpv6(host.slice(0, close + 1)) ?? host.slice(0, close + 1);
  }
  const colon = host.indexOf(':');
  // Two colons cannot be `host:port`: it is a bare IPv6 literal, not to be cut at its first colon.
  if (colon >= 0 && host.indexOf(':', colon + 1) >= 0) return canonicalIpv6(`[${host}]`) ?? host;
  if (colon >= 0) host = host.slice(0, colon);
  while (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

/**
 * The host and port of a `sip:` or `sips:` URI (`sip:alice@Acme.example.net:5060;transport=tcp`),
 * or undefined when the text is not one. The user part is ignored: proxies may rewrite it.
 */
export function parseSipUriHost(uri: string): HostPort | undefined {
  if (typeof uri !== 'string' || uri.length > 2048) return undefined;
  const lower = uri.slice(0, 5).toLowerCase();
  const start = lower.startsWith('sips:') ? 5 : lower.startsWith('sip:') ? 4 : -1;
  if (start < 0) return undefined;
  // The user part may hold `;` (user parameters such as phone-context) but no unescaped `@`.
  const at = uri.indexOf('@', start);
  const query = uri.indexOf('?', start);
  const hostStart = at >= 0 && (query < 0 || at < query) ? at + 1 : start;
  let end = uri.length;
  for (let i = hostStart; i < uri.length; i++) {
    const c = uri.charCodeAt(i);
    if (c === 59 /* ; */ || c === 63 /* ? */ || c === 62 /* > */) { end = i; break; }
  }
  const hostPart = uri.slice(hostStart, end);
  return parseHostPort(hostPart);
}

function parseHostPort(text: string): HostPort | undefined {
  let host: string;
  let rest: string;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    const literal = close < 0 ? undefined : canonicalIpv6(text.slice(0, close + 1));
    if (literal === undefined) return undefined;
    host = literal;
    rest = text.slice(close + 1);
  } else {
    const colon = text.indexOf(':');
    host = colon < 0 ? text : text.slice(0, colon);
    rest = colon < 0 ? '' : text.slice(colon);
  }
  if (host.length === 0 || host.length > 255 || !/^[A-Za-z0-9.\-[\]:]+$/.test(host)) return undefined;
  host = host.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (rest === '') return { host };
  if (!/^:\d{1,5}$/.test(rest)) return undefined;
  const port = Number(rest.slice(1));
  return port <= 65_535 ? { host, port } : undefined;
}

/**
 * `[2001:DB8:0::1]` → `[2001:db8::1]` (RFC 5952, as the WHATWG URL parser writes it), so two
 * spellings of one address compare equal; undefined when the brackets hold no IPv6 address.
 */
function canonicalIpv6(bracketed: string): string | undefined {
  if (bracketed.length < 4 || bracketed.length > 64 || !/^\[[0-9a-fA-F:.]+\]$/.test(bracketed)) return undefined;
  try {
    return new URL(`sip://${bracketed}`).hostname;
  } catch {
    return undefined;
  }
}

/** True when the hosts are equal (case-insensitively) and, if both carry a port, the ports are too. */
export function sameTarget(a: HostPort, b: HostPort): boolean {
  if (a.host !== b.host) return false;
  return a.port === undefined || b.port === undefined || a.port === b.port;
}
