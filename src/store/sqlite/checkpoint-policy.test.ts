import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKPOINT_POLICY, needsRestart } from './checkpoint-policy.js';

describe('needsRestart', () => {
  const limit = DEFAULT_CHECKPOINT_POLICY.limitFrames;
  const passive = (log: number, checkpointed: number) => ({ busy: 0, log, checkpointed });

  it('restarts a WAL past its limit once the copy caught up with what it held a look ago', () => {
    // Steady commits: frames appended during the copy are left, the earlier ones all copied.
    expect(
      needsRestart(passive(limit + 500, limit + 200), limit + 100, DEFAULT_CHECKPOINT_POLICY),
    ).toBe(true);
  });

  it('does not restart when the copy stopped exactly where the last look was (a reader began then)', () => {
    expect(
      needsRestart(passive(limit + 500, limit + 100), limit + 100, DEFAULT_CHECKPOINT_POLICY),
    ).toBe(false);
  });

  it('does not restart a WAL under its limit', () => {
    expect(needsRestart(passive(limit, limit), 0, DEFAULT_CHECKPOINT_POLICY)).toBe(false);
  });

  it('does not restart while a reader holds an old snapshot (the copy stopped short)', () => {
    expect(needsRestart(passive(limit + 500, 3_000), limit + 100, DEFAULT_CHECKPOINT_POLICY)).toBe(
      false,
    );
  });
});
