import { describe, expect, it } from 'vitest';
import { parseJsonLossless, stringifyJson } from '../../lib/json.js';
import { canonicalEvent, canonicalEvents, canonicalEventTypes } from './catalog.js';
import { canonicalFieldPaths } from './field-paths.js';
import { validateEvent } from './validate.js';

const sample = (type: string) => canonicalEvent(type)?.sample as Record<string, unknown>;

describe('canonical event catalog', () => {
  it('lists every event family, and every sample is valid against its own schema', () => {
    expect(canonicalEventTypes()).toEqual([
      'message.received',
      'message.sent',
      'message.status',
      'subscription.subscribed',
      'subscription.unsubscribed',
      'conversation.started',
      'number.unsubscribed',
      'instance.status',
      'call.missed',
    ]);
    for (const event of canonicalEvents())
      expect(validateEvent(event.type, event.sample), event.type).toEqual([]);
  });

  it('accepts a message_token above 2^53 as parsed by parseJsonLossless, and it round-trips byte for byte', () => {
    const text =
      '{"message_token":9223372036854775807,"status":"delivered","recipient":"u1","timestamp":"2026-01-15T09:31:02.886358Z"}';
    const data = parseJsonLossless(text);
    expect(typeof (data as { message_token: unknown }).message_token).toBe('bigint');
    expect(validateEvent('message.status', data)).toEqual([]);
    expect(stringifyJson(data)).toBe(text);
  });

  it('rejects tokens that are not 64-bit integers', () => {
    for (const token of [1.5, -1, '123', 2n ** 64n]) {
      expect(
        validateEvent(
          'message.status',
          { ...sample('message.status'), message_token: token },
          'data',
        ),
      ).toEqual([{ field: 'data.message_token', message: 'must be an integer (up to 64 bits)' }]);
    }
  });

  it('names the field of every problem as a JSON path', () => {
    const bad = {
      message_token: 1,
      timestamp: 'yesterday',
      sender: { id: 'u1' },
      message: { type: 'gif', location: { lat: 91, lon: 0 } },
      colour: 'red',
    };
    expect(validateEvent('message.received', bad, 'data')).toEqual([
      { field: 'data.colour', message: 'is not a known field' },
      { field: 'data.timestamp', message: 'must be a valid date-time' },
      { field: 'data.sender.name', message: 'is required' },
      {
        field: 'data.message.type',
        message:
          'must be one of text, picture, image, video, file, location, contact, sticker, url',
      },
      { field: 'data.message.location.lat', message: expect.stringContaining('90') },
    ]);
    expect(
      validateEvent(
        'message.status',
        { ...sample('message.status'), campaign: { groups: ['a', 7] } },
        'data',
      ),
    ).toEqual([{ field: 'data.campaign.groups[1]', message: 'expected string' }]);
    expect(validateEvent('instance.status', 'up', 'data')).toEqual([
      { field: 'data', message: 'expected object' },
    ]);
  });

  it('checks what each message kind needs and that a failure has a reason', () => {
    const received = sample('message.received');
    expect(
      validateEvent(
        'message.received',
        { ...received, message: { type: 'file', media: 'https://m/f' } },
        'data',
      ),
    ).toEqual([
      { field: 'data.message.size', message: 'required when message.type is file' },
      { field: 'data.message.file_name', message: 'required when message.type is file' },
    ]);
    expect(
      validateEvent('message.received', { ...received, message: { type: 'location' } }),
    ).toEqual([{ field: 'message.location', message: 'required when message.type is location' }]);
    expect(
      validateEvent('message.received', {
        ...received,
        message: { type: 'image', media: 'https://m/p.jpg' },
      }),
    ).toEqual([]);
    expect(
      validateEvent('message.status', { ...sample('message.status'), status: 'failed' }, 'data'),
    ).toEqual([{ field: 'data.reason', message: 'required when status is failed' }]);
    expect(
      validateEvent('message.status', { ...sample('message.status'), status: 'seen' }),
    ).toEqual([]);
  });

  it('validates instance statuses and rejects unknown event types', () => {
    for (const status of [
      'authenticated',
      'init',
      'loading',
      'phone',
      'computer',
      'offline',
      'battery_low',
      'syncing',
    ]) {
      expect(validateEvent('instance.status', { ...sample('instance.status'), status })).toEqual(
        [],
      );
    }
    expect(
      validateEvent('instance.status', { ...sample('instance.status'), status: 'asleep' })[0]
        ?.field,
    ).toBe('status');
    expect(validateEvent('message.forwarded', {})).toEqual([
      { field: 'type', message: expect.stringContaining('unknown event type') },
    ]);
  });

  it('knows every field path (compose templates may use them)', () => {
    const paths = canonicalFieldPaths();
    for (const p of [
      'sender.avatar',
      'message.location.lat',
      'delivered_at',
      'foreign_id',
      'user_id',
      'campaign.groups',
      'instance_id',
    ]) {
      expect(paths.has(p), p).toBe(true);
    }
    expect(paths.has('sender.nickname')).toBe(false);
  });
});

describe('isValidEvent (compiled, for the delivery path)', () => {
  it('agrees with validateEvent, bigint tokens and refinements included', async () => {
    const { isValidEvent } = await import('./validate.js');
    for (const event of canonicalEvents())
      expect(isValidEvent(event.type, event.sample)).toBe(true);
    expect(
      isValidEvent('message.status', {
        ...sample('message.status'),
        message_token: 2n ** 63n - 1n,
      }),
    ).toBe(true);
    expect(
      isValidEvent('message.status', { ...sample('message.status'), message_token: 2n ** 64n }),
    ).toBe(false);
    expect(isValidEvent('message.status', { ...sample('message.status'), status: 'failed' })).toBe(
      false,
    );
    expect(
      isValidEvent('message.status', { ...sample('message.status'), delivered_at: 'soon' }),
    ).toBe(false);
    expect(isValidEvent('order.created', {})).toBe(false);
  });
});
