import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** CPU ms (user + system; all threads for a process) from the text of /proc/<pid>/stat. */
export function processMs(procPidStat: string): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th, 13th.
  const fields = procPidStat.slice(procPidStat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The command name in /proc/<pid>/stat. */
export function commandOf(procPidStat: string): string {
  return procPidStat.slice(procPidStat.indexOf('(') + 1, procPidStat.lastIndexOf(')'));
}

/** CPU ms (user + system, all threads) of these processes together; null if one is gone. */
export async function processesCpuMs(pids: number[]): Promise<number | null> {
  const stats = await Promise.all(
    pids.map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)),
  );
  if (stats.some((s) => s === null)) return null;
  return stats.reduce((sum, s) => sum + processMs(s!), 0);
}

/** CPU ms (user + system, all threads) of a process; 0 once it is gone. */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null ? 0 : processMs(stat);
}

/** CPU ms (user + system) and name of every thread of `pid`, by thread id, from /proc. */
export async function threadCpu(pid: number): Promise<Map<number, { name: string; ms: number }>> {
  const cpu = new Map<number, { name: string; ms: number }>();
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    cpu.set(Number(tid), { name: commandOf(stat), ms: processMs(stat) });
  }
  return cpu;
}

/** CPU ms each thread spent between two `threadCpu` readings, busiest first. */
export function cpuBetween(
  before: Map<number, { name: string; ms: number }>,
  after: Map<number, { name: string; ms: number }>,
): Array<{ tid: number; name: string; ms: number }> {
  return [...after]
    .map(([tid, t]) => ({ tid, name: t.name, ms: t.ms - (before.get(tid)?.ms ?? 0) }))
    .filter((t) => t.ms > 0)
    .sort((a, b) => b.ms - a.ms);
}

/**
 * Context switches of every thread of `pid` so far, voluntary (it waited: a sleep, I/O) and not
 * (the scheduler took the core): each is a sleep and a wake-up, or a turn lost to another thread.
 */
export async function contextSwitches(pid: number): Promise<number> {
  let total = 0;
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const status = await readFile(`/proc/${pid}/task/${tid}/status`, 'utf8').catch(() => '');
    total += switchesIn(status);
  }
  return total;
}

/** Context switches of each thread of `pid` so far (see contextSwitches), by thread id. */
export async function threadSwitches(pid: number): Promise<Map<number, number>> {
  const switches = new Map<number, number>();
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const status = await readFile(`/proc/${pid}/task/${tid}/status`, 'utf8').catch(() => null);
    if (status !== null) switches.set(Number(tid), switchesIn(status));
  }
  return switches;
}

/**
 * The context switches made between two `threadSwitches` readings, thread by thread (a thread that
 * started meanwhile counts from zero; one that ended is not counted, rather than its history).
 */
export function switchesBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [tid, n] of after) total += n - (before.get(tid) ?? 0);
  return total;
}

/** The voluntary and non-voluntary context switches in the text of /proc/.../status. */
export function switchesIn(status: string): number {
  let total = 0;
  for (const m of status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm))
    total += Number(m[1]);
  return total;
}
