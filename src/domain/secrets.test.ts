import { describe, expect, it } from 'vitest';
import { HooklineError } from '../lib/errors.js';
import { newEndpoint } from './new-endpoint.js';
import { activeSecrets, DEFAULT_ROTATION_GRACE_MS, rotateSecret } from './secrets.js';

describe('active secrets', () => {
  it('keeps current secrets and rotated ones until their expiry', () => {
    const secrets = [
      { secret: 'new', createdAt: 100, expiresAt: null },
      { secret: 'old', createdAt: 50, expiresAt: 1000 },
      { secret: 'older', createdAt: 10, expiresAt: 500 },
    ];
    expect(activeSecrets({ secrets }, 499)).toEqual(['new', 'old', 'older']);
    expect(activeSecrets({ secrets }, 500)).toEqual(['new', 'old']);
    expect(activeSecrets({ secrets }, 1000)).toEqual(['new']);
  });
});

describe('secret rotation', () => {
  const created = newEndpoint({ appId: 'app_1', url: 'http://127.0.0.1:9/hook', secret: 'a' }, 0);

  it('puts the new secret first and gives the old one the grace period', () => {
    const { endpoint, secret } = rotateSecret(created.endpoint, { secret: 'b', graceMs: 100 }, 10);
    expect(secret).toBe('b');
    expect(endpoint.secrets).toEqual([
      { secret: 'b', createdAt: 10, expiresAt: null },
      { secret: 'a', createdAt: 0, expiresAt: 110 },
    ]);
    expect(endpoint.updatedAt).toBe(10);
  });

  it('defaults to a new secret and a 24 h grace', () => {
    const { endpoint, secret } = rotateSecret(created.endpoint, {}, 10);
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.secrets[1].expiresAt).toBe(10 + DEFAULT_ROTATION_GRACE_MS);
  });

  it('never lengthens a grace period and drops expired secrets', () => {
    const once = rotateSecret(created.endpoint, { secret: 'b', graceMs: 100 }, 10).endpoint;
    const twice = rotateSecret(once, { secret: 'c', graceMs: 1000 }, 50).endpoint;
    expect(twice.secrets.map((s) => [s.secret, s.expiresAt])).toEqual([
      ['c', null],
      ['b', 1050],
      ['a', 110],
    ]);
    const later = rotateSecret(twice, { secret: 'd', graceMs: 1000 }, 200).endpoint;
    expect(later.secrets.map((s) => s.secret)).toEqual(['d', 'c', 'b']);
  });

  it('refuses a secret the endpoint already has, naming the field', () => {
    expect(() => rotateSecret(created.endpoint, { secret: 'a' }, 10)).toThrow(HooklineError);
    try {
      rotateSecret(created.endpoint, { secret: 'a' }, 10);
    } catch (error) {
      expect((error as HooklineError).details).toEqual([
        { field: 'secret', message: 'already used by this endpoint' },
      ]);
    }
  });
});
