/** `Proxy-Authenticate` / `WWW-Authenticate` Digest challenges (RFC 3261 §22.4, RFC 7616 §3.3, RFC 8760). */
import { DigestAlgorithm, parseAlgorithm } from './algorithm';
import { isToken, quote, scanDigestParams } from './auth-params';
import { ParseResult, parseFlag } from './credentials';

/** A challenge as offered in one Proxy-Authenticate header. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  algorithm: DigestAlgorithm;
  /** Offered qop options, e.g. `['auth']`; absent for an RFC 2069 challenge. */
  qop?: string[];
  opaque?: string;
  stale?: boolean;
  userhash?: boolean;
}

/** Writes a challenge, e.g. `Digest realm="x", nonce="…", algorithm=SHA-256, qop="auth"`. Throws TypeError on values no header can carry. */
export function formatChallenge(c: DigestChallenge): string {
  let out = `Digest realm=${quote(c.realm, 'realm')}, nonce=${quote(c.nonce, 'nonce')}, algorithm=${c.algorithm}`;
  if (c.qop !== undefined && c.qop.length > 0) {
    for (const option of c.qop) if (!isToken(option)) throw new TypeError('qop options must be tokens');
    out += `, qop="${c.qop.join(',')}"`;
  }
  if (c.opaque !== undefined) out += `, opaque=${quote(c.opaque, 'opaque')}`;
  if (c.stale !== undefined) out += `, stale=${c.stale ? 'true' : 'false'}`;
  if (c.userhash !== undefined) out += `, userhash=${c.userhash ? 'true' : 'false'}`;
  return out;
}

/** Parses a challenge header value (as a client would). Never throws. */
export function parseChallenge(headerValue: string): ParseResult<DigestChallenge> {
  const scanned = scanDigestParams(headerValue);
  if (!scanned.ok) return { ok: false, reason: 'malformed-credentials', message: scanned.message };
  const p: Record<string, string | undefined> = {};
  for (let k = 0; k < scanned.pairs.length; k += 2) {
    const name = scanned.pairs[k];
    if (name === 'realm' || name === 'nonce' || name === 'algorithm' || name === 'qop' || name === 'opaque' || name === 'stale' || name === 'userhash') {
      p[name] = scanned.pairs[k + 1];
    }
  }
  const algorithm = parseAlgorithm(p.algorithm);
  if (!algorithm) return { ok: false, reason: 'algorithm-unsupported', message: 'algorithm must be one of MD5, SHA-256, SHA-512-256 (or their -sess forms)' };
  if (p.realm === undefined) return { ok: false, reason: 'malformed-credentials', message: 'realm is missing' };
  if (p.nonce === undefined) return { ok: false, reason: 'malformed-credentials', message: 'nonce is missing' };
  const value: DigestChallenge = { realm: p.realm, nonce: p.nonce, algorithm };
  if (p.qop !== undefined) {
    const options = p.qop.split(',').map((o) => o.trim()).filter((o) => o.length > 0);
    if (options.length === 0 || !options.every(isToken)) {
      return { ok: false, reason: 'malformed-credentials', message: 'qop must be a comma-separated list of tokens' };
    }
    value.qop = options;
  }
  if (p.opaque !== undefined) value.opaque = p.opaque;
  // RFC 7616 §3.3: any stale value other than true (any case) means false.
  if (p.stale !== undefined) value.stale = p.stale.toLowerCase() === 'true';
  if (p.userhash !== undefined) {
    const flag = parseFlag(p.userhash);
    if (flag === undefined) return { ok: false, reason: 'malformed-credentials', message: 'userhash must be true or false' };
    value.userhash = flag;
  }
  return { ok: true, value };
}
