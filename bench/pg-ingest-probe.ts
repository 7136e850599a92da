/**
 * `node dist/bench/pg-ingest-probe.js [--apis 1] [--clients 32] [--seconds 8] [--endpoints 0]
 * [--rate N] [--batch N] [--env K=V,...]` — where PostgreSQL ingest spends its time: `--apis` role-api processes
 * on a fresh database take POST /messages (closed loop from `--clients` clients, or open loop at
 * `--rate`), and the probe reports, over the measured window only: messages/s and acknowledgement
 * p50/p99; commits, WAL flushes and rows per message (pg_stat_database, pg_stat_wal); CPU ms per
 * message of the api processes (by thread; each divided by all messages, so they add up) and of
 * the PostgreSQL backends; the api processes' context switches per message (every thread, from
 * /proc/<pid>/task/<tid>/status: each a sleep and a wake-up, or a turn lost); and what the backends
 * were doing, sampled from pg_stat_activity every 20 ms (state and wait event). Prints only.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort } from './lib/free-port.js';
import { contextSwitches, cpuBetween, processCpuMs, threadCpu } from './lib/proc-threads.js';
import { HooklineApi } from './hookline/api-client.js';
import { withDataDir } from './hookline/context.js';
import { adminQuery } from './hookline/postgres-drain.js';
import { HooklineProcess } from './hookline/process.js';
import { startProducer, type Producer } from './hookline/producer.js';
import { sleep } from './lib/timing.js';
import { Receiver } from './receiver-client.js';

const { values } = parseArgs({
  options: {
    apis: { type: 'string', default: '1' },
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '8' },
    endpoints: { type: 'string', default: '0' },
    /** Role-worker processes delivering to a receiver on 127.0.0.1 meanwhile (needs --endpoints). */
    workers: { type: 'string', default: '0' },
    rate: { type: 'string' },
    /** Messages per request through POST .../messages/batch (absent: POST /messages). */
    batch: { type: 'string' },
    env: { type: 'string', default: '' },
    /** Logs every statement of the probe's database (log_min_duration_statement = 0). */
    log: { type: 'boolean', default: false },
    /** Writes the api processes' CPU profiles (--cpu-prof) to this folder. */
    'cpu-prof-dir': { type: 'string' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});

interface DbCounters {
  commits: number;
  rollbacks: number;
  inserted: number;
  walRecords: number;
  walSyncs: number;
}

async function counters(db: pg.Client): Promise<DbCounters> {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT xact_commit, xact_rollback, tup_inserted, w.wal_records, w.wal_sync
     FROM pg_stat_database, pg_stat_wal w WHERE datname = current_database()`,
  );
  const r = rows[0]!;
  return {
    commits: Number(r.xact_commit),
    rollbacks: Number(r.xact_rollback),
    inserted: Number(r.tup_inserted),
    walRecords: Number(r.wal_records),
    walSyncs: Number(r.wal_sync),
  };
}

async function main(): Promise<void> {
  const apis = Number(values.apis);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const rate = values.rate ? Number(values.rate) : undefined;
  const env = Object.fromEntries(
    values.env
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const base = values.postgres;
  const name = `hookline_probe_${process.pid}_${randomBytes(3).toString('hex')}`;
  const adminToken = `bench_${randomBytes(12).toString('hex')}`;
  const key = randomBytes(32).toString('base64');
  await adminQuery(base, `CREATE DATABASE ${name}`);
  if (values.log)
    await adminQuery(base, `ALTER DATABASE ${name} SET log_min_duration_statement = 0`);
  console.log(`database ${name}`);
  const url = `${base}/${name}`;
  const nodes: HooklineProcess[] = [];
  let producers: Producer[] = [];
  const db = new pg.Client({ connectionString: url });
  const receiver = await Receiver.start();
  try {
    await withDataDir(async (dataDir) => {
      for (let i = 0; i < apis; i++)
        nodes.push(
          await HooklineProcess.start({
            port: await freePort(),
            args: ['--data-dir', join(dataDir, `api-${i}`), '--database', url, '--role', 'api'],
            adminToken,
            nodeArgs: values['cpu-prof-dir']
              ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof-dir']]
              : [],
            env: { HOOKLINE_ENCRYPTION_KEY: key, ...env },
          }),
        );
      const client = new HooklineApi(nodes[0]!.baseUrl, adminToken);
      const app = await client.createApp('probe');
      for (let i = 0; i < Number(values.endpoints); i++)
        await client.createEndpoint(app.id, { url: receiver.url(`/ep/${i}`), maxConcurrency: 64 });
      await client.close();
      for (let i = 0; i < Number(values.workers); i++)
        nodes.push(
          await HooklineProcess.start({
            port: await freePort(),
            args: [
              '--data-dir',
              join(dataDir, `worker-${i}`),
              '--database',
              url,
              '--role',
              'worker',
            ],
            adminToken,
            env: { HOOKLINE_ENCRYPTION_KEY: key, ...env },
            waitForHealth: false,
          }),
        );
      await sleep(Number(values.workers) > 0 ? 1000 : 0);
      await db.connect();
      const apiNodes = nodes.slice(0, apis);
      // One producer per api node, the same process for the warm-up and the measured load.
      producers = apiNodes.map((node) =>
        startProducer({ baseUrl: node.baseUrl, apiKey: app.apiKey, appId: app.id }, 1024),
      );
      const load = (i: number, s: number) =>
        producers[i]!.load({
          mode: rate ? 'open' : 'closed',
          rate: rate ? rate / apis : undefined,
          connections: clients / apis,
          seconds: s,
          batch: values.batch ? Number(values.batch) : undefined,
        });
      await Promise.all(apiNodes.map((_, i) => load(i, 2)));
      const waits = new Map<string, number>();
      let samples = 0;
      let sampling = true;
      const sampler = (async () => {
        const s = new pg.Client({ connectionString: url });
        await s.connect();
        while (sampling) {
          const { rows } = await s.query<{ w: string; n: number }>(
            `SELECT coalesce(application_name, '') || ' ' || state || ' ' ||
               coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND state <> 'idle' GROUP BY 1`,
          );
          samples++;
          for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + r.n);
          await sleep(20);
        }
        await s.end();
      })();
      const backends = async () =>
        (
          await db.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          )
        ).rows.map((r) => r.pid);
      const pids = await backends();
      const pgBefore = await Promise.all(pids.map(processCpuMs));
      const before = await counters(db);
      const threadsBefore = await Promise.all(nodes.map((n) => threadCpu(n.pid)));
      const switchesBefore = await Promise.all(nodes.map((n) => contextSwitches(n.pid)));
      const load1 = loadavg()[0]!;
      const results = await Promise.all(apiNodes.map((_, i) => load(i, seconds)));
      const threadsAfter = await Promise.all(nodes.map((n) => threadCpu(n.pid)));
      const switchesAfter = await Promise.all(nodes.map((n) => contextSwitches(n.pid)));
      const after = await counters(db);
      const pgAfter = await Promise.all(pids.map(processCpuMs));
      sampling = false;
      await sampler;
      const acked = results.reduce((n, r) => n + r.acked, 0);
      const perSecond = results.reduce((n, r) => n + r.perSecond, 0);
      const per = (n: number) => (n / acked).toFixed(3);
      console.log(
        `load ${load1.toFixed(2)} apis ${apis} clients ${clients} ${rate ? `rate ${rate}` : 'closed'} endpoints ${values.endpoints} env ${values.env || '-'}`,
      );
      for (const r of results)
        console.log(
          `  ${Math.round(r.perSecond)} msg/s ack p50 ${r.ackLatency.p50.toFixed(2)} p99 ${r.ackLatency.p99.toFixed(2)} max ${r.ackLatency.max.toFixed(1)} ms errors ${r.errors} ${r.firstError ?? ''}`,
        );
      console.log(`  total ${Math.round(perSecond)} msg/s, ${acked} acked`);
      console.log(
        `  per message: commits ${per(after.commits - before.commits)} rollbacks ${per(after.rollbacks - before.rollbacks)} rows ${per(after.inserted - before.inserted)} wal records ${per(after.walRecords - before.walRecords)} wal syncs ${per(after.walSyncs - before.walSyncs)} (cluster-wide)`,
      );
      nodes.forEach((n, i) => {
        const threads = cpuBetween(threadsBefore[i]!, threadsAfter[i]!);
        const total = threads.reduce((s, t) => s + t.ms, 0);
        const top = threads
          .slice(0, 4)
          .map((t) => `${t.name} ${(t.ms / acked).toFixed(3)}`)
          .join(', ');
        console.log(
          `  ${i < apis ? 'api' : 'worker'} ${i} CPU ms/msg ${(total / acked).toFixed(3)} (${top}); ${(total / seconds / 10).toFixed(0)}% of a core; context switches/msg ${((switchesAfter[i]! - switchesBefore[i]!) / acked).toFixed(2)}`,
        );
      });
      const pgMs = pgAfter.reduce((s, v, i) => s + v - pgBefore[i]!, 0);
      console.log(
        `  postgres backends (${pids.length}) CPU ms/msg ${(pgMs / acked).toFixed(3)}; ${(pgMs / seconds / 10).toFixed(0)}% of a core`,
      );
      console.log(`  pg_stat_activity, mean non-idle backends per sample (${samples} samples):`);
      for (const [w, n] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 12))
        console.log(`    ${(n / samples).toFixed(2)}  ${w}`);
    });
  } finally {
    await Promise.all(producers.map((p) => p.close()));
    await db.end().catch(() => {});
    await receiver.close();
    await Promise.all(nodes.map((n) => n.stop()));
    await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
