import { describe, expect, it } from 'vitest';
import { OriginGate } from './origin-gate.js';

/** A task that runs until the test says so. */
function controlled(log: string[], name: string) {
  let finish!: () => void;
  const work = () => {
    log.push(`start ${name}`);
    return new Promise<void>((resolve) => (finish = () => { log.push(`end ${name}`); resolve(); }));
  };
  return { work, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OriginGate', () => {
  it('runs at most `limit` tasks per origin and starts the waiting ones in order', async () => {
    const gate = new OriginGate(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((n) => controlled(log, n));
    const done = tasks.map((t) => gate.run('http://one', t.work, () => log.push('cancelled')));
    expect(log).toEqual(['start a', 'start b']);
    tasks[1].finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    tasks[0].finish();
    await tick();
    expect(log.slice(-2)).toEqual(['end a', 'start d']);
    tasks[2].finish();
    tasks[3].finish();
    await Promise.all(done);
  });

  it('counts each origin on its own', () => {
    const gate = new OriginGate(1);
    const log: string[] = [];
    void gate.run('http://one', controlled(log, 'one').work, () => {});
    void gate.run('http://two', controlled(log, 'two').work, () => {});
    void gate.run('http://one', controlled(log, 'one-again').work, () => {});
    expect(log).toEqual(['start one', 'start two']);
  });

  it('cancels what has not started, settling its promise without running it', async () => {
    const gate = new OriginGate(1);
    const log: string[] = [];
    const first = controlled(log, 'first');
    const running = gate.run('http://one', first.work, () => log.push('cancelled first'));
    const waiting = gate.run('http://one', controlled(log, 'second').work, () => log.push('cancelled second'));
    gate.cancelQueued();
    await waiting;
    expect(log).toEqual(['start first', 'cancelled second']);
    first.finish();
    await running;
    expect(log).toEqual(['start first', 'cancelled second', 'end first']);
  });
});
