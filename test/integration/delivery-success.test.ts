import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';
import { signedBy } from '../helpers/signatures.js';

const { h, receiver } = useHooklineFixture();

describe('delivery', () => {
  it('delivers a message signed so that the standardwebhooks library verifies it', async () => {
    const t = await createTenant(h, {
      url: `${receiver.url}/hooks?x=1`,
      headers: { 'X-Tenant': 'acme' },
    });
    const payload = {
      messageId: 'abc',
      token: 5429886301034463000n.toString(),
      status: 'delivered',
    };
    const messageId = await sendMessage(h, t.appId, payload);

    expect(await h.dispatcher.drainDue()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/hooks?x=1');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-tenant']).toBe('acme');
    expect(req.headers['webhook-id']).toBe(messageId);

    const verified = new Webhook(t.secret).verify(req.body, req.headers as Record<string, string>);
    expect(verified).toEqual({
      type: 'message.delivered',
      timestamp: expect.any(String),
      data: payload,
    });
    // A different secret must not verify: the check above is not vacuous.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`).verify(
        req.body,
        req.headers as Record<string, string>,
      ),
    ).toThrow();

    const deliveries = await h.api(
      'GET',
      `/api/v1/apps/${t.appId}/deliveries?messageId=${messageId}`,
    );
    expect(deliveries.body.data).toMatchObject([
      { state: 'succeeded', attempts: 1, lastStatus: 200, lastError: null },
    ]);
    const attempts = await h.api('GET', `/api/v1/apps/${t.appId}/messages/${messageId}/attempts`);
    expect(attempts.body.data).toMatchObject([
      { statusCode: 200, errorKind: null, responseBody: 'ok', messageId },
    ]);
  });

  it('keeps 64-bit integers in the payload exact on the wire', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const res = await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/messages`,
      '{"eventType":"message.delivered","payload":{"token":5429886301034463000123}}',
    );
    expect(res.status).toBe(202);
    await h.dispatcher.drainDue();
    expect(receiver.requests[0].body).toContain('"data":{"token":5429886301034463000123}');
  });

  it('retries after a 5xx and then succeeds, with the same webhook-id', async () => {
    receiver.script(status(500, {}, 'boom'), status(502));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    const messageId = await sendMessage(h, t.appId, { n: 1 });

    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
    let [delivery] = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data;
    expect(delivery).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'receiver answered HTTP 500',
    });
    expect(Date.parse(delivery.nextAttemptAt)).toBe(h.clock.now() + 5000);

    // Not due yet: nothing is sent.
    h.clock.advance(4999);
    expect(await h.dispatcher.drainDue()).toBe(0);
    h.clock.advance(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(2);

    h.clock.advance(5 * 60_000);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(3);
    [delivery] = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data;
    expect(delivery).toMatchObject({
      state: 'succeeded',
      attempts: 3,
      lastStatus: 200,
      lastError: null,
    });

    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([messageId]),
    );
    for (const r of receiver.requests) expect(signedBy(t.secret, r)).toBe(true);
    const attempts = (await h.api('GET', `/api/v1/apps/${t.appId}/messages/${messageId}/attempts`))
      .body.data;
    expect(attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 502, 500]);
    expect(attempts[2]).toMatchObject({ errorKind: 'status', responseBody: 'boom' });
  });

  it('fans a message out to every matching endpoint; a disabled one holds its delivery unsent', async () => {
    const t = await createTenant(h, { url: `${receiver.url}/all` });
    const base = `/api/v1/apps/${t.appId}/endpoints`;
    expect(
      (await h.api('POST', base, { url: `${receiver.url}/messages`, filterTypes: ['message.*'] }))
        .status,
    ).toBe(201);
    expect(
      (
        await h.api('POST', base, {
          url: `${receiver.url}/users`,
          filterTypes: ['user.subscribed'],
        })
      ).status,
    ).toBe(201);
    const off = await h.api('POST', base, { url: `${receiver.url}/off`, disabled: true });
    expect(off.status).toBe(201);
    expect(off.body).toMatchObject({ disabled: true, disabledReason: 'manual' });

    const res = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
      eventType: 'message.seen',
      payload: {},
    });
    expect(res.body.deliveries).toBe(3);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.url).sort()).toEqual(['/all', '/messages']);
    const held = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=held`);
    expect(held.body.data.map((d: { endpointId: string }) => d.endpointId)).toEqual([off.body.id]);
  });

  it('routes a message with endpointId to that endpoint only', async () => {
    const t = await createTenant(h, { url: `${receiver.url}/a` });
    const other = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/b`,
    });
    const res = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
      eventType: 'message.seen',
      payload: {},
      endpointId: other.body.id,
    });
    expect(res.body.deliveries).toBe(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.url)).toEqual(['/b']);
  });
});
