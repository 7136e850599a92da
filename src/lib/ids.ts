import { randomBytes, randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// ulid's default PRNG asks the CSPRNG for one byte per character (16 calls per new millisecond,
// visible in ingest profiles); this one draws the same bytes from a pool refilled 4 KiB at a time.
const pool = Buffer.alloc(4096);
let used = pool.length;
function pooledRandom(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++] / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** Time-sortable, prefixed public ids: app_, ep_, msg_ ... */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${nextUlid(now)}`;
}

/** Random url-safe token with a readable prefix (API keys, admin tokens). */
export function newToken(prefix: string, bytes = 24): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** A Standard Webhooks secret: whsec_ + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
