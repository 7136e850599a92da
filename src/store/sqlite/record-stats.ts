import type { Database, Statement } from 'better-sqlite3';
import {
  applyHealthDelta,
  healthDeltas,
  healthyRecord,
  type HealthTransition,
} from '../../domain/endpoint-health.js';
import { statsDeltas, type CountedResult } from '../../domain/endpoint-stats.js';
import { LATENCY_COLUMNS, toHealthRecord, type HealthRow } from '../shared-stats.js';

const COUNT_COLUMNS = ['succeeded', 'retrying', 'failed', ...LATENCY_COLUMNS];

/** Adds a delta to its rollup row; an endpoint deleted meanwhile gets none. */
const UPSERT_STATS = `INSERT INTO endpoint_stats (app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.join(', ')})
  SELECT ${['@app', '@endpoint', '@resolution', '@start', ...COUNT_COLUMNS.map((c) => `@${c}`)].join(', ')}
  WHERE EXISTS (SELECT 1 FROM endpoints WHERE id = @endpoint)
  ON CONFLICT (endpoint_id, resolution, bucket_start) DO UPDATE SET
  ${COUNT_COLUMNS.map((c) => `${c} = endpoint_stats.${c} + excluded.${c}`).join(', ')}`;

const READ_HEALTH = 'SELECT * FROM endpoint_health WHERE endpoint_id = ?';

const WRITE_HEALTH = `INSERT INTO endpoint_health (endpoint_id, app_id, consecutive_failures, failing_since,
    last_success_at, last_error)
  SELECT @endpoint, @app, @failures, @failingSince, @lastSuccessAt, @lastError
  WHERE EXISTS (SELECT 1 FROM endpoints WHERE id = @endpoint)
  ON CONFLICT (endpoint_id) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
    failing_since = excluded.failing_since, last_success_at = excluded.last_success_at,
    last_error = excluded.last_error`;

/**
 * Rollups and health counters, written inside the transaction that records the results (the group
 * commit), from the results alone: a few statements per endpoint and batch, no scan of attempts.
 */
export class SqliteStatsRecording {
  private readonly upsertStats: Statement;
  private readonly readHealth: Statement;
  private readonly writeHealth: Statement;

  constructor(db: Database) {
    this.upsertStats = db.prepare(UPSERT_STATS);
    this.readHealth = db.prepare(READ_HEALTH);
    this.writeHealth = db.prepare(WRITE_HEALTH);
  }

  record(results: CountedResult[]): HealthTransition[] {
    for (const d of statsDeltas(results)) {
      const counts: Record<string, number> = {
        succeeded: d.succeeded,
        retrying: d.retrying,
        failed: d.failed,
      };
      LATENCY_COLUMNS.forEach((c, i) => (counts[c] = d.latency[i]));
      this.upsertStats.run({
        app: d.appId,
        endpoint: d.endpointId,
        resolution: d.resolution,
        start: d.start,
        ...counts,
      });
    }
    const transitions: HealthTransition[] = [];
    for (const d of healthDeltas(results)) {
      const row = this.readHealth.get(d.endpointId) as HealthRow | undefined;
      const before = row ? toHealthRecord(row) : healthyRecord(d.appId, d.endpointId);
      const after = applyHealthDelta(before, d);
      const written = this.writeHealth.run({
        endpoint: d.endpointId,
        app: d.appId,
        failures: after.consecutiveFailures,
        failingSince: after.failingSince,
        lastSuccessAt: after.lastSuccessAt,
        lastError: after.lastError === null ? null : JSON.stringify(after.lastError),
      });
      if (written.changes > 0) transitions.push({ before, after });
    }
    return transitions;
  }
}
