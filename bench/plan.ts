/** Sizes of every scenario, per mode. Quick mode must finish in under a minute on 2 cores. */
export interface Plan {
  mode: 'quick' | 'full';
  /** In-flight requests: the raw ceiling, BullMQ's worker and Hookline's dispatcher all use it. */
  concurrency: number;
  payloadBytes: number;
  rawRequests: number;
  /** The base drain, also run by BullMQ: messages × endpoints deliveries. */
  drain: { messages: number; endpoints: number };
  /** Retries for the failing-responses drains, identical for BullMQ and Hookline. */
  retry: { attempts: number; backoffMs: number };
  /**
   * Clients for single POSTs; batchClients each post `batch` messages per request. The warm-up is
   * as long as the quick sweep's: a shorter one measured the JIT compiling (bench/README.md).
   */
  ingest: {
    seconds: number;
    warmupSeconds: number;
    clients: number;
    batchClients: number;
    batch: number;
  };
  latency: { rates: number[]; seconds: number };
  /**
   * The open-loop sweep (bench/sweep/): each rate held `seconds` after one warm-up of
   * `warmupSeconds` at `warmupRate`; a rate whose messages have not all arrived `drainLimitSeconds`
   * after the last send saturates.
   */
  sweep: {
    rates: number[];
    seconds: number;
    warmupSeconds: number;
    warmupRate: number;
    drainLimitSeconds: number;
    /**
     * `rate` held `seconds` plain, during a purge of `history` settled messages and during
     * checkpoints of a WAL a reader let grow for `pinMs` (bench/sweep/interference.ts).
     */
    interference: { rate: number; seconds: number; history: number; pinMs: number };
  };
  /** PostgreSQL (issue 20): `pgbench -N` with `clients` for `seconds`, the database's ceiling. */
  pgbench: { clients: number; seconds: number };
  backlog: { small: number; large: number | null };
  manyEndpoints: { messages: number; endpoints: number };
  bigPayloadBytes: number;
  /** Messages × endpoints for the big-payload drain (64 KiB each: quick mode keeps it small). */
  bigPayloadDrain: { messages: number; endpoints: number };
  postgres: { messages: number; endpoints: number; workers: number };
  /**
   * Feature costs: a drain with per-key ordering over `orderingKeys` keys against the same drain in
   * parallel; ingest into `filterEndpoints` endpoints with payload filters against none; the
   * in-process metrics loop.
   */
  costs: {
    ordering: { messages: number; endpoints: number };
    orderingKeys: number;
    filterEndpoints: number;
    filterIterations: number;
    metricsIterations: number;
  };
  /**
   * Retention: p99 at `rate` messages/s for `seconds` without and during a purge of `history`
   * settled messages; the file's size over `cycles` simulated quarter days of `perCycle` messages.
   */
  retention: { history: number; rate: number; seconds: number; cycles: number; perCycle: number };
  /** The console's stats routes timed over a history of `attempts` attempts (bench/hookline/stats-read.ts). */
  stats: { attempts: number; endpoints: number; days: number; requests: number };
  /** A drain still running after this long is stopped and reported with its rate so far. */
  drainLimitSeconds: number;
}

export function makePlan(mode: 'quick' | 'full', concurrency: number): Plan {
  const quick = mode === 'quick';
  return {
    mode,
    concurrency,
    payloadBytes: 1024,
    rawRequests: quick ? 20_000 : 200_000,
    drain: quick ? { messages: 1_500, endpoints: 10 } : { messages: 10_000, endpoints: 10 },
    retry: { attempts: 5, backoffMs: 10 },
    ingest: quick
      ? { seconds: 1.5, warmupSeconds: 3, clients: 32, batchClients: 8, batch: 100 }
      : { seconds: 15, warmupSeconds: 3, clients: 32, batchClients: 8, batch: 100 },
    latency: { rates: [1_000, 2_000, 5_000], seconds: quick ? 1 : 10 },
    sweep: quick
      ? {
          rates: [100, 250, 500, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000],
          seconds: 2,
          warmupSeconds: 3,
          warmupRate: 500,
          drainLimitSeconds: 15,
          interference: { rate: 500, seconds: 3, history: 100_000, pinMs: 500 },
        }
      : {
          rates: [100, 250, 500, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000, 12_000],
          seconds: 10,
          warmupSeconds: 5,
          warmupRate: 1_000,
          drainLimitSeconds: 60,
          interference: { rate: 1_000, seconds: 10, history: 500_000, pinMs: 1_000 },
        },
    pgbench: { clients: 16, seconds: quick ? 5 : 30 },
    backlog: { small: 10_000, large: quick ? null : 1_000_000 },
    manyEndpoints: quick ? { messages: 1, endpoints: 10_000 } : { messages: 10, endpoints: 10_000 },
    bigPayloadBytes: 64 * 1024,
    bigPayloadDrain: quick ? { messages: 500, endpoints: 10 } : { messages: 10_000, endpoints: 10 },
    postgres: quick
      ? { messages: 1_000, endpoints: 10, workers: 2 }
      : { messages: 10_000, endpoints: 10, workers: 2 },
    costs: {
      ordering: quick ? { messages: 1_500, endpoints: 10 } : { messages: 10_000, endpoints: 10 },
      orderingKeys: 1_000,
      filterEndpoints: 100,
      filterIterations: quick ? 5_000 : 50_000,
      metricsIterations: quick ? 100_000 : 1_000_000,
    },
    retention: quick
      ? { history: 100_000, rate: 200, seconds: 5, cycles: 16, perCycle: 1_000 }
      : { history: 1_000_000, rate: 500, seconds: 20, cycles: 40, perCycle: 5_000 },
    stats: {
      attempts: quick ? 2_000_000 : 5_000_000,
      endpoints: 20,
      days: 7,
      requests: quick ? 20 : 100,
    },
    drainLimitSeconds: quick ? 30 : 900,
  };
}
