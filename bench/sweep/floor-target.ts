import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStatusKb } from '../hookline/process.js';
import { withProducer } from '../hookline/producer.js';
import type { BenchContext } from '../hookline/context.js';
import { coresExtra, withCoresUsed } from '../lib/cpu-use.js';
import { size } from '../lib/format.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import { startChildServer, stopChildServer } from './child-server.js';
import type { FloorServerParams } from './floor-server.js';
import { runSweep, type SweepTarget } from './run-sweep.js';
import { sweepNotRun, sweepResults, warmUpText } from './step-results.js';

export const FLOOR_INGEST_ID = 'ingest-floor';

/** What the floor is, as setups and the report say it. */
export const FLOOR_SETUP =
  'the durable floor (bench/sweep/floor-server.ts): one process, one thread, node:http, each turn’s messages in one SQLite transaction and a 202 after the WAL’s fdatasync, then rendered, signed and POSTed with undici, each result recorded; no tenants, auth, indexes, claims or attempt log';

/** A floor server in a data folder of its own; `deliver`: POSTs to the receiver, else store only. */
export async function withFloor<T>(
  ctx: BenchContext,
  deliver: boolean,
  fn: (target: SweepTarget, pid: number) => Promise<T>,
): Promise<T> {
  const { plan, receiver } = ctx;
  const dataDir = await mkdtemp(join(tmpdir(), 'hookline-floor-'));
  try {
    const { child, port } = await startChildServer<FloorServerParams>(
      new URL('./floor-server.js', import.meta.url),
      {
        dataDir,
        url: deliver ? receiver.url('/ep/0') : null,
        concurrency: plan.concurrency,
        backoffMs: plan.retry.backoffMs,
      },
    );
    const pid = child.pid!;
    try {
      return await fn(
        {
          baseUrl: `http://127.0.0.1:${port}`,
          apiKey: 'unused',
          appId: 'floor',
          drained: (acked, limitMs) =>
            receiver.waitForOk(acked, limitMs).then(
              () => true,
              () => false,
            ),
          peakRssMb: async () => (await readStatusKb(pid, 'VmHWM')) / 1024,
          pids: () => [pid],
        },
        pid,
      );
    } finally {
      await stopChildServer(child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The sweep (same producer, rates and receiver) against the floor. */
export async function sweepFloor(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `the same producer, rates and receiver; ${FLOOR_SETUP}; POSTs at concurrency ${plan.concurrency}, ${size(plan.payloadBytes)}, after ${warmUpText(plan.sweep)}`;
  try {
    return await withFloor(ctx, true, async (target) =>
      sweepResults(
        'floor',
        setup,
        await runSweep(receiver, target, { ...plan.sweep, payloadBytes: plan.payloadBytes }),
      ),
    );
  } catch (error) {
    return sweepNotRun('floor', setup, { error });
  }
}

/** The floor's single-message ingest under the ingest scenario's clients, store only. */
export async function measureFloorIngest(ctx: BenchContext): Promise<ScenarioResult> {
  const { plan } = ctx;
  const base = {
    id: FLOOR_INGEST_ID,
    group: 'ingest' as const,
    label: 'Ingest: the durable floor (one thread, no features)',
    setup: `${plan.ingest.clients} concurrent clients for ${plan.ingest.seconds} s, ${size(plan.payloadBytes)} payloads; ${FLOOR_SETUP} (here storing only)`,
  };
  try {
    return await withFloor(ctx, false, (target, pid) =>
      withProducer(target, plan.payloadBytes, async (producer) => {
        const load = (seconds: number) =>
          producer.load({ mode: 'closed', connections: plan.ingest.clients, seconds });
        await load(plan.ingest.warmupSeconds);
        const { result, cores } = await withCoresUsed({ floor: [pid] }, () =>
          load(plan.ingest.seconds),
        );
        if (result.errors > 0)
          throw new Error(`${result.errors} requests failed, first: ${result.firstError}`);
        return {
          ...base,
          status: 'ok' as const,
          perSecond: result.perSecond,
          unit: 'messages/s',
          latency: result.ackLatency,
          peakRssMb: (await readStatusKb(pid, 'VmHWM')) / 1024,
          extra: { acked: result.acked, ackP99Ms: result.ackLatency.p99, ...coresExtra(cores) },
        };
      }),
    );
  } catch (error) {
    return failed(base, error);
  }
}
