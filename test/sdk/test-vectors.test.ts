import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testVectorsText } from '../../scripts/test-vectors.js';
import { signatureHeader as signHex } from '../../src/signing/hex-hmac.js';
import { publicKeyOf } from '../../src/signing/ed25519-keys.js';
import { standardWebhookHeaders } from '../../src/signing/standard-webhooks.js';
import { signViber } from '../../src/signing/viber-signature.js';
import {
  signatureHeader,
  standardWebhooks,
  viber,
  WebhookVerificationError,
  type WebhookVerifier,
} from '../../src/verify/index.js';
import { TEST_VECTORS_PATH, vectors, type VerifyCase } from './vectors.js';

function outcome(verifier: WebhookVerifier, c: VerifyCase, url?: string) {
  try {
    verifier.verify({ body: c.body, headers: c.headers, url });
    return { valid: true };
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return { valid: false, error: error.code };
  }
}

const expected = (c: VerifyCase) => (c.valid ? { valid: true } : { valid: false, error: c.error });

describe('docs/test-vectors.json', () => {
  it('is what scripts/test-vectors.ts computes (npm run test-vectors rewrites it)', () => {
    expect(readFileSync(TEST_VECTORS_PATH, 'utf8')).toBe(testVectorsText());
  });

  it('has each ed25519 whpk_ key derived from its whsk_ key by Hookline', () => {
    for (const pair of ['ed25519Old', 'ed25519New']) {
      const { secretKey, publicKey } = vectors.keys[pair] as Record<string, string>;
      expect(publicKeyOf(secretKey)).toBe(publicKey);
    }
  });
});

describe('Hookline signers reproduce every signing vector', () => {
  it.each(vectors.standardWebhooks.signing)('Standard Webhooks: $name', (c) => {
    expect(standardWebhookHeaders(c.keys, c.id, c.timestamp, c.body)).toEqual(c.headers);
  });

  it.each(vectors.viber.signing)('Viber: $name', (c) => {
    expect(signViber(c.authToken, c.url, c.body)).toEqual({ url: c.signedUrl, headers: c.headers });
  });

  it.each(vectors.signatureHeader.signing)('Signature header: $name', (c) => {
    expect(signHex(c.secret, c.body)).toEqual(c.headers);
  });
});

describe('hookline/verify gives every verifying vector its expected outcome', () => {
  it.each(vectors.standardWebhooks.verifying)('Standard Webhooks: $name', (c) => {
    const verifier = standardWebhooks({ keys: c.keys, now: () => c.now * 1000 });
    expect(outcome(verifier, c)).toEqual(expected(c));
  });

  it.each(vectors.viber.verifying)('Viber: $name', (c) => {
    expect(outcome(viber({ authToken: c.authToken }), c, c.url)).toEqual(expected(c));
  });

  it.each(vectors.signatureHeader.verifying)('Signature header: $name', (c) => {
    expect(outcome(signatureHeader({ secrets: c.secrets }), c)).toEqual(expected(c));
  });
});
