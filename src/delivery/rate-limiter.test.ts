import { describe, expect, it } from 'vitest';
import { FakeClock } from '../lib/clock.js';
import { RateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('allows a burst of one second worth, then one per 1/rate s', () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(clock);
    expect(rl.take('ep', 2)).toBe(0);
    expect(rl.take('ep', 2)).toBe(0);
    expect(rl.take('ep', 2)).toBe(500);
    clock.advance(500);
    expect(rl.take('ep', 2)).toBe(0);
    expect(rl.take('ep', 2)).toBe(500);
  });

  it('spreads deferred deliveries 1/rate apart instead of sending them all back at once', () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(clock);
    rl.take('ep', 2);
    rl.take('ep', 2);
    expect([rl.take('ep', 2), rl.take('ep', 2), rl.take('ep', 2)]).toEqual([500, 1000, 1500]);
    clock.advance(250);
    expect(rl.take('ep', 2)).toBe(1750);
  });

  it('never stores more than the burst', () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(clock);
    rl.take('ep', 3);
    clock.advance(60_000);
    let allowed = 0;
    while (rl.take('ep', 3) === 0) allowed++;
    expect(allowed).toBe(3);
  });

  it('keeps endpoints apart', () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(clock);
    expect(rl.take('a', 1)).toBe(0);
    expect(rl.take('a', 1)).toBe(1000);
    expect(rl.take('b', 1)).toBe(0);
  });

  it('handles rates below one per second', () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(clock);
    expect(rl.take('slow', 0.5)).toBe(0);
    expect(rl.take('slow', 0.5)).toBe(2000);
    clock.advance(2000);
    expect(rl.take('slow', 0.5)).toBe(0);
  });

  it('starts over when the rate changes', () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(clock);
    expect(rl.take('ep', 1)).toBe(0);
    expect(rl.take('ep', 1)).toBe(1000);
    expect(rl.take('ep', 10)).toBe(0);
  });
});
