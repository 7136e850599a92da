import { RenderError } from './format.js';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_SECRET,
  fixtureApp,
  renderInput,
  sampleOf,
  VIBER_TOKEN,
} from '../../test/helpers/format-fixture.js';
import { PHOTO_PLACEHOLDER } from './privacy.js';
import { viberFormat, viberWebhookCallback } from './viber.js';

const hmacHex = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');
const AVATAR = 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000';
const PROFILE_OPEN =
  '{"id":"01234567890A=","name":"Jane Doe","avatar":"' +
  AVATAR +
  '","country":"GB","language":"en","api_version":10}';
const PROFILE_HIDDEN = `{"id":"01234567890A=","name":"Subscriber","avatar":"${PHOTO_PLACEHOLDER}","country":"GB","language":"en","api_version":10}`;
const SHOW = { sendName: true, sendPhoto: true };

function render(
  type: string,
  data: Record<string, unknown>,
  formatOptions: Record<string, unknown> = SHOW,
) {
  return viberFormat.render(renderInput(type, data, { format: 'viber', formatOptions }));
}

describe('viber format: canonical sample -> exact Viber callback', () => {
  it('message.received (text) -> message, with a 64-bit message_token kept byte for byte', () => {
    const request = render('message.received', sampleOf('message.received'));
    const body =
      '{"event":"message","timestamp":1768469412345,"chat_hostname":"SN-CHAT-05_","message_token":5741311803571721087,' +
      `"sender":${PROFILE_OPEN},` +
      '"message":{"type":"text","text":"Hi! Where is my order #4521?","tracking_data":"order-4521"}}';
    const sig = hmacHex(VIBER_TOKEN, body);
    expect(request).toEqual({
      method: 'POST',
      url: `https://hooks.example.com/inbound?tenant=7&sig=${sig}`,
      headers: { 'content-type': 'application/json', 'x-viber-content-signature': sig },
      body,
    });
  });

  it('keeps a token far above 2^53 exact when the payload text carries it', () => {
    const payload =
      '{"message_token":9223372036854775807,"timestamp":"2026-01-15T09:30:12.345Z","sender":{"id":"u1","name":"A"},' +
      '"message":{"type":"text","text":"hi"}}';
    const request = viberFormat.render(
      renderInput('message.received', payload, { format: 'viber', formatOptions: SHOW }),
    );
    expect(request?.body).toBe(
      '{"event":"message","timestamp":1768469412345,"chat_hostname":"SN-HOOKLINE_","message_token":9223372036854775807,' +
        '"sender":{"id":"u1","name":"A"},"message":{"type":"text","text":"hi"}}',
    );
  });

  it('message kinds use Viber field names (picture for image, location, contact, file, sticker, url, video)', () => {
    const base = {
      timestamp: '2026-01-15T09:30:12.345Z',
      message_token: 1,
      sender: { id: 'u1', name: 'A' },
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { type: 'image', media: 'https://m/p.jpg', thumbnail: 'https://m/t.jpg', text: 'look' },
        '{"type":"picture","text":"look","media":"https://m/p.jpg","thumbnail":"https://m/t.jpg"}',
      ],
      [
        { type: 'video', media: 'https://m/v.mp4', size: 10240, duration: 12 },
        '{"type":"video","media":"https://m/v.mp4","size":10240,"duration":12}',
      ],
      [
        { type: 'file', media: 'https://m/f.pdf', size: 2048, file_name: 'invoice.pdf' },
        '{"type":"file","media":"https://m/f.pdf","size":2048,"file_name":"invoice.pdf"}',
      ],
      [
        { type: 'location', location: { lat: 50.76891, lon: 6.11499 } },
        '{"type":"location","location":{"lat":50.76891,"lon":6.11499}}',
      ],
      [
        { type: 'contact', contact: { name: 'Bob', phone_number: '+447700900456' } },
        '{"type":"contact","contact":{"name":"Bob","phone_number":"+447700900456"}}',
      ],
      [{ type: 'sticker', sticker_id: 46105 }, '{"type":"sticker","sticker_id":46105}'],
      [
        { type: 'url', media: 'https://shop.example/item/9' },
        '{"type":"url","media":"https://shop.example/item/9"}',
      ],
    ];
    for (const [message, expected] of cases) {
      const body = render('message.received', { ...base, message })?.body;
      expect(body).toBe(
        '{"event":"message","timestamp":1768469412345,"chat_hostname":"SN-HOOKLINE_","message_token":1,' +
          `"sender":{"id":"u1","name":"A"},"message":${expected}}`,
      );
    }
  });

  it('message.status -> delivered / seen / failed with desc; sent and deleted have no Viber callback', () => {
    const status = (s: Record<string, unknown>) =>
      render('message.status', sampleOf('message.status', s))?.body;
    const head =
      '"timestamp":1768469462886,"chat_hostname":"SN-CHAT-05_","message_token":5741311803571721087,"user_id":"01234567890A="';
    expect(status({})).toBe(`{"event":"delivered",${head}}`);
    expect(status({ status: 'read' })).toBe(`{"event":"seen",${head}}`);
    expect(status({ status: 'seen' })).toBe(`{"event":"seen",${head}}`);
    expect(status({ status: 'failed', reason: 'receiver is not a subscriber' })).toBe(
      `{"event":"failed",${head},"desc":"receiver is not a subscriber"}`,
    );
    expect(status({ status: 'sent' })).toBeUndefined();
    expect(status({ status: 'deleted' })).toBeUndefined();
  });

  it('subscribed, unsubscribed and conversation_started', () => {
    expect(render('subscription.subscribed', sampleOf('subscription.subscribed'))?.body).toBe(
      `{"event":"subscribed","timestamp":1768469320001,"chat_hostname":"SN-CHAT-05_","user":${PROFILE_OPEN},"message_token":5741311803571720001}`,
    );
    expect(render('subscription.unsubscribed', sampleOf('subscription.unsubscribed'))?.body).toBe(
      '{"event":"unsubscribed","timestamp":1768586531500,"chat_hostname":"SN-CHAT-05_","user_id":"01234567890A=","message_token":5741311803571790002}',
    );
    expect(render('conversation.started', sampleOf('conversation.started'))?.body).toBe(
      '{"event":"conversation_started","timestamp":1768469275120,"chat_hostname":"SN-CHAT-05_","message_token":5741311803571700003,' +
        `"type":"open","context":"spring-sale-qr","user":${PROFILE_OPEN},"subscribed":false}`,
    );
  });

  // Page 000, "User Names and Photos": send_name / send_photo default false; "If the user has
  // disallowed content personalization, you will receive placeholder values."
  it('sendName/sendPhoto false (the default): the name and the photo are placeholder values', () => {
    expect(render('subscription.subscribed', sampleOf('subscription.subscribed'), {})?.body).toBe(
      `{"event":"subscribed","timestamp":1768469320001,"chat_hostname":"SN-CHAT-05_","user":${PROFILE_HIDDEN},"message_token":5741311803571720001}`,
    );
    const nameOnly =
      render('conversation.started', sampleOf('conversation.started'), { sendName: true })?.body ??
      '';
    expect(nameOnly).toContain(`"name":"Jane Doe","avatar":"${PHOTO_PLACEHOLDER}"`);
    const photoOnly =
      render('message.received', sampleOf('message.received'), { sendPhoto: true })?.body ?? '';
    expect(photoOnly).toContain(`"name":"Subscriber","avatar":"${AVATAR}"`);
  });

  it('a user who disallowed content personalization gets placeholders even with send_name and send_photo', () => {
    const sample = sampleOf('subscription.subscribed');
    const user = { ...(sample.user as Record<string, unknown>), content_personalization: false };
    expect(render('subscription.subscribed', { ...sample, user }, SHOW)?.body).toBe(
      `{"event":"subscribed","timestamp":1768469320001,"chat_hostname":"SN-CHAT-05_","user":${PROFILE_HIDDEN},"message_token":5741311803571720001}`,
    );
    const allowed = { ...user, content_personalization: true };
    expect(render('subscription.subscribed', { ...sample, user: allowed }, SHOW)?.body).toContain(
      PROFILE_OPEN,
    );
  });

  it('eventTypes (set_webhook event_types) drops optional events but never mandatory ones', () => {
    const options = { ...SHOW, eventTypes: ['delivered'] };
    expect(render('message.status', sampleOf('message.status'), options)).not.toBeNull();
    expect(
      render('message.status', sampleOf('message.status', { status: 'read' }), options),
    ).toBeNull();
    expect(render('conversation.started', sampleOf('conversation.started'), options)).toBeNull();
    expect(
      render('message.received', sampleOf('message.received'), { ...SHOW, eventTypes: [] }),
    ).not.toBeNull();
    expect(
      render('subscription.unsubscribed', sampleOf('subscription.unsubscribed'), {
        eventTypes: [],
      }),
    ).not.toBeNull();
  });

  it('falls back to the endpoint secret when the app has no Viber auth token; keeps a #fragment out of the query', () => {
    const input = renderInput('subscription.unsubscribed', sampleOf('subscription.unsubscribed'), {
      format: 'viber',
      url: 'https://hooks.example.com/viber',
    });
    const request = viberFormat.render({ ...input, app: { ...fixtureApp, viberAuthToken: null } });
    const sig = hmacHex(ENDPOINT_SECRET, request?.body ?? '');
    expect(request?.url).toBe(`https://hooks.example.com/viber?sig=${sig}`);
    expect(request?.headers['x-viber-content-signature']).toBe(sig);
  });

  it('does not send non-catalog events or instance/number events', () => {
    expect(
      viberFormat.render(renderInput('order.shipped', { id: 1 }, { format: 'viber' })),
    ).toBeNull();
    expect(render('instance.status', sampleOf('instance.status'))).toBeNull();
    expect(render('number.unsubscribed', sampleOf('number.unsubscribed'))).toBeNull();
  });

  it('writes the set_webhook validation callback', () => {
    expect(viberWebhookCallback(1768469412345, 5741311803571721087n)).toBe(
      '{"event":"webhook","timestamp":1768469412345,"chat_hostname":"SN-HOOKLINE_","message_token":5741311803571721087}',
    );
  });

  it('validates options', () => {
    expect(
      viberFormat.validateOptions({
        sendName: true,
        sendPhoto: false,
        eventTypes: ['seen'],
        chatHostname: 'SN-1_',
      }),
    ).toEqual([]);
    expect(
      viberFormat.validateOptions({ sendName: 'yes', eventTypes: ['seen', 'read'], colour: 1 }),
    ).toEqual([
      { field: 'sendName', message: 'must be a boolean' },
      { field: 'eventTypes', message: expect.stringContaining('unknown Viber event read') },
      { field: 'colour', message: expect.stringContaining('unknown option') },
    ]);
  });
});

describe('viber format with payloads that do not match the catalog', () => {
  it('refuses, naming the schema problem, when a catalog event name carries a foreign payload', () => {
    expect(() =>
      viberFormat.render(renderInput('message.received', { hello: 'world' }, { format: 'viber' })),
    ).toThrow(/payload does not match the message.received schema \(payload\./);
    expect(() =>
      viberFormat.render(renderInput('message.status', '[1,2]', { format: 'viber' })),
    ).toThrow(RenderError);
  });

  it('skips event types the platform has no wire shape for', () => {
    expect(
      viberFormat.render(renderInput('invoice.paid', { id: 1 }, { format: 'viber' })),
    ).toBeNull();
  });
});
