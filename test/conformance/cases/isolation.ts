import { expect, it } from 'vitest';
import {
  attemptOf,
  claim,
  createApp,
  createEndpoint,
  record,
  recoverFailed,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/** App B never sees or changes app A's rows, through any method. */
export function isolationCases({ store }: SuiteContext): void {
  async function twoTenants() {
    const a = await createApp(store());
    const b = await createApp(store());
    const epA = await createEndpoint(store(), a.id);
    const epB = await createEndpoint(store(), b.id);
    const mA = await send(store(), a.id, { idempotencyKey: 'shared-key' });
    const [cA] = await claim(store(), T0);
    await record(store(), cA, 'failed', T0 + 1);
    await store().insertAttempt({ ...attemptOf(cA, T0 + 2), deliveryId: null, test: true });
    const dA = cA.delivery.id;
    return { a, b, epA, epB, mA, dA };
  }
  const page = { limit: 100, cursor: null };

  it('hides every row of another app from reads', async () => {
    const { b, epA, mA, dA } = await twoTenants();
    expect(await store().getEndpoint(b.id, epA.id)).toBeNull();
    expect((await store().listEndpoints(b.id, page)).data.map((e) => e.appId)).toEqual([b.id]);
    expect(await store().getMessage(b.id, mA.message.id)).toBeNull();
    expect((await store().listMessages(b.id, {}, page)).data).toEqual([]);
    expect(await store().getDelivery(b.id, dA)).toBeNull();
    expect((await store().listDeliveries(b.id, {}, page)).data).toEqual([]);
    expect((await store().listDeliveries(b.id, { endpointId: epA.id }, page)).data).toEqual([]);
    expect((await store().listDeliveries(b.id, { messageId: mA.message.id }, page)).data).toEqual(
      [],
    );
    expect((await store().listAttempts(b.id, {}, page)).data).toEqual([]);
    expect((await store().listAttempts(b.id, { test: true }, page)).data).toEqual([]);
    expect((await store().listAttempts(b.id, { deliveryId: dA }, page)).data).toEqual([]);
    expect(
      (await store().listAttempts(b.id, { messageId: mA.message.id, endpointId: epA.id }, page))
        .data,
    ).toEqual([]);
    expect(await store().stats(b.id)).toEqual({
      pending: 0,
      delivering: 0,
      succeeded: 0,
      failed: 0,
      held: 0,
    });
    expect((await store().listApps(page, b.id)).data.map((x) => x.id)).toEqual([b.id]);
  });

  it("refuses changes to another app's rows", async () => {
    const { a, b, epA, dA } = await twoTenants();
    const before = await store().getDelivery(a.id, dA);
    expect(await store().retryDelivery(b.id, dA, T0 + 10)).toBeNull();
    expect(
      await recoverFailed(store(), b.id, epA.id, { since: 0, until: T0 + 10 ** 9 }, T0 + 10),
    ).toBeNull();
    expect(await store().getDelivery(a.id, dA)).toEqual(before);
    expect(
      await store().updateEndpoint({ ...epA, appId: b.id, url: 'http://127.0.0.1:1/stolen' }),
    ).toBeNull();
    expect(await store().getEndpoint(a.id, epA.id)).toEqual(epA);
    expect(await store().deleteEndpoint(b.id, epA.id)).toBe(false);
    expect(await store().getEndpoint(a.id, epA.id)).toEqual(epA);
  });

  it("never routes a message to another app's endpoint, even when named", async () => {
    const { b, epA } = await twoTenants();
    const r = await send(store(), b.id, { endpointId: epA.id });
    expect(r).toMatchObject({ created: true, deliveries: 0 });
  });

  it("fans out only to the sending app's endpoints", async () => {
    const { a, b, epB } = await twoTenants();
    const r = await send(store(), b.id);
    expect(r.deliveries).toBe(1);
    const ds = (await store().listDeliveries(b.id, { messageId: r.message.id }, page)).data;
    expect(ds.map((d) => [d.appId, d.endpointId])).toEqual([[b.id, epB.id]]);
    expect((await store().listDeliveries(a.id, { messageId: r.message.id }, page)).data).toEqual(
      [],
    );
  });

  it('keeps idempotency keys per app', async () => {
    const { b, mA } = await twoTenants();
    const r = await send(store(), b.id, { idempotencyKey: 'shared-key' });
    expect(r.created).toBe(true);
    expect(r.message.id).not.toBe(mA.message.id);
  });
}
