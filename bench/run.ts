/**
 * `npm run bench` — Hookline against the raw undici ceiling and a BullMQ baseline, in one run.
 *
 *   npm run bench                 quick mode (under a minute)
 *   npm run bench -- --full       full mode (1M backlog, longer runs)
 *   npm run bench -- --profile    also --cpu-prof the Hookline drain and summarise it
 *   npm run bench -- --profile-only  only that profile; updates its section of docs/benchmarks.md
 *   npm run bench -- --costs      only what features cost (per-key ordering, payload filters,
 *                                 metrics); updates that section of docs/benchmarks.md alone
 *   npm run bench -- --retention  only retention (p99 during a purge against without one, the
 *                                 database size under steady traffic); updates its section alone
 *   npm run bench -- --stats      only the console's stats routes over millions of stored
 *                                 attempts; updates that section of docs/benchmarks.md alone
 *   npm run bench -- --sweep      only sustained load (issues 16 and 20): the open-loop sweep of
 *                                 Hookline, BullMQ, the durable floor and PostgreSQL, pgbench, and the figures their
 *                                 targets need; updates that section of docs/benchmarks.md alone
 *
 * Writes bench/results/latest.json and docs/benchmarks.md (+ docs/benchmarks.svg).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measureBullmq, measureRawCeiling } from './anchors.js';
import { probeRedis } from './bullmq-baseline.js';
import { removeLiveDataDirs } from './hookline/context.js';
import { HooklineProcess } from './hookline/process.js';
import {
  drainPostgresId,
  measurePostgresDrain,
  probePostgres,
  withDefaultUser,
} from './hookline/postgres-drain.js';
import { costSteps } from './hookline/costs.js';
import { retentionSteps } from './hookline/retention.js';
import { measureStatsRead, STATS_IDS } from './hookline/stats-read.js';
import { hooklineSteps, profileDrain, type Step } from './hookline/scenarios.js';
import { sweepBullmq } from './sweep/bullmq-target.js';
import {
  FLOOR_DRAIN_ID,
  FLOOR_INGEST_ID,
  measureFloorDrain,
  measureFloorIngest,
  sweepFloor,
} from './sweep/floor-target.js';
import { harnessCostScenario } from './harness-cost.js';
import { HARNESS_COST_ID } from './report/cpu-budget.js';
import { sweepHookline } from './sweep/hookline-sweep.js';
import { sweepInterference } from './sweep/interference.js';
import {
  ingestPostgresId,
  measurePgbench,
  measurePostgresIngest,
  sweepPostgres,
} from './sweep/postgres-runs.js';
import { describeMachine } from './lib/machine.js';
import { cliMain } from './lib/paths.js';
import type { BenchRun, ScenarioResult } from './lib/results.js';
import { epochNow } from './lib/timing.js';
import { makePlan } from './plan.js';
import { Receiver } from './receiver-client.js';
import { writeReport } from './report/write.js';
import { checkTargets, computeRatios } from './report/targets.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '64' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'profile-only': { type: 'boolean', default: false },
    costs: { type: 'boolean', default: false },
    retention: { type: 'boolean', default: false },
    stats: { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    redis: { type: 'string', default: '127.0.0.1:6379' },
    postgres: { type: 'string', default: 'postgres://127.0.0.1:5432' },
    'no-docs': { type: 'boolean', default: false },
  },
});

function commandLine(): string {
  const args = process.argv.slice(2).join(' ');
  // Another build or Node flags (a profiler, say) change what the figures mean: the record says so.
  const env = ['HOOKLINE_BENCH_CLI', 'HOOKLINE_BENCH_NODE_ARGS']
    .filter((name) => process.env[name])
    .map((name) => `${name}=${JSON.stringify(process.env[name])} `)
    .join('');
  if (process.env.npm_lifecycle_event === 'bench')
    return `${env}npm run bench${args ? ` -- ${args}` : ''}`;
  return `${env}node dist/bench/run.js${args ? ` ${args}` : ''}`;
}

async function main(): Promise<void> {
  const mode = values.full ? 'full' : 'quick';
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000) {
    throw new Error(
      `bench: --concurrency: "${values.concurrency}" is not valid; expected an integer from 1 to 1000`,
    );
  }
  const plan = makePlan(mode, concurrency);
  if (
    [
      values.costs,
      values.stats,
      values.retention,
      values.sweep,
      values['profile-only'],
      values.only !== undefined,
    ].filter(Boolean).length > 1
  )
    throw new Error(
      'bench: --costs, --stats, --retention, --sweep, --profile-only and --only: give one of them',
    );
  const only = values.only ? new Set(values.only.split(',')) : null;
  const wanted = (id: string) => !only || only.has(id);
  const startedAt = new Date();
  const t0 = epochNow();
  const loadAtStart = loadavg()[0]!;
  const [redisHost, redisPort] = values.redis.split(':');
  const redis = { host: redisHost ?? '127.0.0.1', port: Number(redisPort ?? 6379) };
  const redisProbe = await probeRedis(redis);
  const redisProblem = 'reason' in redisProbe ? redisProbe.reason : null;
  if (redisProblem) console.log(`bench: ${redisProblem}; the BullMQ baseline is skipped`);
  const postgresUrl = withDefaultUser(values.postgres);
  const pgProbe = await probePostgres(postgresUrl);
  const pgProblem = 'reason' in pgProbe ? pgProbe.reason : null;
  if (!existsSync(cliMain))
    throw new Error(`bench: ${cliMain} is missing; run \`npm run build\` first`);
  const adminToken = `bench_${randomBytes(12).toString('hex')}`;

  const scenarios: ScenarioResult[] = [];
  const record = (result: ScenarioResult) => {
    scenarios.push(result);
    const rate =
      result.perSecond !== undefined
        ? `${Math.round(result.perSecond).toLocaleString('en-US')} ${result.unit}`
        : '';
    const lat = result.latency ? ` p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms` : '';
    const note = result.status === 'ok' ? '' : ` ${result.status}: ${result.reason}`;
    console.log(`bench: ${result.id.padEnd(26)} ${rate}${lat}${note}`);
  };

  let profile: BenchRun['profile'] = null;
  const receiver = await Receiver.start();
  try {
    const ctx = { plan, receiver, adminToken };
    const anchors: Step[] = [
      { ids: ['raw-ceiling'], run: async () => [await measureRawCeiling(plan, receiver)] },
      {
        ids: ['bullmq'],
        run: async () => [await measureBullmq(plan, receiver, redis, redisProblem, 0)],
      },
      {
        ids: ['bullmq-failing-10'],
        run: async () => [await measureBullmq(plan, receiver, redis, redisProblem, 0.1)],
      },
    ];
    const hookline = hooklineSteps(ctx);
    // Right after Hookline's drain, the same backlog through the durable floor.
    const floorDrain: Step = {
      ids: [FLOOR_DRAIN_ID],
      run: async () => [await measureFloorDrain(ctx)],
    };
    // Issue 16's sweep: both systems back to back, so a change in the machine's load hits both.
    const sweep: Step[] = [
      { ids: ['sweep-hookline'], run: () => sweepHookline(ctx) },
      { ids: ['sweep-bullmq'], run: () => sweepBullmq(ctx, redis, redisProblem) },
      // A relay that keeps the same promise and does nothing else (one thread): sweep, then ingest.
      { ids: ['sweep-floor'], run: () => sweepFloor(ctx) },
      { ids: [FLOOR_INGEST_ID], run: async () => [await measureFloorIngest(ctx)] },
      // What the producer and receiver themselves cost, for the report's CPU budgets.
      {
        ids: [HARNESS_COST_ID],
        run: async () => [
          // Open loop at the highest rate a budget note would use (3× a BullMQ near 4,000/s).
          await harnessCostScenario(receiver, { seconds: 1, repeat: 3, openRate: 12_000 }),
        ],
      },
      // A purge, then large checkpoints, at one rate against the same rate without.
      { ids: ['sweep-disturb'], run: () => sweepInterference(ctx) },
    ];
    // Issue 20: PostgreSQL ingest with one and two api processes next to what the server itself
    // commits, drains with one and two workers, then the cluster sweep; each pair back to back.
    const postgres: Step[] = [
      ...([1, 2] as const).map((apis) => ({
        ids: [ingestPostgresId(apis)],
        run: async () => [await measurePostgresIngest(ctx, postgresUrl, pgProblem, apis)],
      })),
      {
        ids: ['pgbench-ceiling'],
        run: async () => [await measurePgbench(ctx, postgresUrl, pgProblem)],
      },
      ...[1, 2].map((workers) => ({
        ids: [drainPostgresId(workers)],
        run: async () => [await measurePostgresDrain(ctx, postgresUrl, pgProblem, workers)],
      })),
      { ids: ['sweep-postgres'], run: () => sweepPostgres(ctx, postgresUrl, pgProblem) },
    ];
    const take = (steps: Step[], id: string) => {
      const index = steps.findIndex((s) => s.ids.includes(id));
      if (index < 0) throw new Error(`bench: no step measures ${id}`);
      return steps.splice(index, 1);
    };
    // Each comparison is measured back to back, so a change in the machine's load hits both sides.
    const costs = costSteps(ctx);
    const retention = retentionSteps(ctx);
    const stats: Step[] = [
      {
        ids: STATS_IDS,
        run: () => measureStatsRead(plan.stats),
      },
    ];
    const steps: Step[] = values['profile-only']
      ? []
      : values.sweep
        ? [
            // The other figures of the sustained-load targets, then the sweeps.
            ...take(anchors, 'raw-ceiling'),
            ...take(hookline, 'drain-sqlite'),
            floorDrain,
            ...take(hookline, 'ingest'),
            // Peak RSS with a 1M backlog (full mode; seeding it alone outlasts quick mode).
            ...take(hookline, 'backlog-1m'),
            ...sweep,
            ...postgres,
          ]
        : values.costs
          ? costs
          : values.stats
            ? stats
            : values.retention
              ? retention
              : [
                  ...take(anchors, 'raw-ceiling'),
                  ...take(anchors, 'bullmq'),
                  ...take(hookline, 'drain-sqlite'),
                  floorDrain,
                  ...take(anchors, 'bullmq-failing-10'),
                  ...take(hookline, 'drain-failing-10'),
                  ...hookline,
                  ...sweep,
                  ...postgres,
                  ...costs,
                  ...stats,
                  ...retention,
                ];
    const known = steps.flatMap((s) => s.ids);
    const unknownIds = [...(only ?? [])].filter((id) => !known.includes(id));
    if (unknownIds.length > 0)
      throw new Error(
        `bench: --only: unknown ${unknownIds.join(', ')}; known: ${known.join(', ')}`,
      );
    for (const step of steps) {
      if (!step.ids.some(wanted)) continue;
      // A step with one id (a sweep) records every line it measures under that id.
      const whole = step.ids.length === 1;
      for (const result of await step.run()) if (whole || wanted(result.id)) record(result);
    }
    if (
      values['profile-only'] ||
      (values.profile && !values.costs && !values.stats && !values.retention && !values.sweep)
    )
      profile = await profileDrain(ctx);
  } finally {
    await receiver.close();
  }

  const ratios = computeRatios(scenarios);
  const run: BenchRun = {
    version: 1,
    mode,
    command: commandLine(),
    startedAt: startedAt.toISOString(),
    durationSeconds: (epochNow() - t0) / 1000,
    machine: describeMachine(
      'version' in redisProbe ? redisProbe.version : null,
      'version' in pgProbe ? pgProbe.version : null,
      loadAtStart,
    ),
    concurrency: plan.concurrency,
    plan,
    scenarios,
    ratios,
    targets: checkTargets(scenarios, ratios),
    profile,
  };
  await writeReport(run, {
    docs: !values['no-docs'],
    partial: only !== null,
    costsOnly: values.costs,
    statsOnly: values.stats,
    retentionOnly: values.retention,
    sweepOnly: values.sweep,
    profileOnly: values['profile-only'],
  });
}

// Ctrl-C: stop the Hookline processes this run started (the receiver and child tasks exit with
// their IPC channel), then leave.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    void HooklineProcess.stopAll().finally(() => {
      removeLiveDataDirs();
      process.exit(130);
    });
  });
}

main().catch((error: unknown) => {
  // Our own messages (bad options, missing build) need no stack trace.
  const message =
    error instanceof Error && error.message.startsWith('bench:') ? error.message : error;
  console.error(message);
  process.exitCode = 1;
});
