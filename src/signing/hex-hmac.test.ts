import { describe, expect, it } from 'vitest';
import { hexHmac, signatureHeader, verifyHexHmac } from './hex-hmac.js';

describe('hex HMAC Signature header', () => {
  it('is the hex HMAC-SHA256 of the body keyed with the secret as written', () => {
    expect(hexHmac('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
    expect(signatureHeader('key', 'The quick brown fox jumps over the lazy dog')).toEqual({
      signature: 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    });
  });

  it('verifies case-insensitively and rejects a tampered body', () => {
    const sig = hexHmac('whsec_abc', '{"a":1}');
    expect(verifyHexHmac('whsec_abc', '{"a":1}', sig.toUpperCase())).toBe(true);
    expect(verifyHexHmac('whsec_abc', '{"a":2}', sig)).toBe(false);
  });
});
