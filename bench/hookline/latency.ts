import { size } from '../lib/format.js';
import { summarize } from '../lib/percentiles.js';
import { sleep } from '../lib/timing.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import { withBenchServer } from './bench-server.js';
import type { BenchContext } from './context.js';
import type { SqliteProgress } from './sqlite-progress.js';
import { waitCommitted } from './wait-committed.js';

/**
 * At each fixed offered rate (open loop), the time from the API's 202 to the request's arrival at
 * the receiver, paired by message id (the `webhook-id` header). One Hookline process serves every
 * rate, after a one-second warm-up at the lowest rate.
 */
export async function measureLatency(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `open loop for ${plan.latency.seconds} s, ${size(plan.payloadBytes)}, 1 endpoint, SQLite synchronous=FULL`;
  const baseOf = (rate: number) => ({
    id: `latency-${rate}`,
    group: 'latency' as const,
    label: `${rate.toLocaleString('en-US')} messages/s offered`,
    setup,
  });
  try {
    return await withBenchServer(ctx, {}, async ({ hookline, progress, offer }) => {
      const results: ScenarioResult[] = [];
      try {
        await receiver.configure({
          failRatio: 0,
          latencyMs: 0,
          record: true,
          keyHeader: 'webhook-id',
        });
        await offer(plan.latency.rates[0]!, 1);
        for (const rate of plan.latency.rates) {
          try {
            // Start each rate from an empty queue, so late arrivals of the last one are not counted.
            await untilEmpty(progress);
            await receiver.reset();
            const load = await offer(rate, plan.latency.seconds);
            if (load.errors > 0)
              throw new Error(
                `${load.errors} of ${load.sent} requests failed, first: ${load.firstError}`,
              );
            const committed = await waitCommitted(receiver, progress, load.acked, {
              assertAlive: () => hookline.assertRunning(),
              limitMs: 120_000,
            });
            if (committed.remaining > 0)
              throw new Error(`${committed.remaining} deliveries still not committed after 120 s`);
            const { arrivals } = await receiver.arrivals();
            const samples: number[] = [];
            load.ids.forEach((id, i) => {
              const at = arrivals.get(id);
              if (at !== undefined) samples.push(at - load.ackedAt[i]!);
            });
            if (samples.length !== load.acked)
              throw new Error(`${load.acked - samples.length} acknowledged messages never arrived`);
            results.push({
              ...baseOf(rate),
              status: 'ok',
              perSecond: load.perSecond,
              unit: 'messages/s',
              latency: summarize(samples),
              peakRssMb: await hookline.peakRssMb(),
              extra: {
                acked: load.acked,
                ackP50Ms: load.ackLatency.p50,
                ackP99Ms: load.ackLatency.p99,
              },
            });
          } catch (error) {
            results.push(failed(baseOf(rate), error));
          }
        }
        return results;
      } finally {
        await receiver.configure({ record: false });
      }
    });
  } catch (error) {
    return plan.latency.rates.map((rate) => failed(baseOf(rate), error));
  }
}

async function untilEmpty(progress: SqliteProgress, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (progress.remaining() > 0) {
    if (Date.now() > deadline)
      throw new Error(`the previous rate's deliveries were not done within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}
