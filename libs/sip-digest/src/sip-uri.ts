/**
 * The host part of SIP URIs (RFC 3261 §19.1.1), for the digest-uri check of SPEC §5: the `uri`
 * parameter's host must equal the Request-URI's host, case-insensitively; ports are compared only
 * when both carry one. The user part may differ (proxies rewrite it).
 */

export interface UriHost {
  /** Lower case, without IPv6 brackets or a trailing dot. */
  host: string;
  port?: number;
}

const MAX_URI_LENGTH = 2048;

/** Host and port of a `sip:`/`sips:` URI, with or without user part and parameters; undefined when there is none. Never throws. */
export function sipUriHost(uri: string): UriHost | undefined {
  if (typeof uri !== 'string' || uri.length > MAX_URI_LENGTH) return undefined;
  const text = uri.trim();
  const colon = text.indexOf(':');
  const scheme = colon < 0 ? '' : text.slice(0, colon).toLowerCase();
  if (scheme !== 'sip' && scheme !== 'sips') return undefined;
  let rest = text.slice(colon + 1);
  // '@' cannot appear unescaped in a SIP URI except after the userinfo, so the first one ends it.
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 59 || c === 63 || c === 62) { end = i; break; } // ; ? >
  }
  const hostport = rest.slice(0, end);
  let host: string;
  let portText: string | undefined;
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    if (close < 0) return undefined;
    host = hostport.slice(1, close);
    const after = hostport.slice(close + 1);
    if (after.length > 0) {
      if (!after.startsWith(':')) return undefined;
      portText = after.slice(1);
    }
  } else {
    const portColon = hostport.indexOf(':');
    host = portColon < 0 ? hostport : hostport.slice(0, portColon);
    if (portColon >= 0) portText = hostport.slice(portColon + 1);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || !/^[A-Za-z0-9.:_-]+$/.test(host)) return undefined;
  if (portText === undefined) return { host: host.toLowerCase() };
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) return undefined;
  return { host: host.toLowerCase(), port: Number(portText) };
}

/** True when both are SIP URIs with the same host (any case), and the same port if both name one. */
export function sameUriHost(digestUri: string, requestUri: string): boolean {
  const a = sipUriHost(digestUri);
  const b = sipUriHost(requestUri);
  if (!a || !b || a.host !== b.host) return false;
  return a.port === undefined || b.port === undefined || a.port === b.port;
}
