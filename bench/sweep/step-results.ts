import { fmt } from '../lib/format.js';
import { failed, skipped, type ScenarioResult } from '../lib/results.js';
import type { SweepStep } from './run-sweep.js';

export type SweepSystem = 'hookline' | 'bullmq' | 'floor' | 'postgres';

export const SWEEP_LABELS: Record<SweepSystem, string> = {
  hookline: 'Hookline, SQLite (role all)',
  bullmq: 'BullMQ + Redis, undici worker',
  floor: 'The durable floor: one thread, SQLite + fdatasync, undici, no features',
  postgres: 'Hookline, PostgreSQL (1 api + 2 workers)',
};

function stepNote(s: SweepStep): string {
  const after = s.afterSaturation ? 'offered after the sweep saturated, for its target' : '';
  if (!s.saturated) return after;
  const why =
    s.errors > 0
      ? `saturated: ${s.errors} requests failed, first: ${s.firstError}`
      : s.missing > 0
        ? `saturated: ${s.missing} of ${s.acked} not arrived at the step's time limit`
        : 'saturated';
  return after ? `${after}; ${why}` : why;
}

/** One scenario per step (`sweep-<system>-<rate>`); the report rebuilds the sweep from them. */
export function sweepResults(
  system: SweepSystem,
  setup: string,
  steps: SweepStep[],
): ScenarioResult[] {
  return steps.map((s) => ({
    id: `sweep-${system}-${s.offered}`,
    group: 'sweep' as const,
    label: `${SWEEP_LABELS[system]}: ${fmt(s.offered)} messages/s offered`,
    setup,
    status: 'ok' as const,
    ...(s.saturated || s.afterSaturation ? { reason: stepNote(s) } : {}),
    perSecond: s.achieved,
    unit: 'messages/s',
    latency: s.latency,
    peakRssMb: s.peakRssMb,
    extra: {
      system,
      offered: s.offered,
      acked: s.acked,
      missing: s.missing,
      errors: s.errors,
      ackP50Ms: s.ack.p50,
      ackP99Ms: s.ack.p99,
      saturated: s.saturated,
      afterSaturation: s.afterSaturation ?? false,
      ...(s.cpuUsPerMessage === undefined ? {} : { cpuUsPerMessage: s.cpuUsPerMessage }),
    },
  }));
}

/** The sweep of a system that could not run at all: one line saying why. */
export function sweepNotRun(
  system: SweepSystem,
  setup: string,
  problem: { skipped: string } | { error: unknown },
): ScenarioResult[] {
  const base = {
    id: `sweep-${system}`,
    group: 'sweep' as const,
    label: SWEEP_LABELS[system],
    setup,
  };
  return ['skipped' in problem ? skipped(base, problem.skipped) : failed(base, problem.error)];
}

/** The sweep's warm-up as setups and the report name it. */
export const warmUpText = (s: { warmupSeconds: number; warmupRate: number }) =>
  `a ${s.warmupSeconds} s warm-up at ${s.warmupRate.toLocaleString('en-US')}/s`;
