import { describe, expect, it } from 'vitest';
import {
  coresBetween,
  coresExtra,
  machineTicks,
  processMs,
  snapshotCpu,
  type CpuSnapshot,
} from '../../bench/lib/cpu-use.js';

describe('the cores a window used', () => {
  it('reads busy and total ticks from /proc/stat, idle and I/O wait counting as not busy', () => {
    const stat = [
      'cpu  100 5 50 800 20 3 2 0 0 0',
      'cpu0 50 2 25 400 10 1 1 0 0 0',
      'intr 12345',
    ].join('\n');
    expect(machineTicks(stat)).toEqual({ busy: 160, total: 980 });
  });

  it('reads user and system time of a process whose name holds spaces and parentheses', () => {
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 70 0 0 20 0 11';
    expect(processMs(stat)).toBe((250 + 70) * 10);
  });

  it('averages the cores busy over the wall time between two snapshots', () => {
    const before: CpuSnapshot = {
      at: 1_000,
      machine: { busy: 1_000, total: 4_000 },
      groups: { api: 5_000, database: 100 },
    };
    const after: CpuSnapshot = {
      at: 3_000,
      // 2 s on 2 cores: 400 ticks, 300 of them busy.
      machine: { busy: 1_300, total: 4_400 },
      groups: { api: 6_500, database: 500 },
    };
    const used = coresBetween(before, after, 2);
    expect(used).toEqual({ cores: 2, busy: 1.5, groups: { api: 0.75, database: 0.2 } });
    expect(coresExtra(used)).toEqual({
      machineCores: 2,
      coresBusy: 1.5,
      apiCores: 0.75,
      databaseCores: 0.2,
    });
    expect(coresExtra(null)).toEqual({});
  });

  it('counts the CPU of a real process, this one, as it works', async () => {
    const before = await snapshotCpu({ self: [process.pid], gone: [2 ** 22 + 1] });
    // Busy until 50 ms of CPU time went by (not wall time: a loaded machine may not run us).
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user + process.cpuUsage(start).system < 50_000);
    const after = await snapshotCpu({ self: [process.pid], gone: [2 ** 22 + 1] });
    expect(before).not.toBeNull();
    expect(after!.groups.self!).toBeGreaterThan(before!.groups.self!);
    expect(after!.groups.gone).toBe(0);
    expect(after!.machine.total).toBeGreaterThan(before!.machine.total);
  });
});
