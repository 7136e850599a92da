import { describe, expect, it } from 'vitest';
import {
  signViber,
  verifyViberSignature,
  viberSignature,
  withSigQuery,
} from './viber-signature.js';

describe('Viber content signature', () => {
  it('is the lowercase hex HMAC-SHA256 of the exact body, keyed with the auth token', () => {
    // RFC 4231-style known vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(viberSignature('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('goes in the header and in the sig query parameter', () => {
    const signed = signViber(
      'key',
      'https://bot.example/viber?x=1#top',
      'The quick brown fox jumps over the lazy dog',
    );
    expect(signed).toEqual({
      url: 'https://bot.example/viber?x=1&sig=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
      headers: {
        'x-viber-content-signature':
          'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
      },
    });
    expect(withSigQuery('https://bot.example/', 'ab')).toBe('https://bot.example/?sig=ab');
    expect(withSigQuery('https://bot.example/?', 'ab')).toBe('https://bot.example/?sig=ab');
  });

  it('verifies, and a changed byte fails', () => {
    const body = '{"event":"seen","message_token":5741311803571721087}';
    const sig = viberSignature('tok', body);
    expect(verifyViberSignature('tok', body, sig)).toBe(true);
    expect(verifyViberSignature('tok', body.replace('7}', '8}'), sig)).toBe(false);
    expect(verifyViberSignature('other', body, sig)).toBe(false);
    expect(verifyViberSignature('tok', body, 'short')).toBe(false);
  });
});
