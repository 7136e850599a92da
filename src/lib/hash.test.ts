import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sameDigest, sha256Hex } from './hash.js';

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 text, in hex (what stored key digests were made with)', () => {
    for (const text of ['', 'hk_abc', 'clé 🔑', 'x'.repeat(10_000)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('sameDigest', () => {
  it('is true only for the same digest', () => {
    const a = sha256Hex('a');
    expect(sameDigest(a, sha256Hex('a'))).toBe(true);
    expect(sameDigest(a, sha256Hex('b'))).toBe(false);
    expect(sameDigest(a, `${a.slice(0, -1)}${a.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(sameDigest(a, a.slice(1))).toBe(false);
  });
});
