import type { PayloadFilter } from '../../src/domain/payload-filter.js';
import { count, size } from '../lib/format.js';
import { freePort } from '../lib/free-port.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import type { BenchContext } from './context.js';
import { withDataDir } from './context.js';
import { HooklineProcess } from './process.js';
import { startProducer, type Producer } from './producer.js';
import { seedSqlite } from './seed.js';

/** Rounds per side, in the order A B B A ...: a drift in the machine's load hits both alike. */
const ROUNDS = 4;
const ABBA = [0, 1, 1, 0] as const;

/**
 * Ingest into many endpoints with payload filters against the same endpoints without: two apps on
 * one Hookline process (role api), each with `endpoints` endpoints, loaded in alternating rounds.
 */
export async function measureFilterIngest(
  ctx: BenchContext,
  endpoints: number,
  filter: PayloadFilter,
): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const clients = plan.ingest.clients;
  const setup = (filtered: boolean) =>
    `${clients} concurrent clients, ${ROUNDS} rounds of ${plan.ingest.seconds} s alternating with the other side, ${size(plan.payloadBytes)} payloads, ${count(endpoints, 'endpoint')}${filtered ? ', each with a payload filter that matches' : ''}, SQLite synchronous=FULL`;
  const bases = [
    {
      id: 'cost-ingest-no-filter',
      group: 'cost' as const,
      label: `Ingest, ${endpoints} endpoints, no filter`,
      setup: setup(false),
    },
    {
      id: 'cost-ingest-filters',
      group: 'cost' as const,
      label: `Ingest, ${endpoints} endpoints with payload filters`,
      setup: setup(true),
    },
  ];
  try {
    return await withDataDir(async (dataDir) => {
      const seed = (withFilter: boolean) =>
        seedSqlite({
          dataDir,
          receiverUrl: receiver.url('/'),
          endpoints,
          messages: 0,
          payloadBytes: plan.payloadBytes,
          maxConcurrency: plan.concurrency,
          retryPolicy: { preset: 'standard' },
          filter: withFilter ? filter : null,
        });
      const apps = [await seed(false), await seed(true)];
      const hookline = await HooklineProcess.start({
        port: await freePort(),
        args: ['--data-dir', dataDir, '--role', 'api'],
        adminToken: ctx.adminToken,
      });
      // One producer per side, each warm from its warm-up on.
      let producers: Producer[] = [];
      try {
        producers = apps.map((app) =>
          startProducer(
            { baseUrl: hookline.baseUrl, apiKey: app.apiKey, appId: app.appId },
            plan.payloadBytes,
          ),
        );
        const load = (side: number, seconds: number) =>
          producers[side]!.load({ mode: 'closed', connections: clients, seconds });
        // Warm-up: JIT, connections, SQLite page cache.
        await load(0, plan.ingest.warmupSeconds);
        await load(1, plan.ingest.warmupSeconds);
        const totals = [
          { acked: 0, seconds: 0 },
          { acked: 0, seconds: 0 },
        ];
        for (let round = 0; round < ROUNDS * 2; round++) {
          const side = ABBA[round % 4]!;
          const result = await load(side, plan.ingest.seconds);
          if (result.errors > 0)
            throw new Error(`${result.errors} requests failed, first: ${result.firstError}`);
          totals[side]!.acked += result.acked;
          totals[side]!.seconds += result.seconds;
        }
        const peakRssMb = await hookline.peakRssMb();
        return bases.map((base, side) => ({
          ...base,
          status: 'ok' as const,
          perSecond: totals[side]!.acked / totals[side]!.seconds,
          unit: 'messages/s',
          peakRssMb,
          extra: { acked: totals[side]!.acked, seconds: round3(totals[side]!.seconds) },
        }));
      } finally {
        await Promise.all(producers.map((p) => p.close()));
        await hookline.stop();
      }
    });
  } catch (error) {
    return bases.map((base) => failed(base, error));
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
