import type { Ordering, RetryPolicy } from '../../src/domain/types.js';
import { drainWarmup, steadyRate } from '../lib/drain-window.js';
import { count, fmt, size } from '../lib/format.js';
import { freePort } from '../lib/free-port.js';
import { failed, type ScenarioGroup, type ScenarioResult } from '../lib/results.js';
import { epochNow } from '../lib/timing.js';
import { withDataDir, type BenchContext } from './context.js';
import { HooklineProcess } from './process.js';
import { seedSqlite } from './seed.js';
import { SqliteProgress } from './sqlite-progress.js';
import { waitCommitted } from './wait-committed.js';

export interface DrainSpec {
  id: string;
  group: ScenarioGroup;
  label: string;
  messages: number;
  endpoints: number;
  payloadBytes: number;
  /** Share of receiver answers that are 500s. */
  failRatio: number;
  /** Every endpoint's ordering (parallel when not given); per-key spreads messages over keys. */
  ordering?: Ordering;
  orderingKeys?: number;
  /** Extra environment of the Hookline process (e.g. HOOKLINE_OTLP_TRACES_URL). */
  env?: Record<string, string>;
  /** When set, the Hookline process runs with --cpu-prof writing here. */
  profileDir?: string | null;
}

/** The failing drains retry like the BullMQ baseline: attempts with doubling waits from backoffMs. */
export function benchRetryPolicy(attempts: number, backoffMs: number): RetryPolicy {
  return {
    preset: 'custom',
    waitsMs: Array.from({ length: attempts - 1 }, (_, i) => backoffMs * 2 ** i),
  };
}

/**
 * Hookline on SQLite drains a backlog seeded before it starts. The rate is the deliveries after the
 * warm-up (`drain-window.ts`: the first quarter to arrive at the receiver) over the time from the
 * warm-up's end to the moment the database shows every delivery in a committed final state; the
 * rate from the first arrival is kept beside it.
 */
export async function measureSqliteDrain(
  ctx: BenchContext,
  spec: DrainSpec,
): Promise<ScenarioResult> {
  const { plan, receiver } = ctx;
  const deliveries = spec.messages * spec.endpoints;
  const retry =
    spec.failRatio > 0 ? benchRetryPolicy(plan.retry.attempts, plan.retry.backoffMs) : null;
  const base = {
    id: spec.id,
    group: spec.group,
    label: spec.label,
    setup:
      `${count(deliveries, 'delivery')} (${count(spec.messages, 'message')} × ${count(spec.endpoints, 'endpoint')}), ${size(spec.payloadBytes)}` +
      (retry
        ? `, ${spec.failRatio * 100}% answered 500, retries ${retry.waitsMs!.join('/')} ms`
        : '') +
      (spec.ordering === 'per-key'
        ? `, ordering per-key over ${count(spec.orderingKeys ?? 0, 'key')}`
        : ''),
  };
  try {
    return await withDataDir(async (dataDir) => {
      const seeded = await seedSqlite({
        dataDir,
        receiverUrl: receiver.url('/'),
        endpoints: spec.endpoints,
        messages: spec.messages,
        payloadBytes: spec.payloadBytes,
        maxConcurrency: Math.min(1000, plan.concurrency),
        retryPolicy: retry ?? { preset: 'standard' },
        ordering: spec.ordering,
        orderingKeys: spec.orderingKeys,
      });
      await receiver.configure({ failRatio: spec.failRatio, latencyMs: 0, record: false });
      await receiver.reset();
      const hookline = await HooklineProcess.start({
        port: await freePort(),
        args: ['--data-dir', dataDir],
        adminToken: ctx.adminToken,
        nodeArgs: spec.profileDir ? ['--cpu-prof', '--cpu-prof-dir', spec.profileDir] : [],
        env: spec.env,
      });
      const progress = new SqliteProgress(dataDir, seeded.appId);
      try {
        // The warm-up's deliveries arrive first; the rate is timed over the rest.
        const warmup = drainWarmup(seeded.deliveries);
        const warmEndedAt = await receiver.waitForOk(warmup, plan.drainLimitSeconds * 1000).then(
          () => epochNow(),
          () => null,
        );
        const committed = await waitCommitted(receiver, progress, seeded.deliveries, {
          assertAlive: () => hookline.assertRunning(),
          limitMs: plan.drainLimitSeconds * 1000,
        });
        const arrived = await receiver.stats();
        if (arrived.firstAt === null)
          throw new Error(`nothing arrived within ${plan.drainLimitSeconds} s`);
        const seconds = (committed.at - arrived.firstAt) / 1000;
        const done = seeded.deliveries - committed.remaining;
        const complete = committed.remaining === 0 && warmEndedAt !== null;
        const peakRssMb = await hookline.peakRssMb();
        const final = progress.final();
        return {
          ...base,
          status: 'ok' as const,
          ...(committed.remaining > 0
            ? {
                reason: `partial: stopped at the ${plan.drainLimitSeconds} s limit with ${fmt(done)} of ${fmt(seeded.deliveries)} committed; rate over that time`,
              }
            : {}),
          perSecond: complete
            ? steadyRate(done, warmup, warmEndedAt, committed.at)
            : done / seconds,
          unit: 'deliveries/s',
          peakRssMb,
          extra: {
            complete: committed.remaining === 0,
            seconds: round(seconds),
            fromFirstPerSecond: Math.round(done / seconds),
            seedSeconds: round(seeded.seedSeconds),
            succeeded: final.succeeded,
            failedFinal: final.failed,
            attempts: final.attempts,
            receiverOk: arrived.ok,
            receiverFailed: arrived.failed,
          },
        };
      } finally {
        progress.close();
        const code = await hookline.stop();
        if (code !== 0 && code !== null)
          console.error(
            `bench: hookline exited with code ${code} after ${spec.id}:\n${hookline.output}`,
          );
      }
    });
  } catch (error) {
    return failed(base, error);
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
