import { join } from 'node:path';
import { fmt, size } from '../lib/format.js';
import { summarize } from '../lib/percentiles.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import type { BenchContext } from '../hookline/context.js';
import { withBenchServer } from '../hookline/bench-server.js';
import { purgeLoop } from '../hookline/purge-loop.js';
import { seedHistory } from '../hookline/seed-history.js';
import { measureStep, type SweepStep } from './run-sweep.js';
import { sweepTarget } from './hookline-sweep.js';
import { checkpointLoop } from './checkpoint-loop.js';

export type Disturbance = 'plain' | 'purge' | 'checkpoint';

export const DISTURBANCE_LABELS: Record<Disturbance, string> = {
  plain: 'nothing else running',
  purge: 'a retention purge of settled history running',
  checkpoint: 'large WAL checkpoints running',
};

/**
 * Issue 16: "a retention purge or a WAL checkpoint running during the sweep moves p99 by at most
 * 2×". One Hookline process (defaults, SQLite) with settled history past retention holds one rate
 * four times, back to back: plain, during a purge, during checkpoints of a large WAL, plain again
 * (the plain figure is both plain runs' samples together, so a drift of the machine hits both sides).
 */
export async function sweepInterference(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const { rate, seconds, history, pinMs } = plan.sweep.interference;
  const setup = `open loop, ${fmt(rate)} messages/s for ${seconds} s per run, ${size(plan.payloadBytes)}, 1 endpoint, defaults (role all, SQLite synchronous=FULL), ${fmt(history)} settled messages past retention in the file`;
  const base = (kind: Disturbance) => ({
    id: `sweep-disturb-${kind}`,
    group: 'sweep' as const,
    label: `Hookline, SQLite, ${fmt(rate)} messages/s with ${DISTURBANCE_LABELS[kind]}`,
    setup,
  });
  const kinds: Disturbance[] = ['plain', 'purge', 'checkpoint'];
  try {
    return await withBenchServer(
      ctx,
      {
        beforeStart: (dataDir, seeded) => seedHistory(dataDir, seeded, history, plan.payloadBytes),
        // Only the purge this step starts runs: no background pass at start.
        env: { HOOKLINE_RETENTION_DAYS: '0' },
      },
      async (server) => {
        const target = sweepTarget(ctx, server);
        const producer = server; // its one producer offers the warm-up and every run
        const settings = {
          rate,
          seconds,
          drainLimitSeconds: plan.sweep.drainLimitSeconds,
          payloadBytes: plan.payloadBytes,
        };
        await receiver.configure({
          failRatio: 0,
          latencyMs: 0,
          record: true,
          keyHeader: 'webhook-id',
        });
        try {
          await measureStep(receiver, target, producer, {
            ...settings,
            seconds: plan.sweep.warmupSeconds,
          });
          const before = await measureStep(receiver, target, producer, settings);
          const purge = purgeLoop(server.hookline.baseUrl, ctx.adminToken);
          const purging = await measureStep(receiver, target, producer, settings);
          const purged = await purge.stop().catch((error: Error) => {
            // A failed purge request is a server bug: its log says which (a scenario's error
            // keeps only its first line, so the output goes to stderr).
            console.error(
              `bench: a purge request failed; server output:\n${server.hookline.output}`,
            );
            throw error;
          });
          const checkpoints = checkpointLoop(join(server.dataDir, 'hookline.db'), pinMs);
          const checkpointing = await measureStep(receiver, target, producer, settings);
          const checkpointed = await checkpoints.stop();
          const after = await measureStep(receiver, target, producer, settings);
          const plain = { ...before, latency: summarize([...before.samples, ...after.samples]) };
          return [
            result(base('plain'), plain, { ackP99MsAfter: after.ack.p99 }),
            result(base('purge'), purging, {
              purgedDuringLoad: purged.messages,
              purgeStillRunningAtEnd: purged.runningAtStop,
            }),
            result(base('checkpoint'), checkpointing, {
              checkpoints: checkpointed.checkpoints,
              largestWalMiB: Math.round(checkpointed.largestWalMb * 10) / 10,
            }),
          ];
        } finally {
          await receiver.configure({ record: false });
        }
      },
    );
  } catch (error) {
    return kinds.map((kind) => failed(base(kind), error));
  }
}

function result(
  base: Pick<ScenarioResult, 'id' | 'group' | 'label' | 'setup'>,
  step: SweepStep,
  extra: Record<string, number | boolean>,
): ScenarioResult {
  return {
    ...base,
    status: 'ok',
    ...(step.missing > 0 || step.errors > 0
      ? { reason: `${step.missing} not arrived, ${step.errors} requests failed` }
      : {}),
    perSecond: step.achieved,
    unit: 'messages/s',
    latency: step.latency,
    peakRssMb: step.peakRssMb,
    extra: {
      ...extra,
      system: 'disturbance',
      offered: step.offered,
      missing: step.missing,
      errors: step.errors,
      ackP50Ms: step.ack.p50,
      ackP99Ms: step.ack.p99,
    },
  };
}
