import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

describe('SseParser', () => {
  it('parses events split anywhere across chunks, with LF, CRLF or CR line ends', () => {
    const text =
      'retry: 1000\n\n: ping\n\nid: 7\r\nevent: request\r\ndata: {"a":1}\r\n\r\nevent: ready\rdata: x\r\r';
    for (const size of [1, 2, 3, 5, 1000]) {
      const parser = new SseParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
      expect(out, `chunks of ${size}`).toEqual([
        { event: 'request', data: '{"a":1}', id: '7' },
        { event: 'ready', data: 'x', id: null },
      ]);
      expect(parser.lastEventId).toBe('7');
      expect(parser.retryMs).toBe(1000);
    }
  });

  it('joins data lines, defaults the event name, and skips events without data', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\ndata:b\n\nevent: empty\n\ndata\n\n')).toEqual([
      { event: 'message', data: 'a\nb', id: null },
      { event: 'message', data: '', id: null },
    ]);
  });
});
