/**
 * The client side of SIP digest for the benchmarks: answering one `Proxy-Authenticate` value as a
 * caller would (qop=auth). It uses @sipauth/sip-digest; correctness against an independent client is
 * the tests' business (test/support/digest-client.ts), here only the work per request matters.
 */
import { randomBytes } from 'node:crypto';
import { baseOf, computeResponse, hashHex, parseChallenge } from '@sipauth/sip-digest';

export interface DigestAnswer {
  username: string;
  password: string;
  method: string;
  uri: string;
  /** Default: 8 fresh random bytes in hex. */
  cnonce?: string;
}

/** The `Proxy-Authorization` value answering `challenge` (one `Proxy-Authenticate` value) with nc=00000001. */
export function answerChallenge(challenge: string, a: DigestAnswer): string {
  const parsed = parseChallenge(challenge);
  if (!parsed.ok) throw new Error(`bad challenge: ${parsed.message}`);
  const { realm, nonce, algorithm } = parsed.value;
  const cnonce = a.cnonce ?? randomBytes(8).toString('hex');
  const ha1 = hashHex(baseOf(algorithm), `${a.username}:${realm}:${a.password}`);
  const response = computeResponse({ algorithm, ha1, nonce, cnonce, nc: '00000001', qop: 'auth', method: a.method, uri: a.uri });
  return `Digest username="${a.username}", realm="${realm}", nonce="${nonce}", uri="${a.uri}", response="${response}", algorithm=${algorithm}, qop=auth, nc=00000001, cnonce="${cnonce}"`;
}
