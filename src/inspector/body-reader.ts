import type { Readable } from 'node:stream';

export interface CappedBody {
  /** The first `cap` bytes. */
  body: Buffer;
  /** Every byte that arrived, kept or not. */
  size: number;
  truncated: boolean;
}

/**
 * Reads a request body to its end, keeping the first `cap` bytes and counting (but dropping) the
 * rest, so a sender of a too-large body still gets the bin's answer.
 */
export function readCappedBody(stream: Readable, cap: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      const room = cap - kept;
      if (room <= 0) return;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      kept += part.length;
    });
    stream.on('end', () =>
      resolve({ body: Buffer.concat(chunks, kept), size, truncated: size > kept }),
    );
    stream.on('error', reject);
  });
}
