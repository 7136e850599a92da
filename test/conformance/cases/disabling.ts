import { expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/store/store.js';
import type { ClaimedDelivery } from '../../../src/store/store.js';
import {
  allDeliveries,
  claim,
  createApp,
  createEndpoint,
  resultOf,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const DAY = 86_400_000;

/** A failed attempt answered with `status`. */
function answered(c: ClaimedDelivery, status: number, at: number, next: number | null) {
  const r: AttemptResult = resultOf(c, next === null ? 'failed' : 'retry', at, next);
  return { ...r, attempt: { ...r.attempt!, statusCode: status, errorMessage: `HTTP ${status}` } };
}

/**
 * Endpoints switched off by their results, in the transaction that records them: `410 Gone` at
 * once, failing without a success for `disableAfterMs` from the health counters. Their waiting
 * deliveries are held, never failed.
 */
export function disablingCases({ store }: SuiteContext): void {
  it('410 Gone holds the delivery, disables the endpoint (gone) and holds what waits', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const other = await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 });
    await send(store(), app.id, { createdAt: T0 + 1 });
    const claims = await claim(store(), T0 + 2, 2, [other.id]);
    const [gone, waiting] = claims.filter((c) => c.delivery.endpointId === ep.id);
    expect(waiting).toBeDefined();
    const recorded = await store().recordAttempts(
      [answered(gone, 410, T0 + 3, T0 + 60_000)],
      T0 + 3,
    );
    expect(recorded.disabled).toEqual([
      { appId: app.id, endpointId: ep.id, reason: 'gone', at: T0 + 3 },
    ]);
    expect(await store().getEndpoint(app.id, ep.id)).toMatchObject({
      disabled: true,
      disabledReason: 'gone',
      disabledAt: T0 + 3,
    });
    expect((await store().getEndpoint(app.id, ep.id))!.updatedAt).toBeGreaterThan(ep.updatedAt);
    expect(await store().getDelivery(app.id, gone.delivery.id)).toMatchObject({
      state: 'held',
      attempts: 1,
      lastStatus: 410,
      nextAttemptAt: null,
    });
    // The other delivery was in flight: it finishes, and a retry of it comes back held.
    await store().recordAttempts([answered(waiting, 500, T0 + 4, T0 + 5)], T0 + 4);
    const [again] = await claim(store(), T0 + 5, 10, [other.id]);
    await store().releaseDeliveries([
      { deliveryId: again.delivery.id, leaseToken: again.leaseToken, nextAttemptAt: null },
    ]);
    const mine = await allDeliveries(store(), app.id, { endpointId: ep.id });
    expect(mine.map((d) => d.state)).toEqual(['held', 'held']);
    // The other endpoint is untouched, and new messages are held for the gone one.
    expect(await store().getEndpoint(app.id, other.id)).toMatchObject({ disabled: false });
    const next = await send(store(), app.id, { createdAt: T0 + 6 });
    const states = (await allDeliveries(store(), app.id, { messageId: next.message.id })).map(
      (d) => [d.endpointId === ep.id ? 'gone' : 'other', d.state],
    );
    expect(states.sort()).toEqual([
      ['gone', 'held'],
      ['other', 'pending'],
    ]);
  });

  it('disables an endpoint failing without a success for disableAfterMs, not before', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 });
    await send(store(), app.id, { createdAt: T0 });
    const rules = { disableAfterMs: 5 * DAY };
    let [c] = await claim(store(), T0, 1);
    let r = await store().recordAttempts([answered(c, 500, T0, T0 + DAY)], T0, rules);
    expect(r.disabled).toEqual([]);
    [c] = await claim(store(), T0 + DAY, 1);
    r = await store().recordAttempts(
      [answered(c, 503, T0 + 5 * DAY - 1, T0 + 6 * DAY)],
      T0 + 5 * DAY - 1,
      rules,
    );
    expect(r.disabled).toEqual([]);
    expect(r.health[0].after).toMatchObject({ consecutiveFailures: 2, failingSince: T0 });
    [c] = await claim(store(), T0 + 5 * DAY, 1);
    r = await store().recordAttempts(
      [answered(c, 500, T0 + 5 * DAY, T0 + 6 * DAY)],
      T0 + 5 * DAY,
      rules,
    );
    expect(r.disabled).toEqual([
      { appId: app.id, endpointId: ep.id, reason: 'failing', at: T0 + 5 * DAY },
    ]);
    expect(await store().getEndpoint(app.id, ep.id)).toMatchObject({
      disabled: true,
      disabledReason: 'failing',
      disabledAt: T0 + 5 * DAY,
    });
    // Every delivery waiting for a retry is held, not failed, and nothing is due.
    const states = (await allDeliveries(store(), app.id)).map((d) => d.state);
    expect(states).toEqual(['held', 'held']);
    expect(await store().nextDueAt()).toBeNull();
  });

  it('a success restarts the clock; without rules, failing never disables', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    for (let i = 0; i < 3; i++) await send(store(), app.id, { createdAt: T0 });
    const rules = { disableAfterMs: 5 * DAY };
    let [c] = await claim(store(), T0, 1);
    await store().recordAttempts([answered(c, 500, T0, T0 + 1)], T0, rules);
    [c] = await claim(store(), T0 + 1, 1);
    await store().recordAttempts([resultOf(c, 'succeeded', T0 + DAY)], T0 + DAY, rules);
    [c] = await claim(store(), T0 + DAY, 1);
    const r = await store().recordAttempts(
      [answered(c, 500, T0 + 5 * DAY, T0 + 7 * DAY)],
      T0 + 5 * DAY,
      rules,
    );
    expect(r.disabled).toEqual([]);
    [c] = await claim(store(), T0 + 7 * DAY, 1);
    const unruled = await store().recordAttempts(
      [answered(c, 500, T0 + 20 * DAY, T0 + 21 * DAY)],
      T0 + 20 * DAY,
    );
    expect(unruled.disabled).toEqual([]);
    expect(await store().getEndpoint(app.id, ep.id)).toMatchObject({ disabled: false });
  });

  it('an endpoint already disabled is not disabled again; enabling clears why and when', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 });
    const [c] = await claim(store(), T0, 1);
    const manual = await store().updateEndpoint({ ...ep, disabled: true, updatedAt: T0 + 1 });
    expect(manual).toMatchObject({ disabledReason: 'manual', disabledAt: T0 + 1 });
    const r = await store().recordAttempts([answered(c, 410, T0 + 2, null)], T0 + 2);
    expect(r.disabled).toEqual([]);
    expect(await store().getEndpoint(app.id, ep.id)).toMatchObject({ disabledReason: 'manual' });
    const enabled = await store().updateEndpoint({
      ...manual!,
      disabled: false,
      updatedAt: T0 + 3,
    });
    expect(enabled).toMatchObject({ disabled: false, disabledReason: null, disabledAt: null });
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({ state: 'held' });
  });
}
