import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipped, type ScenarioResult } from '../lib/results.js';
import { readProfileDir, summarizeProfile, type ProfileSummary } from '../report/profile-summary.js';
import type { BenchContext } from './context.js';
import { measureSqliteDrain, type DrainSpec } from './drain.js';
import { measureIngest } from './ingest.js';
import { measureLatency } from './latency.js';

/** Every SQLite drain of the run; the base drain is the one compared with the anchors. */
export function drainSpecs(ctx: BenchContext): DrainSpec[] {
  const { plan } = ctx;
  const kib = plan.payloadBytes;
  return [
    { id: 'drain-sqlite', group: 'drain', label: 'Hookline drain, SQLite', ...plan.drain, payloadBytes: kib, failRatio: 0 },
    { id: 'drain-failing-10', group: 'drain', label: 'Hookline drain, 10% of responses failing', ...plan.drain, payloadBytes: kib, failRatio: 0.1 },
    { id: 'backlog-10k', group: 'scaling', label: 'Backlog of 10k messages, 1 endpoint', messages: plan.backlog.small, endpoints: 1, payloadBytes: kib, failRatio: 0 },
    ...(plan.backlog.large
      ? [{ id: 'backlog-1m', group: 'scaling' as const, label: 'Backlog of 1M messages, 1 endpoint', messages: plan.backlog.large, endpoints: 1, payloadBytes: kib, failRatio: 0 }]
      : []),
    { id: 'endpoints-10k', group: 'scaling', label: `${plan.manyEndpoints.endpoints.toLocaleString('en-US')} endpoints`, ...plan.manyEndpoints, payloadBytes: kib, failRatio: 0 },
    { id: 'payload-64k', group: 'scaling', label: '64 KiB payloads', ...plan.drain, payloadBytes: plan.bigPayloadBytes, failRatio: 0 },
  ];
}

export async function runHooklineScenarios(
  ctx: BenchContext,
  wanted: (id: string) => boolean,
  record: (result: ScenarioResult) => void,
): Promise<void> {
  for (const spec of drainSpecs(ctx)) {
    if (wanted(spec.id)) record(await measureSqliteDrain(ctx, spec));
  }
  if (!ctx.plan.backlog.large && wanted('backlog-1m')) {
    record(skipped({ id: 'backlog-1m', group: 'scaling', label: 'Backlog of 1M messages, 1 endpoint', setup: '1,000,000 deliveries' }, 'full mode only (--full)'));
  }
  if (wanted('ingest')) record(await measureIngest(ctx, 'api'));
  if (wanted('ingest-while-delivering')) record(await measureIngest(ctx, 'all'));
  if (ctx.plan.latency.rates.some((rate) => wanted(`latency-${rate}`))) {
    for (const result of await measureLatency(ctx)) if (wanted(result.id)) record(result);
  }
}

/** A separate, unrecorded run of the base drain under --cpu-prof (profiling slows it down). */
export async function profileDrain(ctx: BenchContext): Promise<({ scenario: string } & ProfileSummary) | null> {
  const spec = drainSpecs(ctx)[0]!;
  const dir = await mkdtemp(join(tmpdir(), 'hookline-cpuprof-'));
  try {
    const result = await measureSqliteDrain(ctx, { ...spec, profileDir: dir });
    if (result.status !== 'ok') {
      console.error(`bench: profile run failed: ${result.reason}`);
      return null;
    }
    return { scenario: `${spec.label}: ${result.setup}`, ...summarizeProfile(await readProfileDir(dir)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
