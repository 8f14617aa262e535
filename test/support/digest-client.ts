/**
 * An independent SIP digest client for tests (RFC 2617, RFC 7616, RFC 8760), written with node:crypto
 * only and deliberately NOT importing @sipauth/sip-digest, so the service is checked against a
 * second implementation rather than against itself.
 */
import { createHash, randomBytes } from 'node:crypto';

export type TestAlgorithm = 'MD5' | 'SHA-256' | 'SHA-512-256';
export type TestQop = 'auth' | 'auth-int' | 'none';

export interface ParsedChallenge {
  realm: string;
  nonce: string;
  algorithm: string;
  qop?: string[];
  stale?: boolean;
  opaque?: string;
  params: Record<string, string>;
}

const NODE_HASH: Record<TestAlgorithm, string> = { 'MD5': 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

/** Lower-case hex digest of `data` under a digest algorithm name (its -sess form hashes the same). */
export function h(algorithm: string, data: string): string {
  const base = algorithm.replace(/-sess$/i, '').toUpperCase() as TestAlgorithm;
  const name = NODE_HASH[base];
  if (!name) throw new Error(`test client: unknown algorithm ${algorithm}`);
  return createHash(name).update(data, 'utf8').digest('hex');
}

/** Parses one `Proxy-Authenticate: Digest …` value, quoted or bare parameters in any order. */
export function parseChallengeHeader(value: string): ParsedChallenge {
  const m = /^\s*Digest\s+(.*)$/is.exec(value);
  if (!m) throw new Error(`test client: not a Digest challenge: ${value}`);
  const params: Record<string, string> = {};
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while ((match = re.exec(m[1])) !== null && match[0].length > 0) {
    params[match[1].toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
  }
  if (!params.realm || !params.nonce) throw new Error(`test client: challenge without realm or nonce: ${value}`);
  return {
    realm: params.realm,
    nonce: params.nonce,
    algorithm: params.algorithm ?? 'MD5',
    qop: params.qop?.split(',').map((q) => q.trim()),
    stale: params.stale === undefined ? undefined : params.stale.toLowerCase() === 'true',
    opaque: params.opaque,
    params,
  };
}

export interface AnswerOptions {
  username: string;
  password: string;
  method: string;
  uri: string;
  /** Default `auth`; `none` answers RFC 2069 style (no qop, nc, cnonce). */
  qop?: TestQop;
  /** Answer with this algorithm instead of the challenge's, e.g. `SHA-256-sess` or a mismatch. */
  algorithm?: string;
  nc?: number;
  cnonce?: string;
  body?: string;
  userhash?: boolean;
  /** Override what is sent (the hash still uses these values): for tampering tests. */
  realm?: string;
  nonce?: string;
}

/** HA1 = H(username:realm:password). */
export const ha1Of = (algorithm: string, username: string, realm: string, password: string): string =>
  h(algorithm, `${username}:${realm}:${password}`);

/** Builds the `Proxy-Authorization` value answering `challenge`. */
export function answerChallenge(challenge: ParsedChallenge, o: AnswerOptions): string {
  const algorithm = o.algorithm ?? challenge.algorithm;
  const realm = o.realm ?? challenge.realm;
  const nonce = o.nonce ?? challenge.nonce;
  const qop = o.qop ?? 'auth';
  const cnonce = o.cnonce ?? randomBytes(8).toString('hex');
  const nc = (o.nc ?? 1).toString(16).padStart(8, '0');
  let ha1 = ha1Of(algorithm, o.username, realm, o.password);
  if (/-sess$/i.test(algorithm)) ha1 = h(algorithm, `${ha1}:${nonce}:${cnonce}`);
  const ha2 = qop === 'auth-int'
    ? h(algorithm, `${o.method}:${o.uri}:${h(algorithm, o.body ?? '')}`)
    : h(algorithm, `${o.method}:${o.uri}`);
  const response = qop === 'none'
    ? h(algorithm, `${ha1}:${nonce}:${ha2}`)
    : h(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
  const username = o.userhash ? h(algorithm, `${o.username}:${realm}`) : o.username;
  const parts = [
    `username="${username}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${o.uri}"`,
    `response="${response}"`, `algorithm=${algorithm}`,
  ];
  if (qop !== 'none') parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  else if (/-sess$/i.test(algorithm)) parts.push(`cnonce="${cnonce}"`);
  if (o.userhash) parts.push('userhash=true');
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}
