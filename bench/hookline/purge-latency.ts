import { fmt, size } from '../lib/format.js';
import { summarize } from '../lib/percentiles.js';
import { sleep } from '../lib/timing.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import { withBenchServer } from './bench-server.js';
import type { BenchContext } from './context.js';
import { purgeLoop } from './purge-loop.js';
import { seedHistory } from './seed-history.js';
import { waitCommitted } from './wait-committed.js';

/**
 * p99 of delivery latency (API 202 to arrival) at a fixed offered rate, without (before and after)
 * and during a purge of settled history (POST /api/v1/purge request after request, as `hookline purge` does it:
 * the same small steps as the background retention), on one Hookline process.
 */
export async function measurePurgeLatency(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const { history, rate, seconds } = plan.retention;
  const setup = `open loop, ${fmt(rate)} messages/s for ${seconds} s, ${size(plan.payloadBytes)}, 1 endpoint, ${fmt(history)} settled messages past retention in the file, SQLite synchronous=FULL`;
  const base = (id: string, label: string) => ({
    id,
    group: 'retention' as const,
    label,
    setup,
  });
  const quiet = base('retention-latency-baseline', 'Delivery latency, no purge running');
  const purging = base('retention-latency-purge', 'Delivery latency during a purge');
  try {
    return await withBenchServer(
      ctx,
      {
        beforeStart: (dataDir, seeded) => seedHistory(dataDir, seeded, history, plan.payloadBytes),
        // Only the purge this scenario starts runs: no background pass at start.
        env: { HOOKLINE_RETENTION_DAYS: '0' },
      },
      async ({ hookline, progress, offer }) => {
        try {
          await receiver.configure({
            failRatio: 0,
            latencyMs: 0,
            record: true,
            keyHeader: 'webhook-id',
          });
          const measure = async () => {
            while (progress.remaining() > 0) await sleep(20);
            await receiver.reset();
            const load = await offer(rate, seconds);
            if (load.errors > 0) throw new Error(`${load.errors} of ${load.sent} requests failed`);
            await waitCommitted(receiver, progress, load.acked, {
              assertAlive: () => hookline.assertRunning(),
              limitMs: 120_000,
            });
            const { arrivals } = await receiver.arrivals();
            const samples: number[] = [];
            load.ids.forEach((id, i) => {
              const at = arrivals.get(id);
              if (at !== undefined) samples.push(at - load.ackedAt[i]!);
            });
            return { samples, perSecond: load.perSecond, ackP99Ms: load.ackLatency.p99 };
          };
          await offer(rate, 1); // warm-up
          // A B A: the quiet figure is both runs' samples, one before the purge and one after it.
          const before = await measure();
          const purge = purgeLoop(hookline.baseUrl, ctx.adminToken);
          const during = await measure();
          const purged = await purge.stop();
          const after = await measure();
          const without: ScenarioResult = {
            ...quiet,
            status: 'ok',
            perSecond: (before.perSecond + after.perSecond) / 2,
            unit: 'messages/s',
            latency: summarize([...before.samples, ...after.samples]),
            extra: { ackP99MsBefore: before.ackP99Ms, ackP99MsAfter: after.ackP99Ms },
          };
          const result: ScenarioResult = {
            ...purging,
            status: 'ok',
            perSecond: during.perSecond,
            unit: 'messages/s',
            latency: summarize(during.samples),
            peakRssMb: await hookline.peakRssMb(),
            extra: {
              ackP99Ms: during.ackP99Ms,
              purgedDuringLoad: purged.messages,
              purgeStillRunningAtEnd: purged.runningAtStop,
              purgeMessagesPerSecond: Math.round(purged.perSecond),
            },
          };
          return [without, result];
        } finally {
          await receiver.configure({ record: false });
        }
      },
    );
  } catch (error) {
    return [failed(quiet, error), failed(purging, error)];
  }
}
