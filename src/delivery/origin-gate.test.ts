import { describe, expect, it } from 'vitest';
import { OriginGate } from './origin-gate.js';

/** Settled state of a promise after pending microtasks ran. */
async function state<T>(p: Promise<T>): Promise<T | 'waiting'> {
  return Promise.race([
    p,
    new Promise<'waiting'>((resolve) => setImmediate(() => resolve('waiting'))),
  ]);
}

describe('OriginGate', () => {
  it('hands out `limit` slots per origin, then one per release, in arrival order', async () => {
    const gate = new OriginGate(2);
    const a = gate.acquire('http://one');
    const b = gate.acquire('http://one');
    const c = gate.acquire('http://one');
    const d = gate.acquire('http://one');
    expect([await state(a), await state(b), await state(c), await state(d)]).toEqual([
      true,
      true,
      'waiting',
      'waiting',
    ]);
    gate.release('http://one');
    expect([await state(c), await state(d)]).toEqual([true, 'waiting']);
    gate.release('http://one');
    expect(await state(d)).toBe(true);
  });

  it('counts each origin on its own', async () => {
    const gate = new OriginGate(1);
    expect(await state(gate.acquire('http://one'))).toBe(true);
    expect(await state(gate.acquire('http://two'))).toBe(true);
    expect(await state(gate.acquire('http://one'))).toBe('waiting');
  });

  it('a released slot is free again once nobody waits', async () => {
    const gate = new OriginGate(1);
    expect(await gate.acquire('http://one')).toBe(true);
    gate.release('http://one');
    expect(await state(gate.acquire('http://one'))).toBe(true);
  });

  it('cancelling tells the waiters they get no slot, and leaves the held ones alone', async () => {
    const gate = new OriginGate(1);
    const held = gate.acquire('http://one');
    const waiting = gate.acquire('http://one');
    gate.cancelQueued();
    expect(await held).toBe(true);
    expect(await waiting).toBe(false);
    gate.release('http://one');
    expect(await state(gate.acquire('http://one'))).toBe(true);
  });
});
