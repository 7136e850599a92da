import { describe, expect, it } from 'vitest';
import { activeSecrets } from './secrets.js';

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
