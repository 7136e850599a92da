import { timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../lib/hash.js';

const digest = (token: string) => Buffer.from(sha256Hex(token), 'hex');

/**
 * Who may read /metrics: a caller presenting one of `tokens` as `Authorization: Bearer`. An empty
 * list lets anyone in (the separate metrics port without a metrics token: reachable only where it
 * listens, 127.0.0.1 by default).
 */
export function metricsAccess(tokens: readonly string[]): (authorization?: string) => boolean {
  const digests = tokens.map(digest);
  return (authorization) => {
    if (digests.length === 0) return true;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return false;
    const presented = digest(match[1]);
    // Equal-length digests compared in constant time; every token is compared.
    return digests.reduce((ok, d) => timingSafeEqual(presented, d) || ok, false);
  };
}
