import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ENDPOINT_SECRET,
  FIXTURE_NOW,
  renderInput,
  sampleOf,
} from '../../test/helpers/format-fixture.js';
import { previewCompose } from './compose-preview.js';
import { composeFormat } from './compose.js';

const REFERENCE_TEMPLATE = {
  url: 'https://www.domain.com/ack/receive?id=@{{payload.id}}&mobile=@{{payload.mobile}}&status=@{{payload.status}}',
  method: 'POST',
  headers: { Authorization: 'Bearer s3cr3t', 'X-Foreign-Id': '@{{payload.foreign_id}}' },
  body: '{\n  "id": "@{{payload.id}}",\n  "mobile": "@{{payload.mobile}}",\n  "message_status": "@{{payload.status}}",\n  "read_at": "@{{payload.read_at}}"\n}',
  bodyFormat: 'json',
};

function render(
  type: string,
  data: Record<string, unknown> | string,
  formatOptions: Record<string, unknown>,
) {
  return composeFormat.render(renderInput(type, data, { format: 'compose', formatOptions }));
}

describe('compose format: template + canonical sample -> exact request', () => {
  afterEach(() => vi.useRealTimers());

  it('renders the reference template: URL-encoded URL variables, JSON-escaped body, header templates, signed', () => {
    const request = render(
      'message.status',
      sampleOf('message.status', { foreign_id: 'a&b "c"' }),
      { template: REFERENCE_TEMPLATE },
    );
    const body =
      '{\n  "id": "a418d672-9781-4d97-b517-a56f7d95ad8a",\n  "mobile": "01234567890A=",\n  "message_status": "delivered",\n  "read_at": ""\n}';
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(
      'https://www.domain.com/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile=01234567890A%3D&status=delivered',
    );
    expect(request?.body).toBe(body);
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer s3cr3t',
      'x-foreign-id': 'a&b "c"',
      'webhook-id': 'msg_01JHX0000000000000000000MS',
    });
    vi.useFakeTimers({ now: FIXTURE_NOW });
    expect(new Webhook(ENDPOINT_SECRET).verify(body, request?.headers ?? {})).toEqual(
      JSON.parse(body),
    );
  });

  it('escapes quotes, backslashes and newlines inside JSON strings; unquoted tags become JSON values', () => {
    const template = {
      url: 'https://hooks.example.com/in',
      body: '{"text":"@{{payload.message.text}}","token":@{{payload.message_token}},"sender":@{{payload.sender}},"missing":@{{payload.read_at}}}',
    };
    const data = sampleOf('message.received', {
      message: { type: 'text', text: 'say "hi"\\\n</script>' },
    });
    const body = render('message.received', data, { template, sendName: true })?.body ?? '';
    expect(body).toBe(
      '{"text":"say \\"hi\\"\\\\\\n</script>","token":5741311803571721087,' +
        '"sender":{"id":"01234567890A=","name":"Jane Doe","avatar":"https://avatar.placeholder.invalid/subscriber.jpg",' +
        '"country":"GB","language":"en","api_version":10,"phone":"447700900123"},' +
        '"missing":null}',
    );
    expect(JSON.parse(body.replace('5741311803571721087', '0'))).toMatchObject({
      text: 'say "hi"\\\n</script>',
    });
  });

  it('form bodies are form-encoded; PUT; submit_time and from/to aliases', () => {
    const template = {
      url: 'https://hooks.example.com/status/@{{payload.id}}',
      method: 'PUT',
      body: 'message_id=@{{payload.id}}&to=@{{payload.to}}&from=@{{payload.from}}&sent=@{{payload.submit_time}}&note=@{{payload.reason}}',
      bodyFormat: 'form',
    };
    const request = render(
      'message.status',
      sampleOf('message.status', { status: 'failed', reason: 'blocked by user & co' }),
      { template },
    );
    expect(request?.method).toBe('PUT');
    expect(request?.url).toBe(
      'https://hooks.example.com/status/a418d672-9781-4d97-b517-a56f7d95ad8a',
    );
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toBe(
      'message_id=a418d672-9781-4d97-b517-a56f7d95ad8a&to=01234567890A%3D&from=700969ca-0cb2-11ec-a2c0-0242ac130003' +
        '&sent=2026-01-15T09%3A31%3A00.120000Z&note=blocked+by+user+%26+co',
    );
  });

  it('GET sends no body; a 64-bit token goes into the URL digit for digit; a URL without template is the endpoint URL', () => {
    const get = render(
      'message.status',
      '{"message_token":9223372036854775807,"status":"sent","recipient":"+44 7700","timestamp":"2026-01-15T09:40:00Z"}',
      {
        template: {
          url: 'https://hooks.example.com/ack?t=@{{payload.message_token}}&m=@{{payload.mobile}}',
          method: 'GET',
        },
      },
    );
    expect(get?.url).toBe('https://hooks.example.com/ack?t=9223372036854775807&m=%2B44%207700');
    expect(get?.body).toBeNull();
    expect(get?.headers['content-type']).toBeUndefined();
    const plain = render('instance.status', sampleOf('instance.status'), { template: {} });
    expect(plain?.url).toBe('https://hooks.example.com/inbound?tenant=7');
    expect(plain?.body).toBe(
      '{"instance_id":"128634","status":"battery_low","timestamp":"2026-01-15T11:00:00.000Z","message":"Phone battery is below 15%"}',
    );
  });

  it('header values never carry line breaks', () => {
    const template = { headers: { 'X-Text': 'say @{{payload.message.text}}' } };
    const data = sampleOf('message.received', {
      message: { type: 'text', text: 'a\r\nInjected: yes' },
    });
    expect(render('message.received', data, { template })?.headers['x-text']).toBe(
      'say a Injected: yes',
    );
  });

  it('sendName/sendPhoto false hide names and avatars from template variables too', () => {
    const template = {
      body: '{"who":"@{{payload.sender.name}}","pic":"@{{payload.sender.avatar}}"}',
    };
    expect(render('message.received', sampleOf('message.received'), { template })?.body).toBe(
      '{"who":"Subscriber","pic":"https://avatar.placeholder.invalid/subscriber.jpg"}',
    );
  });
});

describe('compose templates are checked when the endpoint is saved', () => {
  const check = (template: unknown) => composeFormat.validateOptions({ template });

  it('accepts the reference template and every canonical field', () => {
    expect(check(REFERENCE_TEMPLATE)).toEqual([]);
    expect(
      check({
        body: '{"a":"@{{payload.message.location.lat}}","b":"@{{event}}","c":"@{{message_id}}","d":"@{{ payload.campaign.groups }}"}',
      }),
    ).toEqual([]);
  });

  it('names the position of an unknown variable', () => {
    expect(check({ url: 'https://x.example/a?id=@{{payload.idd}}' })).toEqual([
      {
        field: 'template.url',
        message: 'unknown variable "payload.idd" at position 23 (line 1, column 24)',
      },
    ]);
    expect(check({ body: '{\n  "a": "@{{payload.id}}",\n  "b": "@{{nope}}"\n}' })).toEqual([
      {
        field: 'template.body',
        message: 'unknown variable "nope" at position 36 (line 3, column 9)',
      },
    ]);
    expect(check({ headers: { 'X-A': '@{{}}' } })).toEqual([
      {
        field: 'template.headers.X-A',
        message: 'unknown variable "" at position 0 (line 1, column 1)',
      },
    ]);
  });

  it('names the position of a malformed tag', () => {
    expect(check({ url: 'https://x.example/a?id=@{{payload.id' })).toEqual([
      {
        field: 'template.url',
        message: 'unclosed tag: @{{ without }} at position 23 (line 1, column 24)',
      },
    ]);
    expect(check({ body: '{"a":"@{{#payload.id}}x"}' })[0]).toEqual({
      field: 'template.body',
      message:
        'sections are not supported; use @{{variable}} tags only at position 6 (line 1, column 7)',
    });
    expect(check({ body: '{"a":"@{{&payload.id}}"}' })[0]?.message).toBe(
      'unsupported tag "&"; use @{{variable}} tags only at position 6 (line 1, column 7)',
    );
  });

  it('rejects a body that is not JSON once rendered, hosts from variables, bad methods and shapes', () => {
    expect(check({ body: '{"a": @{{payload.id}}' })[0]?.message).toMatch(
      /^does not render to valid JSON/,
    );
    expect(check({ url: 'https://@{{payload.id}}.example/' })[0]?.message).toBe(
      'variables are allowed in the path and query only, not at position 8 (line 1, column 9)',
    );
    expect(check({ url: 'ftp://x.example/' })[0]?.message).toBe(
      'must start with http:// or https://',
    );
    expect(check({ method: 'DELETE' })).toEqual([
      { field: 'template.method', message: 'must be one of GET, POST, PUT' },
    ]);
    expect(check({ method: 'GET', body: 'x' })).toEqual([
      { field: 'template.body', message: 'a GET request has no body' },
    ]);
    expect(check({ bodyFormat: 'form' })).toEqual([
      { field: 'template.body', message: 'is required when bodyFormat is form' },
    ]);
    expect(check({ headers: { 'bad header': 'x' } })[0]?.field).toBe('template.headers.bad header');
    expect(check({ headers: { 'Webhook-Signature': 'x' } })).toEqual([
      { field: 'template.headers.Webhook-Signature', message: 'this header is set by Hookline' },
    ]);
    expect(check(undefined)).toEqual([
      { field: 'template', message: 'is required for the compose format' },
    ]);
    expect(check({ uri: 'x' })[0]).toEqual({
      field: 'template.uri',
      message: expect.stringContaining('unknown key'),
    });
  });
});

describe('compose preview', () => {
  it('renders a template against the catalog sample without signing', () => {
    const preview = previewCompose({ template: REFERENCE_TEMPLATE });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.eventType).toBe('message.status');
    expect(preview.request.url).toBe(
      'https://www.domain.com/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile=01234567890A%3D&status=delivered',
    );
    expect(preview.request.headers['webhook-signature']).toBeUndefined();
  });

  it('renders against given data and reports template or data errors by field', () => {
    const ok = previewCompose({
      template: { url: 'https://x.example/i?u=@{{payload.user_id}}', method: 'GET' },
      eventType: 'subscription.unsubscribed',
      data: { user_id: 'abc=', timestamp: '2026-01-15T09:00:00Z' },
    });
    expect(ok.ok && ok.request.url).toBe('https://x.example/i?u=abc%3D');
    const bad = previewCompose({
      template: { url: 'https://x.example/@{{what}}' },
      eventType: 'message.status',
      data: { status: 'gone' },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.field)).toEqual([
      'template.url',
      'data.message_token',
      'data.recipient',
      'data.timestamp',
      'data.status',
    ]);
    expect(previewCompose({ template: {}, eventType: 'nope' })).toEqual({
      ok: false,
      errors: [{ field: 'type', message: expect.any(String) }],
    });
  });
});

// Page 001, "Compose Webhook": the two URL examples, the Compose Webhook Request, and the table
// "Replaced Parameters can be used while creating or composing a webhook" (plus `mobile`, used
// in the URL examples).
describe('compose against page 001 (Compose Webhook)', () => {
  const PAGE_URLS = [
    'https://www.domain.com/ack/receive?id=@{{payload.id}}&mobile=@{{payload.mobile}}&status=@{{payload.status}}',
    'https://www.domain.com/ack/receive?message_id=@{{payload.id}}&mobile_number=@{{payload.mobile}}&message_status=@{{payload.status}}',
  ];
  const PAGE_REQUEST = {
    url: 'https://www.domain.com/ack/receive?id=@{{payload.id}}',
    method: 'POST',
    headers: { Authorization: 'Bearer %token%' },
    body: `{
      "id": "@{{payload.id}}",
      "mobile": "@{{payload.mobile}}",
      "message_status": "@{{payload.status}}",
      "read_at": "@{{payload.read_at}}"
    }`,
  };
  const PAGE_PARAMETERS = [
    'id',
    'from',
    'to',
    'status',
    'delivered_at',
    'read_at',
    'processed_at',
    'submit_time',
    'foreign_id',
  ];
  const status = {
    message_token: 1,
    id: 'a418d672-9781-4d97-b517-a56f7d95ad8a',
    status: 'read',
    account_id: '919019100000',
    recipient: '919019912345',
    submitted_at: '2021-06-18T14:48:01.000000Z',
    processed_at: '2021-06-18T14:48:02.000000Z',
    delivered_at: '2021-06-18T14:48:06.886358Z',
    read_at: '2021-06-18T14:50:00.000000Z',
    timestamp: '2021-06-18T14:50:00.000000Z',
    foreign_id: 'your-business-identifier',
  };

  it('accepts and fills the page URL examples', () => {
    expect(composeFormat.validateOptions({ template: { url: PAGE_URLS[0] } })).toEqual([]);
    expect(composeFormat.validateOptions({ template: { url: PAGE_URLS[1] } })).toEqual([]);
    expect(render('message.status', status, { template: { url: PAGE_URLS[1] } })?.url).toBe(
      'https://www.domain.com/ack/receive?message_id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile_number=919019912345&message_status=read',
    );
  });

  it('renders the Compose Webhook Request example', () => {
    expect(composeFormat.validateOptions({ template: PAGE_REQUEST })).toEqual([]);
    const request = render('message.status', status, { template: PAGE_REQUEST });
    expect(request?.url).toBe(
      'https://www.domain.com/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a',
    );
    expect(request?.headers.Authorization ?? request?.headers.authorization).toBe('Bearer %token%');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      id: 'a418d672-9781-4d97-b517-a56f7d95ad8a',
      mobile: '919019912345',
      message_status: 'read',
      read_at: '2021-06-18T14:50:00.000000Z',
    });
  });

  it('offers every replaced parameter of the page, each with the value the page describes', () => {
    const body = `{${[...PAGE_PARAMETERS, 'mobile'].map((p) => `"${p}":"@{{payload.${p}}}"`).join(',')}}`;
    expect(composeFormat.validateOptions({ template: { body } })).toEqual([]);
    expect(
      JSON.parse(render('message.status', status, { template: { body } })?.body ?? ''),
    ).toEqual({
      id: 'a418d672-9781-4d97-b517-a56f7d95ad8a', // "Message Id generated by us"
      from: '919019100000', // "business number"
      to: '919019912345', // "Mobile number with country code"
      status: 'read', // "sent|delivered|read|failed|deleted"
      delivered_at: '2021-06-18T14:48:06.886358Z', // "Delivered to handset time"
      read_at: '2021-06-18T14:50:00.000000Z', // "user message read time"
      processed_at: '2021-06-18T14:48:02.000000Z', // "Processed time"
      submit_time: '2021-06-18T14:48:01.000000Z', // "Sent to operator time"
      foreign_id: 'your-business-identifier',
      mobile: '919019912345',
    });
  });

  it('writes the status as the page does: seen is read', () => {
    const template = { body: '{"status":"@{{payload.status}}"}' };
    expect(render('message.status', { ...status, status: 'seen' }, { template })?.body).toBe(
      '{"status":"read"}',
    );
  });
});
