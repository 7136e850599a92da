import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '../lib/clock.js';
import type { Backlog, Store } from '../store/store.js';

/** Each backlog count reads at most this many index entries per scrape; a gauge at it means "at least". */
export const BACKLOG_COUNT_CAP = 100_000;

/**
 * The backlog read from the store when scraped (not on the delivery path): one bounded query per
 * scrape, shared by scrapes that arrive together. It counts every process's deliveries, so on
 * PostgreSQL any node reports the whole backlog.
 */
export class BacklogMetrics {
  private reading: Promise<Backlog> | null = null;

  constructor(registry: Registry, store: Store, clock: Clock) {
    const read = () => this.read(store, clock);
    const registers = [registry];
    new Gauge({
      name: 'hookline_backlog_deliveries',
      help: `Deliveries by state: due (due now, expired leases included), waiting (for a retry), in_flight, failed; each counted up to ${BACKLOG_COUNT_CAP}`,
      labelNames: ['state'],
      registers,
      async collect() {
        const b = await read();
        this.set({ state: 'due' }, b.dueNow);
        this.set({ state: 'waiting' }, b.waiting);
        this.set({ state: 'in_flight' }, b.inFlight);
        this.set({ state: 'failed' }, b.failed);
      },
    });
    new Gauge({
      name: 'hookline_oldest_due_age_seconds',
      help: 'How long the longest-waiting due delivery has been due (0 when nothing is due)',
      registers,
      async collect() {
        const b = await read();
        this.set(b.oldestDueAt === null ? 0 : Math.max(0, clock.now() - b.oldestDueAt) / 1000);
      },
    });
    new Gauge({
      name: 'hookline_endpoints',
      help: 'Endpoints disabled, and endpoints failing (a delivery waits for a retry after a failed attempt)',
      labelNames: ['state'],
      registers,
      async collect() {
        const b = await read();
        this.set({ state: 'disabled' }, b.disabledEndpoints);
        this.set({ state: 'failing' }, b.failingEndpoints);
      },
    });
  }

  private read(store: Store, clock: Clock): Promise<Backlog> {
    // The gauges of one scrape collect together and share this read; the next scrape reads afresh.
    this.reading ??= store.backlog(clock.now(), BACKLOG_COUNT_CAP).finally(() => {
      this.reading = null;
    });
    return this.reading;
  }
}
