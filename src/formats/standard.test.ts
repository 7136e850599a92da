import { describe, expect, it } from 'vitest';
import { renderInput, sampleOf } from '../../test/helpers/format-fixture.js';
import { getFormat, formatNames } from './registry.js';
import { standardFormat } from './standard.js';

describe('standard format with the privacy switches', () => {
  it('passes a non-profile payload through byte for byte, 64-bit integers and number spelling included', () => {
    const payload = '{"message_token":18446744073709551615,"price":1.50,"status":"sent"}';
    const body = standardFormat.render(renderInput('order.updated', payload))?.body;
    expect(body).toBe(
      `{"type":"order.updated","timestamp":"2026-01-15T09:31:00.000Z","data":${payload}}`,
    );
  });

  it('hides the user name and avatar of canonical events unless sendName/sendPhoto', () => {
    const data = sampleOf('subscription.subscribed');
    const hidden = standardFormat.render(renderInput('subscription.subscribed', data))?.body;
    expect(hidden).toBe(
      '{"type":"subscription.subscribed","timestamp":"2026-01-15T09:31:00.000Z","data":{"user":{"id":"01234567890A=",' +
        '"name":"Subscriber","avatar":"https://avatar.placeholder.invalid/subscriber.jpg","country":"GB","language":"en","api_version":10},"timestamp":"2026-01-15T09:28:40.001Z",' +
        '"message_token":5741311803571720001,"chat_hostname":"SN-CHAT-05_"}}',
    );
    const shown = standardFormat.render(
      renderInput('subscription.subscribed', data, {
        formatOptions: { sendName: true, sendPhoto: true },
      }),
    );
    expect(shown?.body).toContain(
      '"name":"Jane Doe","avatar":"https://media-direct.cdn.viber.com/',
    );
  });

  it('builds one message object per endpoint with its own privacy switches, and follows a changed payload', () => {
    // A claim batch hands every endpoint the same message object: the body is built once per
    // privacy variant, and only the signature differs per endpoint.
    const data = sampleOf('subscription.subscribed');
    const input = renderInput('subscription.subscribed', data);
    const hidden = standardFormat.render(input)!;
    const shown = standardFormat.render({
      ...input,
      endpoint: { ...input.endpoint, formatOptions: { sendName: true, sendPhoto: true } },
    })!;
    expect(hidden.body).toContain('"name":"Subscriber"');
    expect(shown.body).toContain('"name":"Jane Doe"');
    expect(standardFormat.render(input)!.body).toBe(hidden.body);
    const other = standardFormat.render({
      ...input,
      endpoint: {
        ...input.endpoint,
        secrets: [
          {
            ...input.endpoint.secrets[0]!,
            secret: 'whsec_' + Buffer.from('another key').toString('base64'),
          },
        ],
      },
    })!;
    expect(other.body).toBe(hidden.body);
    expect(other.headers['webhook-signature']).not.toBe(hidden.headers['webhook-signature']);
    input.message.payload = '{"changed":true}';
    expect(standardFormat.render(input)!.body).toContain('"data":{"changed":true}');
  });

  it('registers every format', () => {
    expect(formatNames().sort()).toEqual([
      'business',
      'chatapi',
      'compose',
      'routee',
      'standard',
      'viber',
    ]);
    expect(getFormat('viber')?.name).toBe('viber');
    expect(standardFormat.validateOptions({ sendName: 'no' })).toEqual([
      { field: 'sendName', message: 'must be a boolean' },
    ]);
  });
});
