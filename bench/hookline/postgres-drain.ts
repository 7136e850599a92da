import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runChildTask } from '../lib/child-task.js';
import { coresExtra, withCoresUsed } from '../lib/cpu-use.js';
import { count, size } from '../lib/format.js';
import { freePort } from '../lib/free-port.js';
import { failed, skipped, type ScenarioResult } from '../lib/results.js';
import { HooklineApi } from './api-client.js';
import { withDataDir, type BenchContext } from './context.js';
import type { LoadParams, LoadResult } from './load-generator.js';
import { HooklineProcess } from './process.js';
import { EVENT_TYPE } from './seed.js';
import { waitCommitted } from './wait-committed.js';

const loadGenerator = new URL('./load-generator.js', import.meta.url);

/** Like libpq: a URL without a user name connects as the operating-system user. */
export function withDefaultUser(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (!url.username) url.username = userInfo().username;
  return url.toString().replace(/\/$/, '');
}

/** PostgreSQL server version, or why it cannot be used. */
export async function probePostgres(
  baseUrl: string,
): Promise<{ version: string } | { reason: string }> {
  const client = new pg.Client({
    connectionString: `${baseUrl}/postgres`,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    return { version: rows[0]!.v };
  } catch (error) {
    return { reason: `PostgreSQL not reachable at ${baseUrl} (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The drain scenario's id for `workers` worker processes. */
export const drainPostgresId = (workers: number) =>
  workers === 1 ? 'drain-postgres-1-worker' : `drain-postgres-${workers}-workers`;

/**
 * Hookline on PostgreSQL with `workers` `--role worker` processes (default: the plan's) sharing a
 * fresh database, and one api process. The workers first drain a warm-up backlog of half the size
 * (untimed); then the api takes the measured backlog with its endpoints disabled (held, untimed)
 * and releases it (enabled with `sendHeld`), and the workers drain it, the api idle. Ends when the
 * database shows every delivery committed.
 */
export async function measurePostgresDrain(
  ctx: BenchContext,
  baseUrl: string,
  pgProblem: string | null,
  workers = ctx.plan.postgres.workers,
): Promise<ScenarioResult> {
  return withDataDir((dataDir) => drainOnPostgres(ctx, baseUrl, pgProblem, dataDir, workers));
}

async function drainOnPostgres(
  ctx: BenchContext,
  baseUrl: string,
  pgProblem: string | null,
  dataDir: string,
  workers: number,
): Promise<ScenarioResult> {
  const { plan, receiver } = ctx;
  const { messages, endpoints } = plan.postgres;
  const deliveries = messages * endpoints;
  const base = {
    id: drainPostgresId(workers),
    group: 'postgres' as const,
    label: `Hookline drain, PostgreSQL, ${workers === 1 ? 'one worker process' : `${workers} worker processes`}`,
    setup: `${count(deliveries, 'delivery')} (${count(messages, 'message')} × ${count(endpoints, 'endpoint')}), ${size(plan.payloadBytes)}, held while written then released at once, after a warm-up drain of half as many`,
  };
  if (pgProblem) return skipped(base, pgProblem);
  const database = `hookline_bench_${process.pid}_${Date.now()}`;
  const databaseUrl = `${baseUrl}/${database}`;
  const started: HooklineProcess[] = [];
  const encryptionKey = randomBytes(32).toString('base64');
  const start = async (role: string, index: number) => {
    const child = await HooklineProcess.start({
      port: await freePort(),
      args: [
        '--data-dir',
        join(dataDir, `${role}-${index}`),
        '--database',
        databaseUrl,
        '--role',
        role,
      ],
      adminToken: ctx.adminToken,
      // Nodes of one database seal secrets with one key (each has its own data folder).
      env: { HOOKLINE_ENCRYPTION_KEY: encryptionKey },
    });
    started.push(child);
    return child;
  };
  let counter: pg.Client | null = null;
  try {
    await adminQuery(baseUrl, `CREATE DATABASE ${database}`);
    let api: HooklineProcess;
    try {
      api = await start('api', 0);
    } catch (error) {
      const firstLine =
        /hookline: (.*)/.exec((error as Error).message)?.[1] ??
        (error as Error).message.split('\n')[0];
      return skipped(base, `Hookline cannot run on PostgreSQL yet: ${firstLine}`);
    }
    const client = new HooklineApi(api.baseUrl, ctx.adminToken);
    const app = await client.createApp('bench-postgres');
    const endpointIds: string[] = [];
    for (let e = 0; e < endpoints; e++) {
      const endpoint = await client.createEndpoint(app.id, {
        url: receiver.url(`/ep/${e}`),
        maxConcurrency: plan.concurrency,
      });
      endpointIds.push(endpoint.id);
    }
    const seed = async (count: number) => {
      const seeded = await runChildTask<LoadParams, LoadResult>(loadGenerator, {
        baseUrl: api.baseUrl,
        apiKey: app.apiKey,
        appId: app.id,
        eventType: EVENT_TYPE,
        payloadBytes: plan.payloadBytes,
        mode: 'closed',
        connections: 4,
        seconds: 600,
        count,
        // Batches of 100: seeding is untimed, and one request per message made it the slow part.
        batch: 100,
      });
      if (seeded.acked !== count)
        throw new Error(
          `seeding: ${seeded.acked} of ${count} accepted, first error: ${seeded.firstError}`,
        );
      return seeded;
    };

    counter = new pg.Client({ connectionString: databaseUrl });
    await counter.connect();
    const db = counter;
    const progress = {
      remaining: async () => {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM deliveries WHERE state IN ('pending', 'delivering', 'held')`,
        );
        return Number(rows[0]!.n);
      },
    };
    await receiver.configure({ failRatio: 0, latencyMs: 0, record: false });
    await receiver.reset();
    // Every start settles before a failure is thrown, so the finally stops all that did start.
    const starts = await Promise.allSettled(
      Array.from({ length: workers }, (_, i) => start('worker', i + 1)),
    );
    const running = starts.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
    const assertAlive = () => running.forEach((p) => p.assertRunning());
    // The workers first drain a backlog of their own (untimed), so the measured drain is of
    // processes as they run in service, not of their start-up and first compilations: with two,
    // each would warm up on half of a short drain.
    const warm = Math.ceil(messages / 2);
    await seed(warm);
    const warmed = await waitCommitted(receiver, progress, warm * endpoints, {
      assertAlive,
      limitMs: plan.drainLimitSeconds * 1000,
    });
    if (warmed.remaining > 0)
      throw new Error(
        `the warm-up drain left ${warmed.remaining} deliveries after ${plan.drainLimitSeconds} s`,
      );
    // The measured backlog is held while it is written (its endpoints disabled), then released
    // all at once: the drain starts with all of it there, as after an outage.
    for (const id of endpointIds) await client.updateEndpoint(app.id, id, { disabled: true });
    const seeded = await seed(messages);
    await receiver.reset();
    // One request sends up to 1,000 of an endpoint's held deliveries: repeated until it says done.
    const release = async (id: string) => {
      let sent = await client.updateEndpoint(app.id, id, { disabled: false, sendHeld: true });
      while (sent.heldSent?.done === false)
        sent = await client.updateEndpoint(app.id, id, { sendHeld: true });
    };
    const { result: committed, cores } = await withCoresUsed(
      { workers: running.map((p) => p.pid), database: 'postgres' },
      async () => {
        await Promise.all(endpointIds.map(release));
        await client.close();
        return waitCommitted(receiver, progress, deliveries, {
          assertAlive,
          limitMs: plan.drainLimitSeconds * 1000,
        });
      },
    );
    const arrived = await receiver.stats();
    if (arrived.firstAt === null)
      throw new Error(`nothing arrived within ${plan.drainLimitSeconds} s`);
    const seconds = (committed.at - arrived.firstAt) / 1000;
    const done = deliveries - committed.remaining;
    const rss = await Promise.all(running.map((p) => p.peakRssMb()));
    return {
      ...base,
      status: 'ok',
      ...(committed.remaining > 0
        ? {
            reason: `partial: stopped at the ${plan.drainLimitSeconds} s limit with ${done} of ${deliveries} committed; rate over that time`,
          }
        : {}),
      perSecond: done / seconds,
      unit: 'deliveries/s',
      peakRssMb: Math.max(...rss),
      extra: {
        complete: committed.remaining === 0,
        seconds: Math.round(seconds * 1000) / 1000,
        receiverOk: arrived.ok,
        seedSeconds: Math.round(seeded.seconds * 1000) / 1000,
        // What the machine had left: a second worker can only add what the first left idle. Read
        // from the release on, so the release's own updates count too (a few hundred statements).
        ...coresExtra(cores),
      },
    };
  } catch (error) {
    return failed(base, error);
  } finally {
    await counter?.end().catch(() => {});
    await Promise.all(started.map((p) => p.stop()));
    await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  }
}
