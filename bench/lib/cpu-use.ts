import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

/**
 * Where the machine's cores went during a measured window: all of them (from /proc/stat), and
 * named groups of processes (from /proc/<pid>/stat, every thread counted). A ratio such as "two
 * api processes ÷ one" only says what a second process adds when the first left cores idle; on a
 * machine the first run already kept busy, the second can only share the same cores.
 */

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** A group's processes: their ids, or every process of the PostgreSQL server on this machine. */
export type ProcessGroup = number[] | 'postgres';

export interface CpuSnapshot {
  /** performance.now() when read. */
  at: number;
  /** All cores together, in ticks since boot: busy (not idle, not waiting for I/O), and in all. */
  machine: { busy: number; total: number };
  /** CPU ms of each group's processes (those gone by then count 0). */
  groups: Record<string, number>;
}

/** Cores busy over a window, on average: the machine's and each group's. */
export interface CoresUsed {
  cores: number;
  busy: number;
  groups: Record<string, number>;
}

/** The machine's busy and total ticks from the text of /proc/stat (its first, "cpu" line). */
export function machineTicks(procStat: string): { busy: number; total: number } {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no "cpu" line in /proc/stat');
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/** CPU ms (user + system, all threads) from the text of /proc/<pid>/stat. */
export function processMs(procPidStat: string): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th, 13th.
  const fields = procPidStat.slice(procPidStat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The command name in /proc/<pid>/stat. */
function commandOf(procPidStat: string): string {
  return procPidStat.slice(procPidStat.indexOf('(') + 1, procPidStat.lastIndexOf(')'));
}

const readStat = (pid: number | string) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);

async function postgresPids(): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const stats = await Promise.all(pids.map(readStat));
  return pids
    .filter((_, i) => stats[i] !== null && commandOf(stats[i]!) === 'postgres')
    .map(Number);
}

async function groupMs(group: ProcessGroup): Promise<number> {
  const pids = group === 'postgres' ? await postgresPids() : group;
  const stats = await Promise.all(pids.map(readStat));
  return stats.reduce((sum, s) => sum + (s === null ? 0 : processMs(s)), 0);
}

/** Reads the machine's and every group's CPU time now; null where /proc cannot be read. */
export async function snapshotCpu(
  groups: Record<string, ProcessGroup>,
): Promise<CpuSnapshot | null> {
  const procStat = await readFile('/proc/stat', 'utf8').catch(() => null);
  if (procStat === null) return null;
  const names = Object.keys(groups);
  const ms = await Promise.all(names.map((name) => groupMs(groups[name]!)));
  return {
    at: performance.now(),
    machine: machineTicks(procStat),
    groups: Object.fromEntries(names.map((name, i) => [name, ms[i]!])),
  };
}

/** The cores busy between two snapshots, on average over the time between them. */
export function coresBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  cores = os.availableParallelism(),
): CoresUsed {
  const ticks = after.machine.total - before.machine.total;
  const wallMs = after.at - before.at;
  const share = ticks > 0 ? (after.machine.busy - before.machine.busy) / ticks : 0;
  const groups = Object.fromEntries(
    Object.keys(after.groups).map((name) => [
      name,
      wallMs > 0 ? (after.groups[name]! - (before.groups[name] ?? 0)) / wallMs : 0,
    ]),
  );
  return { cores, busy: round(share * cores), groups: mapValues(groups, round) };
}

/** Runs `work` and tells the cores busy while it ran (null where /proc cannot be read). */
export async function withCoresUsed<T>(
  groups: Record<string, ProcessGroup>,
  work: () => Promise<T>,
): Promise<{ result: T; cores: CoresUsed | null }> {
  const before = await snapshotCpu(groups);
  const result = await work();
  const after = await snapshotCpu(groups);
  return { result, cores: before && after ? coresBetween(before, after) : null };
}

/** The cores as a result's extra fields: `coresBusy`, `machineCores`, `<group>Cores`. */
export function coresExtra(used: CoresUsed | null): Record<string, number> {
  if (!used) return {};
  return {
    machineCores: used.cores,
    coresBusy: used.busy,
    ...Object.fromEntries(Object.entries(used.groups).map(([name, n]) => [`${name}Cores`, n])),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

function mapValues(
  record: Record<string, number>,
  f: (n: number) => number,
): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
