import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { POSTGRES_RESULT_LINGER_MS, dispatcherOptionsOf } from './dispatcher-options.js';

describe('dispatcherOptionsOf', () => {
  it('lets results linger on PostgreSQL, where a write costs round trips whatever its size', () => {
    const options = dispatcherOptionsOf(DEFAULT_CONFIG, { systemClock: true, dialect: 'postgres' });
    expect(options.resultLingerMs).toBe(POSTGRES_RESULT_LINGER_MS);
    expect(POSTGRES_RESULT_LINGER_MS).toBeGreaterThan(0);
  });

  it('never on SQLite, whose store thread commits results with every other write', () => {
    expect(
      dispatcherOptionsOf(DEFAULT_CONFIG, { systemClock: true, dialect: 'sqlite' }).resultLingerMs,
    ).toBe(0);
  });

  it('never with a fake clock, which does not move the real time a linger waits on', () => {
    expect(
      dispatcherOptionsOf(DEFAULT_CONFIG, { systemClock: false, dialect: 'postgres' })
        .resultLingerMs,
    ).toBe(0);
  });
});
