import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_SECRET,
  FIXTURE_NOW,
  renderInput,
  sampleOf,
} from '../../test/helpers/format-fixture.js';
import { businessFormat } from './business.js';

const hmacHex = (body: string) => createHmac('sha256', ENDPOINT_SECRET).update(body).digest('hex');
const AVATAR = 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000';

function render(
  type: string,
  data: Record<string, unknown> | string,
  formatOptions: Record<string, unknown> = {},
) {
  return businessFormat.render(renderInput(type, data, { format: 'business', formatOptions }));
}

const userJson = (name: string, userInfo: string) =>
  `{"id":"01234567890A=","identifier_id":null,"subscriber_id":null,"identity":null,"username":"${name}","first_name":null,` +
  `"middle_name":null,"last_name":null,"email":null,"phone":"447700900123","attributes":null,"user_info":${userInfo}}`;

describe('business format: canonical sample -> exact envelope and Signature header', () => {
  it('message.status -> viber:message:status', () => {
    const request = render('message.status', sampleOf('message.status'));
    const body =
      '{"event":"viber:message:status","payload":{"id":"a418d672-9781-4d97-b517-a56f7d95ad8a","channel":"viber",' +
      '"from":"700969ca-0cb2-11ec-a2c0-0242ac130003","to":"01234567890A=","status":"delivered",' +
      '"delivered_at":"2026-01-15T09:31:02.886358Z","read_at":null,"processed_at":"2026-01-15T09:31:00.004512Z",' +
      '"timestamp":"2026-01-15T09:31:02.886358Z","foreign_id":"order-4521-notice"}}';
    expect(request).toEqual({
      method: 'POST',
      url: 'https://hooks.example.com/inbound?tenant=7',
      headers: { 'content-type': 'application/json', signature: hmacHex(body) },
      body,
    });
  });

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

  it('message.received (text) -> viber:message:in with the placeholder name and no picture by default', () => {
    const body = render('message.received', sampleOf('message.received'))?.body;
    expect(body).toBe(
      '{"event":"viber:message:in","payload":{"id":"94e6ce87-1429-4e98-9715-2ec461401fd2","channels":[{"name":"viber","to":"pa:5435345635"}],' +
        `"recipient":{"from":"447700900123","user":${userJson('Subscriber', '{"gender":null,"title":null}')}},` +
        '"message":{"type":"text","payload":{"text":"Hi! Where is my order #4521?"}},"timestamp":"2026-01-15T09:30:12.345Z"}}',
    );
  });

  it('sendName/sendPhoto true: real name and picture', () => {
    const body = render('message.received', sampleOf('message.received'), {
      sendName: true,
      sendPhoto: true,
    })?.body;
    expect(body).toContain(
      `"user":${userJson('Jane Doe', `{"picture":"${AVATAR}","gender":null,"title":null}`)}`,
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
    expect(content({ type: 'picture', media: 'https://domain-name.com/your_image_path.png' })).toBe(
      '{"type":"image","payload":{"url":"https://domain-name.com/your_image_path.png"}}',
    );
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

  it('number.unsubscribed -> the bare unsubscribe notification', () => {
    const body = render('number.unsubscribed', sampleOf('number.unsubscribed'))?.body;
    expect(body).toBe(
      '{"id":173,"receiver":"447700900123","type":"all","value":"*","created_at":"2026-01-16T18:02:11.000000Z",' +
        '"status":"Unsubscriber created successfully"}',
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
    expect(request?.headers.signature).toBe(hmacHex(request?.body ?? ''));
    const unsigned = businessFormat.render(
      renderInput('number.unsubscribed', sampleOf('number.unsubscribed'), { secrets: [] }),
    );
    expect(unsigned?.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('has no shape for subscription, conversation and instance events', () => {
    for (const type of [
      'subscription.subscribed',
      'subscription.unsubscribed',
      'conversation.started',
      'instance.status',
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
