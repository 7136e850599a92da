import { describe, expect, it } from 'vitest';
import type { BinRequest } from '../../domain/bins.js';
import type { App, Endpoint } from '../../domain/types.js';
import { signatureHeader } from '../../signing/hex-hmac.js';
import { newSigningKey } from '../../signing/ed25519-keys.js';
import { standardWebhookHeaders } from '../../signing/standard-webhooks.js';
import { viberSignature } from '../../signing/viber-signature.js';
import type { BinTarget } from './bin-targets.js';
import { verifyCapture } from './verify-request.js';

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const CURRENT = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ROTATED = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const VIBER = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';
const BODY = '{"type":"message.status","timestamp":"2026-01-15T09:00:00.000Z","data":{"id":"é"}}';

function target(over: { app?: Partial<App>; endpoint?: Partial<Endpoint> } = {}): BinTarget {
  const app = {
    id: 'app_1',
    name: 'A',
    metadata: {},
    uid: null,
    apiKeyHash: 'h',
    viberAuthToken: null,
    instanceSettings: {},
    createdAt: 0,
    updatedAt: 0,
    ...over.app,
  } as App;
  const endpoint = {
    id: 'ep_1',
    appId: app.id,
    url: 'http://localhost:8080/in/bin_1',
    secrets: [
      { secret: ROTATED, createdAt: 1, expiresAt: NOW + 1000 },
      { secret: CURRENT, createdAt: 2, expiresAt: null },
    ],
    formatOptions: {},
    ...over.endpoint,
  } as Endpoint;
  return { app, endpoint };
}

function captured(
  headers: Record<string, string>,
  body = BODY,
  extra: Partial<BinRequest> = {},
): BinRequest {
  return {
    id: 1,
    binId: 'bin_1',
    method: 'POST',
    path: '/in/bin_1',
    query: '',
    headers: Object.entries(headers),
    body: Buffer.from(body),
    bodySize: Buffer.byteLength(body),
    bodyTruncated: false,
    remoteAddress: '127.0.0.1',
    receivedAt: NOW + 2000,
    ...extra,
  };
}

describe('verifyCapture', () => {
  it('verifies Standard Webhooks with the current secret and reports the timestamp skew', () => {
    const headers = standardWebhookHeaders([CURRENT], 'msg_1', NOW / 1000, BODY);
    expect(verifyCapture(captured({ ...headers }), [target()])).toMatchObject({
      signed: true,
      verified: true,
      scheme: 'standard-webhooks',
      endpointId: 'ep_1',
      key: 'current-secret',
      timestampSkewSeconds: 2,
    });
  });

  it('verifies an ed25519 (v1a) endpoint, and not with a changed body', () => {
    const key = newSigningKey();
    const ed = target({ endpoint: { secrets: [{ secret: key, createdAt: 3, expiresAt: null }] } });
    const headers = standardWebhookHeaders([key], 'msg_1', NOW / 1000, BODY);
    expect(verifyCapture(captured({ ...headers }), [ed])).toMatchObject({
      verified: true,
      scheme: 'standard-webhooks',
      key: 'current-secret',
    });
    expect(verifyCapture(captured({ ...headers }, `${BODY} `), [ed]).verified).toBe(false);
  });

  it('knows a signature made with a rotated secret', () => {
    const headers = standardWebhookHeaders([ROTATED], 'msg_1', NOW / 1000, BODY);
    expect(verifyCapture(captured({ ...headers }), [target()])).toMatchObject({
      verified: true,
      key: 'rotated-secret',
    });
  });

  it('refuses a body changed after signing, or a signature from another secret', () => {
    const headers = standardWebhookHeaders([CURRENT], 'msg_1', NOW / 1000, BODY);
    const tampered = verifyCapture(captured({ ...headers }, BODY.replace('é', 'e')), [target()]);
    expect(tampered).toMatchObject({
      signed: true,
      verified: false,
      scheme: 'standard-webhooks',
      endpointId: null,
    });
    const other = standardWebhookHeaders(
      [`whsec_${Buffer.alloc(24, 7).toString('base64')}`],
      'msg_1',
      NOW / 1000,
      BODY,
    );
    expect(verifyCapture(captured({ ...other }), [target()]).verified).toBe(false);
    const wrongId = verifyCapture(captured({ ...headers, 'webhook-id': 'msg_2' }), [target()]);
    expect(wrongId.verified).toBe(false);
  });

  it('verifies the Viber content signature with the app token, or the endpoint secret when the app has none', () => {
    const withToken = target({ app: { viberAuthToken: VIBER } });
    expect(
      verifyCapture(captured({ 'X-Viber-Content-Signature': viberSignature(VIBER, BODY) }), [
        withToken,
      ]),
    ).toMatchObject({ verified: true, scheme: 'viber', key: 'viber-auth-token' });
    expect(
      verifyCapture(captured({}, BODY, { query: `sig=${viberSignature(CURRENT, BODY)}` }), [
        target(),
      ]),
    ).toMatchObject({ verified: true, scheme: 'viber', key: 'current-secret' });
    expect(
      verifyCapture(captured({ 'x-viber-content-signature': viberSignature('other', BODY) }), [
        withToken,
      ]),
    ).toMatchObject({ verified: false, scheme: 'viber' });
  });

  it('verifies the hex HMAC Signature header', () => {
    expect(
      verifyCapture(captured({ ...signatureHeader(CURRENT, BODY) }), [target()]),
    ).toMatchObject({
      verified: true,
      scheme: 'hex-hmac',
      key: 'current-secret',
      timestampSkewSeconds: null,
    });
  });

  it('picks the endpoint that signed among several', () => {
    const other = target({
      endpoint: {
        id: 'ep_2',
        secrets: [
          {
            secret: `whsec_${Buffer.alloc(24, 9).toString('base64')}`,
            createdAt: 0,
            expiresAt: null,
          },
        ],
      },
    });
    const headers = standardWebhookHeaders([CURRENT], 'msg_1', NOW / 1000, BODY);
    expect(verifyCapture(captured({ ...headers }), [other, target()]).endpointId).toBe('ep_1');
  });

  it('explains why it cannot say: no signature, a truncated body, no endpoint', () => {
    expect(
      verifyCapture(captured({ 'content-type': 'application/json' }), [target()]),
    ).toMatchObject({ signed: false, verified: false, scheme: null });
    const headers = standardWebhookHeaders([CURRENT], 'msg_1', NOW / 1000, BODY);
    const truncated = verifyCapture(captured({ ...headers }, BODY, { bodyTruncated: true }), [
      target(),
    ]);
    expect([truncated.verified, truncated.message]).toEqual([
      false,
      expect.stringContaining('truncated'),
    ]);
    const alone = verifyCapture(captured({ ...headers }), []);
    expect([alone.verified, alone.message]).toEqual([
      false,
      expect.stringContaining('no endpoint points at this bin'),
    ]);
  });
});
