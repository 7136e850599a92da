import type { Clock } from '../lib/clock.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
  rate: number;
  /** Next free slot for a deferred delivery, so deferred ones come back spread out, not all at once. */
  nextSlot: number;
}

/**
 * Token buckets per endpoint (deliveries/s, burst of one second's worth). `take` returns 0 when a
 * delivery may go now, or how many ms until it should be tried again: successive deferrals get
 * successive slots 1/rate apart.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly clock: Clock) {}

  take(key: string, ratePerSecond: number): number {
    const now = this.clock.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.rate !== ratePerSecond) {
      bucket = {
        tokens: Math.max(1, ratePerSecond),
        updatedAt: now,
        rate: ratePerSecond,
        nextSlot: now,
      };
      this.buckets.set(key, bucket);
    }
    const capacity = Math.max(1, ratePerSecond);
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond,
    );
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    const slot = Math.max(
      now + Math.ceil(((1 - bucket.tokens) / ratePerSecond) * 1000),
      bucket.nextSlot,
    );
    bucket.nextSlot = slot + 1000 / ratePerSecond;
    return slot - now;
  }
}
