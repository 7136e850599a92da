import { Registry } from 'prom-client';
import type { EngineEvents } from '../delivery/engine-events.js';
import type { Clock } from '../lib/clock.js';
import type { Store } from '../store/store.js';
import { BacklogMetrics } from './backlog-metrics.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { processRegistry } from './process-metrics.js';
import { StoreMetrics } from './store-metrics.js';

export interface MetricsOptions {
  /** Per-endpoint series for this many endpoints (the busiest); 0 = none. */
  endpointSeries: number;
}

/**
 * Everything GET /metrics reports, for one app: its own registry (several apps in one process,
 * as in tests, never share counters) plus the process metrics.
 */
export class HooklineMetrics {
  readonly registry = new Registry();
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  private readonly storeMetrics = new StoreMetrics(this.registry);
  private readonly delivery: DeliveryMetrics;
  private stopEvents: (() => void) | null = null;

  constructor(options: MetricsOptions) {
    this.delivery = new DeliveryMetrics(this.registry, options.endpointSeries);
  }

  /** The store every part should use: its hot-path writes are measured. */
  instrumentStore(store: Store): Store {
    return this.storeMetrics.instrument(store);
  }

  /** Starts counting what the dispatcher reports, and reading the backlog on scrape. */
  observe(events: EngineEvents, store: Store, clock: Clock): void {
    new BacklogMetrics(this.registry, store, clock);
    this.stopEvents = this.delivery.observe(events, clock);
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    const [own, process] = await Promise.all([
      this.registry.metrics(),
      processRegistry().metrics(),
    ]);
    return `${own}\n${process}`;
  }

  close(): void {
    this.stopEvents?.();
  }
}
