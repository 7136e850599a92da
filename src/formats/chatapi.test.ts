import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ENDPOINT_SECRET,
  FIXTURE_NOW,
  fixtureApp,
  renderInput,
  sampleOf,
} from '../../test/helpers/format-fixture.js';
import { chatapiFormat } from './chatapi.js';

const ALL_ON = {
  ackNotificationsOn: true,
  statusNotificationsOn: true,
  chatUpdateOn: true,
  instanceId: '128634',
};

function render(
  type: string,
  data: Record<string, unknown> | string,
  formatOptions: Record<string, unknown> = ALL_ON,
) {
  return chatapiFormat.render(renderInput(type, data, { format: 'chatapi', formatOptions }));
}

describe('chatapi format: canonical sample -> exact Chat-API webhook', () => {
  afterEach(() => vi.useRealTimers());

  it('message.received -> messages[], signed with Standard Webhooks', () => {
    const request = render('message.received', sampleOf('message.received'), {
      ...ALL_ON,
      sendName: true,
    });
    const body =
      '{"messages":[{"id":"94e6ce87-1429-4e98-9715-2ec461401fd2","body":"Hi! Where is my order #4521?","fromMe":false,"self":0,' +
      '"isForwarded":0,"author":"01234567890A=","time":1768469412,"chatId":"01234567890A=","messageNumber":42,"type":"chat",' +
      '"senderName":"Jane Doe","caption":null,"quotedMsgId":null,"chatName":"Jane Doe"}],"instanceId":"128634"}';
    expect(request?.body).toBe(body);
    expect(request?.url).toBe('https://hooks.example.com/inbound?tenant=7');
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'msg_01JHX0000000000000000000MS',
      'webhook-timestamp': '1768469465',
    });
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual([
      'content-type',
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
    ]);
    vi.useFakeTimers({ now: FIXTURE_NOW });
    expect(new Webhook(ENDPOINT_SECRET).verify(body, request?.headers ?? {})).toEqual(
      JSON.parse(body),
    );
  });

  it('sendName false: senderName and a private chatName become the placeholder', () => {
    const body = render('message.received', sampleOf('message.received'))?.body ?? '';
    expect(body).toContain(
      '"senderName":"Subscriber","caption":null,"quotedMsgId":null,"chatName":"Subscriber"',
    );
  });

  it('media, location, contact and forwarded/quoted messages', () => {
    const base = {
      timestamp: '2026-01-15T09:30:12.345Z',
      message_token: 77,
      sender: { id: 'u1', name: 'A' },
    };
    const first = (message: Record<string, unknown>) =>
      (
        JSON.parse(
          render('message.received', { ...base, message }, { sendName: true })?.body ?? '{}',
        ) as { messages: Record<string, unknown>[] }
      ).messages[0];
    expect(first({ type: 'picture', media: 'https://m/p.jpg', text: 'look' })).toMatchObject({
      id: '77',
      body: 'https://m/p.jpg',
      type: 'image',
      caption: 'look',
      chatId: 'u1',
      chatName: 'A',
    });
    expect(
      first({ type: 'file', media: 'https://m/f.pdf', size: 1, file_name: 'f.pdf' }),
    ).toMatchObject({ type: 'document', body: 'https://m/f.pdf' });
    expect(first({ type: 'location', location: { lat: 50.5, lon: 6.25 } })).toMatchObject({
      type: 'location',
      body: '50.5;6.25',
    });
    expect(
      first({ type: 'contact', contact: { name: 'Bob', phone_number: '+1555' } }),
    ).toMatchObject({
      type: 'vcard',
      body: 'BEGIN:VCARD\nVERSION:3.0\nFN:Bob\nTEL;type=CELL:+1555\nEND:VCARD',
    });
    expect(
      first({ type: 'text', text: 'fw', forwarded: true, quoted_message_id: 'm9' }),
    ).toMatchObject({ isForwarded: 1, quotedMsgId: 'm9' });
  });

  it('message.status -> ack with sent/delivered/viewed; a 64-bit token as id survives', () => {
    const payload =
      '{"message_token":12345678901234567890,"status":"read","recipient":"447700900123","conversation_id":"447700900123@c.us",' +
      '"timestamp":"2026-01-15T09:40:00Z"}';
    expect(render('message.status', payload)?.body).toBe(
      '{"ack":[{"id":"12345678901234567890","chatId":"447700900123@c.us","status":"viewed"}],"instanceId":"128634"}',
    );
    expect(render('message.status', sampleOf('message.status', { status: 'sent' }))?.body).toBe(
      '{"ack":[{"id":"a418d672-9781-4d97-b517-a56f7d95ad8a","chatId":"01234567890A=","status":"sent"}],"instanceId":"128634"}',
    );
    expect(
      render('message.status', sampleOf('message.status', { status: 'failed', reason: 'x' })),
    ).toBeNull();
  });

  it('instance.status -> status; conversation.started -> chatUpdate', () => {
    expect(
      render('instance.status', sampleOf('instance.status'), { statusNotificationsOn: true })?.body,
    ).toBe('{"status":"battery_low","time":1768474800,"instanceId":"128634"}');
    expect(render('conversation.started', sampleOf('conversation.started'))?.body).toBe(
      '{"chatUpdate":[{"dialog":{"id":"01234567890A=","name":"Subscriber","image":"https://avatar.placeholder.invalid/subscriber.jpg","metadata":{"isGroup":false,"participants":[]}},' +
        '"old_dialog":null,"status":"created"}],"instanceId":"128634"}',
    );
  });

  it('switches: acks, instance statuses and chat updates are off unless switched on', () => {
    expect(render('message.status', sampleOf('message.status'), {})).toBeNull();
    expect(render('instance.status', sampleOf('instance.status'), {})).toBeNull();
    expect(render('conversation.started', sampleOf('conversation.started'), {})).toBeNull();
    expect(render('message.received', sampleOf('message.received'), {})).not.toBeNull();
    expect(
      render('message.status', sampleOf('message.status'), { ackNotificationsOn: true }),
    ).not.toBeNull();
    expect(render('subscription.subscribed', sampleOf('subscription.subscribed'))).toBeNull();
  });

  it('validates options', () => {
    expect(chatapiFormat.validateOptions(ALL_ON)).toEqual([]);
    expect(chatapiFormat.validateOptions({ ackNotificationsOn: 1, webhookUrl: 'x' })).toEqual([
      { field: 'ackNotificationsOn', message: 'must be a boolean' },
      { field: 'webhookUrl', message: expect.stringContaining('unknown option') },
    ]);
  });
});

// Page 003 (Chat-API), "What information does the server transmit?": the message fields in the
// page's order — ID, the content (body), FROMME, where it was sent from (self), forwarded
// (isForwarded), the author, UNIX time, the dialog id (chatId), the serial number
// (messageNumber), the form of the message (type), the sender's name, the caption, the quoted
// message, the ACK status, the chat name, the instance number.
const PAGE_MESSAGE_FIELDS = [
  'id',
  'body',
  'fromMe',
  'self',
  'isForwarded',
  'author',
  'time',
  'chatId',
  'messageNumber',
  'type',
  'senderName',
  'caption',
  'quotedMsgId',
  'ack',
  'chatName',
];

describe('chatapi format against page 003 (Chat-API webhooks)', () => {
  const messageOf = (
    type: string,
    data: Record<string, unknown>,
    options: Record<string, unknown> = ALL_ON,
  ) => {
    const body = JSON.parse(render(type, data, options)?.body ?? '{}') as {
      messages: Record<string, unknown>[];
      instanceId: unknown;
    };
    expect(body.instanceId).toBe('128634'); // "the instance number"
    return body.messages[0];
  };

  it('an incoming message: fromMe false, self 0, and no ACK ("missing ... for incoming messages")', () => {
    const m = messageOf('message.received', sampleOf('message.received'));
    expect(Object.keys(m)).toEqual(PAGE_MESSAGE_FIELDS.filter((f) => f !== 'ack'));
    expect(m).toMatchObject({ fromMe: false, self: 0, type: 'chat' });
  });

  it('an outgoing message: fromMe true ("You have sent a message"), self 1 from the API, 0 from the phone, ACK 1/2/3', () => {
    const fromApi = messageOf('message.sent', sampleOf('message.sent'));
    expect(Object.keys(fromApi)).toEqual(PAGE_MESSAGE_FIELDS);
    expect(fromApi).toMatchObject({
      id: 'c0e7d2a1-5b7e-4f0a-9d8e-3b1f2a4c5d6e',
      body: 'Your order #4521 is on its way.',
      fromMe: true,
      self: 1,
      author: '447700900999',
      chatId: '01234567890A=',
      messageNumber: 43,
      type: 'chat',
      senderName: 'Shop',
      ack: 1, // "1 – sent, 2 – delivered, 3 – viewed"
    });
    const fromPhone = messageOf(
      'message.sent',
      sampleOf('message.sent', { sent_from: 'phone', status: 'read' }),
    );
    expect(fromPhone).toMatchObject({ fromMe: true, self: 0, ack: 3 });
    expect(messageOf('message.sent', sampleOf('message.sent', { status: 'delivered' })).ack).toBe(
      2,
    );
  });

  it('a missed call: the alert "Call-Miss" as the content', () => {
    const m = messageOf('call.missed', sampleOf('call.missed'), { ...ALL_ON, sendName: true });
    expect(m).toMatchObject({
      id: 'call-7f3a9c21',
      body: 'Call-Miss',
      fromMe: false,
      self: 0,
      author: '01234567890A=',
      chatId: '01234567890A=',
      type: 'call_log',
      senderName: 'Jane Doe',
      chatName: 'Jane Doe',
    });
    expect(m).not.toHaveProperty('ack');
  });

  it('videoUploadOn: "auto-upload of videos from messages" puts the video in the incoming data', () => {
    const video = sampleOf('message.received', {
      message: { type: 'video', media: 'https://m/v.mp4', size: 10240, duration: 12, text: 'v' },
    });
    expect(messageOf('message.received', video, { ...ALL_ON, videoUploadOn: true })).toMatchObject({
      type: 'video',
      body: 'https://m/v.mp4',
      caption: 'v',
    });
    expect(messageOf('message.received', video)).toMatchObject({
      type: 'video',
      body: '',
      caption: 'v',
    });
  });

  it('accepts every switch of "Additional Webhook Settings" as a boolean option', () => {
    const switches = {
      statusNotificationsOn: true,
      ackNotificationsOn: true,
      chatUpdateOn: false,
      videoUploadOn: true,
      guaranteedHooks: true,
      parallelHooks: false,
    };
    expect(chatapiFormat.validateOptions(switches)).toEqual([]);
    expect(chatapiFormat.validateOptions({ videoUploadOn: 'yes' })).toEqual([
      { field: 'videoUploadOn', message: 'must be a boolean' },
    ]);
  });

  it('instance statuses of the page are rendered as they are', () => {
    for (const status of [
      'authenticated',
      'normal',
      'phone',
      'computer',
      'offline',
      'battery_low',
      'syncing',
      'init',
      'loading',
    ]) {
      const body = render('instance.status', sampleOf('instance.status', { status }))?.body;
      expect(JSON.parse(body ?? '{}')).toEqual({
        status,
        time: 1768474800,
        instanceId: '128634',
      });
    }
  });
});

describe('chatapi switches from the app (instance settings)', () => {
  it("the app's instance settings switch events on; an endpoint's own value wins", () => {
    const app = { ...fixtureApp, instanceSettings: { ackNotificationsOn: true } };
    const input = (formatOptions: Record<string, unknown>) => ({
      ...renderInput('message.status', sampleOf('message.status'), {
        format: 'chatapi',
        formatOptions,
      }),
      app,
    });
    expect(chatapiFormat.render(input({}))?.body).toContain('"ack":[');
    expect(chatapiFormat.render(input({ ackNotificationsOn: false }))).toBeNull();
    expect(
      chatapiFormat.render({
        ...renderInput('message.status', sampleOf('message.status'), { format: 'chatapi' }),
        app: fixtureApp,
      }),
    ).toBeNull();
  });
});
