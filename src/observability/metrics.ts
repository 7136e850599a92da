import {
  AggregatorRegistry,
  Registry,
  type MetricObjectWithValues,
  type MetricValue,
} from 'prom-client';
import type { EngineEvents } from '../delivery/engine-events.js';
import type { Clock } from '../lib/clock.js';
import type { Store } from '../store/store.js';
import { BacklogMetrics } from './backlog-metrics.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { processRegistry } from './process-metrics.js';
import { StoreMetrics } from './store-metrics.js';

/** A registry's metrics as `getMetricsAsJSON()` gives them (structured-cloneable). */
export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

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
  /** Other threads' registries (the delivery thread's), summed with ours on scrape. */
  private readonly merged: Array<() => Promise<MetricsJson>> = [];

  constructor(options: MetricsOptions) {
    this.delivery = new DeliveryMetrics(this.registry, options.endpointSeries);
  }

  /** The store every part should use: its hot-path writes are measured. */
  instrumentStore(store: Store): Store {
    return this.storeMetrics.instrument(store);
  }

  /**
   * Starts counting what the dispatcher reports (null: it runs on another thread, which counts),
   * and reading the backlog on scrape.
   */
  observe(events: EngineEvents | null, store: Store, clock: Clock): void {
    new BacklogMetrics(this.registry, store, clock);
    if (events) this.countDeliveries(events, clock);
  }

  /** Counts what the dispatcher reports (the delivery thread's metrics do only this). */
  countDeliveries(events: EngineEvents, clock: Clock): void {
    this.stopEvents = this.delivery.observe(events, clock);
  }

  /** Adds another thread's registry, read on each scrape and summed with ours by metric and labels. */
  merge(read: () => Promise<MetricsJson>): void {
    this.merged.push(read);
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    const [own, process] = await Promise.all([this.ownText(), processRegistry().metrics()]);
    return `${own}\n${process}`;
  }

  private async ownText(): Promise<string> {
    if (this.merged.length === 0) return this.registry.metrics();
    const all = await Promise.all([
      this.registry.getMetricsAsJSON(),
      ...this.merged.map((r) => r()),
    ]);
    return AggregatorRegistry.aggregate(all).metrics();
  }

  close(): void {
    this.stopEvents?.();
  }
}
