/**
 * What recording metrics costs per delivery, measured in process, before (nothing recorded) and
 * after (the metrics attached as Hookline attaches them): the engine's `attempt` and `committed`
 * events with the metrics listeners against the same events with none (the dispatcher skips
 * building their payloads then), and the store's hot-path writes through the timing wrapper
 * against the bare store. Counted as if every delivery had its own claim and its own commit (the
 * dispatcher batches both), so the figure is an upper bound.
 */
import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { EngineEvents } from '../../src/delivery/engine-events.js';
import type { Endpoint } from '../../src/domain/types.js';
import { systemClock } from '../../src/lib/clock.js';
import { DeliveryMetrics } from '../../src/observability/delivery-metrics.js';
import { StoreMetrics } from '../../src/observability/store-metrics.js';
import type { AttemptResult, ClaimedDelivery, Store } from '../../src/store/store.js';
import type { ScenarioResult } from '../lib/results.js';

const claim = {
  message: { createdAt: Date.now() - 50 },
  delivery: {},
} as unknown as ClaimedDelivery;
const endpoint = {} as Endpoint;
const CLAIM = { now: 0, limit: 1, leaseMs: 1000 };
const result = {
  deliveryId: 1,
  endpointId: 'ep_1',
  leaseToken: 't',
  outcome: 'succeeded',
  nextAttemptAt: null,
  attempt: { statusCode: 200, durationMs: 3 },
} as unknown as AttemptResult;

/** A store that answers at once: what is left is the wrapper's own cost. */
function bareStore(): Store {
  const claimed = [claim];
  return {
    claimDue: async () => claimed,
    recordAttempts: async () => undefined,
    // Wrapped too, though not called here.
    insertMessage: async () => undefined,
    insertMessages: async () => undefined,
    releaseDeliveries: async () => undefined,
  } as unknown as Store;
}

async function perDeliveryNs(events: EngineEvents, store: Store, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await store.claimDue(CLAIM);
    if (events.listening('attempt')) events.emit('attempt', { claim, endpoint, result });
    await store.recordAttempts([result], 0);
    if (events.listening('committed')) events.emit('committed', { result, endpoint });
  }
  return ((performance.now() - started) * 1e6) / n;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureMetricsOverhead(iterations: number): Promise<ScenarioResult> {
  const bare = { events: new EngineEvents(() => undefined), store: bareStore() };
  const registry = new Registry();
  const observed = {
    events: new EngineEvents(() => undefined),
    store: new StoreMetrics(registry).instrument(bareStore()),
  };
  new DeliveryMetrics(registry, 0).observe(observed.events, systemClock);
  const off: number[] = [];
  const on: number[] = [];
  await perDeliveryNs(bare.events, bare.store, iterations / 10); // warm-up (JIT)
  await perDeliveryNs(observed.events, observed.store, iterations / 10);
  for (let round = 0; round < 5; round++) {
    off.push(await perDeliveryNs(bare.events, bare.store, iterations));
    on.push(await perDeliveryNs(observed.events, observed.store, iterations));
  }
  const before = median(off);
  const after = median(on);
  return {
    id: 'metrics-overhead',
    group: 'cost',
    label: 'Recording metrics, per delivery (in process)',
    setup: `${iterations.toLocaleString('en-US')} deliveries × 5 rounds, median: engine events with and without the metrics listeners, a claim and a commit through the store timing wrapper each`,
    status: 'ok',
    extra: {
      nsBefore: Math.round(before),
      nsAfter: Math.round(after),
      nsAdded: Math.round(after - before),
    },
  };
}
