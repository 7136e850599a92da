import { readdir, readFile } from 'node:fs/promises';
import { commandOf, processMs } from './proc-threads.js';

/**
 * Where the machine's cores went during a measured window: all of them (from /proc/stat), and
 * named groups of processes (from /proc/<pid>/stat, every thread counted). A ratio such as "two
 * api processes ÷ one" only says what a second process adds when the first left cores idle; on a
 * machine the first run already kept busy, the second can only share the same cores.
 */

/** Milliseconds per clock tick of /proc/stat's times (USER_HZ is 100 on Linux). */
const MS_PER_TICK = 10;

/** A group's processes: their ids, or every process of the PostgreSQL server on this machine. */
export type ProcessGroup = number[] | 'postgres';

export interface CpuSnapshot {
  /** performance.now() when /proc/stat was read. */
  at: number;
  /** All cores together, in ticks since boot: busy (not idle, not waiting for I/O), and in all. */
  machine: { busy: number; total: number; cores: number };
  /** CPU ms of each process of each group, by pid. */
  groups: Record<string, Map<number, number>>;
}

/** Cores busy over a window, on average: the machine's and each group's; CPU ms of each group. */
export interface CoresUsed {
  cores: number;
  busy: number;
  /** Absent: no process of the group was found (e.g. PostgreSQL runs elsewhere). */
  groups: Record<string, { cores: number; cpuMs: number }>;
}

/** The machine's busy and total ticks, and its cores, from the text of /proc/stat. */
export function machineTicks(procStat: string): CpuSnapshot['machine'] {
  const lines = procStat.split('\n');
  const line = lines.find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no "cpu" line in /proc/stat');
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const cores = lines.filter((l) => /^cpu\d+ /.test(l)).length;
  return { busy: total - ticks[3]! - ticks[4]!, total, cores };
}

const readStat = (pid: number | string) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);

async function groupMs(group: ProcessGroup): Promise<Map<number, number>> {
  const pids =
    group === 'postgres' ? (await readdir('/proc')).filter((n) => /^\d+$/.test(n)) : group;
  const stats = await Promise.all(pids.map(readStat));
  const ms = new Map<number, number>();
  stats.forEach((stat, i) => {
    if (stat === null || (group === 'postgres' && commandOf(stat) !== 'postgres')) return;
    ms.set(Number(pids[i]), processMs(stat));
  });
  return ms;
}

/** Reads the machine's and every group's CPU time now; null where /proc cannot be read. */
export async function snapshotCpu(
  groups: Record<string, ProcessGroup>,
): Promise<CpuSnapshot | null> {
  const names = Object.keys(groups);
  const ms = await Promise.all(names.map((name) => groupMs(groups[name]!)));
  // Read together, last: the machine's ticks and the time they are divided by.
  const procStat = await readFile('/proc/stat', 'utf8').catch(() => null);
  if (procStat === null) return null;
  return {
    at: performance.now(),
    machine: machineTicks(procStat),
    groups: Object.fromEntries(names.map((name, i) => [name, ms[i]!])),
  };
}

/**
 * The cores busy between two snapshots, on average over the wall time between them. A process
 * counts what it spent in the window: one gone by the end is left out (its time in the window is
 * unknown), one that began in it counts from 0.
 */
export function coresBetween(before: CpuSnapshot, after: CpuSnapshot): CoresUsed {
  const wallMs = after.at - before.at;
  const perWall = (ms: number) => (wallMs > 0 ? round(ms / wallMs) : 0);
  const groups: CoresUsed['groups'] = {};
  for (const [name, processes] of Object.entries(after.groups)) {
    if (processes.size === 0) continue;
    let cpuMs = 0;
    for (const [pid, ms] of processes) cpuMs += ms - (before.groups[name]?.get(pid) ?? 0);
    groups[name] = { cores: perWall(cpuMs), cpuMs };
  }
  const busyMs = (after.machine.busy - before.machine.busy) * MS_PER_TICK;
  return { cores: after.machine.cores, busy: perWall(busyMs), groups };
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

/**
 * The cores as a result's extra fields: `machineCores`, `coresBusy`, and for each group found
 * `<group>Cores` and `<group>CpuMs`.
 */
export function coresExtra(used: CoresUsed | null): Record<string, number> {
  if (!used) return {};
  const extra: Record<string, number> = { machineCores: used.cores, coresBusy: used.busy };
  for (const [name, { cores, cpuMs }] of Object.entries(used.groups)) {
    extra[`${name}Cores`] = cores;
    extra[`${name}CpuMs`] = cpuMs;
  }
  return extra;
}

const round = (n: number) => Math.round(n * 100) / 100;
