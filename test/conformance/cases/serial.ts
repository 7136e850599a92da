import { expect, it } from 'vitest';
import type { Endpoint } from '../../../src/domain/types.js';
import {
  allDeliveries,
  claim,
  createApp,
  createEndpoint,
  record,
  recoverFailed,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/**
 * A serial endpoint has at most one active delivery (pending and due, or in flight); the others are
 * parked (nextAttemptAt null) and promoted in creation order.
 */
export function serialCases({ store }: SuiteContext): void {
  async function serialSetup(n: number, over: Partial<Endpoint> = {}) {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id, { ordering: 'serial', ...over });
    const messages: string[] = [];
    for (let i = 0; i < n; i++)
      messages.push((await send(store(), app.id, { createdAt: T0 + i })).message.id);
    return { app, ep, messages };
  }
  const order = (claims: Array<{ message: { id: string } }>) => claims.map((c) => c.message.id);
  const dueOf = async (appId: string) =>
    (await allDeliveries(store(), appId)).map((d) => d.nextAttemptAt);

  it('makes only the oldest delivery due; the rest wait parked', async () => {
    const { app, messages } = await serialSetup(3);
    expect(await dueOf(app.id)).toEqual([T0, null, null]);
    const claimed = await claim(store(), T0 + 100);
    expect(order(claimed)).toEqual([messages[0]]);
    expect(await claim(store(), T0 + 100)).toEqual([]);
  });

  it('promotes the next delivery when the head succeeds or fails', async () => {
    const { messages } = await serialSetup(3);
    const [first] = await claim(store(), T0 + 100);
    await record(store(), first, 'succeeded', T0 + 200);
    const [second, ...none] = await claim(store(), T0 + 200);
    expect(none).toEqual([]);
    expect(second.message.id).toBe(messages[1]);
    await record(store(), second, 'failed', T0 + 300);
    expect(order(await claim(store(), T0 + 300))).toEqual([messages[2]]);
  });

  it('keeps the order across retries of the head', async () => {
    const { app, messages } = await serialSetup(2);
    const [head] = await claim(store(), T0 + 100);
    await record(store(), head, 'retry', T0 + 110, T0 + 5000);
    expect(await dueOf(app.id)).toEqual([T0 + 5000, null]);
    expect(await claim(store(), T0 + 4999)).toEqual([]);
    const [again] = await claim(store(), T0 + 5000);
    expect(again.message.id).toBe(messages[0]);
    await record(store(), again, 'succeeded', T0 + 5001);
    expect(order(await claim(store(), T0 + 5001))).toEqual([messages[1]]);
  });

  it('parks messages that arrive while the head is in flight', async () => {
    const { app, messages } = await serialSetup(1);
    const [head] = await claim(store(), T0 + 1);
    const later = await send(store(), app.id, { createdAt: T0 + 2 });
    // The head is in flight (its due time is the adapter's business); the newcomer waits parked.
    const [first, second] = await allDeliveries(store(), app.id);
    expect(first.state).toBe('delivering');
    expect(second).toMatchObject({ state: 'pending', nextAttemptAt: null });
    expect(await claim(store(), T0 + 3)).toEqual([]);
    await record(store(), head, 'succeeded', T0 + 4);
    expect(order(await claim(store(), T0 + 4))).toEqual([later.message.id]);
    expect(messages).toHaveLength(1);
  });

  it('makes a message to an idle serial endpoint due at once', async () => {
    const { app, messages } = await serialSetup(1);
    const [head] = await claim(store(), T0 + 1);
    await record(store(), head, 'succeeded', T0 + 2);
    const next = await send(store(), app.id, { createdAt: T0 + 3 });
    expect(order(await claim(store(), T0 + 3))).toEqual([next.message.id]);
    expect(messages).toHaveLength(1);
  });

  it('does not hold back parallel endpoints of the same app', async () => {
    const app = await createApp(store());
    const serial = await createEndpoint(store(), app.id, { ordering: 'serial' });
    const parallel = await createEndpoint(store(), app.id, { ordering: 'parallel' });
    for (let i = 0; i < 3; i++) await send(store(), app.id);
    const claimed = await claim(store(), T0);
    expect(claimed.filter((c) => c.delivery.endpointId === serial.id)).toHaveLength(1);
    expect(claimed.filter((c) => c.delivery.endpointId === parallel.id)).toHaveLength(3);
  });

  it('keeps a released head at the head', async () => {
    const { messages } = await serialSetup(2);
    const [head] = await claim(store(), T0);
    await store().releaseDeliveries([
      { deliveryId: head.delivery.id, leaseToken: head.leaseToken, nextAttemptAt: T0 + 50 },
    ]);
    expect(order(await claim(store(), T0 + 50))).toEqual([messages[0]]);
  });

  it('recovers failed deliveries in their original order', async () => {
    const { app, ep, messages } = await serialSetup(3);
    for (let i = 0; i < 3; i++) {
      const [c] = await claim(store(), T0 + 10 * (i + 1));
      await record(store(), c, 'failed', T0 + 10 * (i + 1));
    }
    expect(
      await recoverFailed(store(), app.id, ep.id, { since: T0, until: T0 + 100 }, T0 + 1000),
    ).toBe(3);
    expect(await dueOf(app.id)).toEqual([T0 + 1000, null, null]);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const claimed = await claim(store(), T0 + 2000 + i);
      expect(claimed).toHaveLength(1);
      seen.push(claimed[0].message.id);
      await record(store(), claimed[0], 'succeeded', T0 + 2000 + i);
    }
    expect(seen).toEqual(messages);
  });

  it('queues a recovered delivery behind the active head', async () => {
    const { app, ep, messages } = await serialSetup(3);
    const [first] = await claim(store(), T0);
    await record(store(), first, 'failed', T0 + 1);
    const [second] = await claim(store(), T0 + 2);
    expect(second.message.id).toBe(messages[1]);
    expect(await recoverFailed(store(), app.id, ep.id, { since: T0, until: T0 + 10 }, T0 + 3)).toBe(
      1,
    );
    expect(await claim(store(), T0 + 3)).toEqual([]);
    await record(store(), second, 'succeeded', T0 + 4);
    // The recovered message is older than the third one, so it goes first.
    expect(order(await claim(store(), T0 + 5))).toEqual([messages[0]]);
  });

  it('retries a failed delivery at once when the endpoint is idle, or behind its head', async () => {
    const { app, messages } = await serialSetup(2);
    const [first] = await claim(store(), T0);
    await record(store(), first, 'failed', T0 + 1);
    const [second] = await claim(store(), T0 + 2);
    const parked = await store().retryDelivery(app.id, first.delivery.id, T0 + 3);
    expect(parked).toMatchObject({ state: 'pending', nextAttemptAt: null, attempts: 0 });
    await record(store(), second, 'failed', T0 + 4);
    const [again] = await claim(store(), T0 + 5);
    expect(again.message.id).toBe(messages[0]);
    await record(store(), again, 'succeeded', T0 + 6);
    const idle = await store().retryDelivery(app.id, second.delivery.id, T0 + 7);
    expect(idle).toMatchObject({ state: 'pending', nextAttemptAt: T0 + 7 });
    expect(order(await claim(store(), T0 + 7))).toEqual([messages[1]]);
  });

  const states = async (appId: string) => (await allDeliveries(store(), appId)).map((d) => d.state);
  const sendHeld = (appId: string, endpointId: string, now: number) =>
    recoverFailed(store(), appId, endpointId, { since: 0, until: now + 1 }, now, {
      states: ['held'],
    });

  it('holds everything while disabled; enabled, it holds on until the held are asked for, oldest first', async () => {
    const { app, ep, messages } = await serialSetup(3);
    await store().updateEndpoint({ ...ep, disabled: true, updatedAt: T0 + 10 });
    expect(await states(app.id)).toEqual(['held', 'held', 'held']);
    expect(await dueOf(app.id)).toEqual([null, null, null]);
    expect(await claim(store(), T0 + 20)).toEqual([]);
    const later = await send(store(), app.id, { createdAt: T0 + 21 }); // held too
    await store().updateEndpoint({ ...ep, disabled: false, updatedAt: T0 + 30 });
    expect(await claim(store(), T0 + 30)).toEqual([]); // nothing is sent unasked
    const fresh = await send(store(), app.id, { createdAt: T0 + 31 });
    expect(await sendHeld(app.id, ep.id, T0 + 32)).toBe(4);
    // One line again: the new message went first (it was the head); the held follow in order.
    const sent: string[] = [];
    for (let t = T0 + 40; ; t++) {
      const [c] = await claim(store(), t);
      if (!c) break;
      sent.push(c.message.id);
      await record(store(), c, 'succeeded', t);
    }
    expect(sent).toEqual([fresh.message.id, ...messages, later.message.id]);
  });

  it('lets an in-flight head finish while disabled; the rest stay held once enabled', async () => {
    const { app, ep, messages } = await serialSetup(3);
    const [head] = await claim(store(), T0);
    await store().updateEndpoint({ ...ep, disabled: true, updatedAt: T0 + 1 });
    await record(store(), head, 'succeeded', T0 + 2);
    expect(await states(app.id)).toEqual(['succeeded', 'held', 'held']);
    await store().updateEndpoint({ ...ep, disabled: false, updatedAt: T0 + 3 });
    expect(await claim(store(), T0 + 3)).toEqual([]);
    await sendHeld(app.id, ep.id, T0 + 4);
    expect(order(await claim(store(), T0 + 4))).toEqual([messages[1]]);
  });

  it('holds a head that was released with no due time (endpoint disabled)', async () => {
    const { app, ep, messages } = await serialSetup(2);
    const [head] = await claim(store(), T0);
    await store().updateEndpoint({ ...ep, disabled: true, updatedAt: T0 + 1 });
    await store().releaseDeliveries([
      { deliveryId: head.delivery.id, leaseToken: head.leaseToken, nextAttemptAt: null },
    ]);
    expect(await states(app.id)).toEqual(['held', 'held']);
    await store().updateEndpoint({ ...ep, disabled: false, updatedAt: T0 + 2 });
    await sendHeld(app.id, ep.id, T0 + 3);
    expect(order(await claim(store(), T0 + 3))).toEqual([messages[0]]);
  });

  it('switching to parallel makes every waiting delivery due', async () => {
    const { app, ep } = await serialSetup(3);
    await store().updateEndpoint({ ...ep, ordering: 'parallel', updatedAt: T0 + 5 });
    expect(await dueOf(app.id)).toEqual([T0, T0 + 5, T0 + 5]);
    expect(await claim(store(), T0 + 5)).toHaveLength(3);
  });

  it('switching to serial keeps only the oldest waiting delivery due', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id, { ordering: 'parallel' });
    const sent = [];
    for (let i = 0; i < 3; i++)
      sent.push((await send(store(), app.id, { createdAt: T0 + i })).message.id);
    await store().updateEndpoint({ ...ep, ordering: 'serial', updatedAt: T0 + 5 });
    const due = (await dueOf(app.id)).filter((d) => d !== null);
    expect(due).toHaveLength(1);
    expect(order(await claim(store(), T0 + 5))).toEqual([sent[0]]);
  });

  it('switching to serial while deliveries are in flight waits for them all', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id, { ordering: 'parallel' });
    for (let i = 0; i < 4; i++) await send(store(), app.id, { createdAt: T0 + i });
    const inFlight = await claim(store(), T0 + 10, 2);
    await store().updateEndpoint({ ...ep, ordering: 'serial', updatedAt: T0 + 11 });
    expect(await claim(store(), T0 + 12)).toEqual([]);
    await record(store(), inFlight[0], 'succeeded', T0 + 13);
    expect(await claim(store(), T0 + 13)).toEqual([]);
    await record(store(), inFlight[1], 'succeeded', T0 + 14);
    const next = await claim(store(), T0 + 14);
    expect(next).toHaveLength(1);
    expect(next[0].message.createdAt).toBe(T0 + 2);
  });
}
