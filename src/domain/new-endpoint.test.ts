import { describe, expect, it } from 'vitest';
import { endpointDefaults, newEndpoint } from './new-endpoint.js';

describe('new endpoint', () => {
  it('fills every setting not given with its default', () => {
    const { endpoint, secret } = newEndpoint({ appId: 'app_1', url: 'http://127.0.0.1:9/a' }, 5);
    expect(endpoint).toEqual({
      ...endpointDefaults(),
      id: endpoint.id,
      appId: 'app_1',
      url: 'http://127.0.0.1:9/a',
      secrets: [{ secret, createdAt: 5, expiresAt: null }],
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
});
