/**
 * How fast the console's stats load with millions of attempts stored: `GET /api/v1/apps/{id}/stats`
 * and `.../endpoints/{id}/stats`, over HTTP, against a real in-process server on SQLite.
 *
 * The history is written straight into the store's database while the server is stopped (fast:
 * one transaction per batch, no HTTP, no delivery): each synthetic attempt into `attempts`, and the
 * same results through the store's own rollup writer (SqliteStatsRecording, what the group commit
 * calls), so the rollups are exactly what recording those attempts live would have left.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/app/config.js';
import { createApp, type HooklineApp } from '../../src/app/create-app.js';
import type { CountedResult } from '../../src/domain/endpoint-stats.js';
import { SqliteStatsRecording } from '../../src/store/sqlite/record-stats.js';
import { summarize } from '../lib/percentiles.js';
import { failed, type ScenarioResult } from '../lib/results.js';

export interface StatsReadSpec {
  attempts: number;
  endpoints: number;
  days: number;
  /** Timed requests per route (after one warm-up each). */
  requests: number;
}

const ADMIN = 'bench-stats-admin-token-0123456789';
export const STATS_IDS = [
  'stats-app-1h',
  'stats-app-24h',
  'stats-app-7d',
  'stats-app-24h-1m',
  'stats-endpoint-7d',
  'stats-endpoints-list',
  'stats-read',
];
const BATCH = 20_000;
const DAY = 86_400_000;

async function startServer(dataDir: string): Promise<{ app: HooklineApp; url: string }> {
  const config = loadConfig(
    {},
    {
      dataDir,
      adminToken: ADMIN,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      egress: 'public-and-loopback',
    },
  );
  const app = await createApp({ config, autoStartDispatcher: false });
  return { app, url: await app.listen() };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, read by field
async function call(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** Attempt i of the history: spread evenly over the window, mostly succeeding, a few slow. */
function attemptOf(i: number, spec: StatsReadSpec, endpointIds: string[], start: number) {
  const r = (Math.imul(i, 2_654_435_761) >>> 0) % 1000; // a fixed scramble: the same history every run
  const outcome: CountedResult['outcome'] = r < 30 ? 'failed' : r < 100 ? 'retry' : 'succeeded';
  return {
    endpointId: endpointIds[i % endpointIds.length]!,
    outcome,
    at: start + Math.floor((i * spec.days * DAY) / spec.attempts),
    durationMs: 5 + (r % 200) + (r > 990 ? 4000 : 0),
    statusCode: outcome === 'succeeded' ? 200 : 503,
  };
}

/** Writes the attempts and their rollups; returns the rollup rows written. */
function fillHistory(file: string, spec: StatsReadSpec, appId: string, endpointIds: string[]) {
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id, at,
    duration_ms, status_code, response_headers, response_body, error_kind, error_message)
    VALUES (?, NULL, ?, ?, ?, ?, ?, '{}', ?, ?, ?)`);
  const rollups = new SqliteStatsRecording(db);
  const start = Date.now() - spec.days * DAY;
  const batch = db.transaction((from: number, to: number) => {
    const results: CountedResult[] = [];
    for (let i = from; i < to; i++) {
      const a = attemptOf(i, spec, endpointIds, start);
      const ok = a.outcome === 'succeeded';
      insert.run(
        appId,
        `msg_bench${i}`,
        a.endpointId,
        a.at,
        a.durationMs,
        a.statusCode,
        ok ? 'ok' : 'receiver down',
        ok ? null : 'status',
        ok ? null : 'HTTP 503',
      );
      results.push({
        endpointId: a.endpointId,
        outcome: a.outcome,
        attempt: {
          appId,
          at: a.at,
          durationMs: a.durationMs,
          statusCode: a.statusCode,
          errorKind: ok ? null : 'status',
          errorMessage: ok ? null : 'HTTP 503',
        },
      });
    }
    rollups.record(results);
  });
  for (let from = 0; from < spec.attempts; from += BATCH)
    batch(from, Math.min(spec.attempts, from + BATCH));
  const rows = (db.prepare('SELECT count(*) AS n FROM endpoint_stats').get() as { n: number }).n;
  const stored = (db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
  db.close();
  return { rows, stored };
}

/** Fills a history of `spec.attempts` attempts, then times each stats route the console calls. */
export async function measureStatsRead(spec: StatsReadSpec): Promise<ScenarioResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookline-bench-stats-'));
  const setup = `${spec.attempts.toLocaleString('en-US')} attempts over ${spec.days} days on ${spec.endpoints} endpoints, SQLite; ${spec.requests} requests per route, one at a time`;
  const base = { group: 'stats' as const, setup };
  try {
    let server = await startServer(dataDir);
    const appId: string = (await call(server.url, 'POST', '/api/v1/apps', { name: 'bench' })).id;
    const endpointIds: string[] = [];
    for (let i = 0; i < spec.endpoints; i++)
      endpointIds.push(
        (
          await call(server.url, 'POST', `/api/v1/apps/${appId}/endpoints`, {
            url: `http://127.0.0.1:9/bench/${i}`,
          })
        ).id,
      );
    await server.app.close();

    const fillStarted = performance.now();
    const file = join(dataDir, 'hookline.db');
    const { rows, stored } = fillHistory(file, spec, appId, endpointIds);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const dbMb = statSync(file).size / 2 ** 20;
    console.log(
      `bench: stats history: ${stored.toLocaleString('en-US')} attempts, ${rows.toLocaleString('en-US')} rollup rows, ${dbMb.toFixed(0)} MiB, filled in ${fillSeconds.toFixed(1)} s`,
    );

    server = await startServer(dataDir);
    const now = Date.now();
    const window = (ms: number, bucket: '1m' | '1h') =>
      `since=${new Date(now - ms).toISOString()}&until=${new Date(now).toISOString()}&bucket=${bucket}`;
    const app = `/api/v1/apps/${appId}/stats`;
    const endpoint = `/api/v1/apps/${appId}/endpoints/${endpointIds[0]}/stats`;
    const routes: Array<[id: string, label: string, path: string]> = [
      [
        'stats-app-1h',
        'App stats, last hour by minute (Overview 1h)',
        `${app}?${window(3_600_000, '1m')}`,
      ],
      [
        'stats-app-24h',
        'App stats, last day by hour (Overview 24h)',
        `${app}?${window(DAY, '1h')}`,
      ],
      [
        'stats-app-7d',
        'App stats, last 7 days by hour (Overview 7d)',
        `${app}?${window(7 * DAY, '1h')}`,
      ],
      [
        'stats-app-24h-1m',
        'App stats, last day by minute (1,440 points)',
        `${app}?${window(DAY, '1m')}`,
      ],
      [
        'stats-endpoint-7d',
        'Endpoint stats, last 7 days by hour',
        `${endpoint}?${window(7 * DAY, '1h')}`,
      ],
      [
        'stats-endpoints-list',
        'Endpoint list with health (25 per page)',
        `/api/v1/apps/${appId}/endpoints?limit=25`,
      ],
    ];
    const results: ScenarioResult[] = [];
    try {
      for (const [id, label, path] of routes) {
        const first = await call(server.url, 'GET', path); // warm-up, and a check of the answer
        if (id === 'stats-app-7d' && first.totals.attempts !== stored)
          throw new Error(`stats count ${first.totals.attempts} attempts, ${stored} stored`);
        const samples: number[] = [];
        for (let i = 0; i < spec.requests; i++) {
          const started = performance.now();
          await call(server.url, 'GET', path);
          samples.push(performance.now() - started);
        }
        results.push({
          id,
          label,
          ...base,
          status: 'ok',
          latency: summarize(samples),
          extra: { attempts: stored, rollupRows: rows, dbMb: Math.round(dbMb), fillSeconds },
        });
      }
    } finally {
      await server.app.close();
    }
    return results;
  } catch (error) {
    return [failed({ id: 'stats-read', label: 'Stats routes', ...base }, error)];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
