import { describe, expect, it } from 'vitest';
import { fixtureEndpoint } from '../../test/helpers/format-fixture.js';
import type { Endpoint } from '../domain/types.js';
import type { ClaimedDelivery } from '../store/store.js';
import { EndpointSlots } from './endpoint-slots.js';

/** Only the ids matter to the slots. */
const claim = (id: number): ClaimedDelivery => ({ delivery: { id } }) as ClaimedDelivery;

const two = fixtureEndpoint({ id: 'ep_two', maxConcurrency: 2 });
const one = fixtureEndpoint({ id: 'ep_one', maxConcurrency: 1 });
const known = new Map<string, Endpoint>([
  [two.id, two],
  [one.id, one],
]);
const cache = { endpoint: (id: string) => known.get(id) ?? null };

describe('EndpointSlots', () => {
  it('runs maxConcurrency deliveries per endpoint and queues the rest in claim order', () => {
    const slots = new EndpointSlots();
    const a = slots.enter(claim(1), two);
    const b = slots.enter(claim(2), two);
    expect(a).not.toBeNull();
    expect(b).toBe(a); // one load per endpoint
    expect(slots.enter(claim(3), two)).toBeNull();
    expect(slots.enter(claim(4), two)).toBeNull();
    expect(slots.enter(claim(5), one)).not.toBeNull(); // another endpoint has its own slots

    // A finished delivery's slot passes to the next waiting claim, oldest first.
    expect(slots.leave(two.id, a!)?.delivery.id).toBe(3);
    expect(slots.leave(two.id, a!)?.delivery.id).toBe(4);
    expect(slots.leave(two.id, a!)).toBeNull();
    expect(slots.leave(two.id, a!)).toBeNull();
    // Nothing left on the endpoint: a new delivery starts a fresh load at once.
    const fresh = slots.enter(claim(6), two);
    expect(fresh).not.toBe(a);
    expect(fresh).not.toBeNull();
  });

  it('tells whether a claim of an endpoint waits for a slot', () => {
    const slots = new EndpointSlots();
    const load = slots.enter(claim(1), one);
    expect(slots.hasWaiting(one.id)).toBe(false);
    expect(slots.enter(claim(2), one)).toBeNull();
    expect(slots.hasWaiting(one.id)).toBe(true);
    expect(slots.hasWaiting(two.id)).toBe(false);
    slots.leave(one.id, load!); // the slot passes to claim 2
    expect(slots.hasWaiting(one.id)).toBe(false);
  });

  it('reports endpoints with no room left (running and waiting count) for the claim to skip', () => {
    const slots = new EndpointSlots();
    const load = slots.enter(claim(1), two)!;
    expect(slots.saturated(cache)).toEqual([]);
    expect(EndpointSlots.hasRoom(load, two.maxConcurrency)).toBe(true);
    slots.enter(claim(2), two);
    slots.enter(claim(3), one);
    expect(slots.saturated(cache).sort()).toEqual([one.id, two.id]);
    expect(EndpointSlots.hasRoom(load, two.maxConcurrency)).toBe(false);
    slots.enter(claim(4), two); // waiting
    slots.leave(two.id, load); // claim 4 takes the slot: still full
    expect(slots.saturated(cache).sort()).toEqual([one.id, two.id]);
    slots.leave(two.id, load);
    expect(slots.saturated(cache)).toEqual([one.id]);
  });

  it('hands over every waiting claim at shutdown, leaving the running ones to finish', () => {
    const slots = new EndpointSlots();
    const load = slots.enter(claim(1), one)!;
    slots.enter(claim(2), one);
    slots.enter(claim(3), one);
    const other = slots.enter(claim(4), two)!;
    expect(slots.takeAllWaiting().map((c) => c.delivery.id)).toEqual([2, 3]);
    expect(slots.takeAllWaiting()).toEqual([]);
    expect(slots.leave(one.id, load)).toBeNull();
    expect(slots.leave(two.id, other)).toBeNull();
    expect(slots.saturated(cache)).toEqual([]);
  });
});
