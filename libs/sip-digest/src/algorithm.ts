/**
 * Digest algorithms (RFC 7616 §3.3, RFC 8760) and the hashes built from them: HA1, userhash.
 * SHA-512-256 is the FIPS 180-4 function with its own initial values, not a truncated SHA-512.
 */
import * as crypto from 'node:crypto';

/** The hash functions a digest can use. */
export type BaseAlgorithm = 'MD5' | 'SHA-256' | 'SHA-512-256';
/** An `algorithm` parameter value: a base algorithm or its session (`-sess`) form. */
export type DigestAlgorithm = BaseAlgorithm | 'MD5-sess' | 'SHA-256-sess' | 'SHA-512-256-sess';

/** The base algorithms, strongest first. */
export const BASE_ALGORITHMS: readonly BaseAlgorithm[] = ['SHA-512-256', 'SHA-256', 'MD5'];

const NODE_NAMES: Record<BaseAlgorithm, string> = { 'MD5': 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

/** Length in hex digits of a hash (and so of a `response`) for each base algorithm. */
export const HEX_LENGTH: Record<BaseAlgorithm, number> = { 'MD5': 32, 'SHA-256': 64, 'SHA-512-256': 64 };

const BY_UPPER_NAME: Record<string, DigestAlgorithm> = {
  'MD5': 'MD5',
  'MD5-SESS': 'MD5-sess',
  'SHA-256': 'SHA-256',
  'SHA-256-SESS': 'SHA-256-sess',
  'SHA-512-256': 'SHA-512-256',
  'SHA-512-256-SESS': 'SHA-512-256-sess',
};

/** The base algorithm of a `-sess` form (or the algorithm itself). */
export function baseOf(alg: DigestAlgorithm): BaseAlgorithm {
  switch (alg) {
    case 'MD5-sess': return 'MD5';
    case 'SHA-256-sess': return 'SHA-256';
    case 'SHA-512-256-sess': return 'SHA-512-256';
    default: return alg;
  }
}

/** True for the `-sess` algorithms, whose HA1 is H(HA1:nonce:cnonce). */
export function isSessionAlgorithm(alg: DigestAlgorithm): boolean {
  return alg !== baseOf(alg);
}

/**
 * Parses an `algorithm` parameter value in any letter case. An absent parameter means MD5 (the RFC
 * default); an unknown name gives undefined.
 */
export function parseAlgorithm(text: string | undefined): DigestAlgorithm | undefined {
  if (text === undefined) return 'MD5';
  // Clients nearly always send the canonical spelling; answer those without allocating.
  switch (text) {
    case 'MD5': case 'SHA-256': case 'SHA-512-256': case 'MD5-sess': case 'SHA-256-sess': case 'SHA-512-256-sess': return text;
  }
  // ASCII only: toUpperCase maps some non-ASCII letters onto ASCII ones (U+017F ſ → S).
  if (typeof text !== 'string' || text.length > 16 || !/^[A-Za-z0-9-]+$/.test(text)) return undefined;
  const upper = text.toUpperCase();
  return Object.prototype.hasOwnProperty.call(BY_UPPER_NAME, upper) ? BY_UPPER_NAME[upper] : undefined;
}

// crypto.hash (Node ≥ 20.12) avoids building a Hash object per call; the fallback keeps older 20.x working.
const oneShot: ((alg: string, data: string | Buffer, enc: 'hex') => string) | undefined =
  typeof (crypto as { hash?: unknown }).hash === 'function' ? (crypto.hash as (a: string, d: string | Buffer, e: 'hex') => string) : undefined;

/** Lower-case hex hash of `data` (strings are hashed as UTF-8). */
export function hashHex(alg: BaseAlgorithm, data: string | Buffer): string {
  const name = NODE_NAMES[alg];
  if (oneShot) return oneShot(name, data, 'hex');
  return crypto.createHash(name).update(data).digest('hex');
}

/** HA1 = H(username:realm:password) (RFC 7616 §3.4.2). */
export function computeHa1(alg: BaseAlgorithm, username: string, realm: string, password: string): string {
  return hashHex(alg, `${username}:${realm}:${password}`);
}

/** HA1 for every base algorithm, as stored (sealed) for a credential. */
export function computeHa1s(username: string, realm: string, password: string): Record<BaseAlgorithm, string> {
  return {
    'MD5': computeHa1('MD5', username, realm, password),
    'SHA-256': computeHa1('SHA-256', username, realm, password),
    'SHA-512-256': computeHa1('SHA-512-256', username, realm, password),
  };
}

/** userhash = H(username:realm) (RFC 7616 §3.4.4). */
export function computeUserhash(alg: BaseAlgorithm, username: string, realm: string): string {
  return hashHex(alg, `${username}:${realm}`);
}

/** True when `text` is exactly `length` hex digits (either case). */
export function isHex(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}
