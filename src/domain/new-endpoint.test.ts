import { describe, expect, it } from 'vitest';
import { changedEndpoint, endpointDefaults, newEndpoint } from './new-endpoint.js';

describe('new endpoint', () => {
  it('fills every setting not given with its default', () => {
    const { endpoint, secret } = newEndpoint({ appId: 'app_1', url: 'http://127.0.0.1:9/a' }, 5);
    expect(endpoint).toEqual({
      ...endpointDefaults(),
      id: endpoint.id,
      appId: 'app_1',
      url: 'http://127.0.0.1:9/a',
      secrets: [{ secret, createdAt: 5, expiresAt: null }],
      disabledReason: null,
      disabledAt: null,
      createdAt: 5,
      updatedAt: 5,
    });
    expect(endpoint.id).toMatch(/^ep_/);
    expect(secret).toMatch(/^whsec_/);
  });

  it('keeps the settings and the secret it is given', () => {
    const { endpoint, secret } = newEndpoint(
      { appId: 'app_1', url: 'http://127.0.0.1:9/a', secret: 'whsec_given', format: 'viber' },
      5,
    );
    expect(secret).toBe('whsec_given');
    expect(endpoint.format).toBe('viber');
    expect(endpoint.secrets).toEqual([{ secret: 'whsec_given', createdAt: 5, expiresAt: null }]);
  });

  it("follows the app's instance switches where a chatapi endpoint sets none itself", () => {
    const url = 'http://127.0.0.1:9/a';
    const instanceSettings = { guaranteedHooks: true, parallelHooks: false };
    const { endpoint } = newEndpoint(
      { appId: 'app_1', url, format: 'chatapi', instanceSettings },
      5,
    );
    expect(endpoint.retryPolicy).toEqual({ preset: 'chatapi-guaranteed' });
    expect(endpoint.ordering).toBe('serial');
    const own = newEndpoint(
      {
        appId: 'app_1',
        url,
        format: 'chatapi',
        formatOptions: { guaranteedHooks: false },
        instanceSettings,
      },
      5,
    ).endpoint;
    expect(own.retryPolicy).toEqual({ preset: 'chatapi-single' });
    // Other formats keep their settings.
    const plain = newEndpoint({ appId: 'app_1', url, instanceSettings }, 5).endpoint;
    expect(plain.retryPolicy).toEqual(endpointDefaults().retryPolicy);
    expect(plain.ordering).toBe('parallel');
  });
});

describe('changed endpoint', () => {
  it("applies the changes and the time, and keeps the app's instance switches in force", () => {
    const { endpoint } = newEndpoint({ appId: 'app_1', url: 'http://127.0.0.1:9/a' }, 5);
    const changed = changedEndpoint(
      endpoint,
      { format: 'chatapi', description: 'now Chat-API' },
      { parallelHooks: false },
      9,
    );
    expect(changed).toEqual({
      ...endpoint,
      format: 'chatapi',
      description: 'now Chat-API',
      ordering: 'serial',
      updatedAt: 9,
    });
    const own = changedEndpoint(
      changed,
      { formatOptions: { parallelHooks: true } },
      { parallelHooks: false },
      10,
    );
    expect(own.ordering).toBe('parallel');
  });
});
