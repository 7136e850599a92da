import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.js';

describe('mergePatch (RFC 7396)', () => {
  it('merges objects key by key, removes keys patched with null, replaces arrays and scalars', () => {
    const target = { a: 1, b: { c: 2, d: [1, 2], e: { f: 3 } }, g: 'keep' };
    const patch = { a: 9, b: { d: [3], e: null, n: 7n }, h: { i: true } };
    expect(mergePatch(target, patch)).toEqual({
      a: 9,
      b: { c: 2, d: [3], n: 7n },
      g: 'keep',
      h: { i: true },
    });
    expect(target).toEqual({ a: 1, b: { c: 2, d: [1, 2], e: { f: 3 } }, g: 'keep' });
  });

  it('follows the RFC examples for non-object patches and targets', () => {
    expect(mergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(mergePatch({ a: 'b' }, null)).toBeNull();
    expect(mergePatch(['a'], { b: 'c' })).toEqual({ b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
  });
});
