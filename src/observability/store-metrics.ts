import { performance } from 'node:perf_hooks';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { ClaimArgs, Store } from '../store/store.js';

const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** The hot-path writes that are timed, by their `operation` label. */
const TIMED = {
  insertMessage: 'insert_message',
  insertMessages: 'insert_batch',
  claimDue: 'claim',
  recordAttempts: 'record_attempts',
  releaseDeliveries: 'release',
} as const;
type Timed = keyof typeof TIMED;

/**
 * The store's hot-path writes, measured from outside: how long each takes until committed, how many
 * rows a claim or a result batch carries, how many messages were accepted and how many claims ran.
 * One timer and a few counter updates per call (a call is a whole batch on the delivery side).
 */
export class StoreMetrics {
  private readonly commit: Histogram<'operation'>;
  private readonly batch: Histogram<'operation'>;
  private readonly accepted: Counter;
  private readonly claims: Counter;
  private readonly claimed: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.commit = new Histogram({
      name: 'hookline_store_commit_seconds',
      help: 'Time of the store writes on the hot path until committed, by operation (insert_message, insert_batch, claim, record_attempts, release)',
      labelNames: ['operation'],
      buckets: COMMIT_BUCKETS,
      registers,
    });
    this.batch = new Histogram({
      name: 'hookline_store_batch_size',
      help: 'Rows per claim and per group commit of attempt results, by operation (claim, record_attempts)',
      labelNames: ['operation'],
      buckets: BATCH_BUCKETS,
      registers,
    });
    this.accepted = new Counter({
      name: 'hookline_messages_accepted_total',
      help: 'Messages accepted and stored (an idempotent repeat is not counted again)',
      registers,
    });
    this.claims = new Counter({
      name: 'hookline_claims_total',
      help: 'Claims that took at least one delivery (rate() gives claims per second)',
      registers,
    });
    this.claimed = new Counter({
      name: 'hookline_claimed_deliveries_total',
      help: 'Deliveries put under lease by claims',
      registers,
    });
  }

  /** The same store; its hot-path writes are measured. */
  instrument(store: Store): Store {
    const wrapped = new Map<PropertyKey, unknown>();
    for (const name of Object.keys(TIMED) as Timed[]) {
      const write = (store[name] as (...args: unknown[]) => Promise<unknown>).bind(store);
      const operation = TIMED[name];
      wrapped.set(name, async (...args: unknown[]) => {
        const started = performance.now();
        const result = await write(...args);
        // A claim that waited for work (ClaimArgs.waitMs) timed its wait, not its commit.
        if (!(name === 'claimDue' && (args[0] as ClaimArgs).waitMs))
          this.commit.observe({ operation }, (performance.now() - started) / 1000);
        this.after(name, args, result);
        return result;
      });
    }
    return new Proxy(store, {
      get: (target, key) =>
        // An own property (a test replacing a method) reads as itself, as in the change feed.
        (!Object.prototype.hasOwnProperty.call(target, key) && wrapped.get(key)) ||
        Reflect.get(target, key, target),
    });
  }

  private after(name: Timed, args: unknown[], result: unknown): void {
    if (name === 'insertMessage') {
      if ((result as Awaited<ReturnType<Store['insertMessage']>>).created) this.accepted.inc();
    } else if (name === 'insertMessages') {
      const created = (result as Awaited<ReturnType<Store['insertMessages']>>).filter(
        (r) => r.created,
      ).length;
      if (created > 0) this.accepted.inc(created);
    } else if (name === 'claimDue') {
      const n = (result as unknown[]).length;
      if (n === 0) return;
      this.claims.inc();
      this.claimed.inc(n);
      this.batch.observe({ operation: 'claim' }, n);
    } else if (name === 'recordAttempts') {
      this.batch.observe({ operation: 'record_attempts' }, (args[0] as unknown[]).length);
    }
  }
}
