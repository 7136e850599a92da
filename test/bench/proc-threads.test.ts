import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  commandOf,
  contextSwitches,
  processMs,
  switchesBetween,
  switchesIn,
  threadSwitches,
} from '../../bench/lib/proc-threads.js';

describe('context switches', () => {
  it('adds the voluntary and the non-voluntary ones of a thread', () => {
    const status = [
      'Name:\tnode',
      'State:\tS (sleeping)',
      'voluntary_ctxt_switches:\t120',
      'nonvoluntary_ctxt_switches:\t7',
    ].join('\n');
    expect(switchesIn(status)).toBe(127);
    expect(switchesIn('Name:\tnode\n')).toBe(0);
  });

  it.skipIf(!existsSync('/proc/self/task'))('grow as this process sleeps and wakes', async () => {
    const before = await contextSwitches(process.pid);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await contextSwitches(process.pid)).toBeGreaterThan(before);
    expect(await contextSwitches(2 ** 22 + 1)).toBe(0); // no such process
  });
});

describe('context switches between two readings', () => {
  it('counts thread by thread: a new thread from zero, an ended one not at all', () => {
    const before = new Map([
      [10, 100],
      [11, 5_000], // ends before the second reading
    ]);
    const after = new Map([
      [10, 130],
      [12, 7], // started in between
    ]);
    expect(switchesBetween(before, after)).toBe(37);
  });

  it.skipIf(!existsSync('/proc/self/task'))('reads each thread of this process', async () => {
    const before = await threadSwitches(process.pid);
    expect(before.has(process.pid)).toBe(true);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(switchesBetween(before, await threadSwitches(process.pid))).toBeGreaterThan(0);
    expect((await threadSwitches(2 ** 22 + 1)).size).toBe(0); // no such process
  });
});

describe('a process CPU time', () => {
  it('reads user and system time of a process whose name holds spaces and parentheses', () => {
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 70 0 0 20 0 11';
    expect(processMs(stat)).toBe((250 + 70) * 10);
    expect(commandOf(stat)).toBe('node (worker) x');
  });
});
