/**
 * `node dist/bench/pg-rate-probe.js [--rate 500] [--seconds 8] [--workers 2] [--repeat 1]
 * [--node-arg A ...] [--profile-dir DIR] [--postgres URL]` — what one message costs a PostgreSQL
 * cluster at a steady open-loop rate: 1 `--role api` and `--workers` `--role worker` processes on
 * a fresh database, as in the sweep. Per run: the latency legs (scheduled send → ack, ack →
 * arrival, scheduled send → arrival), the CPU time per message of the api process, of the workers
 * together and of the database's backends (from /proc), and the database's transactions, rows and
 * WAL per message (pg_stat_database, pg_current_wal_lsn). CPU per message barely moves with what
 * else the machine runs: it is the figure to compare between builds. Prints only.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { HooklineApi } from './hookline/api-client.js';
import { withDataDir } from './hookline/context.js';
import { withDefaultUser } from './hookline/postgres-drain.js';
import type { HooklineProcess } from './hookline/process.js';
import { startProducer, type Producer } from './hookline/producer.js';
import { waitCommitted } from './hookline/wait-committed.js';
import { summarize } from './lib/percentiles.js';
import { processCpuMs } from './lib/proc-threads.js';
import { Receiver } from './receiver-client.js';
import { Cluster, unsettledDeliveries, withDatabase } from './sweep/pg-cluster.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '8' },
    workers: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '1' },
    'node-arg': { type: 'string', multiple: true, default: [] },
    /** Runs every Hookline process under --cpu-prof, profiles written here. */
    'profile-dir': { type: 'string' },
    postgres: { type: 'string', default: 'postgres://127.0.0.1:5432' },
  },
});

interface DbCounters {
  commits: number;
  inserted: number;
  updated: number;
  deleted: number;
  walBytes: number;
  backendMs: number;
}

async function dbCounters(admin: pg.Client, database: string): Promise<DbCounters> {
  const { rows } = await admin.query<{
    commits: string;
    inserted: string;
    updated: string;
    deleted: string;
    wal: string;
  }>(
    `SELECT xact_commit AS commits, tup_inserted AS inserted, tup_updated AS updated,
            tup_deleted AS deleted, pg_current_wal_lsn() - '0/0'::pg_lsn AS wal
       FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  const pids = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  const cpu = await Promise.all(pids.rows.map((r) => processCpuMs(r.pid)));
  const r = rows[0]!;
  return {
    commits: Number(r.commits),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    deleted: Number(r.deleted),
    walBytes: Number(r.wal),
    backendMs: cpu.reduce((a, b) => a + b, 0),
  };
}

/**
 * What the statements read, by table, since the database was made: a table read by sequential
 * scans under steady traffic is one whose plans do not use its indexes.
 */
async function printTableReads(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{
    relname: string;
    seq_scan: string;
    seq_tup_read: string;
    idx_scan: string;
    idx_tup_fetch: string;
    n_dead_tup: string;
  }>(
    `SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) AS idx_scan,
            coalesce(idx_tup_fetch, 0) AS idx_tup_fetch, n_dead_tup
       FROM pg_stat_user_tables WHERE seq_tup_read + coalesce(idx_tup_fetch, 0) > 0
      ORDER BY seq_tup_read + coalesce(idx_tup_fetch, 0) DESC LIMIT 8`,
  );
  console.log(
    'rows read by table since the start (pg_stat_user_tables, flushed within a second or so):',
  );
  for (const r of rows)
    console.log(
      `  ${r.relname}: ${r.seq_scan} sequential scans reading ${r.seq_tup_read} rows; ${r.idx_scan} index scans fetching ${r.idx_tup_fetch}; ${r.n_dead_tup} dead rows now`,
    );
}

async function main(): Promise<void> {
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const workers = Number(values.workers);
  const baseUrl = withDefaultUser(values.postgres);
  const nodeArgs = [...values['node-arg']];
  if (values['profile-dir']) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${values['profile-dir']}`);
  const receiver = await Receiver.start();
  const ctx = { adminToken: `bench_${randomBytes(12).toString('hex')}` };
  console.log(
    `load average ${loadavg()[0]!.toFixed(2)}; ${rate} msg/s for ${seconds} s; 1 api + ${workers} workers`,
  );
  try {
    await withDataDir((dataDir) =>
      withDatabase(baseUrl, async (databaseUrl) => {
        const database = new URL(databaseUrl).pathname.slice(1);
        const cluster = new Cluster(ctx, dataDir, databaseUrl);
        const admin = new pg.Client({ connectionString: databaseUrl });
        let producer: Producer | null = null;
        try {
          const api = await cluster.start('api', nodeArgs);
          const client = new HooklineApi(api.baseUrl, ctx.adminToken);
          const app = await client.createApp('pg-rate-probe');
          await client.createEndpoint(app.id, { url: receiver.url('/ep/0'), maxConcurrency: 64 });
          await client.close();
          const workerProcs: HooklineProcess[] = [];
          for (let i = 0; i < workers; i++)
            workerProcs.push(await cluster.start('worker', nodeArgs));
          await admin.connect();
          const progress = unsettledDeliveries(admin);
          producer = startProducer(
            { baseUrl: api.baseUrl, apiKey: app.apiKey, appId: app.id },
            1024,
          );
          const drain = (acked: number) =>
            waitCommitted(receiver, progress, acked, {
              limitMs: 60_000,
              assertAlive: () => cluster.assertRunning(),
            });
          await receiver.configure({ record: true, keyHeader: 'webhook-id' });
          await receiver.reset();
          await drain((await producer.offer(Math.min(rate, 200), 2)).acked); // warm-up
          for (let run = 0; run < Number(values.repeat); run++) {
            await receiver.reset();
            const cpu = async () => ({
              api: await processCpuMs(api.pid),
              workers: (await Promise.all(workerProcs.map((w) => processCpuMs(w.pid)))).reduce(
                (a, b) => a + b,
                0,
              ),
              db: await dbCounters(admin, database),
            });
            const before = await cpu();
            const load = await producer.offer(rate, seconds);
            await drain(load.acked);
            const after = await cpu();
            const { arrivals } = await receiver.arrivals();
            const ack: number[] = [];
            const leg: number[] = [];
            const total: number[] = [];
            load.ids.forEach((id, i) => {
              const at = arrivals.get(id);
              const scheduled = load.scheduledAt[i]!;
              ack.push(load.ackedAt[i]! - scheduled);
              leg.push(at === undefined ? Infinity : at - load.ackedAt[i]!);
              total.push(at === undefined ? Infinity : at - scheduled);
            });
            const fmt = (s: ReturnType<typeof summarize>) => `p50 ${s.p50} p99 ${s.p99}`;
            const n = load.acked;
            const per = (x: number) => (x / n).toFixed(2);
            const us = (ms: number) => ((ms / n) * 1000).toFixed(0);
            console.log(
              `achieved ${Math.round(load.perSecond)}/s | scheduled→ack ${fmt(summarize(ack))} | ack→arrival ${fmt(summarize(leg))} | scheduled→arrival ${fmt(summarize(total))} | load ${loadavg()[0]!.toFixed(2)}`,
            );
            const d = (k: keyof DbCounters) => after.db[k] - before.db[k];
            console.log(
              `  CPU µs/message: api ${us(after.api - before.api)}, workers ${us(after.workers - before.workers)}, database backends ${us(d('backendMs'))} | per message: ${per(d('commits'))} commits, ${per(d('inserted'))} rows inserted, ${per(d('updated'))} updated, ${per(d('deleted'))} deleted, ${(d('walBytes') / n).toFixed(0)} WAL bytes`,
            );
          }
          await receiver.configure({ record: false });
          await printTableReads(admin);
        } finally {
          await (producer as Producer | null)?.close();
          await admin.end().catch(() => {});
          await cluster.stop();
        }
      }),
    );
  } finally {
    await receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
