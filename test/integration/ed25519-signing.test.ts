import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningKey, publicKeyOf } from '../../src/signing/ed25519-keys.js';
import { standardWebhooks } from '../../src/verify/index.js';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import type { ReceivedRequest } from '../helpers/receiver.js';
import { signaturesOf, signedBy } from '../helpers/signatures.js';

const { h, receiver } = useHooklineFixture();
const HMAC = `whsec_${Buffer.alloc(24, 5).toString('base64')}`;

/** Whether node:crypto alone finds a v1a signature in the request made by this whpk_ key. */
function signedByPublicKey(whpk: string, req: ReceivedRequest): boolean {
  const key = createPublicKey({
    key: Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(whpk.slice(5), 'base64'),
    ]),
    format: 'der',
    type: 'spki',
  });
  const content = Buffer.from(
    `${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${req.body}`,
  );
  return signaturesOf(req).some(
    (s) => s.startsWith('v1a,') && verify(null, content, key, Buffer.from(s.slice(4), 'base64')),
  );
}

async function deliverOne(appId: string) {
  await sendMessage(h, appId, { id: 'a418d672', status: 'delivered' });
  await h.dispatcher.drainDue();
  return receiver.requests[receiver.requests.length - 1];
}

describe('ed25519 (Standard Webhooks v1a) endpoints', () => {
  it('sign with a generated key whose public key is readable and whose secret key is never shown', async () => {
    const t = await createTenant(h, { url: receiver.url, signatureAlgorithm: 'ed25519' });
    const base = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    const secrets = await h.api('GET', `${base}/secret`);
    expect(secrets.body.secrets).toEqual([
      {
        signatureAlgorithm: 'ed25519',
        publicKey: expect.stringMatching(/^whpk_[A-Za-z0-9+/]{43}=$/),
        createdAt: expect.any(String),
        expiresAt: null,
      },
    ]);
    const publicKey: string = secrets.body.secrets[0].publicKey;
    const endpoint = await h.api('GET', base);
    expect(endpoint.body.signatureAlgorithm).toBe('ed25519');

    const req = await deliverOne(t.appId);
    expect(signaturesOf(req)).toEqual([expect.stringMatching(/^v1a,/)]);
    expect(signedByPublicKey(publicKey, req)).toBe(true);
    const verified = standardWebhooks({ keys: publicKey, now: () => h.clock.now() }).verify(req);
    expect(verified.id).toBe(req.headers['webhook-id']);

    const everything = JSON.stringify([
      secrets.body,
      endpoint.body,
      (await h.api('GET', `/api/v1/apps/${t.appId}/endpoints`)).body,
    ]);
    expect(everything).not.toContain('whsk_');
  });

  it('answers create with the public key of a given whsk_ key, never the key', async () => {
    const secretKey = newSigningKey();
    const created = await h.api(
      'POST',
      `/api/v1/apps/${(await createTenant(h, { url: receiver.url })).appId}/endpoints`,
      {
        url: receiver.url,
        secret: secretKey,
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.publicKey).toBe(publicKeyOf(secretKey));
    expect(created.body.signatureAlgorithm).toBe('ed25519');
    expect(created.body.secret).toBeUndefined();
    expect(JSON.stringify(created.body)).not.toContain(secretKey.slice(5, 30));
  });

  it('rotates: both keys sign during the grace period, then only the new one', async () => {
    const t = await createTenant(h, { url: receiver.url, signatureAlgorithm: 'ed25519' });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret`;
    const oldKey: string = (await h.api('GET', url)).body.secrets[0].publicKey;
    const rotated = await h.api('POST', `${url}/rotate`, { graceMs: 3600_000 });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ signatureAlgorithm: 'ed25519', publicKey: expect.any(String) });
    const newKey: string = rotated.body.publicKey;
    expect(newKey).not.toBe(oldKey);

    const during = await deliverOne(t.appId);
    expect(signaturesOf(during)).toHaveLength(2);
    expect(signedByPublicKey(newKey, during)).toBe(true);
    expect(signedByPublicKey(oldKey, during)).toBe(true);

    h.clock.advance(3600_000);
    const after = await deliverOne(t.appId);
    expect(signaturesOf(after)).toHaveLength(1);
    expect(signedByPublicKey(newKey, after)).toBe(true);
    expect(signedByPublicKey(oldKey, after)).toBe(false);
  });

  it('rotates an HMAC endpoint to ed25519 with v1 and v1a side by side in the grace period', async () => {
    const t = await createTenant(h, { url: receiver.url, secret: HMAC });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret`;
    const rotated = await h.api('POST', `${url}/rotate`, { signatureAlgorithm: 'ed25519' });
    expect(rotated.body.signatureAlgorithm).toBe('ed25519');
    const req = await deliverOne(t.appId);
    expect(signaturesOf(req).map((s) => s.split(',')[0])).toEqual(['v1a', 'v1']);
    expect(signedBy(HMAC, req)).toBe(true);
    expect(signedByPublicKey(rotated.body.publicKey, req)).toBe(true);
    const listed = (await h.api('GET', url)).body.secrets;
    expect(listed.map((s: { signatureAlgorithm: string }) => s.signatureAlgorithm)).toEqual([
      'ed25519',
      'hmac-sha256',
    ]);
  });

  it('refuses a malformed or contradictory key, and HMAC-only formats, naming the field', async () => {
    const { appId } = await createTenant(h, { url: receiver.url });
    const create = (body: Record<string, unknown>) =>
      h.api('POST', `/api/v1/apps/${appId}/endpoints`, { url: receiver.url, ...body });
    const short = await create({ secret: `whsk_${Buffer.alloc(33, 1).toString('base64')}` });
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([
      { field: 'secret', message: expect.stringMatching(/not 33/) },
    ]);
    const contradictory = await create({ secret: HMAC, signatureAlgorithm: 'ed25519' });
    expect(contradictory.status).toBe(400);
    expect(contradictory.body.details[0].field).toBe('secret');
    const business = await create({ signatureAlgorithm: 'ed25519', format: 'business' });
    expect(business.status).toBe(400);
    expect(business.body.details[0]).toMatchObject({
      field: 'format',
      message: expect.stringMatching(/HMAC/),
    });

    const t = await createTenant(h, { url: receiver.url, format: 'business' });
    const rotate = await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret/rotate`,
      { signatureAlgorithm: 'ed25519' },
    );
    expect(rotate.status).toBe(400);
    expect(rotate.body.details[0].field).toBe('format');
  });
});
