import type { Endpoint } from './types.js';

/** Secrets that still sign at `now`: the current one plus rotated ones inside their grace period. */
export function activeSecrets(endpoint: Pick<Endpoint, 'secrets'>, now: number): string[] {
  return endpoint.secrets
    .filter((s) => s.expiresAt === null || s.expiresAt > now)
    .map((s) => s.secret);
}
