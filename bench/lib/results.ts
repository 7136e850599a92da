import type { ProfileSummary } from '../report/profile-summary.js';
import type { Plan } from '../plan.js';
import type { LatencySummary } from './percentiles.js';

export type ScenarioGroup =
  | 'anchor'
  | 'drain'
  | 'ingest'
  | 'latency'
  | 'scaling'
  | 'postgres'
  | 'cost'
  | 'stats'
  | 'retention'
  | 'sweep';

/** One measured (or skipped) line of the benchmark. */
export interface ScenarioResult {
  id: string;
  group: ScenarioGroup;
  label: string;
  status: 'ok' | 'skipped' | 'error';
  /** Why it was skipped or what went wrong. */
  reason?: string;
  /** What was run: sizes, concurrency, payload. */
  setup: string;
  /** The headline rate, in `unit`. */
  perSecond?: number;
  unit?: string;
  latency?: LatencySummary;
  /** Peak resident memory (VmHWM) of the Hookline process, MiB. */
  peakRssMb?: number;
  extra?: Record<string, number | string | boolean | null>;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sqlite: string | null;
  redis: string | null;
  postgres: string | null;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAverage: { start: number; end: number };
}

export interface TargetCheck {
  area: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchRun {
  version: 1;
  mode: 'quick' | 'full';
  command: string;
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  concurrency: number;
  /** Every size the run used (bench/plan.ts). */
  plan: Plan;
  scenarios: ScenarioResult[];
  ratios: Record<string, number | null>;
  targets: TargetCheck[];
  /** Top self-time entries of a --cpu-prof run of the Hookline drain, when --profile was given. */
  profile?: { scenario: string; threads: Array<{ thread: string } & ProfileSummary> } | null;
}

export function skipped(
  base: Pick<ScenarioResult, 'id' | 'group' | 'label' | 'setup'>,
  reason: string,
): ScenarioResult {
  return { ...base, status: 'skipped', reason };
}

export function failed(
  base: Pick<ScenarioResult, 'id' | 'group' | 'label' | 'setup'>,
  error: unknown,
): ScenarioResult {
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, status: 'error', reason: message.split('\n')[0] };
}
