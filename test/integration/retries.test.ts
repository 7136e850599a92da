import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS } from '../../src/domain/retry-policy.js';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver, restartHookline } = useHooklineFixture();

async function deliveryOf(appId: string, messageId: string) {
  const res = await h.api('GET', `/api/v1/apps/${appId}/deliveries?messageId=${messageId}`);
  return res.body.data[0];
}

describe('retries', () => {
  it('runs the exponential preset to exhaustion: failed, with the last error visible', async () => {
    receiver.script(status(500, {}, 'first'), status(503, {}, 'second'));
    receiver.setDefault(status(500, {}, 'last words'));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'exponential' } });
    const messageId = await sendMessage(h, t.appId, { n: 1 });

    await h.dispatcher.drainDue();
    h.clock.advance(10_000);
    await h.dispatcher.drainDue();
    h.clock.advance(100_000);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(3);

    // Nothing further is ever scheduled.
    h.clock.advance(10 * 24 * 3600 * 1000);
    expect(await h.dispatcher.drainDue()).toBe(0);
    expect(receiver.requests).toHaveLength(3);

    const delivery = await deliveryOf(t.appId, messageId);
    expect(delivery).toMatchObject({
      state: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      lastStatus: 500,
      lastError: 'receiver answered HTTP 500',
    });
    const failed = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=failed`);
    expect(failed.body.data.map((d: { id: number }) => d.id)).toEqual([delivery.id]);
    const byEndpoint = await h.api(
      'GET',
      `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/deliveries?state=failed`,
    );
    expect(byEndpoint.body.data).toHaveLength(1);
    const attempts = (
      await h.api('GET', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/attempts`)
    ).body.data;
    expect(attempts.map((a: { responseBody: string }) => a.responseBody)).toEqual([
      'last words',
      'second',
      'first',
    ]);
  });

  it('gives up after one try with the single preset', async () => {
    receiver.setDefault(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'single' } });
    const messageId = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    expect(await deliveryOf(t.appId, messageId)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('follows a custom schedule exactly (no jitter injected)', async () => {
    receiver.script(status(500), status(500));
    const t = await createTenant(h, {
      url: receiver.url,
      retryPolicy: { preset: 'custom', waitsMs: [1000, 60_000] },
    });
    const messageId = await sendMessage(h, t.appId, {});
    const start = h.clock.now();
    await h.dispatcher.drainDue();
    expect(Date.parse((await deliveryOf(t.appId, messageId)).nextAttemptAt)).toBe(start + 1000);
    h.clock.advance(1000);
    await h.dispatcher.drainDue();
    expect(Date.parse((await deliveryOf(t.appId, messageId)).nextAttemptAt)).toBe(start + 61_000);
    h.clock.advance(60_000);
    await h.dispatcher.drainDue();
    expect(await deliveryOf(t.appId, messageId)).toMatchObject({ state: 'succeeded', attempts: 3 });
  });

  it('applies jitter from the injected random source', async () => {
    await restartHookline({ random: () => 0 });
    receiver.script(status(500));
    const t = await createTenant(h, {
      url: receiver.url,
      retryPolicy: { preset: 'custom', waitsMs: [100_000] },
    });
    const messageId = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    expect(Date.parse((await deliveryOf(t.appId, messageId)).nextAttemptAt)).toBe(
      h.clock.now() + 90_000,
    );
  });

  it('honours Retry-After (seconds) on 429', async () => {
    receiver.script(status(429, { 'retry-after': '120' }));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    const messageId = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    const d = await deliveryOf(t.appId, messageId);
    expect(Date.parse(d.nextAttemptAt)).toBe(h.clock.now() + 120_000);

    h.clock.advance(119_999);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1); // the policy's 5 s would have retried by now
    h.clock.advance(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(2);
    expect(await deliveryOf(t.appId, messageId)).toMatchObject({ state: 'succeeded', attempts: 2 });
  });

  it('honours Retry-After as an HTTP date on 503, within bounds', async () => {
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    receiver.script(
      status(503, { 'retry-after': new Date(h.clock.now() + 30 * 60_000).toUTCString() }),
    );
    const first = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    const d = await deliveryOf(t.appId, first);
    // HTTP dates have whole seconds.
    expect(Math.abs(Date.parse(d.nextAttemptAt) - (h.clock.now() + 30 * 60_000))).toBeLessThan(
      1000,
    );

    receiver.script(status(503, { 'retry-after': String(30 * 24 * 3600) }));
    const second = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    expect(Date.parse((await deliveryOf(t.appId, second)).nextAttemptAt)).toBe(
      h.clock.now() + MAX_RETRY_AFTER_MS,
    );
  });

  it('ignores Retry-After on other statuses', async () => {
    receiver.script(status(500, { 'retry-after': '3600' }));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    const messageId = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    expect(Date.parse((await deliveryOf(t.appId, messageId)).nextAttemptAt)).toBe(
      h.clock.now() + 5000,
    );
  });
});

// Page 002 (Routee), "Callback retry policy": 200 OK within 2 s, else up to 12 retries at
// 30 s, 1 min, 2 min, 5 min, 10 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h and 24 h after the
// initial callback attempt, 24 hours max.
describe('the routee preset against the page', () => {
  const PAGE_TIMES_S = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];

  it('retries a 204 at the page times after the initial attempt, then fails; nothing after 24 h', async () => {
    await restartHookline({ random: () => 0.5 });
    receiver.setDefault(status(204));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'routee' } });
    const messageId = await sendMessage(h, t.appId, {});
    const start = h.clock.now();
    for (let i = 0; i < 40; i++) {
      await h.dispatcher.drainDue();
      const d = await deliveryOf(t.appId, messageId);
      if (d.state === 'failed') break;
      h.clock.set(Date.parse(d.nextAttemptAt));
    }
    expect(receiver.requests).toHaveLength(13);
    const attempts = (
      await h.api('GET', `/api/v1/apps/${t.appId}/messages/${messageId}/attempts?limit=50`)
    ).body.data as Array<{ at: string; statusCode: number; errorMessage: string }>;
    const times = attempts.map((a) => (Date.parse(a.at) - start) / 1000).reverse();
    expect(times).toEqual([0, ...PAGE_TIMES_S]);
    expect(attempts[0]).toMatchObject({
      statusCode: 204,
      errorMessage: 'status 204: the routee preset counts only 200 OK as success',
    });
    expect(await deliveryOf(t.appId, messageId)).toMatchObject({ state: 'failed', attempts: 13 });
    h.clock.advance(10 * 24 * 3600 * 1000);
    expect(await h.dispatcher.drainDue()).toBe(0);
  });

  it('a 200 OK ends it', async () => {
    receiver.script(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'routee' } });
    const messageId = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    h.clock.advance(33_000);
    await h.dispatcher.drainDue();
    expect(await deliveryOf(t.appId, messageId)).toMatchObject({ state: 'succeeded', attempts: 2 });
  });
});
