import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver, restartHookline } = useHooklineFixture();
const HOUR = 3_600_000;

describe('endpoints that step aside: 410 Gone, failing too long, held deliveries', () => {
  it('410 Gone disables the endpoint at once; its deliveries are held, and sent when asked', async () => {
    receiver.script(status(410));
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    const first = await sendMessage(h, t.appId, { i: 0 });
    const goneAt = h.clock.now();
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
    expect((await h.api('GET', url)).body).toMatchObject({
      disabled: true,
      disabledReason: 'gone',
      disabledAt: new Date(goneAt).toISOString(),
    });
    const second = await sendMessage(h, t.appId, { i: 1 });
    h.clock.advance(24 * HOUR);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1); // never retried while gone
    const deliveries = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`);
    expect(deliveries.body.data.map((d: { state: string }) => d.state)).toEqual(['held', 'held']);

    // Recover refuses while disabled; enabling with sendHeld sends both, the oldest first.
    const refused = await h.api('POST', `${url}/recover`, {
      since: new Date(0).toISOString(),
      states: ['held'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('endpoint_disabled');
    const badAsk = await h.api('PATCH', url, { sendHeld: true });
    expect(badAsk.status).toBe(400);
    expect(badAsk.body.details).toEqual([expect.objectContaining({ field: 'sendHeld' })]);
    const enabled = await h.api('PATCH', url, { disabled: false, sendHeld: true });
    expect(enabled.body).toMatchObject({
      disabled: false,
      disabledReason: null,
      heldSent: { requeued: 2, done: true },
    });
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([first, first, second]);
  });

  it('an endpoint failing without a success for HOOKLINE_DISABLE_AFTER is disabled (failing)', async () => {
    await restartHookline({ config: { disableAfterMs: '2h' } });
    receiver.script(...Array.from({ length: 50 }, () => status(500)));
    const t = await createTenant(h, {
      url: receiver.url,
      retryPolicy: { preset: 'custom', waitsMs: Array.from({ length: 10 }, () => HOUR / 2) },
    });
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    await sendMessage(h, t.appId, {});
    const failingSince = h.clock.now();
    await h.dispatcher.drainDue();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(HOUR / 2);
      await h.dispatcher.drainDue();
    }
    // 1.5 h of failures: still enabled.
    expect((await h.api('GET', url)).body).toMatchObject({ disabled: false });
    h.clock.advance(HOUR / 2);
    await h.dispatcher.drainDue();
    expect(h.clock.now() - failingSince).toBe(2 * HOUR);
    expect((await h.api('GET', url)).body).toMatchObject({
      disabled: true,
      disabledReason: 'failing',
      disabledAt: new Date(h.clock.now()).toISOString(),
      health: { failingSince: new Date(failingSince).toISOString() },
    });
    const tries = receiver.requests.length;
    expect(tries).toBe(5);
    h.clock.advance(10 * HOUR);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(tries);
    const held = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=held`);
    expect(held.body.data).toHaveLength(1);
  });
});
