import { HooklineError } from './errors.js';

/** A record whose `updatedAt` is its version: every write raises it. */
export interface Versioned {
  updatedAt: number;
}

/**
 * Tries before a write that keeps losing gives up with a 409. Each round of writers that read the
 * same version has one winner, so this many writers racing on one record all get through.
 */
const ATTEMPTS = 64;

/**
 * The version a write after `current` stamps: strictly later than the one read, even when the
 * clock has not moved, so a write conditional on the version read can succeed only once.
 */
export const nextVersion = (now: number, current: Versioned): number =>
  Math.max(now, current.updatedAt + 1);

export interface VersionedUpdate<T extends Versioned> {
  /** The record as the caller read it (the first try changes this one). */
  read: T;
  /** Reads the record again after another write won; null when it was deleted meanwhile. */
  reread: () => Promise<T | null>;
  /** The changed record, stamped `updatedAt`; may throw (validation), which writes nothing. */
  change: (current: T, updatedAt: number) => T | Promise<T>;
  /** Writes `next` only while the stored version is still `expectedUpdatedAt`; else null. */
  write: (next: T, expectedUpdatedAt: number) => Promise<T | null>;
  now: () => number;
  /** The error when the record is gone (a 404). */
  missing: () => Error;
}

/**
 * Read-modify-write without lost updates: the write is conditional on the version that was read,
 * and a write that lost to another is made again on a fresh read. So a PATCH that read an app
 * before its key was rotated can never write the old key hash back.
 */
export async function updateVersioned<T extends Versioned>(u: VersionedUpdate<T>): Promise<T> {
  let current: T | null = u.read;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const next = await u.change(current, nextVersion(u.now(), current));
    const saved = await u.write(next, current.updatedAt);
    if (saved) return saved;
    current = await u.reread();
    if (!current) throw u.missing();
  }
  throw new HooklineError(
    'update_conflict',
    'the record kept changing while this update was applied; try again',
  );
}
