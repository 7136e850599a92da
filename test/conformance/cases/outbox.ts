import { expect, it } from 'vitest';
import { OPERATIONAL_APP_UID } from '../../../src/domain/operational-events.js';
import type { AttemptResult, ClaimedDelivery, OutboxEvent } from '../../../src/store/store.js';
import { claim, createApp, createEndpoint, resultOf, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const LEASE = 60_000;

/** A failed last attempt answered with `status`. */
function answered(c: ClaimedDelivery, status: number, at: number): AttemptResult {
  const r = resultOf(c, 'failed', at);
  return { ...r, attempt: { ...r.attempt!, statusCode: status, errorMessage: `HTTP ${status}` } };
}

const parsed = (events: OutboxEvent[]) =>
  events.map((e) => ({
    type: e.eventType,
    data: JSON.parse(e.payload) as Record<string, unknown>,
  }));

/**
 * The operational outbox: events written in the transaction of the change they report (results,
 * endpoint updates), only while the operational app exists and never about its own endpoints;
 * claimed under a lease, oldest first, and deleted once sent.
 */
export function outboxCases({ store, peer, hasPeers }: SuiteContext): void {
  it('writes nothing while no operational app exists', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 });
    const [c] = await claim(store(), T0 + 1);
    const recorded = await store().recordAttempts([answered(c, 410, T0 + 2)], T0 + 2);
    expect(recorded).toMatchObject({ operational: 0 });
    expect(recorded.disabled).toHaveLength(1);
    await store().updateEndpoint({ ...ep, disabled: false, updatedAt: T0 + 3 });
    expect(await store().claimOperationalEvents(T0 + 4, 10, LEASE)).toEqual([]);
  });

  it('results write disabled and exhausted with the change; updates write enabled/disabled', async () => {
    const ops = await createApp(store(), { uid: OPERATIONAL_APP_UID });
    await createEndpoint(store(), ops.id);
    const app = await createApp(store());
    const gone = await createEndpoint(store(), app.id, { filterTypes: ['a'] });
    const failing = await createEndpoint(store(), app.id, { filterTypes: ['b'] });
    await send(store(), app.id, { createdAt: T0, eventType: 'a' });
    await send(store(), app.id, { createdAt: T0 + 1, eventType: 'b' });
    const claims = await claim(store(), T0 + 2);
    const of = (id: string) => claims.find((c) => c.delivery.endpointId === id)!;
    const recorded = await store().recordAttempts(
      [answered(of(gone.id), 410, T0 + 3), answered(of(failing.id), 500, T0 + 3)],
      T0 + 3,
      { failingAfter: 5 },
    );
    expect(recorded.operational).toBe(2);
    const current = (await store().getEndpoint(app.id, gone.id))!;
    await store().updateEndpoint({ ...current, disabled: false, updatedAt: T0 + 10 });
    // An update that does not switch the endpoint writes nothing.
    await store().updateEndpoint({ ...current, disabled: false, updatedAt: T0 + 11 });
    await store().updateEndpoint({ ...current, disabled: true, updatedAt: T0 + 12 });

    const claimed = await store().claimOperationalEvents(T0 + 20, 10, LEASE);
    expect(claimed.map((e) => e.id)).toEqual([...claimed.map((e) => e.id)].sort((a, b) => a - b));
    const about = (id: string, url: string) => ({ appId: app.id, endpointId: id, url });
    // The events of one batch of results come in no particular order (on PostgreSQL, exhausted
    // is written with the results and the health events by their fold); batches keep theirs.
    const byType = (a: { type: string }, b: { type: string }) => (a.type < b.type ? -1 : 1);
    const events = parsed(claimed);
    expect(events.slice(0, 2).sort(byType)).toEqual([
      {
        type: 'endpoint.disabled',
        data: {
          ...about(gone.id, gone.url),
          reason: 'gone',
          disabledAt: new Date(T0 + 3).toISOString(),
          failingSince: new Date(T0 + 3).toISOString(),
        },
      },
      {
        type: 'message.attempt.exhausted',
        data: expect.objectContaining({ ...about(failing.id, failing.url), lastStatus: 500 }),
      },
    ]);
    expect(events.slice(2)).toEqual([
      {
        type: 'endpoint.enabled',
        data: { ...about(gone.id, gone.url), enabledAt: new Date(T0 + 10).toISOString() },
      },
      {
        type: 'endpoint.disabled',
        data: {
          ...about(gone.id, gone.url),
          reason: 'manual',
          disabledAt: new Date(T0 + 12).toISOString(),
          failingSince: null,
        },
      },
    ]);
    expect(claimed.every((e) => e.createdAt >= T0 + 3)).toBe(true);
  });

  it('never about the operational app’s own endpoints', async () => {
    const ops = await createApp(store(), { uid: OPERATIONAL_APP_UID });
    const own = await createEndpoint(store(), ops.id);
    await store().updateEndpoint({ ...own, disabled: true, updatedAt: T0 + 1 });
    await store().updateEndpoint({
      ...(await store().getEndpoint(ops.id, own.id))!,
      disabled: false,
      updatedAt: T0 + 2,
    });
    await send(store(), ops.id, { createdAt: T0 + 3 });
    const [c] = await claim(store(), T0 + 4);
    expect(await store().recordAttempts([answered(c, 410, T0 + 5)], T0 + 5)).toMatchObject({
      operational: 0,
    });
    expect(await store().claimOperationalEvents(T0 + 6, 10, LEASE)).toEqual([]);
  });

  it('a claim holds its events for the lease; deleted events are gone; ids are never reused', async () => {
    const ops = await createApp(store(), { uid: OPERATIONAL_APP_UID });
    await createEndpoint(store(), ops.id);
    const app = await createApp(store());
    let ep = await createEndpoint(store(), app.id);
    const toggle = async (at: number) => {
      ep = (await store().updateEndpoint({ ...ep, disabled: !ep.disabled, updatedAt: at }))!;
    };
    for (let i = 1; i <= 3; i++) await toggle(T0 + i);
    const first = await store().claimOperationalEvents(T0 + 10, 2, LEASE);
    expect(first.map((e) => e.eventType)).toEqual(['endpoint.disabled', 'endpoint.enabled']);
    // The third is free; the first two are held until their lease ends.
    const second = await store().claimOperationalEvents(T0 + 11, 10, LEASE);
    expect(second).toHaveLength(1);
    expect(await store().claimOperationalEvents(T0 + 12, 10, LEASE)).toEqual([]);
    await store().deleteOperationalEvents(first.map((e) => e.id));
    const again = await store().claimOperationalEvents(T0 + 11 + LEASE, 10, LEASE);
    expect(again.map((e) => e.id)).toEqual(second.map((e) => e.id));
    await store().deleteOperationalEvents(again.map((e) => e.id));
    // Empty again: the next event still gets a new id (its idempotency key must be new).
    await toggle(T0 + 20);
    const [next] = await store().claimOperationalEvents(T0 + 21 + LEASE, 10, LEASE);
    expect(next.id).toBeGreaterThan(second[0].id);
  });

  it.runIf(hasPeers)('nodes claiming at once never take the same event', async () => {
    const ops = await createApp(store(), { uid: OPERATIONAL_APP_UID });
    await createEndpoint(store(), ops.id);
    const app = await createApp(store());
    let ep = await createEndpoint(store(), app.id);
    for (let i = 1; i <= 40; i++)
      ep = (await store().updateEndpoint({ ...ep, disabled: !ep.disabled, updatedAt: T0 + i }))!;
    const nodes = [store(), await peer(), await peer()];
    const taken: number[] = [];
    await Promise.all(
      nodes.map(async (node) => {
        for (;;) {
          const events = await node.claimOperationalEvents(T0 + 100, 3, LEASE);
          if (events.length === 0) return;
          taken.push(...events.map((e) => e.id));
        }
      }),
    );
    expect(taken).toHaveLength(40);
    expect(new Set(taken).size).toBe(40);
  });
}
