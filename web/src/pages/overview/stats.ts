import type { HooklineClient, ResponseBody } from '../../../../src/client/index';

/** GET /api/v1/apps/{appId}/stats: served from rollups kept as attempts are recorded. */
export type AppStats = ResponseBody<'/api/v1/apps/{appId}/stats', 'get'>;

export const RANGES = {
  '1h': { ms: 3_600_000, bucket: '1m' },
  '24h': { ms: 86_400_000, bucket: '1h' },
  '7d': { ms: 7 * 86_400_000, bucket: '1h' },
} as const;
export type Range = keyof typeof RANGES;

/** The range's figures, ending now. */
export function fetchAppStats(api: HooklineClient, appId: string, range: Range): Promise<AppStats> {
  const until = new Date();
  const since = new Date(until.getTime() - RANGES[range].ms);
  return api.GET('/api/v1/apps/{appId}/stats', {
    params: {
      path: { appId },
      query: {
        since: since.toISOString(),
        until: until.toISOString(),
        bucket: RANGES[range].bucket,
      },
    },
  });
}
