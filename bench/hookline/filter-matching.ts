/**
 * What payload filters add to accepting one message, in process: routing a message to endpoints
 * that carry the filter (the payload parsed once, then each filter evaluated) against the same
 * endpoints without one. The store does exactly this inside the insert's transaction.
 */
import { performance } from 'node:perf_hooks';
import type { PayloadFilter } from '../../src/domain/payload-filter.js';
import {
  routeMessage,
  toRoutable,
  type RoutableEndpoint,
} from '../../src/store/endpoint-routing.js';
import { makePayload } from '../lib/payload.js';
import type { ScenarioResult } from '../lib/results.js';
import { EVENT_TYPE } from './seed.js';

function routables(endpoints: number, filter: PayloadFilter | null): RoutableEndpoint[] {
  return Array.from({ length: endpoints }, (_, i) =>
    toRoutable({
      id: `ep_${i}`,
      ordering: 'parallel',
      disabled: false,
      filterTypes: null,
      filter,
      orderingKeyPath: null,
    }),
  );
}

function perMessageNs(targets: RoutableEndpoint[], payloads: string[], n: number): number {
  let routed = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const message = {
      id: 'msg_1',
      eventType: EVENT_TYPE,
      payload: payloads[i % payloads.length]!,
      endpointId: null,
      orderingKey: null,
    };
    routed += routeMessage(targets, message).length;
  }
  const ns = ((performance.now() - started) * 1e6) / n;
  if (routed !== n * targets.length)
    throw new Error('the bench filter did not match every payload');
  return ns;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function measureFilterMatching(
  endpoints: number,
  filter: PayloadFilter,
  payloadBytes: number,
  iterations: number,
): ScenarioResult {
  const plain = routables(endpoints, null);
  const filtered = routables(endpoints, filter);
  const payloads = Array.from({ length: 64 }, (_, i) => makePayload(payloadBytes, i));
  perMessageNs(plain, payloads, iterations / 10); // warm-up (JIT)
  perMessageNs(filtered, payloads, iterations / 10);
  const off: number[] = [];
  const on: number[] = [];
  for (let round = 0; round < 5; round++) {
    off.push(perMessageNs(plain, payloads, iterations));
    on.push(perMessageNs(filtered, payloads, iterations));
  }
  const before = median(off);
  const after = median(on);
  return {
    id: 'cost-filter-matching',
    group: 'cost',
    label: `Routing a message to ${endpoints} endpoints (in process)`,
    setup: `${iterations.toLocaleString('en-US')} messages × 5 rounds, median, ${payloadBytes / 1024} KiB payloads: every endpoint with the payload filter against none`,
    status: 'ok',
    extra: {
      nsBefore: Math.round(before),
      nsAfter: Math.round(after),
      nsAdded: Math.round(after - before),
    },
  };
}
