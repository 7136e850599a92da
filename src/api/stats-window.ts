import { bucketStart, RESOLUTION_MS, type StatsResolution } from '../domain/endpoint-stats.js';
import { invalidField } from '../lib/errors.js';

/** Points one stats request may ask for: 7 days of minutes, 420 days of hours. */
export const MAX_BUCKETS = 10_080;

const RESOLUTION: Record<'1m' | '1h', StatsResolution> = { '1m': 'minute', '1h': 'hour' };
const DEFAULT_SPAN_MS: Record<'1m' | '1h', number> = { '1m': 3_600_000, '1h': 7 * 86_400_000 };

export interface StatsWindow {
  bucket: '1m' | '1h';
  resolution: StatsResolution;
  stepMs: number;
  /** Start of the first bucket (since, rounded down to a bucket). */
  since: number;
  until: number;
}

/** The window a stats query asks for, with defaults; a 400 naming the field when it cannot be. */
export function statsWindow(
  query: { since?: string; until?: string; bucket?: '1m' | '1h' },
  now: number,
): StatsWindow {
  const bucket = query.bucket ?? '1m';
  const resolution = RESOLUTION[bucket];
  const stepMs = RESOLUTION_MS[resolution];
  const until = query.until === undefined ? now : Date.parse(query.until);
  const asked =
    query.since === undefined ? until - DEFAULT_SPAN_MS[bucket] : Date.parse(query.since);
  if (until <= asked) throw invalidField('until', 'must be after since');
  const since = bucketStart(asked, resolution);
  if (Math.ceil((until - since) / stepMs) > MAX_BUCKETS) {
    throw invalidField(
      'since',
      `at most ${MAX_BUCKETS} buckets per request (7 days at 1m, 420 days at 1h); narrow since/until or use bucket=1h`,
    );
  }
  return { bucket, resolution, stepMs, since, until };
}
