/**
 * `Proxy-Authorization` / `Authorization` Digest credentials (RFC 3261 §22.4, RFC 7616 §3.4):
 * parsing into a checked value, and writing one back.
 */
import { DigestAlgorithm, HEX_LENGTH, baseOf, isHex, isSessionAlgorithm, parseAlgorithm } from './algorithm';
import { isToken, quote, scanDigestParams } from './auth-params';
import { decodeExtValue, encodeExtValue } from './ext-value';

/** The qop values a response may use (RFC 7616 §3.4). */
export type Qop = 'auth' | 'auth-int';

/** Checked credentials from a Proxy-Authorization header. */
export interface DigestCredentials {
  /** The user name; when `userhash` is true, the (lower-case hex) H(username:realm) instead. */
  username?: string;
  userhash: boolean;
  realm: string;
  nonce: string;
  /** The digest-uri exactly as received (it is hashed as received). */
  uri: string;
  /** Lower-case hex. */
  response: string;
  algorithm: DigestAlgorithm;
  qop?: Qop;
  /** Eight hex digits, as received. */
  nc?: string;
  cnonce?: string;
  opaque?: string;
  /** Parameters this parser does not interpret (lower-case names), e.g. extensions. */
  params: Record<string, string>;
}

/** Why a header was refused; the values are also sipauth's deny reasons. */
export type ParseFailureReason = 'malformed-credentials' | 'qop-unsupported' | 'algorithm-unsupported';
/** A parsed value, or why it was refused with a message naming the field (never its value). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseFailureReason; message: string };

const KNOWN = new Set(['username', 'username*', 'userhash', 'realm', 'nonce', 'uri', 'response', 'algorithm', 'qop', 'nc', 'cnonce', 'opaque']);

const malformed = (message: string): ParseResult<never> => ({ ok: false, reason: 'malformed-credentials', message });

/**
 * The recognised parameters of one header, as received. A class with every field set up front gives
 * each instance the same hidden class whatever order the client sent its parameters in, so the reads
 * in parseCredentials stay monomorphic.
 */
class RawCredentials {
  username: string | undefined = undefined;
  usernameStar: string | undefined = undefined;
  userhash: string | undefined = undefined;
  realm: string | undefined = undefined;
  nonce: string | undefined = undefined;
  uri: string | undefined = undefined;
  response: string | undefined = undefined;
  algorithm: string | undefined = undefined;
  qop: string | undefined = undefined;
  nc: string | undefined = undefined;
  cnonce: string | undefined = undefined;
  opaque: string | undefined = undefined;
  /** Unrecognised parameters; allocated only when there are some. */
  other: Record<string, string> | undefined = undefined;
}

function collect(pairs: string[]): RawCredentials {
  const r = new RawCredentials();
  for (let k = 0; k < pairs.length; k += 2) {
    const value = pairs[k + 1];
    switch (pairs[k]) {
      case 'username': r.username = value; break;
      case 'username*': r.usernameStar = value; break;
      case 'userhash': r.userhash = value; break;
      case 'realm': r.realm = value; break;
      case 'nonce': r.nonce = value; break;
      case 'uri': r.uri = value; break;
      case 'response': r.response = value; break;
      case 'algorithm': r.algorithm = value; break;
      case 'qop': r.qop = value; break;
      case 'nc': r.nc = value; break;
      case 'cnonce': r.cnonce = value; break;
      case 'opaque': r.opaque = value; break;
      default:
        // defineProperty, because a parameter may be named __proto__.
        Object.defineProperty((r.other ??= {}), pairs[k], { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return r;
}

/** Parses a credentials header value (`Digest username="…", …`). Never throws. */
export function parseCredentials(headerValue: string): ParseResult<DigestCredentials> {
  const scanned = scanDigestParams(headerValue);
  if (!scanned.ok) return malformed(scanned.message);
  const p = collect(scanned.pairs);

  const algorithm = parseAlgorithm(p.algorithm);
  if (!algorithm) return { ok: false, reason: 'algorithm-unsupported', message: 'algorithm must be one of MD5, SHA-256, SHA-512-256 (or their -sess forms)' };

  let qop: Qop | undefined;
  if (p.qop !== undefined) {
    const q = p.qop === 'auth' || p.qop === 'auth-int' ? p.qop : p.qop.toLowerCase();
    if (q !== 'auth' && q !== 'auth-int') return { ok: false, reason: 'qop-unsupported', message: 'qop must be auth or auth-int' };
    qop = q;
  }

  if (p.realm === undefined) return malformed('realm is missing');
  if (p.nonce === undefined) return malformed('nonce is missing');
  if (p.uri === undefined) return malformed('uri is missing');
  if (p.response === undefined) return malformed('response is missing');
  if (p.nonce.length === 0) return malformed('nonce is empty');
  if (p.uri.length === 0) return malformed('uri is empty');

  const userhash = parseFlag(p.userhash);
  if (userhash === undefined) return malformed('userhash must be true or false');
  const username = readUsername(p, userhash);
  if (typeof username !== 'string') return username;
  const hexLength = HEX_LENGTH[baseOf(algorithm)];
  const userhashHex = userhash ? lowerHexOf(username, hexLength) : undefined;
  if (userhash && userhashHex === undefined) {
    return malformed(`username must be the ${hexLength}-digit hex userhash when userhash=true`);
  }
  const response = lowerHexOf(p.response, hexLength);
  if (response === undefined) return malformed(`response must be ${hexLength} hex digits for ${algorithm}`);

  if (qop !== undefined) {
    if (p.nc === undefined) return malformed('nc is missing (required with qop)');
    if (!isHex(p.nc, 8)) return malformed('nc must be 8 hex digits');
    if (p.cnonce === undefined) return malformed('cnonce is missing (required with qop)');
  } else if (p.nc !== undefined) {
    return malformed('nc is only allowed with qop');
  }
  if (isSessionAlgorithm(algorithm) && !p.cnonce) return malformed(`cnonce is required with ${algorithm}`);
  if (p.cnonce !== undefined && p.cnonce.length === 0) return malformed('cnonce is empty');

  // Every property is always present (absent ones as undefined), so all results share one hidden class.
  const value: DigestCredentials = {
    username: userhashHex ?? username,
    userhash,
    realm: p.realm,
    nonce: p.nonce,
    uri: p.uri,
    response,
    algorithm,
    qop,
    nc: qop === undefined ? undefined : p.nc,
    cnonce: p.cnonce,
    opaque: p.opaque,
    params: p.other ?? {},
  };
  return { ok: true, value };
}

const LOWER_HEX = /^[0-9a-f]*$/;

/**
 * `text` in lower case when it is exactly `length` hex digits (either case), else undefined. Lower-cases
 * only when needed (clients almost always send lower case already).
 */
function lowerHexOf(text: string, length: number): string | undefined {
  if (text.length !== length) return undefined;
  // Native matching beats a charCodeAt loop here: parsed values are slices of the header.
  if (LOWER_HEX.test(text)) return text;
  let upper = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) continue;
    if (c >= 65 && c <= 70) upper = true;
    else return undefined;
  }
  return upper ? text.toLowerCase() : text;
}

/** RFC 7616 flags: `true`/`false` in any case, absent = false; undefined for anything else. */
export function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined) return false;
  const t = text.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

function readUsername(p: RawCredentials, userhash: boolean): string | ParseResult<never> {
  const plain = p.username;
  const extended = p.usernameStar;
  if (plain !== undefined && extended !== undefined) return malformed('username and username* must not both be present');
  if (plain !== undefined) {
    return plain.length > 0 ? plain : malformed('username is empty');
  }
  if (extended === undefined) return malformed('username is missing');
  if (userhash) return malformed('username* must not be used with userhash=true');
  const decoded = decodeExtValue(extended);
  return decoded === undefined || decoded.length === 0 ? malformed("username* must be a UTF-8 ext-value (UTF-8''percent-encoded)") : decoded;
}

/** Writes credentials as a header value. Non-ASCII usernames are written as `username*` (RFC 7616 §3.4.4). */
export function formatCredentials(c: DigestCredentials): string {
  const parts: string[] = [];
  const username = c.username ?? '';
  if (!c.userhash && /[^\x20-\x7e]/.test(username)) {
    parts.push(`username*=UTF-8''${encodeExtValue(username)}`);
  } else {
    parts.push(`username=${quote(username, 'username')}`);
  }
  parts.push(`realm=${quote(c.realm, 'realm')}`, `nonce=${quote(c.nonce, 'nonce')}`, `uri=${quote(c.uri, 'uri')}`);
  parts.push(`response=${quote(c.response, 'response')}`, `algorithm=${c.algorithm}`);
  if (c.qop !== undefined) parts.push(`qop=${c.qop}`);
  if (c.nc !== undefined) parts.push(`nc=${token(c.nc, 'nc')}`);
  if (c.cnonce !== undefined) parts.push(`cnonce=${quote(c.cnonce, 'cnonce')}`);
  if (c.opaque !== undefined) parts.push(`opaque=${quote(c.opaque, 'opaque')}`);
  if (c.userhash) parts.push('userhash=true');
  for (const name of Object.keys(c.params)) {
    if (KNOWN.has(name.toLowerCase())) continue;
    parts.push(`${token(name, 'parameter name')}=${quote(c.params[name], name)}`);
  }
  return `Digest ${parts.join(', ')}`;
}

function token(text: string, what: string): string {
  if (!isToken(text)) throw new TypeError(`${what} must be a token`);
  return text;
}
