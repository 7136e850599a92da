/**
 * `npm run bench` — Hookline against the raw undici ceiling and a BullMQ baseline, in one run.
 *
 *   npm run bench                 quick mode (under a minute)
 *   npm run bench -- --full       full mode (1M backlog, longer runs)
 *   npm run bench -- --profile    also --cpu-prof the Hookline drain and summarise it
 *
 * Writes bench/results/latest.json and docs/benchmarks.md (+ docs/benchmarks.svg).
 */
import { parseArgs } from 'node:util';
import { measureBullmq, measureRawCeiling } from './anchors.js';
import { probeRedis } from './bullmq-baseline.js';
import { describeMachine } from './lib/machine.js';
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
    redis: { type: 'string', default: '127.0.0.1:6379' },
    'no-docs': { type: 'boolean', default: false },
  },
});

function commandLine(): string {
  const args = process.argv.slice(2).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${args ? ` -- ${args}` : ''}`;
  return `node dist/bench/run.js${args ? ` ${args}` : ''}`;
}

async function main(): Promise<void> {
  const mode = values.full ? 'full' : 'quick';
  const plan = makePlan(mode, Number(values.concurrency));
  const only = values.only ? new Set(values.only.split(',')) : null;
  const wanted = (id: string) => !only || only.has(id);
  const startedAt = new Date();
  const t0 = epochNow();
  const [redisHost, redisPort] = values.redis.split(':');
  const redis = { host: redisHost ?? '127.0.0.1', port: Number(redisPort ?? 6379) };
  const redisProbe = await probeRedis(redis);
  const redisProblem = 'reason' in redisProbe ? redisProbe.reason : null;
  if (redisProblem) console.log(`bench: ${redisProblem}; the BullMQ baseline is skipped`);

  const scenarios: ScenarioResult[] = [];
  const record = (result: ScenarioResult) => {
    scenarios.push(result);
    const rate = result.perSecond !== undefined ? `${Math.round(result.perSecond).toLocaleString('en-US')} ${result.unit}` : '';
    const lat = result.latency ? ` p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms` : '';
    const note = result.status === 'ok' ? '' : ` ${result.status}: ${result.reason}`;
    console.log(`bench: ${result.id.padEnd(26)} ${rate}${lat}${note}`);
  };

  const receiver = await Receiver.start();
  try {
    if (wanted('raw-ceiling')) record(await measureRawCeiling(plan, receiver));
    if (wanted('bullmq')) record(await measureBullmq(plan, receiver, redis, redisProblem, 0));
    if (wanted('bullmq-failing-10')) record(await measureBullmq(plan, receiver, redis, redisProblem, 0.1));
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
    machine: describeMachine('version' in redisProbe ? redisProbe.version : null, null),
    concurrency: plan.concurrency,
    scenarios,
    ratios,
    targets: checkTargets(scenarios, ratios),
    profile: null,
  };
  await writeReport(run, { docs: !values['no-docs'] });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
