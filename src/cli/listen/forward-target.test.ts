import { describe, expect, it } from 'vitest';
import { forwardHeaders, forwardUrl } from './forward-target.js';

describe('forwardUrl', () => {
  const target = new URL('http://localhost:3000/webhooks');

  it('appends the path below the bin and the captured query', () => {
    expect(forwardUrl(target, '', '')).toBe('http://localhost:3000/webhooks');
    expect(forwardUrl(target, '/viber/status', 'a=1&a=2')).toBe(
      'http://localhost:3000/webhooks/viber/status?a=1&a=2',
    );
    expect(forwardUrl(target, '/', '')).toBe('http://localhost:3000/webhooks/');
    expect(forwardUrl(new URL('http://localhost:3000/'), '/x', '')).toBe('http://localhost:3000/x');
  });

  it("keeps the target's own query first and encoded paths as they are", () => {
    expect(forwardUrl(new URL('http://localhost:3000/hook?k=v'), '/a%20b', 'q=%20x')).toBe(
      'http://localhost:3000/hook/a%20b?k=v&q=%20x',
    );
  });
});

describe('forwardHeaders', () => {
  it('keeps repeated headers in order and drops hop-by-hop ones', () => {
    const pairs: Array<[string, string]> = [
      ['Host', 'hookline.example'],
      ['X-Dup', '1'],
      ['Content-Length', '3'],
      ['Connection', 'keep-alive'],
      ['x-dup', '2'],
      ['Transfer-Encoding', 'chunked'],
      ['Content-Type', 'application/json'],
    ];
    expect(forwardHeaders(pairs)).toEqual([
      'X-Dup',
      '1',
      'x-dup',
      '2',
      'Content-Type',
      'application/json',
    ]);
  });
});
