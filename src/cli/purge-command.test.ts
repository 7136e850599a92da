import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { purgeTime } from './purge-command.js';

describe('hookline purge --before', () => {
  const now = Date.UTC(2026, 5, 1);

  it('takes an ISO date-time or an age in days or hours', () => {
    expect(purgeTime('2026-01-31T00:00:00Z', now)).toBe('2026-01-31T00:00:00.000Z');
    expect(purgeTime('2026-01-31', now)).toBe('2026-01-31T00:00:00.000Z');
    expect(purgeTime('30d', now)).toBe(new Date(now - 30 * 86_400_000).toISOString());
    expect(purgeTime('12h', now)).toBe(new Date(now - 12 * 3_600_000).toISOString());
  });

  it('refuses anything else, and the future, saying what it expects', () => {
    for (const bad of ['yesterday', '', '30', '30m', '-1d', '1e12', '2026-13-45'])
      expect(() => purgeTime(bad, now)).toThrow(InvalidArgumentError);
    expect(() => purgeTime('yesterday', now)).toThrow(/ISO date-time .* or an age \(30d, 12h\)/);
    expect(() => purgeTime('2027-01-01T00:00:00Z', now)).toThrow(/in the future/);
  });
});
