import { pino } from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISPATCHER_OPTIONS, Dispatcher } from '../../src/delivery/dispatcher.js';
import { HttpSender } from '../../src/delivery/http-sender.js';
import {
  createTenant,
  noJitter,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';
import { signedBy } from '../helpers/signatures.js';

let receiver: Receiver;
const open: TestHookline[] = [];

beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await receiver.close();
});
afterAll(removeDataDirs);

async function start(options: Parameters<typeof startHookline>[0] = {}) {
  const h = await startHookline(options);
  open.push(h);
  return h;
}

describe('leases', () => {
  it('a delivery claimed by a worker that died is delivered by another once the lease expires, same webhook-id', async () => {
    const h = await start();
    receiver.script(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    const messageId = await sendMessage(h, t.appId, { crash: true });
    await h.dispatcher.drainDue(); // attempt 1: 500, retry in 5 s
    h.clock.advance(5000);

    // A worker claims it and dies before sending.
    const leaseMs = 120_000;
    const lost = await h.app.store.claimDue({ now: h.clock.now(), limit: 10, leaseMs });
    expect(lost.map((c) => c.message.id)).toEqual([messageId]);

    const sender = new HttpSender({ egress: 'public-and-loopback' });
    const survivor = new Dispatcher(h.app.store, sender, h.clock, pino({ level: 'silent' }), {
      ...DEFAULT_DISPATCHER_OPTIONS,
      random: noJitter,
    });
    try {
      expect(await survivor.drainDue()).toBe(0); // the lease still holds
      expect(await h.dispatcher.drainDue()).toBe(0);
      h.clock.advance(leaseMs - 1);
      expect(await survivor.drainDue()).toBe(0);
      expect(receiver.requests).toHaveLength(1);

      h.clock.advance(1);
      expect(await survivor.drainDue()).toBe(1);
    } finally {
      await sender.close();
    }
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([messageId, messageId]);
    expect(signedBy(t.secret, receiver.requests[1])).toBe(true);
    const [delivery] = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data;
    expect(delivery).toMatchObject({ state: 'succeeded', attempts: 2 });

    // The dead worker's late result changes nothing: its lease is gone.
    await h.app.store.recordAttempts(
      [
        {
          deliveryId: lost[0].delivery.id,
          endpointId: t.endpointId,
          leaseToken: lost[0].leaseToken,
          attempt: null,
          outcome: 'failed',
          nextAttemptAt: null,
        },
      ],
      h.clock.now(),
    );
    const [after] = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data;
    expect(after).toMatchObject({ state: 'succeeded', attempts: 2 });
  });
});

describe('restart', () => {
  it('a backlog left by a stopped process, in flight ones included, is delivered after restart', async () => {
    const first = await start();
    const t = await createTenant(first, { url: receiver.url });
    const sent: string[] = [];
    for (let i = 0; i < 20; i++) sent.push(await sendMessage(first, t.appId, { i }));
    // Five were in flight when the process went away.
    const inFlight = await first.app.store.claimDue({
      now: first.clock.now(),
      limit: 5,
      leaseMs: 3_600_000,
    });
    expect(inFlight).toHaveLength(5);
    await first.close();
    open.splice(open.indexOf(first), 1);
    expect(receiver.requests).toHaveLength(0);

    const second = await start({ dataDir: first.dataDir, clock: first.clock });
    // The app's API key survived the restart.
    const listed = await second.api(
      'GET',
      `/api/v1/apps/${t.appId}/messages?limit=250`,
      undefined,
      { token: t.apiKey },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(20);

    await second.dispatcher.drainDue();
    const arrived = receiver.requests.map((r) => String(r.headers['webhook-id']));
    expect(arrived.sort()).toEqual([...sent].sort());
    const succeeded = await second.api(
      'GET',
      `/api/v1/apps/${t.appId}/deliveries?state=succeeded&limit=250`,
    );
    expect(succeeded.body.data).toHaveLength(20);
  });
});
