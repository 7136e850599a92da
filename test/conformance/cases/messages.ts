import { expect, it } from 'vitest';
import { allDeliveries, createApp, createEndpoint, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function messageCases({ store }: SuiteContext): void {
  async function fanOutSetup() {
    const app = await createApp(store());
    const eps = {
      all: await createEndpoint(store(), app.id, { filterTypes: null }),
      star: await createEndpoint(store(), app.id, { filterTypes: ['*'] }),
      exact: await createEndpoint(store(), app.id, { filterTypes: ['message.delivered'] }),
      wildcard: await createEndpoint(store(), app.id, { filterTypes: ['message.*'] }),
      other: await createEndpoint(store(), app.id, { filterTypes: ['user.subscribed'] }),
      nothing: await createEndpoint(store(), app.id, { filterTypes: [] }),
      disabled: await createEndpoint(store(), app.id, {
        filterTypes: ['message.delivered'],
        disabled: true,
      }),
    };
    return { app, eps };
  }

  async function targets(appId: string, messageId: string) {
    return (await allDeliveries(store(), appId, { messageId })).map((d) => d.endpointId).sort();
  }

  it('stores the message and one delivery per matching endpoint: pending, held if disabled', async () => {
    const { app, eps } = await fanOutSetup();
    const r = await send(store(), app.id, { eventType: 'message.delivered', createdAt: T0 + 7 });
    expect(r.created).toBe(true);
    expect(r.deliveries).toBe(5);
    expect(await targets(app.id, r.message.id)).toEqual(
      [eps.all.id, eps.star.id, eps.exact.id, eps.wildcard.id, eps.disabled.id].sort(),
    );
    for (const d of await allDeliveries(store(), app.id, { messageId: r.message.id })) {
      const held = d.endpointId === eps.disabled.id;
      expect(d).toMatchObject({
        appId: app.id,
        messageId: r.message.id,
        state: held ? 'held' : 'pending',
        attempts: 0,
        nextAttemptAt: held ? null : T0 + 7,
        leaseUntil: null,
        lastStatus: null,
        lastError: null,
        createdAt: T0 + 7,
      });
    }
  });

  it('matches `prefix.*` on the prefix with its dot, and exact names exactly', async () => {
    const { app, eps } = await fanOutSetup();
    const seen = await send(store(), app.id, { eventType: 'message.seen' });
    expect(await targets(app.id, seen.message.id)).toEqual(
      [eps.all.id, eps.star.id, eps.wildcard.id].sort(),
    );
    const lookalike = await send(store(), app.id, { eventType: 'messages.sent' });
    expect(await targets(app.id, lookalike.message.id)).toEqual([eps.all.id, eps.star.id].sort());
    const user = await send(store(), app.id, { eventType: 'user.subscribed' });
    expect(await targets(app.id, user.message.id)).toEqual(
      [eps.all.id, eps.star.id, eps.other.id].sort(),
    );
  });

  it('routes a message with an endpointId to that endpoint only, whatever its filter', async () => {
    const { app, eps } = await fanOutSetup();
    const r = await send(store(), app.id, {
      eventType: 'message.delivered',
      endpointId: eps.other.id,
    });
    expect(r.deliveries).toBe(1);
    expect(await targets(app.id, r.message.id)).toEqual([eps.other.id]);
    expect(r.message.endpointId).toBe(eps.other.id);
  });

  it('holds the delivery to an explicit endpoint that is disabled; makes none for an unknown one', async () => {
    const { app, eps } = await fanOutSetup();
    const disabled = await send(store(), app.id, { endpointId: eps.disabled.id });
    expect(disabled).toMatchObject({ created: true, deliveries: 1 });
    expect(await allDeliveries(store(), app.id, { messageId: disabled.message.id })).toMatchObject([
      { endpointId: eps.disabled.id, state: 'held', nextAttemptAt: null },
    ]);
    const unknown = await send(store(), app.id, { endpointId: 'ep_unknown' });
    expect(unknown).toMatchObject({ created: true, deliveries: 0 });
    expect(await store().getMessage(app.id, unknown.message.id)).toEqual(unknown.message);
  });

  it('keeps a message nobody subscribes to, with no deliveries', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id, { filterTypes: ['user.subscribed'] });
    const r = await send(store(), app.id, { eventType: 'message.delivered' });
    expect(r).toMatchObject({ created: true, deliveries: 0 });
    expect(await store().getMessage(app.id, r.message.id)).toEqual(r.message);
  });

  it('sees endpoints created, disabled and re-enabled just before the message', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    await store().updateEndpoint({ ...ep, disabled: true });
    const whileDisabled = await send(store(), app.id);
    expect(
      await allDeliveries(store(), app.id, { messageId: whileDisabled.message.id }),
    ).toMatchObject([{ state: 'held' }]);
    await store().updateEndpoint({ ...ep, disabled: false });
    const enabled = await send(store(), app.id);
    expect(await allDeliveries(store(), app.id, { messageId: enabled.message.id })).toMatchObject([
      { state: 'pending' },
    ]);
    await store().updateEndpoint({ ...ep, filterTypes: ['user.*'] });
    expect((await send(store(), app.id, { eventType: 'message.delivered' })).deliveries).toBe(0);
  });

  it('keeps the payload byte for byte', async () => {
    const app = await createApp(store());
    const payload =
      '{ "id": 123456789012345678901234567890, "text": "héllo \\u0000 ☃",\n  "n": 1.10 }';
    const r = await send(store(), app.id, {
      payload,
      idempotencyKey: 'k-1',
      eventType: 'message.received',
    });
    const read = await store().getMessage(app.id, r.message.id);
    expect(read).toEqual(r.message);
    expect(read?.payload).toBe(payload);
    expect(read).toMatchObject({
      appId: app.id,
      eventType: 'message.received',
      idempotencyKey: 'k-1',
      endpointId: null,
    });
  });

  it('answers null for an unknown message', async () => {
    const app = await createApp(store());
    expect(await store().getMessage(app.id, 'msg_unknown')).toBeNull();
  });
}
