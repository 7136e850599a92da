import { freePort } from '../lib/free-port.js';
import type { LoadResult } from './load-generator.js';
import { withDataDir, type BenchContext } from './context.js';
import { HooklineProcess } from './process.js';
import { startProducer, type Producer, type ProducerLoad } from './producer.js';
import { seedSqlite, type Seeded } from './seed.js';
import { SqliteProgress } from './sqlite-progress.js';

export interface BenchServerOptions {
  /** `--role` of the process (all when not given). */
  role?: 'api' | 'all';
  env?: Record<string, string>;
  /** Node flags of the Hookline process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Runs on the seeded folder before Hookline starts (e.g. writes old history). */
  beforeStart?: (dataDir: string, seeded: Seeded) => void | Promise<void>;
}

/** What `withBenchServer` hands its scenario. */
export interface BenchServer {
  hookline: HooklineProcess;
  seeded: Seeded;
  dataDir: string;
  /** The process's SQLite file, read-only: what is committed. */
  progress: SqliteProgress;
  /**
   * The scenario's producer, one process for all its loads (so a warm-up warms it too): open loop,
   * `rate` messages/s for `seconds`.
   */
  offer(rate: number, seconds: number): Promise<LoadResult>;
  /** Any load against this server's app (closed loop, batches), through the same producer. */
  load(params: ProducerLoad): Promise<LoadResult>;
}

/**
 * The setup the single-process SQLite scenarios share: a fresh data folder with one app and one
 * endpoint on the receiver (no backlog), Hookline started on it with its defaults, and a reader of
 * its file; all stopped and removed afterwards.
 */
export async function withBenchServer<T>(
  ctx: BenchContext,
  options: BenchServerOptions,
  fn: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const { plan, receiver } = ctx;
  return withDataDir(async (dataDir) => {
    const seeded = await seedSqlite({
      dataDir,
      receiverUrl: receiver.url('/'),
      endpoints: 1,
      messages: 0,
      payloadBytes: plan.payloadBytes,
      maxConcurrency: plan.concurrency,
      retryPolicy: { preset: 'standard' },
    });
    await options.beforeStart?.(dataDir, seeded);
    const hookline = await HooklineProcess.start({
      port: await freePort(),
      args: ['--data-dir', dataDir, ...(options.role ? ['--role', options.role] : [])],
      adminToken: ctx.adminToken,
      env: options.env,
      nodeArgs: options.nodeArgs,
    });
    let progress: SqliteProgress | null = null;
    let producer: Producer | null = null;
    try {
      progress = new SqliteProgress(dataDir, seeded.appId);
      const target = { baseUrl: hookline.baseUrl, apiKey: seeded.apiKey, appId: seeded.appId };
      const started = () => (producer ??= startProducer(target, plan.payloadBytes));
      return await fn({
        hookline,
        seeded,
        dataDir,
        progress,
        load: (params) => started().load(params),
        offer: (rate, seconds) => started().offer(rate, seconds),
      });
    } finally {
      progress?.close();
      await (producer as Producer | null)?.close();
      await hookline.stop();
    }
  });
}
