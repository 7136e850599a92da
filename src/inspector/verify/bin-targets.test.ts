import { describe, expect, it } from 'vitest';
import { pointsAt } from './bin-targets.js';

describe('pointsAt', () => {
  it('matches the bin path and anything below it, on any host', () => {
    expect(pointsAt('http://localhost:8080/in/bin_A', 'bin_A')).toBe(true);
    expect(pointsAt('https://hooks.example.com/in/bin_A/viber?x=1', 'bin_A')).toBe(true);
    expect(pointsAt('http://127.0.0.1/in/bin_A?x=1', 'bin_A')).toBe(true);
    expect(pointsAt('http://127.0.0.1/in/bin_A#frag', 'bin_A')).toBe(true);
  });

  it('does not match another bin whose id starts the same, or other paths', () => {
    expect(pointsAt('http://localhost/in/bin_AB', 'bin_A')).toBe(false);
    expect(pointsAt('http://localhost/out/bin_A', 'bin_A')).toBe(false);
    expect(pointsAt('http://localhost/in/bin_AB/in/bin_A', 'bin_A')).toBe(true);
  });
});
