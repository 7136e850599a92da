import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { purgeLimit, purgeTime, requestLimit } from './purge-command.js';

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

describe('hookline purge --limit', () => {
  it('takes a whole number of messages from 1', () => {
    expect(purgeLimit('1')).toBe(1);
    expect(purgeLimit('25000')).toBe(25_000);
  });

  it('refuses anything else as a usage error (exit 2), saying what it expects', () => {
    for (const bad of ['0', '-5', '1.5', 'ten', '', '1e3', '2000000000']) {
      let thrown: unknown;
      try {
        purgeLimit(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, bad).toBeInstanceOf(InvalidArgumentError);
      expect((thrown as InvalidArgumentError).exitCode).toBe(2);
      expect((thrown as Error).message).toMatch(/whole number of messages from 1/);
    }
  });

  it('never asks a request to look at more messages than may still go', () => {
    expect(requestLimit(1)).toBe(1);
    expect(requestLimit(200)).toBe(200);
    expect(requestLimit(250)).toBe(200); // 250 would be two steps of 200
    expect(requestLimit(50)).toBe(50);
    expect(requestLimit(1_000_000)).toBe(10_000);
  });
});
