import { describe, expect, it } from 'vitest';
import { defaultOrderingKey, keyAt, parseKeyPath } from './ordering-key.js';

describe('ordering keys', () => {
  it('derive a status’s key from its message token, exactly, and an inbound message’s from its sender', () => {
    expect(
      defaultOrderingKey('message.status', { message_token: 5491938471234567891n, status: 'read' }),
    ).toBe('5491938471234567891');
    expect(defaultOrderingKey('message.received', { sender: { id: 'u1=' } })).toBe('u1=');
    expect(defaultOrderingKey('subscription.subscribed', { user: { id: 'u2=' } })).toBe('u2=');
    expect(defaultOrderingKey('subscription.unsubscribed', { user_id: 'u3=' })).toBe('u3=');
    expect(defaultOrderingKey('conversation.started', { user: { id: 'u4=' } })).toBe('u4=');
    expect(defaultOrderingKey('message.status', {})).toBeNull();
    expect(defaultOrderingKey('custom.event', { user: { id: 'x' } })).toBeNull();
  });

  it('read a key at a dotted path: strings and numbers only', () => {
    const payload = { data: { user: { id: 'u1', n: 42, flag: true, list: ['a'] } } };
    const at = (path: string) => {
      const parsed = parseKeyPath(path);
      if (!('segments' in parsed)) throw new Error(parsed.problem);
      return keyAt(payload, parsed.segments);
    };
    expect(at('data.user.id')).toBe('u1');
    expect(at('data.user.n')).toBe('42');
    expect(at('data.user.flag')).toBeNull();
    expect(at('data.user.list')).toBeNull();
    expect(at('data.missing.id')).toBeNull();
  });

  it('refuse paths that are not dotted field names', () => {
    expect(parseKeyPath('data..id')).toEqual({ problem: expect.stringContaining('segment ""') });
    expect(parseKeyPath('$.data')).toEqual({ problem: expect.stringContaining('segment "$"') });
    expect(parseKeyPath('a.b.c.d.e.f.g.h.i')).toEqual({ problem: 'has more than 8 segments' });
  });
});
