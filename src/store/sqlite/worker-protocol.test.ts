import { describe, expect, it } from 'vitest';
import { replyValue, revivePayload, type WorkerCall } from './worker-protocol.js';

const message = (payload: string) => ({
  id: 'msg_1',
  appId: 'app_1',
  eventType: 'user.created',
  payload,
  idempotencyKey: null,
  endpointId: null,
  orderingKey: null,
  createdAt: 1,
});
const insert = (payload: string): WorkerCall => ({
  id: 7,
  target: 'store',
  method: 'insertMessage',
  args: [message(payload), 0],
});

describe('store thread replies', () => {
  it("leave out an insertMessage's payload when it is the call's, and the caller puts it back", () => {
    const result = { message: message('{"a":1}'), created: true, deliveries: 2 };
    const reply = replyValue(insert('{"a":1}'), result);
    expect(reply.payloadOfCall).toBe(true);
    expect(reply.value).toEqual({ ...result, message: { ...result.message, payload: undefined } });
    expect('payload' in (reply.value as typeof result).message).toBe(false);
    // The thread's own result is left as it was.
    expect(result.message.payload).toBe('{"a":1}');
    expect(revivePayload(reply.value, '{"a":1}')).toEqual(result);
  });

  it('keep a payload other than the call sent (an idempotent replay answers the stored one)', () => {
    const result = { message: message('{"stored":true}'), created: false, deliveries: 1 };
    const reply = replyValue(insert('{"sent":true}'), result);
    expect(reply.payloadOfCall).toBeUndefined();
    expect(reply.value).toBe(result);
  });

  it("leave out each insertMessages payload that is the call's, and the caller puts them back", () => {
    const call: WorkerCall = {
      id: 8,
      target: 'store',
      method: 'insertMessages',
      args: [[message('{"a":1}'), message('{"b":2}')], 0],
    };
    const results = [
      { message: message('{"a":1}'), created: true, deliveries: 1 },
      { message: message('{"stored":true}'), created: false, deliveries: 1 },
    ];
    const reply = replyValue(call, results);
    expect(reply.payloadOfCall).toBe(true);
    const sent = reply.value as typeof results;
    expect('payload' in sent[0].message).toBe(false);
    expect(sent[1].message.payload).toBe('{"stored":true}');
    expect(revivePayload(reply.value, ['{"a":1}', '{"b":2}'])).toEqual(results);
  });

  it('pass every other reply through', () => {
    const call: WorkerCall = { id: 1, target: 'store', method: 'claimDue', args: [] };
    const value = [{ id: 1 }];
    expect(replyValue(call, value)).toEqual({ ok: true, value });
  });
});
