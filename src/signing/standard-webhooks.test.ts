import { createHmac, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningKey, parsePublicKey, publicKeyOf } from './ed25519-keys.js';
import { decodeSecret, signStandard, standardWebhookHeaders } from './standard-webhooks.js';

// The published Standard Webhooks test vector.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const EXPECTED = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('Standard Webhooks v1 signing', () => {
  it('matches the published case', () => {
    expect(signStandard(SECRET, ID, TIMESTAMP, BODY)).toBe(EXPECTED);
  });

  it('accepts the secret with or without whsec_, or as raw key bytes', () => {
    expect(signStandard(SECRET.slice('whsec_'.length), ID, TIMESTAMP, BODY)).toBe(EXPECTED);
    expect(signStandard(decodeSecret(SECRET), ID, TIMESTAMP, BODY)).toBe(EXPECTED);
  });

  it('signs the exact bytes: one changed character changes the signature', () => {
    expect(signStandard(SECRET, ID, TIMESTAMP, '{"test":2432232314}')).not.toBe(EXPECTED);
    expect(signStandard(SECRET, ID, TIMESTAMP + 1, BODY)).not.toBe(EXPECTED);
    expect(signStandard(SECRET, `${ID}x`, TIMESTAMP, BODY)).not.toBe(EXPECTED);
  });

  it('builds the three headers', () => {
    expect(standardWebhookHeaders([SECRET], ID, TIMESTAMP, BODY)).toEqual({
      'webhook-id': ID,
      'webhook-timestamp': '1614265330',
      'webhook-signature': EXPECTED,
    });
  });

  it('during rotation carries one space-separated signature per active secret, in order', () => {
    const next = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const headers = standardWebhookHeaders([next, SECRET], ID, TIMESTAMP, BODY);
    const parts = headers['webhook-signature'].split(' ');
    expect(parts).toHaveLength(2);
    const expectedNext = createHmac('sha256', Buffer.alloc(32, 7))
      .update(`${ID}.${TIMESTAMP}.${BODY}`)
      .digest('base64');
    expect(parts[0]).toBe(`v1,${expectedNext}`);
    expect(parts[1]).toBe(EXPECTED);
  });
});

describe('Standard Webhooks v1a (ed25519) signing', () => {
  it('signs with a whsk_ key; node:crypto verifies with its whpk_ public key', () => {
    const secretKey = newSigningKey();
    const [version, signature] = signStandard(secretKey, ID, TIMESTAMP, BODY).split(',');
    expect(version).toBe('v1a');
    const publicKey = parsePublicKey(publicKeyOf(secretKey))!;
    const content = Buffer.from(`${ID}.${TIMESTAMP}.${BODY}`);
    expect(verify(null, content, publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(`${BODY}x`), publicKey, Buffer.from(signature, 'base64'))).toBe(
      false,
    );
  });

  it('mixes v1 and v1a while an endpoint rotates from HMAC to ed25519', () => {
    const secretKey = newSigningKey();
    const parts = standardWebhookHeaders([secretKey, SECRET], ID, TIMESTAMP, BODY)[
      'webhook-signature'
    ].split(' ');
    expect(parts.map((p) => p.split(',')[0])).toEqual(['v1a', 'v1']);
    expect(parts[1]).toBe(EXPECTED);
  });
});
