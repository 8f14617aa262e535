/**
 * Random bytes handed out from a pool the CSPRNG refills a few kilobytes at a time. One
 * `randomBytes(12)` call cost 6–15 µs here (a crypto job object and an OpenSSL call each), more than
 * the work it served: issuing a nonce (two per challenge, issue 10) and sealing an HA1 (three per
 * imported credential, issue 14) each take 12 random bytes. Every byte is fresh and handed out once;
 * a refill allocates a new buffer, so bytes already handed out are never overwritten.
 */
import { randomBytes } from 'node:crypto';

export class RandomPool {
  private pool = Buffer.alloc(0);
  private at = 0;

  constructor(private readonly refillBytes = 4096) {}

  /** The next `length` bytes (a view of the pool, never handed out again). */
  take(length: number): Buffer {
    if (this.at + length > this.pool.length) {
      this.pool = randomBytes(Math.max(this.refillBytes, length));
      this.at = 0;
    }
    const bytes = this.pool.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}
