import { describe, expect, it } from 'vitest';
import { fixtureEndpoint } from '../../test/helpers/format-fixture.js';
import { FakeClock } from '../lib/clock.js';
import type { ClaimedDelivery } from '../store/store.js';
import { EndpointLimits } from './endpoint-limits.js';

const claim = (id: number): ClaimedDelivery =>
  ({ delivery: { id }, leaseToken: `lease-${id}` }) as ClaimedDelivery;

describe('EndpointLimits', () => {
  it('lets a delivery of an enabled endpoint without a rate limit go', () => {
    const limits = new EndpointLimits(new FakeClock());
    expect(limits.holdBack(claim(1), fixtureEndpoint())).toBeNull();
  });

  it("parks a disabled endpoint's delivery with no due time", () => {
    const limits = new EndpointLimits(new FakeClock());
    expect(limits.holdBack(claim(1), fixtureEndpoint({ disabled: true }))).toEqual({
      deliveryId: 1,
      leaseToken: 'lease-1',
      nextAttemptAt: null,
    });
  });

  it('gives a rate-limited delivery back, due when the token bucket allows', () => {
    const clock = new FakeClock(1_000_000);
    const limits = new EndpointLimits(clock);
    const endpoint = fixtureEndpoint({ rateLimit: 2 });
    expect(limits.holdBack(claim(1), endpoint)).toBeNull();
    expect(limits.holdBack(claim(2), endpoint)).toBeNull();
    expect(limits.holdBack(claim(3), endpoint)).toEqual({
      deliveryId: 3,
      leaseToken: 'lease-3',
      nextAttemptAt: 1_000_500,
    });
  });

  it("takes this worker's share of the rate limit when several workers share it", () => {
    const clock = new FakeClock(1_000_000);
    const limits = new EndpointLimits(clock, 2);
    const endpoint = fixtureEndpoint({ rateLimit: 4 }); // 2/s here
    expect(limits.holdBack(claim(1), endpoint)).toBeNull();
    expect(limits.holdBack(claim(2), endpoint)).toBeNull();
    expect(limits.holdBack(claim(3), endpoint)?.nextAttemptAt).toBe(1_000_500);
  });
});
