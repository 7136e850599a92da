import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { signaturesOf, signedBy } from '../helpers/signatures.js';

const { h, receiver } = useHooklineFixture();
const OLD = `whsec_${Buffer.alloc(24, 1).toString('base64')}`;
const NEW = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;

describe('secret rotation', () => {
  it('signs with old and new secrets during the grace period, then only with the new one', async () => {
    const t = await createTenant(h, { url: receiver.url, secret: OLD });
    expect(t.secret).toBe(OLD);
    const secretUrl = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret`;

    await sendMessage(h, t.appId, { n: 0 });
    await h.dispatcher.drainDue();
    expect(signaturesOf(receiver.requests[0])).toHaveLength(1);
    expect(signedBy(OLD, receiver.requests[0])).toBe(true);

    const rotated = await h.api('POST', `${secretUrl}/rotate`, { secret: NEW, graceMs: 3600_000 });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ signatureAlgorithm: 'hmac-sha256', secret: NEW });
    const listed = (await h.api('GET', secretUrl)).body.secrets;
    expect(listed.map((s: { secret: string }) => s.secret)).toEqual([NEW, OLD]);
    expect(listed[1].expiresAt).toBe(new Date(h.clock.now() + 3600_000).toISOString());

    h.clock.advance(3600_000 - 1);
    await sendMessage(h, t.appId, { n: 1 });
    await h.dispatcher.drainDue();
    const during = receiver.requests[1];
    expect(signaturesOf(during)).toHaveLength(2);
    expect(signedBy(NEW, during)).toBe(true);
    expect(signedBy(OLD, during)).toBe(true);

    h.clock.advance(1);
    await sendMessage(h, t.appId, { n: 2 });
    await h.dispatcher.drainDue();
    const after = receiver.requests[2];
    expect(signaturesOf(after)).toHaveLength(1);
    expect(signedBy(NEW, after)).toBe(true);
    expect(signedBy(OLD, after)).toBe(false);
    expect(
      (await h.api('GET', secretUrl)).body.secrets.map((s: { secret: string }) => s.secret),
    ).toEqual([NEW]);
  });

  it('generates a new secret and defaults the grace period to 24 h', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret`;
    const rotated = await h.api('POST', `${url}/rotate`, {});
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(t.secret);
    const old = (await h.api('GET', url)).body.secrets.find(
      (s: { secret: string }) => s.secret === t.secret,
    );
    expect(old.expiresAt).toBe(new Date(h.clock.now() + 24 * 3600_000).toISOString());
  });

  it('refuses a secret the endpoint already has, or one that is not whsec_ base64', async () => {
    const t = await createTenant(h, { url: receiver.url, secret: OLD });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/secret/rotate`;
    const reused = await h.api('POST', url, { secret: OLD });
    expect(reused.status).toBe(400);
    expect(reused.body.details[0].field).toBe('secret');
    const malformed = await h.api('POST', url, { secret: 'not-a-secret' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('secret');
  });

  it('the endpoint object never shows secrets', async () => {
    const t = await createTenant(h, { url: receiver.url, secret: OLD });
    const text = JSON.stringify(
      (await h.api('GET', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`)).body,
    );
    expect(text).not.toContain(OLD);
  });
});
