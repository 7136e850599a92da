import { expect, it } from 'vitest';
import { allDeliveries, createApp, createEndpoint, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/**
 * Business messaging `webhook_id` (page 001, "Compose Webhook": "To request delivery reports,
 * include the webhook_id parameter ... you will receive the delivery report as you configured"):
 * a message sent with a webhook id sends every later report of it to that webhook, without the
 * id being repeated.
 */
export function reportRoutingCases({ store }: SuiteContext): void {
  const targetsOf = async (appId: string, messageId: string) =>
    (await allDeliveries(store(), appId))
      .filter((d) => d.messageId === messageId)
      .map((d) => d.endpointId)
      .sort();

  it('later reports of a message sent with a webhook id go to that webhook only', async () => {
    const app = await createApp(store());
    const webhook = await createEndpoint(store(), app.id);
    const other = await createEndpoint(store(), app.id);
    await send(store(), app.id, {
      eventType: 'message.sent',
      endpointId: webhook.id,
      reportKey: '5741311803571721087',
    });
    const report = await send(store(), app.id, {
      eventType: 'message.status',
      reportKey: '5741311803571721087',
      createdAt: T0 + 1000,
    });
    expect(report).toMatchObject({ created: true, deliveries: 1 });
    expect(report.message.endpointId).toBe(webhook.id);
    expect(await store().getMessage(app.id, report.message.id)).toEqual(report.message);
    expect(await targetsOf(app.id, report.message.id)).toEqual([webhook.id]);
    // Another message's reports, and reports without a key, fan out as usual.
    const unrelated = await send(store(), app.id, {
      eventType: 'message.status',
      reportKey: '42',
    });
    expect(await targetsOf(app.id, unrelated.message.id)).toEqual([webhook.id, other.id].sort());
    const keyless = await send(store(), app.id, { eventType: 'message.status' });
    expect(keyless.deliveries).toBe(2);
  });

  it('is per app: the same key in another app fans out there', async () => {
    const a = await createApp(store());
    const b = await createApp(store());
    const webhook = await createEndpoint(store(), a.id);
    await createEndpoint(store(), b.id);
    await createEndpoint(store(), b.id);
    await send(store(), a.id, { endpointId: webhook.id, reportKey: '7' });
    const inB = await send(store(), b.id, { reportKey: '7' });
    expect(inB.deliveries).toBe(2);
    expect(inB.message.endpointId).toBeNull();
  });

  it('a report with its own webhook id goes there and re-points the later ones', async () => {
    const app = await createApp(store());
    const first = await createEndpoint(store(), app.id);
    const second = await createEndpoint(store(), app.id);
    await send(store(), app.id, { endpointId: first.id, reportKey: '9' });
    const moved = await send(store(), app.id, { endpointId: second.id, reportKey: '9' });
    expect(await targetsOf(app.id, moved.message.id)).toEqual([second.id]);
    const later = await send(store(), app.id, { reportKey: '9' });
    expect(await targetsOf(app.id, later.message.id)).toEqual([second.id]);
  });

  it('a disabled webhook holds its reports (they do not fan out); a deleted one is forgotten', async () => {
    const app = await createApp(store());
    const webhook = await createEndpoint(store(), app.id);
    await createEndpoint(store(), app.id);
    await send(store(), app.id, { endpointId: webhook.id, reportKey: '11' });
    await store().updateEndpoint({ ...webhook, disabled: true, updatedAt: T0 + 1 });
    const held = await send(store(), app.id, { reportKey: '11' });
    expect(held).toMatchObject({ created: true, deliveries: 1 });
    expect(held.message.endpointId).toBe(webhook.id);
    expect(await targetsOf(app.id, held.message.id)).toEqual([webhook.id]);
    expect(await store().deleteEndpoint(app.id, webhook.id)).toBe(true);
    expect((await send(store(), app.id, { reportKey: '11' })).deliveries).toBe(1);
  });

  it('a replayed idempotency key remembers nothing', async () => {
    const app = await createApp(store());
    const webhook = await createEndpoint(store(), app.id);
    await createEndpoint(store(), app.id);
    await send(store(), app.id, { idempotencyKey: 'k', reportKey: '13' });
    await send(store(), app.id, { idempotencyKey: 'k', endpointId: webhook.id, reportKey: '13' });
    expect((await send(store(), app.id, { reportKey: '13' })).deliveries).toBe(2);
  });
}
