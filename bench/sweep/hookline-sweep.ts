import { size } from '../lib/format.js';
import { freePort } from '../lib/free-port.js';
import type { ScenarioResult } from '../lib/results.js';
import { withDataDir, type BenchContext } from '../hookline/context.js';
import { HooklineProcess } from '../hookline/process.js';
import { seedSqlite } from '../hookline/seed.js';
import { SqliteProgress } from '../hookline/sqlite-progress.js';
import { waitCommitted } from '../hookline/wait-committed.js';
import { runSweep } from './run-sweep.js';
import { sweepNotRun, sweepResults } from './step-results.js';

/** The sweep against one Hookline process with its defaults: role all, SQLite, synchronous=FULL. */
export async function sweepHookline(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `open loop, ${plan.sweep.seconds} s per rate after a ${plan.sweep.warmupSeconds} s warm-up, ${size(plan.payloadBytes)}, 1 endpoint, defaults (role all, SQLite synchronous=FULL)`;
  try {
    return await withDataDir(async (dataDir) => {
      const seeded = await seedSqlite({
        dataDir,
        receiverUrl: receiver.url('/'),
        endpoints: 1,
        messages: 0,
        payloadBytes: plan.payloadBytes,
        maxConcurrency: plan.concurrency,
        retryPolicy: { preset: 'standard' },
      });
      const hookline = await HooklineProcess.start({
        port: await freePort(),
        args: ['--data-dir', dataDir],
        adminToken: ctx.adminToken,
      });
      const progress = new SqliteProgress(dataDir, seeded.appId);
      try {
        const steps = await runSweep(
          receiver,
          {
            baseUrl: hookline.baseUrl,
            apiKey: seeded.apiKey,
            appId: seeded.appId,
            drained: async (acked, limitMs) =>
              (
                await waitCommitted(receiver, progress, acked, {
                  assertAlive: () => hookline.assertRunning(),
                  limitMs,
                })
              ).remaining === 0,
            peakRssMb: () => hookline.peakRssMb(),
          },
          { ...plan.sweep, payloadBytes: plan.payloadBytes },
        );
        return sweepResults('hookline', setup, steps);
      } finally {
        progress.close();
        await hookline.stop();
      }
    });
  } catch (error) {
    return sweepNotRun('hookline', setup, { error });
  }
}
