import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver } = useHooklineFixture();

const ids = () => receiver.requests.map((r) => r.headers['webhook-id']);

describe('serial ordering', () => {
  it('holds later messages while the first is retried, then delivers them in order', async () => {
    receiver.script(status(500), status(503));
    const t = await createTenant(h, {
      url: receiver.url,
      ordering: 'serial',
      retryPolicy: { preset: 'custom', waitsMs: [1000, 1000] },
    });
    const sent: string[] = [];
    for (let i = 0; i < 4; i++) sent.push(await sendMessage(h, t.appId, { i }));

    await h.dispatcher.drainDue();
    expect(ids()).toEqual([sent[0]]);
    // Later messages are parked, not merely not-yet-due: even far in the future, nothing else goes.
    const pending = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=pending`)).body
      .data;
    expect(
      pending.filter((d: { nextAttemptAt: string | null }) => d.nextAttemptAt === null),
    ).toHaveLength(3);

    h.clock.advance(1000);
    await h.dispatcher.drainDue();
    expect(ids()).toEqual([sent[0], sent[0]]);

    // A message accepted meanwhile joins the back of the line.
    sent.push(await sendMessage(h, t.appId, { i: 4 }));
    h.clock.advance(1000);
    await h.dispatcher.drainDue();
    expect(ids()).toEqual([sent[0], sent[0], sent[0], sent[1], sent[2], sent[3], sent[4]]);
    expect(receiver.maxInFlight()).toBe(1);
    const states = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=succeeded`)).body
      .data;
    expect(states).toHaveLength(5);
  });

  it('moves on to the next message when one is given up', async () => {
    receiver.script(status(500));
    const t = await createTenant(h, {
      url: receiver.url,
      ordering: 'serial',
      retryPolicy: { preset: 'single' },
    });
    const first = await sendMessage(h, t.appId, { i: 0 });
    const second = await sendMessage(h, t.appId, { i: 1 });
    await h.dispatcher.drainDue();
    expect(ids()).toEqual([first, second]);
    const failed = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=failed`)).body
      .data;
    expect(failed.map((d: { messageId: string }) => d.messageId)).toEqual([first]);
  });
});

describe('parallel limits', () => {
  it('keeps at most maxConcurrency requests in flight per endpoint', async () => {
    // Hold requests until two are open at once (or a short while passed), so the bound is reached.
    const held: ServerResponse[] = [];
    const answer = () => {
      for (const res of held.splice(0)) res.end('ok');
    };
    receiver.setDefault({
      kind: 'handler',
      handle: (_req, res) => {
        held.push(res);
        if (held.length >= 2) answer();
        else setTimeout(answer, 1000).unref(); // only if a second request never comes
      },
    });
    const t = await createTenant(h, { url: receiver.url, maxConcurrency: 2 });
    for (let i = 0; i < 10; i++) await sendMessage(h, t.appId, { i });
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(10);
    expect(receiver.maxInFlight()).toBe(2);
    expect(
      (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=succeeded&limit=250`)).body
        .data,
    ).toHaveLength(10);
  });

  it('holds the rate limit per endpoint, measured on the fake clock', async () => {
    const t = await createTenant(h, {
      url: `${receiver.url}/limited`,
      rateLimit: 2,
      filterTypes: ['message.*'],
    });
    const other = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/free`,
      filterTypes: ['other.event'],
    });
    for (let i = 0; i < 5; i++) await sendMessage(h, t.appId, { i });
    for (let i = 0; i < 4; i++) await sendMessage(h, t.appId, { i }, 'other.event');
    const limited = () => receiver.requests.filter((r) => r.url === '/limited').length;

    await h.dispatcher.drainDue();
    expect(limited()).toBe(2); // a burst of one second's worth
    expect(receiver.requests.filter((r) => r.url === '/free')).toHaveLength(4); // unaffected
    h.clock.advance(499);
    await h.dispatcher.drainDue();
    expect(limited()).toBe(2);
    h.clock.advance(1);
    await h.dispatcher.drainDue();
    expect(limited()).toBe(3);
    h.clock.advance(500);
    await h.dispatcher.drainDue();
    expect(limited()).toBe(4);
    h.clock.advance(500);
    await h.dispatcher.drainDue();
    expect(limited()).toBe(5);

    // Being held back by the limit is not an attempt.
    const deliveries = (
      await h.api('GET', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/deliveries`)
    ).body.data;
    expect(
      deliveries.map((d: { attempts: number; state: string }) => [d.state, d.attempts]),
    ).toEqual(Array(5).fill(['succeeded', 1]));
    expect(other.status).toBe(201);
  });
});
