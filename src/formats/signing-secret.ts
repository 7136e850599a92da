import { activeSecrets } from '../domain/secrets.js';
import type { Endpoint } from '../domain/types.js';

/**
 * The one secret a single-valued signature header is made with: the newest secret that has not
 * been rotated out (expiresAt null), else the newest still-active one.
 */
export function currentSecret(endpoint: Pick<Endpoint, 'secrets'>, now: number): string | null {
  const current = endpoint.secrets.filter((s) => s.expiresAt === null);
  const pool =
    current.length > 0
      ? current
      : endpoint.secrets.filter((s) => s.expiresAt !== null && s.expiresAt > now);
  if (pool.length === 0) return activeSecrets(endpoint, now)[0] ?? null;
  return pool.reduce((a, b) => (b.createdAt >= a.createdAt ? b : a)).secret;
}
