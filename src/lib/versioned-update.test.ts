import { describe, expect, it } from 'vitest';
import { HooklineError } from './errors.js';
import { nextVersion, updateVersioned } from './versioned-update.js';

interface Rec {
  updatedAt: number;
  n: number;
}

describe('updateVersioned', () => {
  it('stamps a version after the one read even when the clock has not moved', () => {
    expect(nextVersion(100, { updatedAt: 100 })).toBe(101);
    expect(nextVersion(200, { updatedAt: 100 })).toBe(200);
  });

  it('makes the change again on a fresh read when another write came first', async () => {
    let stored: Rec = { updatedAt: 1, n: 0 };
    let interfere = true;
    const saved = await updateVersioned<Rec>({
      read: stored,
      reread: async () => stored,
      change: (current, updatedAt) => ({ n: current.n + 1, updatedAt }),
      write: async (next, expected) => {
        if (interfere) {
          interfere = false;
          stored = { updatedAt: 5, n: 10 }; // another writer wins this round
        }
        if (stored.updatedAt !== expected) return null;
        stored = next;
        return next;
      },
      now: () => 1,
      missing: () => new Error('gone'),
    });
    expect(saved).toEqual({ n: 11, updatedAt: 6 });
  });

  it('answers the missing error when the record was deleted, and 409 when it never settles', async () => {
    const base = {
      read: { updatedAt: 1, n: 0 },
      change: (c: Rec, updatedAt: number) => ({ ...c, updatedAt }),
      write: async () => null,
      now: () => 1,
      missing: () => new Error('gone'),
    };
    await expect(updateVersioned<Rec>({ ...base, reread: async () => null })).rejects.toThrow(
      'gone',
    );
    const error = await updateVersioned<Rec>({
      ...base,
      reread: async () => ({ updatedAt: 1, n: 0 }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HooklineError);
    expect((error as HooklineError).code).toBe('update_conflict');
  });
});
