import { expect, it } from 'vitest';
import type { RecoverRequest } from '../../../src/store/store.js';
import {
  allDeliveries,
  claim,
  createApp,
  createEndpoint,
  record,
  send,
  T0,
  WINDOW_MS,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/** Recover by state and in bounded runs; replay of a past message to any endpoint of the app. */
export function requeueCases({ store }: SuiteContext): void {
  /** Six messages at T0 … T0+5 to one endpoint: even ones succeeded, odd ones failed. */
  async function history() {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    for (let i = 0; i < 6; i++) await send(store(), app.id, { createdAt: T0 + i });
    for (const c of await claim(store(), T0 + 100))
      await record(store(), c, (c.delivery.createdAt - T0) % 2 ? 'failed' : 'succeeded', T0 + 100);
    return { app, ep };
  }
  const request = (over: Partial<RecoverRequest> = {}): RecoverRequest => ({
    since: T0,
    until: T0 + 1000,
    states: ['failed'],
    limit: 100,
    idempotencyWindowMs: WINDOW_MS,
    ...over,
  });
  const states = async (appId: string) => (await allDeliveries(store(), appId)).map((d) => d.state);

  it('re-queues failed deliveries by default, succeeded ones when asked, both together', async () => {
    const { app, ep } = await history();
    const failed = await store().recoverEndpoint(app.id, ep.id, request(), T0 + 200);
    expect(failed).toMatchObject({ requeued: 3, requeuedTotal: 3, done: true, until: T0 + 1000 });
    expect(await states(app.id)).toEqual([
      'succeeded',
      'pending',
      'succeeded',
      'pending',
      'succeeded',
      'pending',
    ]);
    const succeeded = await store().recoverEndpoint(
      app.id,
      ep.id,
      request({ states: ['succeeded'] }),
      T0 + 200,
    );
    expect(succeeded?.requeued).toBe(3);
    expect(new Set(await states(app.id))).toEqual(new Set(['pending']));
    const { app: app2, ep: ep2 } = await history();
    const both = await store().recoverEndpoint(
      app2.id,
      ep2.id,
      request({ states: ['failed', 'succeeded'] }),
      T0 + 200,
    );
    expect(both?.requeued).toBe(6);
    const claimed = await claim(store(), T0 + 200);
    expect(claimed.filter((c) => c.delivery.appId === app2.id)).toHaveLength(6);
  });

  it('is bounded per call; the same request again continues, oldest first', async () => {
    const { app, ep } = await history();
    const all = request({ states: ['failed', 'succeeded'], limit: 4 });
    const first = await store().recoverEndpoint(app.id, ep.id, all, T0 + 200);
    expect(first).toMatchObject({ requeued: 4, requeuedTotal: 4, done: false });
    expect(await states(app.id)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'succeeded',
      'failed',
    ]);
    const second = await store().recoverEndpoint(app.id, ep.id, all, T0 + 201);
    expect(second).toMatchObject({ requeued: 2, requeuedTotal: 6, done: true });
    expect(new Set(await states(app.id))).toEqual(new Set(['pending']));
  });

  it('never re-sends for the same request within the window, even once they settled again', async () => {
    const { app, ep } = await history();
    const req = request({ states: ['succeeded'] });
    expect((await store().recoverEndpoint(app.id, ep.id, req, T0 + 200))?.requeued).toBe(3);
    for (const c of await claim(store(), T0 + 300)) await record(store(), c, 'succeeded', T0 + 300);
    const again = await store().recoverEndpoint(app.id, ep.id, req, T0 + 400);
    expect(again).toMatchObject({ requeued: 0, requeuedTotal: 3, done: true });
    expect(await claim(store(), T0 + 400)).toEqual([]);
    // Past the idempotency window the same request is a new one.
    const later = await store().recoverEndpoint(app.id, ep.id, req, T0 + 200 + WINDOW_MS);
    expect(later?.requeued).toBe(3);
  });

  it('fixes an open window at the first call', async () => {
    const { app, ep } = await history();
    const open = request({ until: null, limit: 1 });
    const first = await store().recoverEndpoint(app.id, ep.id, open, T0 + 200);
    expect(first).toMatchObject({ requeued: 1, done: false, until: T0 + 201 });
    // A failed delivery created after the run started is not part of it.
    await send(store(), app.id, { createdAt: T0 + 250 });
    const late = (await claim(store(), T0 + 260)).find((c) => c.delivery.createdAt === T0 + 250)!;
    await record(store(), late, 'failed', T0 + 260);
    let outcome = first!;
    while (!outcome.done) outcome = (await store().recoverEndpoint(app.id, ep.id, open, T0 + 300))!;
    expect(outcome.requeuedTotal).toBe(3);
    const lateNow = (await allDeliveries(store(), app.id)).find((d) => d.id === late.delivery.id);
    expect(lateNow?.state).toBe('failed');
  });

  it('answers null for an endpoint of another app', async () => {
    const { ep } = await history();
    const other = await createApp(store());
    expect(await store().recoverEndpoint(other.id, ep.id, request(), T0 + 200)).toBeNull();
  });

  it('replays a past message to an endpoint created after it, once per request', async () => {
    const { app } = await history();
    const [first] = await allDeliveries(store(), app.id);
    const later = await createEndpoint(store(), app.id, { createdAt: T0 + 500 });
    const replayed = await store().replayMessage(
      app.id,
      first.messageId,
      later.id,
      T0 + 600,
      WINDOW_MS,
    );
    expect(replayed).toMatchObject({
      created: true,
      delivery: {
        messageId: first.messageId,
        endpointId: later.id,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: T0 + 600,
        createdAt: T0 + 600,
      },
    });
    const id = replayed !== null && replayed !== 'payload_expired' ? replayed.delivery.id : -1;
    // While it is on its way, and after it succeeded, the same replay answers the same delivery.
    const again = await store().replayMessage(
      app.id,
      first.messageId,
      later.id,
      T0 + 601,
      WINDOW_MS,
    );
    expect(again).toMatchObject({ created: false, delivery: { id } });
    const [c] = await claim(store(), T0 + 700);
    expect(c.delivery.id).toBe(id);
    await record(store(), c, 'succeeded', T0 + 700);
    const settled = await store().replayMessage(
      app.id,
      first.messageId,
      later.id,
      T0 + 800,
      WINDOW_MS,
    );
    expect(settled).toMatchObject({ created: false, delivery: { id, state: 'succeeded' } });
    expect(await claim(store(), T0 + 800)).toEqual([]);
    // After the window, a replay is a new request.
    const fresh = await store().replayMessage(
      app.id,
      first.messageId,
      later.id,
      T0 + 600 + WINDOW_MS,
      WINDOW_MS,
    );
    expect(fresh).toMatchObject({ created: true });
  });

  it('replays to the original endpoint without doubling a delivery still on its way', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const { message } = await send(store(), app.id);
    const replayed = await store().replayMessage(app.id, message.id, ep.id, T0 + 1, WINDOW_MS);
    expect(replayed).toMatchObject({ created: false, delivery: { state: 'pending' } });
    expect(await allDeliveries(store(), app.id)).toHaveLength(1);
  });

  it('parks a replay behind the active head of a serial endpoint', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id, { ordering: 'serial' });
    const { message } = await send(store(), app.id);
    const [head] = await claim(store(), T0 + 1);
    await record(store(), head, 'succeeded', T0 + 1);
    await send(store(), app.id, { createdAt: T0 + 2 });
    const replayed = await store().replayMessage(app.id, message.id, ep.id, T0 + 3, WINDOW_MS);
    expect(replayed).toMatchObject({ created: true, delivery: { nextAttemptAt: null } });
    const [next] = await claim(store(), T0 + 4);
    expect(next.delivery.createdAt).toBe(T0 + 2);
    await record(store(), next, 'succeeded', T0 + 4);
    const [third] = await claim(store(), T0 + 5);
    expect(third.message.id).toBe(message.id);
  });

  it('answers null for an unknown message, or an endpoint of another app', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const other = await createApp(store());
    const foreign = await createEndpoint(store(), other.id);
    const { message } = await send(store(), app.id);
    expect(await store().replayMessage(app.id, 'msg_none', ep.id, T0, WINDOW_MS)).toBeNull();
    expect(await store().replayMessage(app.id, message.id, foreign.id, T0, WINDOW_MS)).toBeNull();
    expect(await store().replayMessage(other.id, message.id, foreign.id, T0, WINDOW_MS)).toBeNull();
  });
}
