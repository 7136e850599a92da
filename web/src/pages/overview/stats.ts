import { HooklineApiError } from '../../../../src/client/api-error';

/**
 * GET /api/v1/apps/{appId}/stats (rollups kept as attempts are recorded). Read with fetch until
 * the route is in the generated types; a server without it answers 404 and the page says so.
 */
export interface StatsPoint {
  start: string;
  attempts: number;
  succeeded: number;
  retrying: number;
  failed: number;
  successRate: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}
export interface AppStats {
  bucket: '1m' | '1h';
  since: string;
  until: string;
  series: StatsPoint[];
  totals: Omit<StatsPoint, 'start'>;
  backlog: { pending: number; delivering: number };
  failingEndpoints: Array<{
    id: string;
    url: string;
    description: string;
    disabled: boolean;
    consecutiveFailures: number;
    failingSince: string | null;
    lastError: { at: string; message: string } | null;
  }>;
}

export const RANGES = {
  '1h': { ms: 3_600_000, bucket: '1m' },
  '24h': { ms: 86_400_000, bucket: '1h' },
  '7d': { ms: 7 * 86_400_000, bucket: '1h' },
} as const;
export type Range = keyof typeof RANGES;

export async function fetchAppStats(token: string, appId: string, range: Range): Promise<AppStats> {
  const until = new Date();
  const since = new Date(until.getTime() - RANGES[range].ms);
  const query = new URLSearchParams({
    since: since.toISOString(),
    until: until.toISOString(),
    bucket: RANGES[range].bucket,
  });
  const response = await fetch(`/api/v1/apps/${encodeURIComponent(appId)}/stats?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new HooklineApiError(response.status, body);
  return body as AppStats;
}
