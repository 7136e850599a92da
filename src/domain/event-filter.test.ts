import { describe, expect, it } from 'vitest';
import { compileFilter, isValidEventType, isValidFilterPattern } from './event-filter.js';

describe('event filters', () => {
  it('null matches every event type', () => {
    const m = compileFilter(null);
    for (const t of ['message.delivered', 'subscribed', 'a.b.c']) expect(m(t)).toBe(true);
  });

  it('"*" matches every event type, also beside other patterns', () => {
    expect(compileFilter(['*'])('anything.at.all')).toBe(true);
    expect(compileFilter(['message.seen', '*'])('user.subscribed')).toBe(true);
  });

  it('exact names match only themselves', () => {
    const m = compileFilter(['message.delivered', 'subscribed']);
    expect(m('message.delivered')).toBe(true);
    expect(m('subscribed')).toBe(true);
    expect(m('message.seen')).toBe(false);
    expect(m('message.delivered.late')).toBe(false);
    expect(m('message')).toBe(false);
    expect(m('unsubscribed')).toBe(false);
  });

  it('"message.*" matches every type under "message." and nothing else', () => {
    const m = compileFilter(['message.*']);
    expect(m('message.delivered')).toBe(true);
    expect(m('message.status.failed')).toBe(true);
    expect(m('message')).toBe(false);
    expect(m('messages.delivered')).toBe(false);
    expect(m('messagex')).toBe(false);
    expect(m('user.message.delivered')).toBe(false);
  });

  it('an empty list matches nothing', () => {
    expect(compileFilter([])('message.delivered')).toBe(false);
  });

  it('validates patterns and event types', () => {
    for (const p of ['*', 'message.*', 'message.delivered', 'a:b-c_d.*'])
      expect(isValidFilterPattern(p)).toBe(true);
    for (const p of [
      '',
      'message.',
      '.message',
      'message.*.x',
      '*.delivered',
      'mess age',
      'message**',
      'x'.repeat(257),
    ]) {
      expect(isValidFilterPattern(p)).toBe(false);
    }
    expect(isValidEventType('message.delivered')).toBe(true);
    for (const t of ['', 'message.*', '*', 'a..b', 'a b']) expect(isValidEventType(t)).toBe(false);
  });
});
