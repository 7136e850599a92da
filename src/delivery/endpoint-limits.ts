import type { Endpoint } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import type { ClaimedDelivery, Release } from '../store/store.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Whether a claimed delivery may go now. A disabled endpoint's delivery is parked (given back with
 * no due time) until the endpoint is enabled; a rate-limited one is given back, due when the
 * endpoint's token bucket allows. Neither counts as an attempt.
 */
export class EndpointLimits {
  private readonly rates: RateLimiter;

  /** `rateLimitWorkers`: processes sharing the database; each takes its share of a rate limit. */
  constructor(
    private readonly clock: Clock,
    private readonly rateLimitWorkers = 1,
  ) {
    this.rates = new RateLimiter(clock);
  }

  /** The release that holds `claim` back, or null when it may go now. */
  holdBack(claim: ClaimedDelivery, endpoint: Endpoint): Release | null {
    if (endpoint.disabled)
      return { deliveryId: claim.delivery.id, leaseToken: claim.leaseToken, nextAttemptAt: null };
    if (endpoint.rateLimit !== null) {
      const waitMs = this.rates.take(endpoint.id, endpoint.rateLimit / this.rateLimitWorkers);
      if (waitMs > 0)
        return {
          deliveryId: claim.delivery.id,
          leaseToken: claim.leaseToken,
          nextAttemptAt: this.clock.now() + waitMs,
        };
    }
    return null;
  }
}
