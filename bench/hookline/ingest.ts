import { coresExtra, withCoresUsed } from '../lib/cpu-use.js';
import { size } from '../lib/format.js';
import { failed, type ScenarioResult } from '../lib/results.js';
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
      await load(plan.ingest.warmupSeconds); // warm-up: JIT, connections, SQLite page cache
      const { result, cores } = await withCoresUsed({ hookline: [server.hookline.pid] }, () =>
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
        peakRssMb: await server.hookline.peakRssMb(),
        extra: {
          acked: result.acked,
          seconds: Math.round(result.seconds * 1000) / 1000,
          ackP99Ms: result.ackLatency.p99,
          ...coresExtra(cores),
        },
      };
    });
  } catch (error) {
    return failed(base, error);
  }
}
