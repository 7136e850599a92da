import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('is the prefix and a valid ULID carrying the given time', () => {
    // Ids are monotonic per process, and other test files of this worker made ids at the real
    // time: a time after theirs is the one the id carries.
    const at = Date.UTC(2029, 10, 21);
    const id = newId('msg', at);
    expect(id).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isValid(id.slice(4))).toBe(true);
    expect(decodeTime(id.slice(4))).toBe(at);
  });

  it('sorts in creation order, within one millisecond too', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 5000 }, () => newId('msg', at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws a fresh random part in each new millisecond (the pool is refilled as it runs out)', () => {
    const start = Date.UTC(2031, 0, 1);
    // 1,000 milliseconds × 16 random characters: several refills of the 4 KiB pool.
    const randoms = Array.from({ length: 1000 }, (_, i) => newId('ep', start + i).slice(13));
    expect(new Set(randoms).size).toBe(randoms.length);
    const chars = new Set(randoms.join(''));
    expect(chars.size).toBe(32); // every Crockford base32 character shows up
  });
});
