import { runChildTask } from '../lib/child-task.js';
import { freePort } from '../lib/free-port.js';
import type { LoadParams, LoadResult } from './load-generator.js';
import { withDataDir, type BenchContext } from './context.js';
import { HooklineProcess } from './process.js';
import { EVENT_TYPE, seedSqlite, type Seeded } from './seed.js';
import { SqliteProgress } from './sqlite-progress.js';

const loadGenerator = new URL('./load-generator.js', import.meta.url);

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
  /** An open-loop producer in its own process: `rate` messages/s for `seconds`. */
  offer(rate: number, seconds: number): Promise<LoadResult>;
  /** Any load against this server's app (closed loop, batches). */
  load(
    params: Omit<LoadParams, 'baseUrl' | 'apiKey' | 'appId' | 'eventType' | 'payloadBytes'>,
  ): Promise<LoadResult>;
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
    try {
      progress = new SqliteProgress(dataDir, seeded.appId);
      const load: BenchServer['load'] = (params) =>
        runChildTask<LoadParams, LoadResult>(loadGenerator, {
          baseUrl: hookline.baseUrl,
          apiKey: seeded.apiKey,
          appId: seeded.appId,
          eventType: EVENT_TYPE,
          payloadBytes: plan.payloadBytes,
          ...params,
        });
      return await fn({
        hookline,
        seeded,
        dataDir,
        progress,
        load,
        offer: (rate, seconds) => load({ mode: 'open', connections: 64, rate, seconds }),
      });
    } finally {
      progress?.close();
      await hookline.stop();
    }
  });
}
