import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver } = useHooklineFixture();

describe('endpoint changes and queued deliveries', () => {
  it('disabling an endpoint holds its queued deliveries; enabling sends them only when asked', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const queued = [
      await sendMessage(h, t.appId, { i: 0 }),
      await sendMessage(h, t.appId, { i: 1 }),
    ];
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    const disabled = await h.api('PATCH', url, { disabled: true });
    expect(disabled.body).toMatchObject({ disabled: true, disabledReason: 'manual' });
    expect(disabled.body.disabledAt).toBe(disabled.body.updatedAt); // the change's own time

    // Messages sent while disabled are kept for it, held.
    queued.push(await sendMessage(h, t.appId, { i: 2 }));
    const held = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=held`);
    expect(held.body.data).toHaveLength(3);
    h.clock.advance(3600_000);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(0);

    const enabled = await h.api('PATCH', url, { disabled: false });
    expect(enabled.body).toMatchObject({ disabled: false, disabledReason: null, disabledAt: null });
    expect(enabled.body.heldSent).toBeUndefined();
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(0); // nothing is sent unasked

    const sent = await h.api('PATCH', url, { disabled: false, sendHeld: true });
    expect(sent.status).toBe(200);
    expect(sent.body.heldSent).toMatchObject({ requeued: 3, requeuedTotal: 3, done: true });
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.headers['webhook-id']).sort()).toEqual(
      [...queued].sort(),
    );
  });

  it('a change of URL applies to the next attempt of a queued delivery', async () => {
    receiver.script(status(500));
    const t = await createTenant(h, { url: `${receiver.url}/old` });
    await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    await h.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, {
      url: `${receiver.url}/new`,
    });
    h.clock.advance(5000);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.url)).toEqual(['/old', '/new']);
  });

  it('switching a serial endpoint to parallel releases the parked deliveries', async () => {
    receiver.script(status(500));
    const t = await createTenant(h, { url: receiver.url, ordering: 'serial', maxConcurrency: 10 });
    for (let i = 0; i < 3; i++) await sendMessage(h, t.appId, { i });
    await h.dispatcher.drainDue(); // the head fails, the others stay parked
    expect(receiver.requests).toHaveLength(1);
    await h.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, {
      ordering: 'parallel',
    });
    // The clock stood still since the endpoint was made: the update's version (updatedAt) is one
    // millisecond on, and the released deliveries are due from then.
    h.clock.advance(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(3);
  });

  it('deleting an endpoint or an app drops its queued deliveries', async () => {
    const a = await createTenant(h, { url: `${receiver.url}/a` }, 'A');
    const b = await createTenant(h, { url: `${receiver.url}/b` }, 'B');
    await sendMessage(h, a.appId, {});
    await sendMessage(h, b.appId, {});
    expect(
      (await h.api('DELETE', `/api/v1/apps/${a.appId}/endpoints/${a.endpointId}`)).status,
    ).toBe(204);
    expect((await h.api('DELETE', `/api/v1/apps/${b.appId}`)).status).toBe(204);
    expect(await h.dispatcher.drainDue()).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    expect((await h.api('GET', `/api/v1/apps/${b.appId}`)).status).toBe(404);
    expect((await h.api('GET', `/api/v1/apps/${a.appId}/deliveries`)).body.data).toEqual([]);
  });

  it('an app key rotation stops the old key at once', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const rotated = await h.api('POST', `/api/v1/apps/${t.appId}/api-key/rotate`, undefined, {
      token: t.apiKey,
    });
    expect(rotated.status).toBe(200);
    expect(
      (await h.api('GET', `/api/v1/apps/${t.appId}`, undefined, { token: t.apiKey })).status,
    ).toBe(401);
    expect(
      (await h.api('GET', `/api/v1/apps/${t.appId}`, undefined, { token: rotated.body.apiKey }))
        .status,
    ).toBe(200);
  });
});
