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

// Page 002, "Viber Messaging Callbacks": the request body, transcribed with its types (the page
// writes "string", integer, double; its snippet lacks closing braces), and body.iosFallbackText and
// body.viberFile.{fileName,fileType,fileUrl} from the field table, in the table's order.
const PAGE_BODY_TYPES = {
  trackingId: 'string',
  campaignTrackingId: 'string',
  to: 'string',
  from: 'string',
  groups: ['string'],
  country: 'string',
  status: {
    name: 'string',
    reason: { detailedStatus: 'string', description: 'string' },
    updatedDate: 'string',
  },
  body: {
    text: 'string',
    iosFallbackText: 'string',
    imageURL: 'string',
    viberAction: { caption: 'string', targetUrl: 'string' },
    viberFile: { fileName: 'string', fileType: 'string', fileUrl: 'string' },
  },
  ttl: 'integer',
  label: 'string',
  inboundUrl: 'string',
  applicationName: 'string',
  price: 'double',
  direction: 'string',
  originatingService: 'string',
  createdAt: 'string',
};

/** The type skeleton of a JSON value, as the page writes types. */
function typesOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typesOf);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesOf(v)]));
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  return typeof value;
}

describe('routee format against page 002 (Routee Viber status callbacks)', () => {
  it('writes every field of the page, in its order and with its types', () => {
    const event = {
      message_token: 1,
      id: '5a2f1c3e-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      status: 'failed',
      reason: 'The recipient is not a Viber user',
      reason_code: 'NotViberUser',
      recipient: '+306948530920',
      account_id: 'Shop',
      country: 'GR',
      price: 0.0125,
      timestamp: '2026-01-15T10:00:00.000Z',
      submitted_at: '2026-01-15T09:59:58.000Z',
      campaign: {
        id: '9c6a7d4e-2f1b-4a3c-8d5e-6f7a8b9c0d1e',
        label: 'label of campaign',
        groups: ['customers'],
        ttl: 86400,
        application_name: 'shop-backend',
        inbound_url: 'https://shop.example.com/routee/inbound',
      },
      content: {
        text: 'Your invoice',
        ios_fallback_text: 'Your invoice: https://shop.example.com/i/4521',
        image_url: 'https://shop.example.com/banner.png',
        action: { caption: 'Open', target_url: 'https://shop.example.com/i/4521' },
        file: { name: 'invoice.pdf', type: 'pdf', url: 'https://shop.example.com/invoice.pdf' },
      },
    };
    const body = JSON.parse(render('message.status', event)?.body ?? '{}') as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(typesOf(body))).toBe(JSON.stringify(PAGE_BODY_TYPES));
    expect(body).toMatchObject({
      inboundUrl: 'https://shop.example.com/routee/inbound',
      label: 'label of campaign',
      originatingService: 'Viber',
      body: {
        iosFallbackText: 'Your invoice: https://shop.example.com/i/4521',
        viberFile: {
          fileName: 'invoice.pdf',
          fileType: 'pdf',
          fileUrl: 'https://shop.example.com/invoice.pdf',
        },
      },
    });
  });
});

describe('routee format: canonical message.status -> exact Routee campaign callback', () => {
  afterEach(() => vi.useRealTimers());

  it('writes every Routee field, signed with Standard Webhooks headers', () => {
    const request = render('message.status', sampleOf('message.status'));
    const body =
      '{"trackingId":"a418d672-9781-4d97-b517-a56f7d95ad8a","campaignTrackingId":"4b6a1e0c-8f1e-4f59-a3b1-6d2f0c1d9e77",' +
      '"to":"01234567890A=","from":"700969ca-0cb2-11ec-a2c0-0242ac130003","groups":["customers"],"country":"GB",' +
      '"status":{"name":"Delivered","reason":{"detailedStatus":"Delivered","description":null},"updatedDate":"2026-01-15T09:31:02.886358Z"},' +
      '"body":{"text":"Your order #4521 has shipped."},"ttl":86400,"label":"order-updates","inboundUrl":null,"applicationName":"shop-backend",' +
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
        '"ttl":null,"label":null,"inboundUrl":null,"applicationName":null,"price":null,"direction":"Outbound","originatingService":"Viber",' +
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
