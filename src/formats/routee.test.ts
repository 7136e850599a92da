import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ENDPOINT_SECRET,
  FIXTURE_NOW,
  renderInput,
  sampleOf,
} from '../../test/helpers/format-fixture.js';
import { routeeFormat } from './routee.js';

function render(type: string, data: Record<string, unknown> | string) {
  return routeeFormat.render(renderInput(type, data, { format: 'routee' }));
}

describe('routee format: canonical message.status -> exact Routee campaign callback', () => {
  afterEach(() => vi.useRealTimers());

  it('writes every Routee field, signed with Standard Webhooks headers', () => {
    const request = render('message.status', sampleOf('message.status'));
    const body =
      '{"trackingId":"a418d672-9781-4d97-b517-a56f7d95ad8a","campaignTrackingId":"4b6a1e0c-8f1e-4f59-a3b1-6d2f0c1d9e77",' +
      '"to":"01234567890A=","from":"700969ca-0cb2-11ec-a2c0-0242ac130003","groups":["customers"],"country":"GB",' +
      '"status":{"name":"Delivered","reason":{"detailedStatus":"Delivered","description":null},"updatedDate":"2026-01-15T09:31:02.886358Z"},' +
      '"body":{"text":"Your order #4521 has shipped."},"ttl":86400,"label":"order-updates","applicationName":"shop-backend",' +
      '"price":0.0125,"direction":"Outbound","originatingService":"Viber","createdAt":"2026-01-15T09:31:00.120000Z"}';
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://hooks.example.com/inbound?tenant=7');
    expect(request?.body).toBe(body);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual([
      'content-type',
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
    ]);
    expect(request?.headers['webhook-id']).toBe('msg_01JHX0000000000000000000MS');
    expect(request?.headers['webhook-timestamp']).toBe(String(FIXTURE_NOW / 1000));
    // The receiver library checks the timestamp against its clock: pin that clock to the fixture's.
    vi.useFakeTimers({ now: FIXTURE_NOW });
    expect(new Webhook(ENDPOINT_SECRET).verify(body, request?.headers ?? {})).toEqual(
      JSON.parse(body),
    );
  });

  it('failed with a reason and code, content with an image and a button; 64-bit token as trackingId', () => {
    const payload =
      '{"message_token":9007199254740993,"status":"failed","reason":"Not Viber user","reason_code":"NotViberUser",' +
      '"recipient":"447700900123","timestamp":"2026-01-15T10:00:00.000Z","content":{"text":"Sale!","image_url":"https://cdn/x.png",' +
      '"action":{"caption":"Shop","target_url":"https://shop.example"}}}';
    expect(render('message.status', payload)?.body).toBe(
      '{"trackingId":"9007199254740993","campaignTrackingId":null,"to":"447700900123","from":null,"groups":[],"country":null,' +
        '"status":{"name":"Failed","reason":{"detailedStatus":"NotViberUser","description":"Not Viber user"},"updatedDate":"2026-01-15T10:00:00.000Z"},' +
        '"body":{"text":"Sale!","imageURL":"https://cdn/x.png","viberAction":{"caption":"Shop","targetUrl":"https://shop.example"}},' +
        '"ttl":null,"label":null,"applicationName":null,"price":null,"direction":"Outbound","originatingService":"Viber",' +
        '"createdAt":"2026-01-15T10:00:00.000Z"}',
    );
  });

  it('maps statuses to Routee names', () => {
    const names = ['sent', 'delivered', 'read', 'seen', 'deleted'].map(
      (status) =>
        (
          JSON.parse(
            render('message.status', sampleOf('message.status', { status }))?.body ?? '{}',
          ) as { status: { name: string } }
        ).status.name,
    );
    expect(names).toEqual(['Sent', 'Delivered', 'Read', 'Read', 'Deleted']);
  });

  it('sends only message.status', () => {
    for (const type of [
      'message.received',
      'subscription.subscribed',
      'number.unsubscribed',
      'instance.status',
    ]) {
      expect(render(type, sampleOf(type))).toBeNull();
    }
  });
});
