import { expect, it } from 'vitest';
import { LATENCY_BUCKETS, latencyBucket } from '../../../src/domain/endpoint-stats.js';
import type { ClaimedDelivery } from '../../../src/store/store.js';
import { attemptOf, claim, createApp, createEndpoint, resultOf, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function statsCases({ store }: SuiteContext): void {
  async function setup(messages: number) {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    for (let i = 0; i < messages; i++) await send(store(), app.id);
    return { app, ep, claims: await claim(store(), T0) };
  }
  const timed = (
    c: ClaimedDelivery,
    outcome: 'succeeded' | 'retry' | 'failed',
    at: number,
    ms: number,
  ) => {
    const r = resultOf(c, outcome, at, at + MINUTE);
    r.attempt = { ...r.attempt!, durationMs: ms };
    return r;
  };

  it('rolls attempt results into minute and hour buckets with a latency histogram', async () => {
    const { app, ep, claims } = await setup(4);
    const [a, b, c, d] = claims;
    await store().recordAttempts(
      [timed(a, 'succeeded', T0 + 1000, 40), timed(b, 'retry', T0 + 2000, 900)],
      T0 + 2000,
    );
    await store().recordAttempts(
      [timed(c, 'succeeded', T0 + MINUTE + 5, 40), timed(d, 'failed', T0 + MINUTE + 6, 20_000)],
      T0 + MINUTE + 6,
    );
    const latency = (...ms: number[]) => {
      const out = new Array<number>(LATENCY_BUCKETS).fill(0);
      for (const m of ms) out[latencyBucket(m)]++;
      return out;
    };
    const minutes = await store().statsSeries({
      appId: app.id,
      resolution: 'minute',
      since: T0,
      until: T0 + HOUR,
    });
    expect(minutes).toEqual([
      { start: T0, succeeded: 1, retrying: 1, failed: 0, latency: latency(40, 900) },
      { start: T0 + MINUTE, succeeded: 1, retrying: 0, failed: 1, latency: latency(40, 20_000) },
    ]);
    const hours = await store().statsSeries({
      appId: app.id,
      endpointId: ep.id,
      resolution: 'hour',
      since: T0,
      until: T0 + HOUR,
    });
    expect(hours).toEqual([
      { start: T0, succeeded: 2, retrying: 1, failed: 1, latency: latency(40, 900, 40, 20_000) },
    ]);
    // [since, until) bounds the buckets' starts.
    expect(
      await store().statsSeries({
        appId: app.id,
        resolution: 'minute',
        since: T0 + 1,
        until: T0 + MINUTE,
      }),
    ).toEqual([]);
  });

  it('sums an app over its endpoints and keeps apps apart', async () => {
    const app = await createApp(store());
    const other = await createApp(store());
    const e1 = await createEndpoint(store(), app.id);
    const e2 = await createEndpoint(store(), app.id);
    const e3 = await createEndpoint(store(), other.id);
    await send(store(), app.id);
    await send(store(), other.id);
    const claims = await claim(store(), T0);
    await store().recordAttempts(
      claims.map((c) => timed(c, 'succeeded', T0, 10)),
      T0,
    );
    const q = (appId: string, endpointId?: string) =>
      store().statsSeries({
        appId,
        endpointId,
        resolution: 'minute',
        since: T0,
        until: T0 + MINUTE,
      });
    expect((await q(app.id)).map((b) => b.succeeded)).toEqual([2]);
    expect((await q(app.id, e1.id)).map((b) => b.succeeded)).toEqual([1]);
    expect((await q(app.id, e2.id)).map((b) => b.succeeded)).toEqual([1]);
    expect((await q(other.id)).map((b) => b.succeeded)).toEqual([1]);
    // Another app's endpoint reads as nothing.
    expect(await q(app.id, e3.id)).toEqual([]);
  });

  it('keeps consecutive failures, failing since, last success and last error', async () => {
    const { app, ep, claims } = await setup(5);
    const [a, b, c, d, e] = claims;
    const health = async (now: number) => (await store().endpointHealth(app.id, [ep.id], now))[0];
    expect(await health(T0)).toMatchObject({
      endpointId: ep.id,
      consecutiveFailures: 0,
      failingSince: null,
      lastSuccessAt: null,
      lastError: null,
    });
    await store().recordAttempts([timed(a, 'succeeded', T0 + 10, 30)], T0 + 10);
    await store().recordAttempts(
      [timed(b, 'retry', T0 + 20, 30), timed(c, 'failed', T0 + 30, 30)],
      T0 + 30,
    );
    expect(await health(T0 + 40)).toMatchObject({
      consecutiveFailures: 2,
      failingSince: T0 + 20,
      lastSuccessAt: T0 + 10,
      lastError: { at: T0 + 30, message: 'HTTP 500', statusCode: 500, kind: 'status' },
    });
    await store().recordAttempts([timed(d, 'retry', T0 + 50, 30)], T0 + 50);
    expect(await health(T0 + 60)).toMatchObject({ consecutiveFailures: 3, failingSince: T0 + 20 });
    expect(await store().failingEndpoints(app.id, 10)).toEqual([ep.id]);
    // A success restarts the count; the last error stays for the record.
    await store().recordAttempts([timed(e, 'succeeded', T0 + 70, 30)], T0 + 70);
    expect(await health(T0 + 80)).toMatchObject({
      consecutiveFailures: 0,
      failingSince: null,
      lastSuccessAt: T0 + 70,
      lastError: { at: T0 + 50 },
    });
    expect(await store().failingEndpoints(app.id, 10)).toEqual([]);
  });

  it('sums the last hour from minutes and the last day from hours', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const results = [];
    // One attempt every 30 minutes over two days, each its own message.
    for (let i = 0; i < 96; i++) {
      await send(store(), app.id, { createdAt: T0 + i * 30 * MINUTE });
    }
    const claims = await claim(store(), T0 + 96 * 30 * MINUTE);
    for (const [i, c] of claims.entries())
      results.push({
        ...timed(c, 'succeeded', T0 + i * 30 * MINUTE, 10),
        attempt: attemptOf(c, T0 + i * 30 * MINUTE, { durationMs: 10 }),
      });
    await store().recordAttempts(results, T0 + 2 * 24 * HOUR);
    const now = T0 + 48 * HOUR - 1; // the last attempt was at 47.5 h
    const [h] = await store().endpointHealth(app.id, [ep.id], now);
    // Minutes from 46:59 on: the attempts at 47:00 and 47:30.
    expect(h.lastHour.succeeded).toBe(2);
    // Hours from 24:00 on: 48 attempts.
    expect(h.lastDay.succeeded).toBe(48);
  });

  it('answers health only for the app’s own endpoints', async () => {
    const app = await createApp(store());
    const other = await createApp(store());
    const mine = await createEndpoint(store(), app.id);
    const theirs = await createEndpoint(store(), other.id);
    const got = await store().endpointHealth(app.id, [mine.id, theirs.id, 'ep_nope'], T0);
    expect(got.map((h) => h.endpointId)).toEqual([mine.id]);
  });

  it('counts the backlog of an app: pending and under a lease', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    for (let i = 0; i < 3; i++) await send(store(), app.id);
    expect(await store().appBacklog(app.id)).toEqual({ pending: 3, delivering: 0 });
    const [c] = await claim(store(), T0, 1);
    expect(await store().appBacklog(app.id)).toEqual({ pending: 2, delivering: 1 });
    await store().recordAttempts([timed(c, 'succeeded', T0, 5)], T0);
    expect(await store().appBacklog(app.id)).toEqual({ pending: 2, delivering: 0 });
  });

  it('deleting an endpoint drops its health; the app keeps its history', async () => {
    const { app, ep, claims } = await setup(1);
    await store().recordAttempts([timed(claims[0], 'retry', T0, 5)], T0);
    await store().deleteEndpoint(app.id, ep.id);
    expect(await store().failingEndpoints(app.id, 10)).toEqual([]);
    const series = await store().statsSeries({
      appId: app.id,
      resolution: 'minute',
      since: T0,
      until: T0 + MINUTE,
    });
    expect(series.map((b) => b.retrying)).toEqual([1]);
  });
}
