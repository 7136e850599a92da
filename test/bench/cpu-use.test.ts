import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  coresBetween,
  coresExtra,
  machineTicks,
  snapshotCpu,
  withCoresUsed,
  type CpuSnapshot,
} from '../../bench/lib/cpu-use.js';

const procStat = (busy: number, idle: number) =>
  [
    `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0`,
    'cpu0 1 0 0 1 0 0 0 0 0 0',
    'cpu1 1 0 0 1 0 0 0 0 0 0',
  ].join('\n');

describe('the cores a window used', () => {
  it('reads busy and total ticks and the cores from /proc/stat, idle and I/O wait not busy', () => {
    const stat = [
      'cpu  100 5 50 800 20 3 2 0 0 0',
      'cpu0 50 2 25 400 10 1 1 0 0 0',
      'cpu1 50 3 25 400 10 2 1 0 0 0',
      'intr 12345',
    ].join('\n');
    expect(machineTicks(stat)).toEqual({ busy: 160, total: 980, cores: 2 });
  });

  it('averages the cores over the wall time, counting each process only for the window', () => {
    const before: CpuSnapshot = {
      at: 1_000,
      machine: { ...machineTicks(procStat(1_000, 3_000)) },
      groups: {
        api: new Map([[10, 5_000]]),
        // 12 ends before the window does: its earlier CPU must not come off the sum.
        database: new Map([
          [11, 100],
          [12, 9_000],
        ]),
      },
    };
    const after: CpuSnapshot = {
      at: 3_000,
      // 2 s of wall time: 300 busy ticks of 10 ms are 1.5 cores.
      machine: { ...machineTicks(procStat(1_300, 3_100)) },
      groups: {
        api: new Map([[10, 6_500]]),
        // 13 began in the window: all its CPU counts.
        database: new Map([
          [11, 300],
          [13, 200],
        ]),
        postgres: new Map(),
      },
    };
    const used = coresBetween(before, after);
    expect(used).toEqual({
      cores: 2,
      busy: 1.5,
      groups: { api: { cores: 0.75, cpuMs: 1_500 }, database: { cores: 0.2, cpuMs: 400 } },
    });
    // A group with no process found (PostgreSQL elsewhere) is left out, not shown as 0.
    expect(coresExtra(used)).toEqual({
      machineCores: 2,
      coresBusy: 1.5,
      apiCores: 0.75,
      apiCpuMs: 1_500,
      databaseCores: 0.2,
      databaseCpuMs: 400,
    });
    expect(coresExtra(null)).toEqual({});
  });

  it('says 0 cores rather than dividing by no time', () => {
    const at: CpuSnapshot = {
      at: 5,
      machine: machineTicks(procStat(1, 1)),
      groups: { api: new Map([[1, 10]]) },
    };
    expect(coresBetween(at, at)).toEqual({
      cores: 2,
      busy: 0,
      groups: { api: { cores: 0, cpuMs: 0 } },
    });
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'counts the CPU this process spends while the work runs, as the kernel reports it',
    async () => {
      const start = process.cpuUsage();
      const { result, cores } = await withCoresUsed({ self: [process.pid] }, async () => {
        // Busy until 80 ms of CPU time went by (not wall time: a loaded machine may not run us).
        while (process.cpuUsage(start).user + process.cpuUsage(start).system < 80_000);
        return 'done';
      });
      const spentMs = (process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000;
      expect(result).toBe('done');
      // /proc counts in 10 ms ticks, read a little before and after: within two ticks and the reads.
      expect(cores!.groups.self!.cpuMs).toBeGreaterThanOrEqual(spentMs - 40);
      expect(cores!.groups.self!.cpuMs).toBeLessThanOrEqual(spentMs + 40);
      expect(cores!.cores).toBeGreaterThan(0);
    },
  );

  it.skipIf(!existsSync('/proc/self/stat'))(
    'finds no process of a pid that is not running',
    async () => {
      const snapshot = await snapshotCpu({ gone: [2 ** 22 + 1] });
      expect(snapshot!.groups.gone!.size).toBe(0);
    },
  );
});
