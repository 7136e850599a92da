import { join } from 'node:path';
import { runChildTask } from '../lib/child-task.js';
import { fmt, size } from '../lib/format.js';
import { freePort } from '../lib/free-port.js';
import { summarize } from '../lib/percentiles.js';
import { epochNow, sleep } from '../lib/timing.js';
import { failed, type ScenarioResult } from '../lib/results.js';
import { makePayload } from '../lib/payload.js';
import { resolveEncryptionKeys } from '../../src/app/encryption-key.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { LoadParams, LoadResult } from './load-generator.js';
import { withDataDir, type BenchContext } from './context.js';
import { HooklineProcess } from './process.js';
import { EVENT_TYPE, seedSqlite, type Seeded } from './seed.js';
import { SqliteProgress } from './sqlite-progress.js';
import { waitCommitted } from './wait-committed.js';

const loadGenerator = new URL('./load-generator.js', import.meta.url);
const DAY = 86_400_000;
const CHUNK = 5_000;

/**
 * Settled history past retention written straight into the file (untimed): `count` messages 40
 * days old, each with one succeeded delivery and one attempt, as the engine leaves them.
 */
function seedHistory(dataDir: string, seeded: Seeded, count: number, payloadBytes: number): void {
  const store = new SqliteStore({
    file: join(dataDir, 'hookline.db'),
    sync: 'normal',
    encryption: resolveEncryptionKeys({ dataDir, encryptionKey: null, encryptionPreviousKeys: [] })
      .keys,
  });
  const db = store.db;
  const endpointId = seeded.endpointIds[0]!;
  const message = db.prepare(`INSERT INTO messages (id, app_id, event_type, payload, endpoint_id,
    created_at) VALUES (?, ?, ?, ?, NULL, ?)`);
  const delivery = db.prepare(`INSERT INTO deliveries (app_id, message_id, endpoint_id, state,
    attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'succeeded', 1, NULL, ?, ?)`);
  const attempt = db.prepare(`INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id,
    at, duration_ms, status_code, response_headers, response_body, test, request_headers)
    VALUES (?, ?, ?, ?, ?, 3, 200, '{}', 'ok', 0, '{}')`);
  const base = Date.now() - 40 * DAY;
  for (let start = 0; start < count; start += CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const id = `msg_old${String(i).padStart(9, '0')}`;
        const at = base + i;
        message.run(id, seeded.appId, EVENT_TYPE, makePayload(payloadBytes, i), at);
        const d = delivery.run(seeded.appId, id, endpointId, at, at).lastInsertRowid;
        attempt.run(seeded.appId, d, id, endpointId, at);
      }
    })();
  }
  db.close();
}

/**
 * p99 of delivery latency (API 202 to arrival) at a fixed offered rate, without (before and after)
 * and during a purge of settled history (POST /api/v1/purge request after request, as `hookline purge` does it:
 * the same small steps as the background retention), on one Hookline process.
 */
export async function measurePurgeLatency(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { plan, receiver } = ctx;
  const { history, rate, seconds } = plan.retention;
  const setup = `open loop, ${fmt(rate)} messages/s for ${seconds} s, ${size(plan.payloadBytes)}, 1 endpoint, ${fmt(history)} settled messages past retention in the file, SQLite synchronous=FULL`;
  const base = (id: string, label: string) => ({
    id,
    group: 'retention' as const,
    label,
    setup,
  });
  const quiet = base('retention-latency-baseline', 'Delivery latency, no purge running');
  const purging = base('retention-latency-purge', 'Delivery latency during a purge');
  try {
    return await withDataDir(async (dataDir) => {
      const seeded = await seedSqlite({
        dataDir,
        receiverUrl: receiver.url('/'),
        endpoints: 1,
        messages: 0,
        payloadBytes: plan.payloadBytes,
        maxConcurrency: plan.concurrency,
        retryPolicy: { preset: 'standard' },
      });
      seedHistory(dataDir, seeded, history, plan.payloadBytes);
      const hookline = await HooklineProcess.start({
        port: await freePort(),
        args: ['--data-dir', dataDir],
        adminToken: ctx.adminToken,
        // Only the purge this scenario starts runs: no background pass at start.
        env: { HOOKLINE_RETENTION_DAYS: '0' },
      });
      const progress = new SqliteProgress(dataDir, seeded.appId);
      try {
        await receiver.configure({
          failRatio: 0,
          latencyMs: 0,
          record: true,
          keyHeader: 'webhook-id',
        });
        const offer = (r: number, s: number) =>
          runChildTask<LoadParams, LoadResult>(loadGenerator, {
            baseUrl: hookline.baseUrl,
            apiKey: seeded.apiKey,
            appId: seeded.appId,
            eventType: EVENT_TYPE,
            payloadBytes: plan.payloadBytes,
            mode: 'open',
            connections: 64,
            rate: r,
            seconds: s,
          });
        const measure = async () => {
          while (progress.remaining() > 0) await sleep(20);
          await receiver.reset();
          const load = await offer(rate, seconds);
          if (load.errors > 0) throw new Error(`${load.errors} of ${load.sent} requests failed`);
          await waitCommitted(receiver, progress, load.acked, {
            assertAlive: () => hookline.assertRunning(),
            limitMs: 120_000,
          });
          const { arrivals } = await receiver.arrivals();
          const samples: number[] = [];
          load.ids.forEach((id, i) => {
            const at = arrivals.get(id);
            if (at !== undefined) samples.push(at - load.ackedAt[i]!);
          });
          return { samples, perSecond: load.perSecond, ackP99Ms: load.ackLatency.p99 };
        };
        await offer(rate, 1); // warm-up
        // A B A: the quiet figure is both runs' samples, one before the purge and one after it.
        const before = await measure();
        const purge = purgeLoop(hookline.baseUrl, ctx.adminToken);
        const during = await measure();
        const purged = await purge.stop();
        const after = await measure();
        const without: ScenarioResult = {
          ...quiet,
          status: 'ok',
          perSecond: (before.perSecond + after.perSecond) / 2,
          unit: 'messages/s',
          latency: summarize([...before.samples, ...after.samples]),
          extra: { ackP99MsBefore: before.ackP99Ms, ackP99MsAfter: after.ackP99Ms },
        };
        const result: ScenarioResult = {
          ...purging,
          status: 'ok',
          perSecond: during.perSecond,
          unit: 'messages/s',
          latency: summarize(during.samples),
          peakRssMb: await hookline.peakRssMb(),
          extra: {
            ackP99Ms: during.ackP99Ms,
            purgedDuringLoad: purged.messages,
            purgeStillRunningAtEnd: purged.runningAtStop,
            purgeMessagesPerSecond: Math.round(purged.perSecond),
          },
        };
        return [without, result];
      } finally {
        progress.close();
        await receiver.configure({ record: false });
        await hookline.stop();
      }
    });
  } catch (error) {
    return [failed(quiet, error), failed(purging, error)];
  }
}

interface PurgeLoop {
  /** Ends the purge after its current request; reports what it did while the load ran. */
  stop(): Promise<{ messages: number; runningAtStop: boolean; perSecond: number }>;
}

/** Calls POST /api/v1/purge until done or stopped (the end of the load). */
function purgeLoop(baseUrl: string, token: string): PurgeLoop {
  const before = new Date(Date.now() - 30 * DAY).toISOString();
  let messages = 0;
  let done = false;
  let stopped = false;
  const started = epochNow();
  const run = (async () => {
    let cursor: string | null = null;
    while (!done && !stopped) {
      const res = await fetch(`${baseUrl}/api/v1/purge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ before, limit: 1000, ...(cursor ? { cursor } : {}) }),
      });
      const body = (await res.json()) as { messages: number; done: boolean; cursor: string | null };
      if (res.status !== 200) throw new Error(`purge: HTTP ${res.status} ${JSON.stringify(body)}`);
      messages += body.messages;
      done = body.done;
      cursor = body.cursor;
    }
  })();
  return {
    async stop() {
      const runningAtStop = !done;
      stopped = true;
      await run;
      return { messages, runningAtStop, perSecond: messages / ((epochNow() - started) / 1000) };
    },
  };
}
