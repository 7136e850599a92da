import { describe, expect, it } from 'vitest';
import {
  compilePayloadFilter,
  payloadFilterProblems,
  type PayloadFilter,
} from './payload-filter.js';

const matches = (filter: PayloadFilter, payload: unknown) => {
  expect(payloadFilterProblems(filter)).toEqual([]);
  return compilePayloadFilter(filter)(payload);
};

const status = { status: 'failed', channel: 'viber', price: 0.05, tags: ['vip', 'eu'], n: 10n };

describe('payload filters', () => {
  it('match equal values, nested fields and values inside arrays', () => {
    expect(matches({ status: 'failed' }, status)).toBe(true);
    expect(matches({ status: 'delivered' }, status)).toBe(false);
    expect(matches({ sender: { id: 'u1' } }, { sender: { id: 'u1', name: 'A' } })).toBe(true);
    expect(matches({ sender: { id: 'u1' } }, { sender: { id: 'u2' } })).toBe(false);
    expect(matches({ tags: 'vip' }, status)).toBe(true);
    expect(matches({}, status)).toBe(true);
  });

  it('compare with $in, $nin, $gt, $gte, $lt, $lte, $neq and $eq', () => {
    expect(matches({ channel: { $in: ['sms', 'viber'] } }, status)).toBe(true);
    expect(matches({ channel: { $nin: ['sms', 'viber'] } }, status)).toBe(false);
    expect(matches({ price: { $gt: 0.01, $lte: 0.05 } }, status)).toBe(true);
    expect(matches({ price: { $lt: 0.05 } }, status)).toBe(false);
    expect(matches({ price: { $gte: 0.05 } }, status)).toBe(true);
    expect(matches({ status: { $neq: 'failed' } }, status)).toBe(false);
    expect(matches({ status: { $eq: 'failed' } }, status)).toBe(true);
    // A number never compares with a string.
    expect(matches({ price: { $gt: '0' } }, status)).toBe(false);
  });

  it('compare 64-bit integers exactly, as numbers or as decimal text', () => {
    const big = { token: 5491938471234567891n };
    expect(matches({ token: '5491938471234567891' }, big)).toBe(true);
    expect(matches({ token: '5491938471234567892' }, big)).toBe(false);
    expect(matches({ n: 10 }, status)).toBe(true);
  });

  it('test presence, prefixes and suffixes', () => {
    expect(matches({ reason: { $exists: false } }, status)).toBe(true);
    expect(matches({ status: { $exists: true } }, status)).toBe(true);
    expect(matches({ channel: { $startsWith: 'vib' } }, status)).toBe(true);
    expect(matches({ channel: { $endsWith: 'ms' } }, status)).toBe(false);
    expect(matches({ status: { $not: { $in: ['sent', 'delivered'] } } }, status)).toBe(true);
  });

  it('combine with $and, $or and $not', () => {
    const f = { $or: [{ status: 'failed' }, { price: { $gt: 1 } }], $not: { channel: 'sms' } };
    expect(matches(f, status)).toBe(true);
    expect(matches(f, { ...status, channel: 'sms' })).toBe(false);
    expect(matches({ $and: [{ status: 'failed' }, { channel: 'sms' }] }, status)).toBe(false);
  });

  it('never match a field of a non-object payload or a missing field', () => {
    expect(matches({ status: 'failed' }, null)).toBe(false);
    expect(matches({ missing: null }, status)).toBe(false);
    expect(matches({ missing: { $neq: 'x' } }, status)).toBe(false);
  });

  it('name the path and the operator of every problem', () => {
    expect(payloadFilterProblems([])).toEqual([
      { field: 'filter', message: 'must be a JSON object' },
    ]);
    const problems = payloadFilterProblems({
      status: { $regex: 'x' },
      price: { $gt: true },
      data: { list: { $in: 'a' } },
      $or: [],
      $xor: [],
      flag: { $exists: 'yes' },
      tags: [1, 2],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'filter.status.$regex',
      'filter.price.$gt',
      'filter.data.list.$in',
      'filter.$or',
      'filter.$xor',
      'filter.flag.$exists',
      'filter.tags',
    ]);
    expect(problems[0].message).toContain('allowed: $eq, $neq, $in');
  });

  it('refuse filters nested too deep or too large', () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 10; i++) deep = { a: deep };
    expect(payloadFilterProblems(deep)[0].message).toContain('deeper than 8 levels');
    const big = {
      a: { $in: Array.from({ length: 250 }, (_, i) => `a-much-longer-value-number-for-size-${i}`) },
    };
    expect(payloadFilterProblems(big)[0].message).toContain('larger than 8192 bytes');
  });
});
