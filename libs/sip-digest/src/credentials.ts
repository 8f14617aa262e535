/**
 * `Proxy-Authorization` / `Authorization` Digest credentials (RFC 3261 §22.4, RFC 7616 §3.4):
 * parsing into a checked value, and writing one back.
 */
import { DigestAlgorithm, HEX_LENGTH, baseOf, isHex, isSessionAlgorithm, parseAlgorithm } from './algorithm';
import { AuthParams, isToken, quote, scanDigestParams } from './auth-params';

export type Qop = 'auth' | 'auth-int';

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

export type ParseFailureReason = 'malformed-credentials' | 'qop-unsupported' | 'algorithm-unsupported';
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseFailureReason; message: string };

const KNOWN = new Set(['username', 'username*', 'userhash', 'realm', 'nonce', 'uri', 'response', 'algorithm', 'qop', 'nc', 'cnonce', 'opaque']);

const malformed = (message: string): ParseResult<never> => ({ ok: false, reason: 'malformed-credentials', message });

/** Parses a credentials header value (`Digest username="…", …`). Never throws. */
export function parseCredentials(headerValue: string): ParseResult<DigestCredentials> {
  const scanned = scanDigestParams(headerValue);
  if (!scanned.ok) return malformed(scanned.message);
  const p = scanned.params;

  const algorithm = parseAlgorithm(p.algorithm);
  if (!algorithm) return { ok: false, reason: 'algorithm-unsupported', message: 'algorithm must be one of MD5, SHA-256, SHA-512-256 (or their -sess forms)' };

  let qop: Qop | undefined;
  if (p.qop !== undefined) {
    const q = p.qop.toLowerCase();
    if (q !== 'auth' && q !== 'auth-int') return { ok: false, reason: 'qop-unsupported', message: 'qop must be auth or auth-int' };
    qop = q;
  }

  for (const name of ['realm', 'nonce', 'uri', 'response'] as const) {
    if (p[name] === undefined) return malformed(`${name} is missing`);
  }
  for (const name of ['nonce', 'uri'] as const) {
    if (p[name].length === 0) return malformed(`${name} is empty`);
  }

  const userhash = parseFlag(p.userhash);
  if (userhash === undefined) return malformed('userhash must be true or false');
  const username = readUsername(p, userhash);
  if (typeof username !== 'string') return username;
  if (userhash && !isHex(username, HEX_LENGTH[baseOf(algorithm)])) {
    return malformed(`username must be the ${HEX_LENGTH[baseOf(algorithm)]}-digit hex userhash when userhash=true`);
  }

  const hexLength = HEX_LENGTH[baseOf(algorithm)];
  if (!isHex(p.response, hexLength)) return malformed(`response must be ${hexLength} hex digits for ${algorithm}`);

  if (qop !== undefined) {
    if (p.nc === undefined) return malformed('nc is missing (required with qop)');
    if (!isHex(p.nc, 8)) return malformed('nc must be 8 hex digits');
    if (p.cnonce === undefined) return malformed('cnonce is missing (required with qop)');
  } else if (p.nc !== undefined) {
    return malformed('nc is only allowed with qop');
  }
  if (isSessionAlgorithm(algorithm) && !p.cnonce) return malformed(`cnonce is required with ${algorithm}`);
  if (p.cnonce !== undefined && p.cnonce.length === 0) return malformed('cnonce is empty');

  const value: DigestCredentials = {
    username: userhash ? username.toLowerCase() : username,
    userhash,
    realm: p.realm,
    nonce: p.nonce,
    uri: p.uri,
    response: p.response.toLowerCase(),
    algorithm,
    params: otherParams(p),
  };
  if (qop !== undefined) { value.qop = qop; value.nc = p.nc; }
  if (p.cnonce !== undefined) value.cnonce = p.cnonce;
  if (p.opaque !== undefined) value.opaque = p.opaque;
  return { ok: true, value };
}

/** RFC 7616 flags: `true`/`false` in any case, absent = false; undefined for anything else. */
export function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined) return false;
  const t = text.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

function readUsername(p: AuthParams, userhash: boolean): string | ParseResult<never> {
  const plain = p.username;
  const extended = p['username*'];
  if (plain !== undefined && extended !== undefined) return malformed('username and username* must not both be present');
  if (plain !== undefined) {
    return plain.length > 0 ? plain : malformed('username is empty');
  }
  if (extended === undefined) return malformed('username is missing');
  if (userhash) return malformed('username* must not be used with userhash=true');
  const decoded = decodeExtValue(extended);
  return decoded === undefined || decoded.length === 0 ? malformed("username* must be a UTF-8 ext-value (UTF-8''percent-encoded)") : decoded;
}

/** Decodes an RFC 5987 ext-value in UTF-8 (`UTF-8'lang'%C3%A4…`); undefined when invalid. */
function decodeExtValue(text: string): string | undefined {
  const first = text.indexOf("'");
  const second = first < 0 ? -1 : text.indexOf("'", first + 1);
  if (second < 0 || text.slice(0, first).toLowerCase() !== 'utf-8') return undefined;
  const encoded = text.slice(second + 1);
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (c === 37) continue;
    if (!isToken(encoded[i]) || c === 42 || c === 39) return undefined;
  }
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function otherParams(p: AuthParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(p)) {
    if (!KNOWN.has(name)) Object.defineProperty(out, name, { value: p[name], enumerable: true, writable: true, configurable: true });
  }
  return out;
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

function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
