import { describe, expect, it } from 'vitest';
import { eventHint } from './event-hint.js';

const hint = (body: string, bodyTruncated = false) =>
  eventHint({ body: Buffer.from(body), bodyTruncated });

describe('eventHint', () => {
  it('reads the event from each wire format', () => {
    expect(hint('{"type":"message.status","timestamp":"x","data":{}}')).toBe('message.status');
    expect(hint('  {"event":"delivered","timestamp":1}')).toBe('delivered');
    expect(hint('{"event":"viber:message:in","payload":{}}')).toBe('viber:message:in');
    expect(hint('{"trackingId":"t","status":{"name":"Delivered"}}')).toBe('message.status');
    expect(hint('{"messages":[{}],"instanceId":"1"}')).toBe('messages');
    expect(hint('{"ack":[{}],"instanceId":"1"}')).toBe('ack');
    expect(hint('{"status":"offline","instanceId":"1"}')).toBe('status');
  });

  it('says nothing for bodies it cannot read', () => {
    expect(hint('')).toBeNull();
    expect(hint('a=1&b=2')).toBeNull();
    expect(hint('{"type":"message.status","data":{}}', true)).toBeNull();
    expect(hint('{not json')).toBeNull();
    expect(hint('[{"type":"x","data":1}]')).toBeNull();
    expect(hint('{"type":"no data field"}')).toBeNull();
  });
});
