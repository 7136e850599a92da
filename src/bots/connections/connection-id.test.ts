import { describe, expect, it } from 'vitest';
import { isConnectionId, newConnectionId } from './connection-id.js';

describe('connection ids', () => {
  it('are 24 lowercase hex characters, led by the creation second', () => {
    const id = newConnectionId(Date.UTC(2026, 0, 1));
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(parseInt(id.slice(0, 8), 16)).toBe(Date.UTC(2026, 0, 1) / 1000);
    expect(isConnectionId(id)).toBe(true);
  });

  it('differ at the same instant and sort by creation time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newConnectionId(1_000_000)));
    expect(ids.size).toBe(100);
    expect(newConnectionId(1_000_000) < newConnectionId(2_000_000)).toBe(true);
  });

  it('refuses anything but 24 hex characters', () => {
    for (const bad of [
      '',
      'a'.repeat(23),
      'a'.repeat(25),
      'A'.repeat(24),
      'g'.repeat(24),
      '611f9ad1fe24s3d0007d14ad',
    ]) {
      expect(isConnectionId(bad)).toBe(false);
    }
  });
});
