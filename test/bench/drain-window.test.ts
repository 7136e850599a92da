import { describe, expect, it } from 'vitest';
import { drainWarmup, steadyRate } from '../../bench/lib/drain-window.js';

describe('the drain window', () => {
  it('leaves the first quarter of a drain untimed', () => {
    expect(drainWarmup(15_000)).toBe(3_750);
    expect(drainWarmup(3)).toBe(0);
  });

  it('times the deliveries after the warm-up over the time they took', () => {
    // 15,000 deliveries; the warm-up's 3,750 ended at 1.5 s, the rest took 2.25 s more.
    expect(steadyRate(15_000, 3_750, 1_500, 3_750)).toBe(5_000);
  });
});
