import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

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
