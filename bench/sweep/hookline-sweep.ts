import { size } from '../lib/format.js';
import type { ScenarioResult } from '../lib/results.js';
import type { BenchContext } from '../hookline/context.js';
import { withBenchServer, type BenchServer } from '../hookline/bench-server.js';
import { waitCommitted } from '../hookline/wait-committed.js';
import { runSweep, type SweepTarget } from './run-sweep.js';
import { sweepNotRun, sweepResults, warmUpText } from './step-results.js';

/** The sweep against one Hookline process with its defaults: role all, SQLite, synchronous=FULL. */
export async function sweepHookline(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `open loop, ${plan.sweep.seconds} s per rate after ${warmUpText(plan.sweep)}, ${size(plan.payloadBytes)}, 1 endpoint, defaults (role all, SQLite synchronous=FULL)`;
  try {
    return await withBenchServer(ctx, {}, async (server) => {
      const steps = await runSweep(receiver, sweepTarget(ctx, server), {
        ...plan.sweep,
        payloadBytes: plan.payloadBytes,
      });
      return sweepResults('hookline', setup, steps);
    });
  } catch (error) {
    return sweepNotRun('hookline', setup, { error });
  }
}

/** A Hookline process on SQLite as the sweep sees it. */
export function sweepTarget(ctx: BenchContext, server: BenchServer): SweepTarget {
  const { hookline, seeded, progress } = server;
  return {
    baseUrl: hookline.baseUrl,
    apiKey: seeded.apiKey,
    appId: seeded.appId,
    drained: async (acked, limitMs) =>
      (
        await waitCommitted(ctx.receiver, progress, acked, {
          assertAlive: () => hookline.assertRunning(),
          limitMs,
        })
      ).remaining === 0,
    peakRssMb: () => hookline.peakRssMb(),
    pids: () => [hookline.pid],
  };
}
