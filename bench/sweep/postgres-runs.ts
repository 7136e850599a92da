import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { coresExtra, withCoresUsed } from '../lib/cpu-use.js';
import { size } from '../lib/format.js';
import { failed, skipped, type ScenarioResult } from '../lib/results.js';
import { HooklineApi } from '../hookline/api-client.js';
import { withDataDir, type BenchContext } from '../hookline/context.js';
import type { HooklineProcess } from '../hookline/process.js';
import { startProducer, type Producer } from '../hookline/producer.js';
import { waitCommitted } from '../hookline/wait-committed.js';
import { Cluster, unsettledDeliveries, withDatabase } from './pg-cluster.js';
import { runSweep } from './run-sweep.js';
import { sweepNotRun, sweepResults, warmUpText } from './step-results.js';

const run = promisify(execFile);

/** The ingest scenario's id for `apis` api processes. */
export const ingestPostgresId = (apis: 1 | 2) =>
  apis === 1 ? 'ingest-postgres' : 'ingest-postgres-2-api';

/**
 * Single-message ingest into `apis` `--role api` processes on one fresh database, no delivery
 * rows. With two, the same clients are split between them, so the ratio two ÷ one shows what a
 * second api node adds while the database has headroom (compare with pgbench).
 */
export async function measurePostgresIngest(
  ctx: BenchContext,
  baseUrl: string,
  pgProblem: string | null,
  apis: 1 | 2 = 1,
): Promise<ScenarioResult> {
  const { plan } = ctx;
  const clients = plan.ingest.clients;
  const base = {
    id: ingestPostgresId(apis),
    group: 'postgres' as const,
    label: `Ingest: POST /messages on PostgreSQL (${apis === 1 ? 'one role api process' : 'two role api processes'})`,
    setup: `${clients} concurrent clients${apis === 1 ? '' : ` (${clients / apis} per process)`} for ${plan.ingest.seconds} s after a ${plan.ingest.warmupSeconds * apis} s warm-up, ${size(plan.payloadBytes)}, no endpoints (no delivery rows)`,
  };
  if (pgProblem) return skipped(base, pgProblem);
  try {
    return await withDataDir((dataDir) =>
      withDatabase(baseUrl, async (databaseUrl) => {
        const cluster = new Cluster(ctx, dataDir, databaseUrl);
        let producers: Producer[] = [];
        try {
          const nodes: HooklineProcess[] = [];
          for (let i = 0; i < apis; i++) nodes.push(await cluster.start('api'));
          const client = new HooklineApi(nodes[0]!.baseUrl, ctx.adminToken);
          const app = await client.createApp('bench-postgres-ingest');
          await client.close();
          producers = nodes.map((node) =>
            startProducer(
              { baseUrl: node.baseUrl, apiKey: app.apiKey, appId: app.id },
              plan.payloadBytes,
            ),
          );
          const all = (seconds: number) =>
            Promise.all(
              producers.map((p) =>
                p.load({ mode: 'closed', connections: clients / apis, seconds }),
              ),
            );
          // Each process warms up on about as many requests as a single one would (they split
          // the clients): a process warmed on half as many still runs colder code in the window.
          await all(plan.ingest.warmupSeconds * apis);
          const { result: results, cores } = await withCoresUsed(
            { api: nodes.map((n) => n.pid), database: 'postgres' },
            () => all(plan.ingest.seconds),
          );
          const errors = results.reduce((n, r) => n + r.errors, 0);
          if (errors > 0)
            throw new Error(
              `${errors} requests failed, first: ${results.find((r) => r.firstError)?.firstError}`,
            );
          const rss = await Promise.all(nodes.map((n) => n.peakRssMb()));
          return {
            ...base,
            status: 'ok' as const,
            perSecond: results.reduce((n, r) => n + r.perSecond, 0),
            unit: 'messages/s',
            // Two processes' latencies are not one distribution; the first's stands for both.
            latency: results[0]!.ackLatency,
            peakRssMb: Math.max(...rss),
            extra: {
              acked: results.reduce((n, r) => n + r.acked, 0),
              seconds: Math.round(results[0]!.seconds * 1000) / 1000,
              ...(apis > 1
                ? { perProcess: results.map((r) => Math.round(r.perSecond)).join(' + ') }
                : {}),
              // What the machine had left: a second api process can only add what the first
              // left idle (see cpu-use.ts).
              ...coresExtra(cores),
            },
          };
        } finally {
          await Promise.all(producers.map((p) => p.close()));
          await cluster.stop();
        }
      }),
    );
  } catch (error) {
    return failed(base, error);
  }
}

/**
 * What the database server itself commits: `pgbench -N` (the TPC-B-like script without the
 * contended branch and teller updates, 5 statements per transaction) on its own fresh database.
 */
export async function measurePgbench(
  ctx: BenchContext,
  baseUrl: string,
  pgProblem: string | null,
): Promise<ScenarioResult> {
  const { clients, seconds } = ctx.plan.pgbench;
  const base = {
    id: 'pgbench-ceiling',
    group: 'postgres' as const,
    label: 'PostgreSQL ceiling: pgbench -N',
    setup: `${clients} clients, ${seconds} s, fresh database initialised with pgbench -i (scale 1)`,
  };
  if (pgProblem) return skipped(base, pgProblem);
  try {
    await run('pgbench', ['--version']);
  } catch {
    return skipped(
      base,
      'pgbench is not installed (Debian: postgresql-client); the ratio is skipped',
    );
  }
  try {
    return await withDatabase(baseUrl, async (databaseUrl) => {
      await run('pgbench', ['-i', '-q', databaseUrl]);
      const { stdout } = await run('pgbench', [
        '-N',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        databaseUrl,
      ]);
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
      if (!tps) throw new Error(`no tps in pgbench output: ${stdout.slice(-300)}`);
      return {
        ...base,
        status: 'ok' as const,
        perSecond: Number(tps[1]),
        unit: 'transactions/s',
      };
    });
  } catch (error) {
    return failed(base, error);
  }
}

/** The open-loop sweep against 1 `--role api` and 2 `--role worker` processes on a fresh database. */
export async function sweepPostgres(
  ctx: BenchContext,
  baseUrl: string,
  pgProblem: string | null,
): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const setup = `1 api + 2 worker processes on a fresh database, open loop, ${plan.sweep.seconds} s per rate after ${warmUpText(plan.sweep)}, ${size(plan.payloadBytes)}, 1 endpoint`;
  if (pgProblem) return sweepNotRun('postgres', setup, { skipped: pgProblem });
  try {
    return await withDataDir((dataDir) =>
      withDatabase(baseUrl, async (databaseUrl) => {
        const cluster = new Cluster(ctx, dataDir, databaseUrl);
        const counter = new pg.Client({ connectionString: databaseUrl });
        try {
          const api = await cluster.start('api');
          const client = new HooklineApi(api.baseUrl, ctx.adminToken);
          const app = await client.createApp('bench-postgres-sweep');
          await client.createEndpoint(app.id, {
            url: receiver.url('/ep/0'),
            maxConcurrency: plan.concurrency,
          });
          await client.close();
          await cluster.start('worker');
          await cluster.start('worker');
          await counter.connect();
          const progress = unsettledDeliveries(counter);
          const steps = await runSweep(
            receiver,
            {
              baseUrl: api.baseUrl,
              apiKey: app.apiKey,
              appId: app.id,
              drained: async (acked, limitMs) =>
                (
                  await waitCommitted(receiver, progress, acked, {
                    assertAlive: () => cluster.assertRunning(),
                    limitMs,
                  })
                ).remaining === 0,
              peakRssMb: () => cluster.peakRssMb(),
            },
            // Issue 20 reads the acknowledgement p99 at 1,000/s, saturated before it or not.
            { ...plan.sweep, payloadBytes: plan.payloadBytes, alwaysRates: [1_000] },
          );
          return sweepResults('postgres', setup, steps);
        } finally {
          await counter.end().catch(() => {});
          await cluster.stop();
        }
      }),
    );
  } catch (error) {
    return sweepNotRun('postgres', setup, { error });
  }
}
