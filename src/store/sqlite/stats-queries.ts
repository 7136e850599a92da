import type { Database, Statement } from 'better-sqlite3';
import { healthWindows, healthyRecord, type EndpointHealth } from '../../domain/endpoint-health.js';
import { emptyCounts, type StatsBucket } from '../../domain/endpoint-stats.js';
import {
  summedCounts,
  toCounts,
  toHealthRecord,
  type CountsRow,
  type HealthRow,
} from '../shared-stats.js';
import type { AppBacklog, StatsQuery } from '../store.js';

const SUMS = summedCounts();

const prepare = (db: Database) => ({
  appSeries: db.prepare(`SELECT bucket_start, ${SUMS} FROM endpoint_stats
    WHERE app_id = @app AND resolution = @resolution AND bucket_start >= @since AND bucket_start < @until
    GROUP BY bucket_start ORDER BY bucket_start`),
  endpointSeries: db.prepare(`SELECT bucket_start, ${SUMS} FROM endpoint_stats
    WHERE endpoint_id = @endpoint AND app_id = @app AND resolution = @resolution
      AND bucket_start >= @since AND bucket_start < @until
    GROUP BY bucket_start ORDER BY bucket_start`),
  window: db.prepare(`SELECT ${SUMS} FROM endpoint_stats
    WHERE endpoint_id = @endpoint AND resolution = @resolution AND bucket_start >= @since`),
  health: db.prepare('SELECT * FROM endpoint_health WHERE endpoint_id = ?'),
  endpointOfApp: db.prepare('SELECT 1 FROM endpoints WHERE id = ? AND app_id = ?'),
  failing: db.prepare(`SELECT endpoint_id FROM endpoint_health
    WHERE app_id = ? AND consecutive_failures > 0
    ORDER BY consecutive_failures DESC, endpoint_id LIMIT ?`),
  backlog:
    db.prepare(`SELECT count(*) - count(lease_token) AS pending, count(lease_token) AS delivering FROM deliveries
    WHERE app_id = ? AND state = 'pending'`),
});

/** Time series, endpoint health and backlog, read from the rollups and small indexes. */
export class SqliteStatsQueries {
  private readonly q: ReturnType<typeof prepare>;

  constructor(db: Database) {
    this.q = prepare(db);
  }

  series(query: StatsQuery): StatsBucket[] {
    const params = {
      app: query.appId,
      endpoint: query.endpointId,
      resolution: query.resolution,
      since: query.since,
      until: query.until,
    };
    const stmt: Statement = query.endpointId ? this.q.endpointSeries : this.q.appSeries;
    return (stmt.all(params) as Array<CountsRow & { bucket_start: number }>).map((r) => ({
      start: r.bucket_start,
      ...toCounts(r),
    }));
  }

  health(appId: string, endpointIds: string[], now: number): EndpointHealth[] {
    const { hourSince, daySince } = healthWindows(now);
    const out: EndpointHealth[] = [];
    for (const id of new Set(endpointIds)) {
      if (!this.q.endpointOfApp.get(id, appId)) continue;
      const row = this.q.health.get(id) as HealthRow | undefined;
      const sum = (resolution: string, since: number) =>
        toCounts(this.q.window.get({ endpoint: id, resolution, since }) as CountsRow);
      out.push({
        ...(row ? toHealthRecord(row) : healthyRecord(appId, id)),
        lastHour: row ? sum('minute', hourSince) : emptyCounts(),
        lastDay: row ? sum('hour', daySince) : emptyCounts(),
      });
    }
    return out;
  }

  failing(appId: string, limit: number): string[] {
    return (this.q.failing.all(appId, limit) as Array<{ endpoint_id: string }>).map(
      (r) => r.endpoint_id,
    );
  }

  backlog(appId: string): AppBacklog {
    return this.q.backlog.get(appId) as AppBacklog;
  }
}
