/**
 * What recording metrics costs per delivery, measured in process: the engine's `attempt` and
 * `committed` events with the metrics listeners attached, against the same events with no
 * listener (the dispatcher skips building payloads then). `npx tsx bench/metrics-overhead.ts`
 */
import { performance } from 'node:perf_hooks';
import { EngineEvents } from '../src/delivery/engine-events.js';
import type { Endpoint } from '../src/domain/types.js';
import { systemClock } from '../src/lib/clock.js';
import { DeliveryMetrics } from '../src/observability/delivery-metrics.js';
import type { AttemptResult, ClaimedDelivery } from '../src/store/store.js';
import { Registry } from 'prom-client';

const N = 1_000_000;
const claim = {
  message: { createdAt: Date.now() - 50 },
  delivery: {},
} as unknown as ClaimedDelivery;
const endpoint = {} as Endpoint;
const result = {
  deliveryId: 1,
  endpointId: 'ep_1',
  leaseToken: 't',
  outcome: 'succeeded',
  nextAttemptAt: null,
  attempt: { statusCode: 200, durationMs: 3 },
} as unknown as AttemptResult;

function run(events: EngineEvents): number {
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    if (events.listening('attempt')) events.emit('attempt', { claim, endpoint, result });
    if (events.listening('committed')) events.emit('committed', { result, endpoint });
  }
  return ((performance.now() - started) * 1e6) / N;
}

const bare = new EngineEvents(() => undefined);
const observed = new EngineEvents(() => undefined);
new DeliveryMetrics(new Registry(), 0).observe(observed, systemClock);
for (let round = 0; round < 3; round++) {
  const off = run(bare);
  const on = run(observed);
  console.log(
    `round ${round + 1}: ${off.toFixed(0)} ns per delivery without metrics, ${on.toFixed(0)} ns with (+${(on - off).toFixed(0)} ns)`,
  );
}
