import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_SECRET,
  FIXTURE_NOW,
  fixtureEndpoint,
  renderInput,
  sampleOf,
} from '../../test/helpers/format-fixture.js';
import { businessFormat } from './business.js';
import { NAME_PLACEHOLDER } from './privacy.js';

const hmacHex = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

function render(
  type: string,
  data: Record<string, unknown> | string,
  formatOptions: Record<string, unknown> = {},
) {
  return businessFormat.render(renderInput(type, data, { format: 'business', formatOptions }));
}

/** Parses a body the way a receiver does (a duplicated key keeps its first place, its last value). */
const asReceiverSees = (text: string) => JSON.stringify(JSON.parse(text));

// Page 001, "Examples" > "Message Status Notification", transcribed. The page writes the status as
// "sent|delivered|read|failed|deleted": one of those words.
const PAGE_STATUS = (status: string) => `{
  "event": "viber:message:status",
  "payload": {
    "id": "a418d672-9781-4d97-b517-a56f7d95ad8a",
    "channel": "viber",
    "from": "700969ca-0cb2-11ec-a2cxxxx",
    "to": "9190199xxxxx",
    "status": "${status}",
    "delivered_at": "2021-06-18T14:48:06.886358Z",
    "read_at": "2021-06-18T14:48:06.886358Z",
    "processed_at": "2021-06-18T14:48:06.886358Z",
    "timestamp": "2021-06-18T14:48:06.886358Z",
    "foreign_id": "your-business-identifier"
  }
}`;

// Page 001, "Message Incoming Notification", transcribed (its payload has "id" twice; a receiver
// keeps the second value). The page's user.phone reads "user phone number": here it is the number
// the message came from, as recipient.from says.
const PAGE_INBOUND = `{
  "event": "viber:message:in",
  "payload": {
    "id": "our-message-id",
    "channels": [
      {
        "name": "viber",
        "to": "700969ca-0cb2-11ec-a2cxxxx"
      }
    ],
    "recipient": {
      "from": "919019120xxx",
      "user": {
        "id": "unique-id",
        "identifier_id": "unique-identifier-id",
        "subscriber_id": "unique-subscriber-id",
        "identity": "unique-user-identity",
        "username": "username",
        "first_name": "user first name",
        "middle_name": "user middle name",
        "last_name": "user last name",
        "email": "user email",
        "phone": "919019120xxx",
        "attributes": "user attributes",
        "user_info": {
          "picture": "null",
          "gender": "user-gender",
          "title": "null"
        }
      }
    },
    "message": {
      "type": "text",
      "payload": {
        "text": "This is a simple text message from viber channel"
      }
    },
    "id": "94e6ce87-1429-4e98-9715-2ec461401fd2",
    "timestamp": "2024-07-04T05:50:08.299202Z"
  }
}`;

// Page 001, "Incoming Media": the message part.
const PAGE_MEDIA_MESSAGE = `{
  "type": "image",
  "payload": {
    "url": "https://domin-name.com/your_image_path.png"
  }
}`;

// Page 001, "Number Unsubscribe Notification", transcribed.
const PAGE_UNSUBSCRIBE = `{
  "id": 173,
  "receiver": "917002088xxx",
  "type": "all",
  "value": "*",
  "created_at": "2023-07-08T12:31:47.000000Z",
  "status": "Unsubscriber created successfully"
}`;

/** The canonical event a platform publishes for the page's inbound example. */
const inboundEvent = (message: Record<string, unknown>) => ({
  message_token: 1,
  id: '94e6ce87-1429-4e98-9715-2ec461401fd2',
  timestamp: '2024-07-04T05:50:08.299202Z',
  account_id: '700969ca-0cb2-11ec-a2cxxxx',
  sender: {
    id: 'unique-id',
    name: 'username',
    identifier_id: 'unique-identifier-id',
    subscriber_id: 'unique-subscriber-id',
    identity: 'unique-user-identity',
    username: 'username',
    first_name: 'user first name',
    middle_name: 'user middle name',
    last_name: 'user last name',
    email: 'user email',
    phone: '919019120xxx',
    attributes: 'user attributes',
    gender: 'user-gender',
  },
  message,
});

describe('business format against page 001 (business messaging client)', () => {
  it('message.status renders the Message Status Notification example, for each status word', () => {
    for (const status of ['sent', 'delivered', 'read', 'failed', 'deleted']) {
      const event = {
        message_token: 1,
        id: 'a418d672-9781-4d97-b517-a56f7d95ad8a',
        status,
        ...(status === 'failed' ? { reason: 'expired' } : {}),
        account_id: '700969ca-0cb2-11ec-a2cxxxx',
        recipient: '9190199xxxxx',
        delivered_at: '2021-06-18T14:48:06.886358Z',
        read_at: '2021-06-18T14:48:06.886358Z',
        processed_at: '2021-06-18T14:48:06.886358Z',
        timestamp: '2021-06-18T14:48:06.886358Z',
        foreign_id: 'your-business-identifier',
      };
      expect(render('message.status', event)?.body).toBe(asReceiverSees(PAGE_STATUS(status)));
    }
  });

  it('message.received renders the Message Incoming Notification example, "null" values as the page writes them', () => {
    const event = inboundEvent({
      type: 'text',
      text: 'This is a simple text message from viber channel',
    });
    const body = render('message.received', event, { sendName: true, sendPhoto: true })?.body;
    expect(body).toBe(asReceiverSees(PAGE_INBOUND));
  });

  it('user_info.picture is kept: the photo when shown, the page\'s "null" otherwise', () => {
    const avatar = 'https://media-direct.cdn.viber.com/download_photo?dlid=a1&fltp=jpg&imsz=0000';
    const base = inboundEvent({ type: 'text', text: 'hi' });
    const event = { ...base, sender: { ...base.sender, avatar, title: 'Dr' } };
    const userInfo = (options: Record<string, unknown>) =>
      (
        JSON.parse(render('message.received', event, options)?.body ?? '{}') as {
          payload: { recipient: { user: { user_info: unknown } } };
        }
      ).payload.recipient.user.user_info;
    expect(userInfo({ sendPhoto: true })).toEqual({
      picture: avatar,
      gender: 'user-gender',
      title: 'Dr',
    });
    expect(userInfo({})).toEqual({ picture: 'null', gender: 'user-gender', title: 'Dr' });
  });

  it('names are placeholders unless sendName (page 000), first/middle/last names then null', () => {
    const body = render('message.received', inboundEvent({ type: 'text', text: 'hi' }))?.body;
    const user = (
      JSON.parse(body ?? '{}') as { payload: { recipient: { user: Record<string, unknown> } } }
    ).payload.recipient.user;
    expect(user).toMatchObject({
      username: NAME_PLACEHOLDER,
      first_name: null,
      middle_name: null,
      last_name: null,
      email: 'user email',
    });
  });

  it("Incoming Media: an image message renders the page's message part", () => {
    const event = inboundEvent({
      type: 'picture',
      media: 'https://domin-name.com/your_image_path.png',
    });
    const body = JSON.parse(render('message.received', event)?.body ?? '{}') as {
      payload: { message: unknown };
    };
    expect(JSON.stringify(body.payload.message)).toBe(asReceiverSees(PAGE_MEDIA_MESSAGE));
  });

  it('number.unsubscribed renders the Number Unsubscribe Notification example', () => {
    const event = {
      id: 173,
      number: '917002088xxx',
      type: 'all',
      value: '*',
      timestamp: '2023-07-08T12:31:47.000000Z',
    };
    expect(render('number.unsubscribed', event)?.body).toBe(asReceiverSees(PAGE_UNSUBSCRIBE));
  });

  // Page 001, "Signature": "The signature generated by system with webhook id as secret".
  it('signatureKey webhookId: Signature is keyed with the webhook (endpoint) id, as the page says', () => {
    const input = renderInput('number.unsubscribed', sampleOf('number.unsubscribed'), {
      format: 'business',
      formatOptions: { signatureKey: 'webhookId' },
    });
    const request = businessFormat.render(input);
    const webhookId = fixtureEndpoint().id;
    // A receiver written against the page: HMAC-SHA256 of the raw body, keyed with the webhook id.
    const receiverCheck = createHmac('sha256', webhookId)
      .update(Buffer.from(request?.body ?? ''))
      .digest('hex');
    expect(request?.headers.signature).toBe(receiverCheck);
    expect(businessFormat.validateOptions({ signatureKey: 'webhookId' })).toEqual([]);
    expect(businessFormat.validateOptions({ signatureKey: 'id' })).toEqual([
      { field: 'signatureKey', message: 'must be one of secret, webhookId' },
    ]);
  });
});

describe('business format: Hookline rules around the page', () => {
  it('seen is written as read; a missing id falls back to the 64-bit token, digit for digit', () => {
    const payload =
      '{"message_token":18446744073709551615,"status":"seen","recipient":"447700900123","timestamp":"2026-01-15T09:40:00Z",' +
      '"read_at":"2026-01-15T09:40:00Z"}';
    expect(render('message.status', payload)?.body).toBe(
      '{"event":"viber:message:status","payload":{"id":"18446744073709551615","channel":"viber","from":null,"to":"447700900123",' +
        '"status":"read","delivered_at":null,"read_at":"2026-01-15T09:40:00Z","processed_at":null,"timestamp":"2026-01-15T09:40:00Z",' +
        '"foreign_id":null}}',
    );
  });

  it('incoming media kinds', () => {
    const base = sampleOf('message.received');
    const content = (message: Record<string, unknown>) => {
      const body = JSON.parse(render('message.received', { ...base, message })?.body ?? '{}') as {
        payload: { message: unknown };
      };
      return JSON.stringify(body.payload.message);
    };
    expect(content({ type: 'file', media: 'https://m/f.pdf', size: 10, file_name: 'f.pdf' })).toBe(
      '{"type":"file","payload":{"url":"https://m/f.pdf","file_name":"f.pdf","size":10}}',
    );
    expect(content({ type: 'location', location: { lat: 1.5, lon: -2.25 } })).toBe(
      '{"type":"location","payload":{"latitude":1.5,"longitude":-2.25}}',
    );
    expect(content({ type: 'contact', contact: { name: 'Bob', phone_number: '+1555' } })).toBe(
      '{"type":"contact","payload":{"name":"Bob","phone":"+1555"}}',
    );
  });

  it('signs with the current secret during a rotation; sends no header without a secret', () => {
    const rotated = renderInput('number.unsubscribed', sampleOf('number.unsubscribed'), {
      format: 'business',
      secrets: [
        { secret: 'whsec_old', createdAt: FIXTURE_NOW - 9000, expiresAt: FIXTURE_NOW + 60_000 },
        { secret: ENDPOINT_SECRET, createdAt: FIXTURE_NOW - 1000, expiresAt: null },
      ],
    });
    const request = businessFormat.render(rotated);
    expect(request?.headers.signature).toBe(hmacHex(ENDPOINT_SECRET, request?.body ?? ''));
    const unsigned = businessFormat.render(
      renderInput('number.unsubscribed', sampleOf('number.unsubscribed'), { secrets: [] }),
    );
    expect(unsigned?.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('has no shape for subscription, conversation, instance, outgoing-message and call events', () => {
    for (const type of [
      'subscription.subscribed',
      'subscription.unsubscribed',
      'conversation.started',
      'instance.status',
      'message.sent',
      'call.missed',
    ]) {
      expect(render(type, sampleOf(type))).toBeNull();
    }
  });

  it('keeps endpoint headers', () => {
    const input = renderInput('number.unsubscribed', sampleOf('number.unsubscribed'), {
      headers: { 'x-tenant': '7' },
    });
    expect(businessFormat.render(input)?.headers['x-tenant']).toBe('7');
  });
});
