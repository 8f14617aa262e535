/** Requests and replies of the sip-auth-worker (SPEC §5, §6). */
export type Decision = 'allow' | 'challenge' | 'deny';

export interface AuthorizeRequest {
  domain: string;
  sourceIp: string;
  method: string;
  requestUri: string;
  /** The Proxy-Authorization header value, if the request carried one. */
  authorization?: string;
  /** The request body, for qop=auth-int. */
  body?: string;
}

export interface ChallengeRequest { domain: string; sourceIp?: string }

export interface VerifyRequest {
  domain: string;
  method: string;
  requestUri: string;
  authorization: string;
  sourceIp?: string;
  body?: string;
}

export interface AuthDecision {
  decision: Decision;
  status: 200 | 403 | 404 | 407;
  reason: string;
  /** One Proxy-Authenticate header value per offered algorithm, most preferred first. */
  proxyAuthenticate?: string[];
  trunkId?: string;
  username?: string;
  credentialListId?: string;
}

export interface AuthStatus {
  ready: boolean;
  /** Position of the last event the worker has applied (decimal string). */
  position: string;
  counts: { trunks: number; credentialLists: number; credentials: number; ipAccessControlLists: number; ipRanges: number };
}

export const AUTH_REASONS = [
  'ip-allowed',
  'digest-verified',
  'challenge',
  'stale-nonce',
  'unknown-trunk',
  'no-auth-configured',
  'ip-not-allowed',
  'no-credential-lists',
  'unknown-user',
  'bad-response',
  'realm-mismatch',
  'uri-mismatch',
  'algorithm-mismatch',
  'nonce-invalid',
  'nonce-replayed',
  'malformed-credentials',
  'qop-unsupported',
  'ack-cancel-allowed',
] as const;
