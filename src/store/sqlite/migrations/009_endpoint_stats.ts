/**
 * Endpoint health (issue 13): rollups of attempt results per endpoint and minute or hour (counts by
 * outcome, latency histogram l0..l12 over domain/endpoint-stats.ts LATENCY_BOUNDS_MS), and each
 * endpoint's running counters. Both are written with the results, never computed from attempts.
 * Rollups outlive their endpoint (the app's totals keep its history); they go with the app.
 */
export const sql = `
CREATE TABLE endpoint_stats (
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  endpoint_id TEXT NOT NULL,
  resolution TEXT NOT NULL,
  bucket_start INTEGER NOT NULL,
  succeeded INTEGER NOT NULL DEFAULT 0,
  retrying INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  l0 INTEGER NOT NULL DEFAULT 0, l1 INTEGER NOT NULL DEFAULT 0, l2 INTEGER NOT NULL DEFAULT 0, l3 INTEGER NOT NULL DEFAULT 0, l4 INTEGER NOT NULL DEFAULT 0, l5 INTEGER NOT NULL DEFAULT 0, l6 INTEGER NOT NULL DEFAULT 0, l7 INTEGER NOT NULL DEFAULT 0, l8 INTEGER NOT NULL DEFAULT 0, l9 INTEGER NOT NULL DEFAULT 0, l10 INTEGER NOT NULL DEFAULT 0, l11 INTEGER NOT NULL DEFAULT 0, l12 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (endpoint_id, resolution, bucket_start)
);
CREATE INDEX endpoint_stats_app ON endpoint_stats(app_id, resolution, bucket_start);

CREATE TABLE endpoint_health (
  endpoint_id TEXT PRIMARY KEY REFERENCES endpoints(id) ON DELETE CASCADE,
  app_id TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  failing_since INTEGER,
  last_success_at INTEGER,
  last_error TEXT
);
CREATE INDEX endpoint_health_failing ON endpoint_health(app_id, consecutive_failures) WHERE consecutive_failures > 0;
`;
