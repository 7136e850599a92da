import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultsDir } from '../lib/paths.js';
import { skipped, type ScenarioResult } from '../lib/results.js';
import type { BenchRun } from '../lib/results.js';
import { readProfileDir, summarizeProfile } from '../report/profile-summary.js';
import type { BenchContext } from './context.js';
import { measureSqliteDrain, type DrainSpec } from './drain.js';
import { measureIngest } from './ingest.js';
import { measureLatency } from './latency.js';

/** Every SQLite drain of the run; the base drain is the one compared with the anchors. */
export function drainSpecs(ctx: BenchContext): DrainSpec[] {
  const { plan } = ctx;
  const kib = plan.payloadBytes;
  return [
    {
      id: 'drain-sqlite',
      group: 'drain',
      label: 'Hookline drain, SQLite',
      ...plan.drain,
      payloadBytes: kib,
      failRatio: 0,
    },
    {
      id: 'drain-failing-10',
      group: 'drain',
      label: 'Hookline drain, 10% of responses failing',
      ...plan.drain,
      payloadBytes: kib,
      failRatio: 0.1,
    },
    {
      id: 'backlog-10k',
      group: 'scaling',
      label: 'Backlog of 10k messages, 1 endpoint',
      messages: plan.backlog.small,
      endpoints: 1,
      payloadBytes: kib,
      failRatio: 0,
    },
    ...(plan.backlog.large
      ? [
          {
            id: 'backlog-1m',
            group: 'scaling' as const,
            label: 'Backlog of 1M messages, 1 endpoint',
            messages: plan.backlog.large,
            endpoints: 1,
            payloadBytes: kib,
            failRatio: 0,
          },
        ]
      : []),
    {
      id: 'endpoints-10k',
      group: 'scaling',
      label: `${plan.manyEndpoints.endpoints.toLocaleString('en-US')} endpoints`,
      ...plan.manyEndpoints,
      payloadBytes: kib,
      failRatio: 0,
    },
    {
      id: 'payload-64k',
      group: 'scaling',
      label: '64 KiB payloads',
      ...plan.bigPayloadDrain,
      payloadBytes: plan.bigPayloadBytes,
      failRatio: 0,
    },
  ];
}

/** One step of the run: the ids it may record and how to measure them. */
export interface Step {
  ids: string[];
  run: () => Promise<ScenarioResult[]>;
}

/** Hookline's scenarios in run order, each drain as its own step (the runner interleaves anchors). */
export function hooklineSteps(ctx: BenchContext): Step[] {
  const steps: Step[] = drainSpecs(ctx).map((spec) => ({
    ids: [spec.id],
    run: async () => [await measureSqliteDrain(ctx, spec)],
  }));
  if (!ctx.plan.backlog.large) {
    const base = {
      id: 'backlog-1m',
      group: 'scaling' as const,
      label: 'Backlog of 1M messages, 1 endpoint',
      setup: '1,000,000 deliveries (1,000,000 messages × 1 endpoint), 1 KiB',
    };
    steps.push({
      ids: ['backlog-1m'],
      run: async () => [skipped(base, 'full mode only (--full)')],
    });
  }
  steps.push({ ids: ['ingest'], run: async () => [await measureIngest(ctx, 'api')] });
  steps.push({
    ids: ['ingest-batch'],
    run: async () => [await measureIngest(ctx, 'api', ctx.plan.ingest.batch)],
  });
  steps.push({
    ids: ['ingest-while-delivering'],
    run: async () => [await measureIngest(ctx, 'all')],
  });
  steps.push({
    ids: ctx.plan.latency.rates.map((rate) => `latency-${rate}`),
    run: () => measureLatency(ctx),
  });
  return steps;
}

/** A separate, unrecorded run of the base drain under --cpu-prof (profiling slows it down). */
export async function profileDrain(ctx: BenchContext): Promise<BenchRun['profile']> {
  // Big enough that start-up is a small part of the profile.
  const base = drainSpecs(ctx)[0]!;
  const spec = { ...base, messages: Math.max(base.messages, 5_000) };
  const dir = await mkdtemp(join(tmpdir(), 'hookline-cpuprof-'));
  try {
    const result = await measureSqliteDrain(ctx, { ...spec, profileDir: dir });
    if (result.status !== 'ok') {
      console.error(`bench: profile run failed: ${result.reason}`);
      return null;
    }
    const threads = await readProfileDir(dir);
    // Kept for a closer look in Chrome DevTools (Performance > Load profile).
    await mkdir(resultsDir, { recursive: true });
    for (const t of threads) {
      const name =
        t.thread === 'main'
          ? 'hookline-drain.cpuprofile'
          : `hookline-drain.${t.thread.replace(' ', '-')}.cpuprofile`;
      await writeFile(join(resultsDir, name), JSON.stringify(t.profile));
    }
    return {
      scenario: `${spec.label}: ${result.setup}`,
      threads: threads.map((t) => ({ thread: t.thread, ...summarizeProfile(t.profile) })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
