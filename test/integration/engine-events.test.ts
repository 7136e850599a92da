import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEventMap, EngineEventName } from '../../src/delivery/engine-events.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

let h: TestHookline | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  await h?.close();
  h = undefined;
  removeDataDirs();
});

/** Every event of the given names, in emission order. */
function record(t: TestHookline, ...names: EngineEventName[]) {
  const seen: Array<{ name: EngineEventName; event: EngineEventMap[EngineEventName] }> = [];
  for (const name of names) t.app.events.on(name, (event) => seen.push({ name, event }));
  return seen;
}

describe('engine events', () => {
  it('tell claimed, attempt and committed for each delivery, in that order', async () => {
    receiver = await startReceiver();
    h = await startHookline();
    const t = await createTenant(h, { url: receiver.url });
    const seen = record(h, 'claimed', 'attempt', 'committed', 'released', 'idle');
    const messageId = await sendMessage(h, t.appId, { n: 1 });
    await h.dispatcher.drainDue();

    expect(seen.map((s) => s.name)).toEqual(['claimed', 'attempt', 'committed']);
    const [claimed, attempt, committed] = seen.map((s) => s.event) as [
      EngineEventMap['claimed'],
      EngineEventMap['attempt'],
      EngineEventMap['committed'],
    ];
    expect(claimed.deliveries.map((c) => c.message.id)).toEqual([messageId]);
    expect(attempt.claim).toBe(claimed.deliveries[0]);
    expect(attempt.endpoint.id).toBe(t.endpointId);
    expect(attempt.result).toMatchObject({
      endpointId: t.endpointId,
      outcome: 'succeeded',
      attempt: { messageId, statusCode: 200 },
    });
    expect(committed.result).toBe(attempt.result);
    expect(committed.endpoint.id).toBe(t.endpointId);
  });

  it('committed comes once the result is what the store reads, with the loop running', async () => {
    receiver = await startReceiver({ kind: 'status', status: 500 });
    h = await startHookline();
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    const committed = h.awaitNext('committed');
    h.dispatcher.start();
    const messageId = await sendMessage(h, t.appId, { n: 1 });
    const { result } = await committed;

    expect(result).toMatchObject({ outcome: 'retry', nextAttemptAt: h.clock.now() + 5000 });
    const [delivery] = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data;
    expect(delivery).toMatchObject({ messageId, state: 'pending', attempts: 1, lastStatus: 500 });
  });

  it('idle tells how long the loop sleeps and until what', async () => {
    h = await startHookline({ config: { pollMs: 250 } });
    const idle = h.awaitNext('idle');
    h.dispatcher.start();
    expect(await idle).toEqual({ sleepMs: 250, nextDueAt: null, claimError: undefined });
  });

  it('released tells the rate limit’s give-backs, with the time each is due again', async () => {
    receiver = await startReceiver();
    h = await startHookline();
    const t = await createTenant(h, { url: receiver.url, rateLimit: 1 });
    for (let i = 0; i < 3; i++) await sendMessage(h, t.appId, { i });
    const seen = record(h, 'released');
    await h.dispatcher.drainDue();

    expect(receiver.requests).toHaveLength(1);
    expect(seen).toHaveLength(1);
    const { releases, reason } = seen[0].event as EngineEventMap['released'];
    expect(reason).toBe('rate-limited');
    expect(releases).toHaveLength(2);
    for (const r of releases) expect(r.nextAttemptAt).toBeGreaterThan(h.clock.now());
  });

  it('released tells a claim parked because its endpoint was disabled after the claim', async () => {
    receiver = await startReceiver();
    h = await startHookline();
    const t = await createTenant(h, { url: receiver.url });
    const endpointUrl = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    await sendMessage(h, t.appId, { n: 1 });
    // The endpoint is disabled between the claim and the dispatcher's look at the endpoint.
    const store = h.app.store;
    const claimDue = store.claimDue.bind(store);
    const disablingClaim: typeof store.claimDue = async (args) => {
      const claimed = await claimDue(args);
      if (claimed.length > 0) await h!.api('PATCH', endpointUrl, { disabled: true });
      return claimed;
    };
    Object.defineProperty(store, 'claimDue', { value: disablingClaim }); // the method is read-only
    const seen = record(h, 'released');
    await h.dispatcher.drainDue();

    expect(receiver.requests).toHaveLength(0);
    expect(seen.map((s) => s.event)).toEqual([
      { reason: 'disabled', releases: [expect.objectContaining({ nextAttemptAt: null })] },
    ]);
  });

  it('released tells a claim given back because it waited past its lease for a slot', async () => {
    // The first request is held until the test answers it; later ones are answered at once.
    let first: ServerResponse | null = null;
    receiver = await startReceiver({
      kind: 'handler',
      handle: (_req, res) => void (first === null ? (first = res) : res.end('ok')),
    });
    h = await startHookline();
    const t = await createTenant(h, { url: receiver.url, maxConcurrency: 1, timeoutMs: 5000 });
    await sendMessage(h, t.appId, { n: 1 });
    await sendMessage(h, t.appId, { n: 2 });
    const released = h.awaitNext('released');
    const draining = h.dispatcher.drainDue();
    await receiver.waitFor(1); // the first holds the endpoint's only slot; the second waits
    h.clock.advance(120_000); // the second's lease (120 s) now ends before its timeout would
    first!.end('ok');

    const { releases, reason } = await released;
    expect(reason).toBe('lease-too-short');
    expect(releases).toEqual([
      expect.objectContaining({ nextAttemptAt: h.clock.now() }), // due again at once
    ]);
    await draining;
    await h.dispatcher.drainDue(); // due again at once: delivered without moving the clock
    expect(receiver.requests).toHaveLength(2);
  });

  it('a listener that throws does not stop deliveries', async () => {
    receiver = await startReceiver();
    h = await startHookline();
    const t = await createTenant(h, { url: receiver.url });
    h.app.events.on('attempt', () => {
      throw new Error('a metrics bug');
    });
    const seen = record(h, 'committed');
    await sendMessage(h, t.appId, { n: 1 });
    await h.dispatcher.drainDue();
    expect(seen).toHaveLength(1);
    const [delivery] = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data;
    expect(delivery.state).toBe('succeeded');
  });

  it('awaitNext fails with what it waited for when the event never comes', async () => {
    h = await startHookline();
    await expect(
      h.awaitNext('committed', undefined, { what: 'for a delivery nobody sent', timeoutMs: 50 }),
    ).rejects.toThrow('awaitNext: no "committed" event for a delivery nobody sent within 50 ms');
    await expect(
      h.awaitNext('claimed', (e) => e.deliveries.length > 5, { timeoutMs: 50 }),
    ).rejects.toThrow(/no "claimed" event matching .*e\.deliveries\.length > 5.* within 50 ms/);
  });
});
