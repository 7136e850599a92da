import { Counter, Histogram, type Registry } from 'prom-client';
import type { EngineEvents } from '../delivery/engine-events.js';
import type { Clock } from '../lib/clock.js';
import { EndpointSeries } from './endpoint-series.js';
import { statusClassOf } from './status-class.js';

/** Seconds, from a fast local receiver to a day of retries. */
const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21_600, 86_400,
];
const EXCHANGE_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/**
 * What the dispatcher does, counted from its engine events: attempts by outcome and status class,
 * how long each HTTP exchange took, and how long a message waited from acceptance to its final
 * outcome. Labels are bounded: no message, delivery or endpoint ids (see `EndpointSeries`).
 */
export class DeliveryMetrics {
  private readonly attempts: Counter<'outcome' | 'status_class'>;
  private readonly exchange: Histogram;
  private readonly latency: Histogram<'outcome'>;
  private readonly perEndpoint: EndpointSeries | null;

  constructor(registry: Registry, endpointSeries: number) {
    this.attempts = new Counter({
      name: 'hookline_attempts_total',
      help: 'Attempt results committed, by outcome (succeeded, retry, failed) and status class (2xx…5xx, none: no response, not_sent)',
      labelNames: ['outcome', 'status_class'],
      registers: [registry],
    });
    this.exchange = new Histogram({
      name: 'hookline_attempt_duration_seconds',
      help: 'How long each HTTP attempt took, from sending to the response (or the error)',
      buckets: EXCHANGE_BUCKETS,
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'hookline_delivery_latency_seconds',
      help: 'From the message being accepted to its delivery finally succeeding or failing',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    this.perEndpoint = endpointSeries > 0 ? new EndpointSeries(registry, endpointSeries) : null;
  }

  /** Subscribes to the dispatcher's events; returns the unsubscribe. */
  observe(events: EngineEvents, clock: Clock): () => void {
    const stopAttempts = events.on('attempt', ({ claim, result }) => {
      if (result.outcome === 'retry') return;
      const seconds = Math.max(0, clock.now() - claim.message.createdAt) / 1000;
      this.latency.observe({ outcome: result.outcome }, seconds);
    });
    const stopCommits = events.on('committed', ({ result }) => {
      this.attempts.inc({ outcome: result.outcome, status_class: statusClassOf(result) });
      if (result.attempt) this.exchange.observe(result.attempt.durationMs / 1000);
      this.perEndpoint?.count(result.endpointId, result.outcome);
    });
    return () => {
      stopAttempts();
      stopCommits();
    };
  }
}
