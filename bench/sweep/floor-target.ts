import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStatusKb } from '../hookline/process.js';
import { withProducer } from '../hookline/producer.js';
import type { BenchContext } from '../hookline/context.js';
import { drainWarmup, steadyRate } from '../lib/drain-window.js';
import { count, fmt, size } from '../lib/format.js';
import { makePayload } from '../lib/payload.js';
import { epochNow } from '../lib/timing.js';
import { timedIngest } from '../hookline/ingest.js';
import { EVENT_TYPE } from '../hookline/seed.js';
import { waitCommitted, type Progress } from '../hookline/wait-committed.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import { startChildServer, stopChildServer } from './child-server.js';
import { childSweepTarget } from './child-target.js';
import { openFloorDatabase, type FloorServerParams } from './floor-server.js';
import { runSweep, type SweepTarget } from './run-sweep.js';
import { sweepNotRun, sweepResults, warmUpText } from './step-results.js';

export const FLOOR_INGEST_ID = 'ingest-floor';
export const FLOOR_DRAIN_ID = 'drain-floor';

/** What the floor is, as setups and the report say it. */
export const FLOOR_SETUP =
  'the durable floor (bench/sweep/floor-server.ts): one process, node:http, SQLite and undici on one JavaScript thread, each turn’s messages in one SQLite transaction and a 202 after the WAL’s fdatasync, checkpoints on Hookline’s checkpoint thread, then rendered, signed and POSTed with undici, each result recorded; no tenants, auth, indexes, claims or attempt log';

/**
 * A floor server in a data folder of its own; `deliver`: POSTs to the receiver, else store only;
 * `before` runs on its database file before it starts (a seeded backlog).
 */
export async function withFloor<T>(
  ctx: BenchContext,
  deliver: boolean,
  fn: (target: SweepTarget, pid: number, file: string, assertAlive: () => void) => Promise<T>,
  before?: (file: string) => void,
): Promise<T> {
  const { plan, receiver } = ctx;
  const dataDir = await mkdtemp(join(tmpdir(), 'hookline-floor-'));
  const file = join(dataDir, 'floor.db');
  try {
    before?.(file);
    const server = await startChildServer<FloorServerParams>(
      new URL('./floor-server.js', import.meta.url),
      {
        dataDir,
        url: deliver ? receiver.url('/ep/0') : null,
        concurrency: plan.concurrency,
        backoffMs: plan.retry.backoffMs,
      },
    );
    const { child } = server;
    try {
      return await fn(childSweepTarget(receiver, 'floor', server), child.pid!, file, () => {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`the floor server exited (${child.exitCode ?? child.signalCode})`);
      });
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
        return timedIngest(
          base,
          plan.ingest,
          load,
          { floor: [pid] },
          async () => (await readStatusKb(pid, 'VmHWM')) / 1024,
        );
      }),
    );
  } catch (error) {
    return failed(base, error);
  }
}

/**
 * The floor drains a backlog seeded in its table before it starts, as Hookline's SQLite drain does:
 * the same number of deliveries and payload size (to one URL: the floor has no endpoints), timed
 * the same way (drain-window.ts) until every delivery is recorded.
 */
export async function measureFloorDrain(ctx: BenchContext): Promise<ScenarioResult> {
  const { plan, receiver } = ctx;
  const deliveries = plan.drain.messages * plan.drain.endpoints;
  const limitMs = plan.drainLimitSeconds * 1000;
  const base = {
    id: FLOOR_DRAIN_ID,
    group: 'drain' as const,
    label: 'The durable floor drain (one thread, no features)',
    setup: `${count(deliveries, 'delivery')} seeded, ${size(plan.payloadBytes)}, to one URL at concurrency ${plan.concurrency}; ${FLOOR_SETUP}`,
  };
  try {
    await receiver.configure({ failRatio: 0, latencyMs: 0, record: false });
    await receiver.reset();
    return await withFloor(
      ctx,
      true,
      async (_target, _pid, file, assertAlive) => {
        const progress = new FloorProgress(file);
        try {
          // As Hookline's drain (hookline/drain.ts): timed after the warm-up's deliveries arrived,
          // until every delivery is recorded, or what was by the drain limit.
          const warmup = drainWarmup(deliveries);
          const warmEndedAt = await receiver.waitForOk(warmup, limitMs).then(
            () => epochNow(),
            () => null,
          );
          const committed = await waitCommitted(receiver, progress, deliveries, {
            assertAlive,
            limitMs,
          });
          const arrived = await receiver.stats();
          if (arrived.firstAt === null)
            throw new Error(`nothing arrived within ${limitMs / 1000} s`);
          const done = deliveries - committed.remaining;
          const seconds = (committed.at - arrived.firstAt) / 1000;
          const complete = committed.remaining === 0 && warmEndedAt !== null;
          return {
            ...base,
            status: 'ok' as const,
            ...(complete
              ? {}
              : {
                  reason: `partial: stopped at the ${limitMs / 1000} s limit with ${fmt(done)} of ${fmt(deliveries)} recorded; rate over that time`,
                }),
            perSecond: complete
              ? steadyRate(done, warmup, warmEndedAt, committed.at)
              : done / seconds,
            unit: 'deliveries/s',
            extra: { complete, fromFirstPerSecond: Math.round(done / seconds) },
          };
        } finally {
          progress.close();
        }
      },
      (file) => seedFloor(file, deliveries, plan.payloadBytes),
    );
  } catch (error) {
    return failed(base, error);
  }
}

function seedFloor(file: string, messages: number, payloadBytes: number): void {
  const db = openFloorDatabase(file);
  try {
    const insert = db.prepare(
      'INSERT INTO messages (id, event_type, payload, created_at) VALUES (?, ?, ?, ?)',
    );
    const now = Date.now();
    db.transaction(() => {
      for (let i = 0; i < messages; i++)
        insert.run(`msg_floor_seed_${i}`, EVENT_TYPE, makePayload(payloadBytes, i), now);
    })();
  } finally {
    db.close();
  }
}

/** The floor's deliveries not yet recorded, read from its file (WAL: beside its writer). */
class FloorProgress implements Progress {
  private readonly db: Database.Database;
  private readonly left: Database.Statement;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.left = this.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE delivered_at IS NULL');
  }

  remaining(): number {
    return (this.left.get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
