import { badRequest } from '../lib/errors.js';
import { newWebhookSecret } from '../lib/ids.js';
import type { Endpoint } from './types.js';

/** How long a rotated-out secret keeps signing when the rotation does not say. */
export const DEFAULT_ROTATION_GRACE_MS = 24 * 3600 * 1000;

/** Secrets that still sign at `now`: the current one plus rotated ones inside their grace period. */
export function activeSecrets(endpoint: Pick<Endpoint, 'secrets'>, now: number): string[] {
  return endpoint.secrets
    .filter((s) => s.expiresAt === null || s.expiresAt > now)
    .map((s) => s.secret);
}

export interface Rotation {
  /** The new secret; a new one when not given. It must not be one the endpoint already has. */
  secret?: string;
  /** How long the older secrets keep signing; default 24 h. A shorter grace only shortens. */
  graceMs?: number;
}

/**
 * The endpoint with a new current secret: older secrets keep signing for the grace period (never
 * longer than they already would), expired ones are dropped. Throws 400 for a reused secret.
 */
export function rotateSecret(
  endpoint: Endpoint,
  rotation: Rotation,
  now: number,
): { endpoint: Endpoint; secret: string } {
  const graceMs = rotation.graceMs ?? DEFAULT_ROTATION_GRACE_MS;
  const secret = rotation.secret ?? newWebhookSecret();
  if (endpoint.secrets.some((s) => s.secret === secret))
    throw badRequest('secret: already used by this endpoint', [
      { field: 'secret', message: 'already used by this endpoint' },
    ]);
  const kept = endpoint.secrets
    .filter((s) => s.expiresAt === null || s.expiresAt > now)
    .map((s) => ({
      ...s,
      expiresAt: s.expiresAt === null ? now + graceMs : Math.min(s.expiresAt, now + graceMs),
    }))
    .filter((s) => s.expiresAt > now);
  return {
    endpoint: {
      ...endpoint,
      secrets: [{ secret, createdAt: now, expiresAt: null }, ...kept],
      updatedAt: now,
    },
    secret,
  };
}
