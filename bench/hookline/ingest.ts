import { coresExtra, withCoresUsed } from '../lib/cpu-use.js';
import { size } from '../lib/format.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import type { Plan } from '../plan.js';
import type { LoadResult } from './load-generator.js';
import { withBenchServer } from './bench-server.js';
import type { BenchContext } from './context.js';

/**
 * Messages acknowledged per second by POST /api/v1/apps/:appId/messages with many concurrent
 * clients. A 202 means the message and its delivery are committed (SQLite synchronous=FULL).
 * `role` api measures acceptance alone (deliveries wait); `all` also delivers at the same time.
 */
export async function measureIngest(
  ctx: BenchContext,
  role: 'api' | 'all',
  batch?: number,
): Promise<ScenarioResult> {
  const { plan, receiver } = ctx;
  const clients = batch ? plan.ingest.batchClients : plan.ingest.clients;
  const base = {
    id: batch ? 'ingest-batch' : role === 'api' ? 'ingest' : 'ingest-while-delivering',
    group: 'ingest' as const,
    label: batch
      ? `Ingest: POST /messages/batch of ${batch} (role api)`
      : role === 'api'
        ? 'Ingest: POST /messages (role api)'
        : 'Ingest while delivering (role all)',
    setup: `${clients} concurrent clients for ${plan.ingest.seconds} s, ${size(plan.payloadBytes)} payloads, 1 endpoint, SQLite synchronous=FULL`,
  };
  try {
    await receiver.configure({ failRatio: 0, latencyMs: 0, record: false });
    await receiver.reset();
    return await withBenchServer(ctx, { role }, async (server) => {
      const load = (seconds: number) =>
        server.load({ mode: 'closed', connections: clients, seconds, batch });
      return timedIngest(base, plan.ingest, load, { hookline: [server.hookline.pid] }, () =>
        server.hookline.peakRssMb(),
      );
    });
  } catch (error) {
    return failed(base, error);
  }
}

/**
 * A closed-loop ingest as a result: `load` warmed up (the JIT, connections, caches), then timed,
 * with the cores its processes (`processes`, by group) used while it ran.
 */
export async function timedIngest(
  base: Pick<ScenarioResult, 'id' | 'group' | 'label' | 'setup'>,
  timing: Plan['ingest'],
  load: (seconds: number) => Promise<LoadResult>,
  processes: Record<string, number[]>,
  peakRssMb: () => Promise<number>,
): Promise<ScenarioResult> {
  await load(timing.warmupSeconds);
  const { result, cores } = await withCoresUsed(processes, () => load(timing.seconds));
  if (result.errors > 0)
    throw new Error(`${result.errors} requests failed, first: ${result.firstError}`);
  return {
    ...base,
    status: 'ok' as const,
    perSecond: result.perSecond,
    unit: 'messages/s',
    latency: result.ackLatency,
    peakRssMb: await peakRssMb(),
    extra: {
      acked: result.acked,
      seconds: Math.round(result.seconds * 1000) / 1000,
      ackP99Ms: result.ackLatency.p99,
      ...coresExtra(cores),
    },
  };
}
