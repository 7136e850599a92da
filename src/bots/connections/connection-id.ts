import { randomBytes } from 'node:crypto';

/**
 * Connection ids are 24 hex characters, as in ChatBot's API: 4 bytes of creation time (seconds)
 * then 8 random bytes, so they sort by creation like the ids ChatBot clients already see.
 */
export function newConnectionId(now: number): string {
  const seconds = Math.floor(now / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + randomBytes(8).toString('hex');
}

const CONNECTION_ID = /^[0-9a-f]{24}$/;

export function isConnectionId(value: string): boolean {
  return CONNECTION_ID.test(value);
}
