import { describe, expect, it } from 'vitest';
import { REDACTED, redactRequestHeaders } from './request-headers.js';

describe('the request headers an attempt keeps', () => {
  it('keeps signatures, ids, content type and custom headers as sent', () => {
    const sent = {
      'content-type': 'application/json',
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': 'v1,abc= v1a,def=',
      'x-viber-content-signature': '0a1b',
      signature: 'ffee',
      'x-tenant': 'acme',
      'user-agent': 'Hookline',
    };
    expect(redactRequestHeaders(sent)).toEqual(sent);
  });

  it('keeps only the scheme of Authorization (Basic passwords, bearer tokens)', () => {
    const kept = redactRequestHeaders({
      Authorization: `Basic ${Buffer.from('user:hunter2').toString('base64')}`,
      'proxy-authorization': 'Bearer abc.def',
    });
    expect(kept).toEqual({
      Authorization: `Basic ${REDACTED}`,
      'proxy-authorization': `Bearer ${REDACTED}`,
    });
    expect(redactRequestHeaders({ authorization: 'opaque-secret' }).authorization).toBe(REDACTED);
  });

  it('replaces headers named like credentials whole', () => {
    const kept = redactRequestHeaders({
      'x-api-key': 'k1',
      'X-ApiKey': 'k2',
      'x-auth-token': 'k3',
      'x-client-secret': 'k4',
      cookie: 'session=1',
      'x-viber-auth-token': 'k5',
      'x-password': 'k6',
    });
    expect(Object.values(kept)).toEqual(Array(7).fill(REDACTED));
  });
});
