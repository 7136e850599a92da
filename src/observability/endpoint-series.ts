import { Counter, type Registry } from 'prom-client';
import type { AttemptOutcome } from '../store/store.js';

type Counts = Record<AttemptOutcome, number>;

/**
 * Per-endpoint attempt counts, opt-in (HOOKLINE_METRICS_ENDPOINT_SERIES): only the `limit`
 * endpoints with the most attempts in this process are exported, so the number of series stays
 * bounded however many endpoints exist. Counting is a map update; sorting happens on scrape.
 */
export class EndpointSeries {
  private readonly counts = new Map<string, Counts>();
  private readonly counter: Counter<'endpoint_id' | 'outcome'>;

  constructor(registry: Registry, limit: number) {
    const counts = this.counts;
    this.counter = new Counter({
      name: 'hookline_endpoint_attempts_total',
      help: `Attempt results of the ${limit} endpoints with the most attempts in this process, by outcome`,
      labelNames: ['endpoint_id', 'outcome'],
      registers: [registry],
      collect() {
        this.reset();
        const top = [...counts].sort((a, b) => total(b[1]) - total(a[1])).slice(0, limit);
        for (const [endpointId, c] of top)
          for (const outcome of Object.keys(c) as AttemptOutcome[])
            if (c[outcome] > 0) this.inc({ endpoint_id: endpointId, outcome }, c[outcome]);
      },
    });
  }

  count(endpointId: string, outcome: AttemptOutcome): void {
    let c = this.counts.get(endpointId);
    if (!c) this.counts.set(endpointId, (c = { succeeded: 0, retry: 0, failed: 0 }));
    c[outcome]++;
  }
}

const total = (c: Counts) => c.succeeded + c.retry + c.failed;
