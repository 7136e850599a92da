import { describe, expect, it } from 'vitest';
import { TypedEmitter } from './typed-emitter.js';

interface Events {
  tick: { n: number };
  done: { why: string };
}

function emitter() {
  const errors: Array<[unknown, string]> = [];
  return { events: new TypedEmitter<Events>((e, name) => errors.push([e, name])), errors };
}

describe('TypedEmitter', () => {
  it('calls every listener of an event, in subscription order, and only those', () => {
    const { events } = emitter();
    const seen: string[] = [];
    events.on('tick', (e) => seen.push(`a${e.n}`));
    events.on('tick', (e) => seen.push(`b${e.n}`));
    events.on('done', (e) => seen.push(e.why));
    events.emit('tick', { n: 1 });
    events.emit('done', { why: 'end' });
    expect(seen).toEqual(['a1', 'b1', 'end']);
  });

  it('says whether anyone listens, so a payload nobody would receive is never built', () => {
    const { events } = emitter();
    expect(events.listening('tick')).toBe(false);
    const off = events.on('tick', () => undefined);
    expect(events.listening('tick')).toBe(true);
    expect(events.listening('done')).toBe(false);
    off();
    expect(events.listening('tick')).toBe(false);
  });

  it('lets a listener unsubscribe while the event is being emitted without skipping the others', () => {
    const { events } = emitter();
    const seen: string[] = [];
    const offFirst = events.on('tick', () => {
      seen.push('first');
      offFirst();
    });
    events.on('tick', () => seen.push('second'));
    events.emit('tick', { n: 1 });
    events.emit('tick', { n: 2 });
    expect(seen).toEqual(['first', 'second', 'second']);
  });

  it('unsubscribes one registration of a listener added twice', () => {
    const { events } = emitter();
    let calls = 0;
    const listener = () => calls++;
    events.on('tick', listener);
    events.on('tick', listener);
    events.off('tick', listener);
    events.emit('tick', { n: 1 });
    expect(calls).toBe(1);
  });

  it('reports a throwing listener and still runs the others', () => {
    const { events, errors } = emitter();
    const boom = new Error('listener bug');
    const seen: number[] = [];
    events.on('tick', () => {
      throw boom;
    });
    events.on('tick', (e) => seen.push(e.n));
    expect(() => events.emit('tick', { n: 7 })).not.toThrow();
    expect(seen).toEqual([7]);
    expect(errors).toEqual([[boom, 'tick']]);
  });
});
