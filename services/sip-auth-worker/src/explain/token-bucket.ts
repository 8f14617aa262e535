/**
 * A token bucket: `capacity` requests at once, then `refillPerSecond` on average. auth.explain runs
 * the whole engine and computes digests for a person at a console, so each replica serves it at a
 * low rate and the hot path never queues behind it.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(readonly capacity: number, readonly refillPerSecond: number, private readonly now: () => number = Date.now) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes one token; false when none is left. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
