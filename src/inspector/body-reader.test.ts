import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCappedBody } from './body-reader.js';

const stream = (...chunks: number[][]) => Readable.from(chunks.map((c) => Buffer.from(c)));

describe('readCappedBody', () => {
  it('keeps every byte under the cap', async () => {
    expect(await readCappedBody(stream([1, 2], [3]), 3)).toEqual({
      body: Buffer.from([1, 2, 3]),
      size: 3,
      truncated: false,
    });
  });

  it('keeps the first cap bytes across chunks and counts the rest', async () => {
    const result = await readCappedBody(stream([1, 2], [3, 4, 5], [6, 7]), 4);
    expect(result).toEqual({ body: Buffer.from([1, 2, 3, 4]), size: 7, truncated: true });
  });

  it('reads an empty body', async () => {
    expect(await readCappedBody(stream(), 10)).toEqual({
      body: Buffer.alloc(0),
      size: 0,
      truncated: false,
    });
  });
});
