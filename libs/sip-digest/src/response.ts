/** Computing and verifying a digest `response` (RFC 2617 §3.2.2, RFC 7616 §3.4.1–3.4.3, RFC 2069). */
import { timingSafeEqual } from 'node:crypto';
import { DigestAlgorithm, baseOf, hashHex, isSessionAlgorithm } from './algorithm';
import type { DigestCredentials, Qop } from './credentials';

/** Everything the response hash covers. */
export interface ResponseInput {
  algorithm: DigestAlgorithm;
  /** Hex HA1 of the base algorithm, H(username:realm:password). */
  ha1: string;
  nonce: string;
  cnonce?: string;
  nc?: string;
  qop?: Qop;
  method: string;
  uri: string;
  /** Request body for qop=auth-int; absent means empty. */
  body?: string;
}

/** The expected `response` (lower-case hex) for the given inputs. */
export function computeResponse(input: ResponseInput): string {
  const alg = baseOf(input.algorithm);
  const cnonce = input.cnonce ?? '';
  const ha1 = isSessionAlgorithm(input.algorithm) ? hashHex(alg, `${input.ha1}:${input.nonce}:${cnonce}`) : input.ha1;
  const ha2 = input.qop === 'auth-int'
    ? hashHex(alg, `${input.method}:${input.uri}:${hashHex(alg, input.body ?? '')}`)
    : hashHex(alg, `${input.method}:${input.uri}`);
  if (input.qop === undefined) return hashHex(alg, `${ha1}:${input.nonce}:${ha2}`);
  return hashHex(alg, `${ha1}:${input.nonce}:${input.nc ?? ''}:${cnonce}:${input.qop}:${ha2}`);
}

/** True when the credentials' response matches the one computed from the stored HA1. Constant-time compare. */
export function verifyResponse(credentials: DigestCredentials, input: { ha1: string; method: string; body?: string }): boolean {
  const expected = computeResponse({
    algorithm: credentials.algorithm,
    ha1: input.ha1,
    nonce: credentials.nonce,
    cnonce: credentials.cnonce,
    nc: credentials.nc,
    qop: credentials.qop,
    method: input.method,
    uri: credentials.uri,
    body: input.body,
  });
  return safeEqual(expected, credentials.response);
}

/** Constant-time string equality (time depends only on the lengths, which are public here). */
export function safeEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
