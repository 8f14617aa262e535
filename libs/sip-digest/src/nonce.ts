/**
 * Stateless nonces (SPEC §5): any replica sharing the secrets verifies any other's nonce.
 * Layout, base64url-encoded: issuedAt (ms, u64 BE) | random (12) | key tag (4) | HMAC-SHA256 (32),
 * the HMAC taken over issuedAt|random|tag and the realm and base algorithm the nonce is bound to.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { BaseAlgorithm } from './algorithm';
import { isCanonicalBase64url } from './base64url';
import type { NonceSecret } from './key-list';
import { RandomPool } from './random-pool';

const ISSUED_AT = 8, RANDOM = 12, TAG = 4, MAC = 32;
const HEADER = ISSUED_AT + RANDOM + TAG;
const RAW_LENGTH = HEADER + MAC;
/** Length of an issued nonce in characters. */
export const NONCE_LENGTH = Math.ceil((RAW_LENGTH * 4) / 3);
const DOMAIN = Buffer.from('sipauth-nonce-v1\0');

/** A nonce's verdict: genuine (maybe stale, i.e. older than the ttl) or not. */
export type NonceCheck = { valid: true; stale: boolean; issuedAt: number } | { valid: false };

/** Configuration of a {@link NonceService}. */
export interface NonceServiceOptions {
  /** Current secret first; the others are accepted for nonces issued before a rotation. */
  secrets: NonceSecret[];
  ttlSeconds: number;
  now?: () => number;
  /** How far in the future (ms) an issue time may lie, for clock differences between replicas. Default 5000. */
  maxFutureSkewMs?: number;
}

interface KeyedSecret { tag: Buffer; tagValue: number; key: Buffer }

/** Issues and checks nonces bound to a realm and a base algorithm. */
export class NonceService {
  private readonly secrets: KeyedSecret[];
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxFutureSkewMs: number;
  /** The random part of nonces: the bytes are no secret (they appear in the nonce), they only make it unique. */
  private readonly random = new RandomPool();

  constructor(opts: NonceServiceOptions) {
    if (!Array.isArray(opts.secrets) || opts.secrets.length === 0) throw new Error('NonceService needs at least one secret');
    if (!Number.isInteger(opts.ttlSeconds) || opts.ttlSeconds < 1) throw new Error('NonceService ttlSeconds must be a positive integer');
    for (const s of opts.secrets) {
      if (!Buffer.isBuffer(s.key) || s.key.length < 32) throw new Error(`nonce secret ${s.id} must be at least 32 bytes`);
    }
    this.secrets = opts.secrets.map((s) => {
      const tag = createHash('sha256').update(`nonce-key-id:${s.id}`).digest().subarray(0, TAG);
      return { tag, tagValue: tag.readUInt32BE(0), key: s.key };
    });
    this.ttlMs = opts.ttlSeconds * 1000;
    this.now = opts.now ?? Date.now;
    this.maxFutureSkewMs = opts.maxFutureSkewMs ?? 5000;
  }

  /** A fresh nonce for a challenge in `realm` with `algorithm` (or its -sess form). */
  issue(realm: string, algorithm: BaseAlgorithm): string {
    const now = this.now();
    if (!Number.isFinite(now) || now < 0) throw new Error('NonceService clock returned an invalid time');
    const raw = Buffer.allocUnsafe(RAW_LENGTH);
    raw.writeBigUInt64BE(BigInt(Math.floor(now)), 0);
    this.random.take(RANDOM).copy(raw, ISSUED_AT);
    const current = this.secrets[0];
    current.tag.copy(raw, ISSUED_AT + RANDOM);
    mac(current.key, raw.subarray(0, HEADER), realm, algorithm).copy(raw, HEADER);
    return raw.toString('base64url');
  }

  /** Checks a nonce from credentials: genuine, for this realm and algorithm, not from the future; stale once older than the ttl. Never throws. */
  check(nonce: string, realm: string, algorithm: BaseAlgorithm): NonceCheck {
    if (typeof nonce !== 'string' || nonce.length !== NONCE_LENGTH || typeof realm !== 'string') return { valid: false };
    // Only the canonical spelling passes: other spellings of the same bytes would otherwise slip past the replay cache.
    if (!isCanonicalBase64url(nonce)) return { valid: false };
    const raw = Buffer.from(nonce, 'base64url');
    if (raw.length !== RAW_LENGTH) return { valid: false };
    const tag = raw.readUInt32BE(ISSUED_AT + RANDOM);
    const header = raw.subarray(0, HEADER);
    const given = raw.subarray(HEADER);
    let genuine = false;
    for (const secret of this.secrets) {
      if (secret.tagValue !== tag) continue;
      if (timingSafeEqual(mac(secret.key, header, realm, algorithm), given)) { genuine = true; break; }
    }
    if (!genuine) return { valid: false };
    // Two 32-bit halves instead of a BigInt; a genuine issue time is far below 2^53 ms.
    const issuedAt = raw.readUInt32BE(0) * 2 ** 32 + raw.readUInt32BE(4);
    const now = this.now();
    if (issuedAt > now + this.maxFutureSkewMs) return { valid: false };
    return { valid: true, stale: now - issuedAt > this.ttlMs, issuedAt };
  }
}

function mac(key: Buffer, header: Buffer, realm: string, algorithm: BaseAlgorithm): Buffer {
  return createHmac('sha256', key).update(DOMAIN).update(header).update(realm, 'utf8').update('\0').update(algorithm).digest();
}
