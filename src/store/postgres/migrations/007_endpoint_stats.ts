/**
 * Endpoint health (issue 13): rollups of attempt results per endpoint and minute or hour (counts by
 * outcome, latency histogram l0..l12 over domain/endpoint-stats.ts LATENCY_BOUNDS_MS), and each
 * endpoint's running counters. Both are written with the results, never computed from attempts.
 * Rollups outlive their endpoint (the app's totals keep its history); they go with the app.
 */
export const sql = `
CREATE TABLE endpoint_stats (
  app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  endpoint_id text NOT NULL,
  resolution text NOT NULL,
  bucket_start bigint NOT NULL,
  succeeded bigint NOT NULL DEFAULT 0,
  retrying bigint NOT NULL DEFAULT 0,
  failed bigint NOT NULL DEFAULT 0,
  l0 bigint NOT NULL DEFAULT 0, l1 bigint NOT NULL DEFAULT 0, l2 bigint NOT NULL DEFAULT 0, l3 bigint NOT NULL DEFAULT 0, l4 bigint NOT NULL DEFAULT 0, l5 bigint NOT NULL DEFAULT 0, l6 bigint NOT NULL DEFAULT 0, l7 bigint NOT NULL DEFAULT 0, l8 bigint NOT NULL DEFAULT 0, l9 bigint NOT NULL DEFAULT 0, l10 bigint NOT NULL DEFAULT 0, l11 bigint NOT NULL DEFAULT 0, l12 bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (endpoint_id, resolution, bucket_start)
);
CREATE INDEX endpoint_stats_app ON endpoint_stats (app_id, resolution, bucket_start);

CREATE TABLE endpoint_health (
  endpoint_id text PRIMARY KEY REFERENCES endpoints(id) ON DELETE CASCADE,
  app_id text NOT NULL,
  consecutive_failures integer NOT NULL DEFAULT 0,
  failing_since bigint,
  last_success_at bigint,
  last_error text
);
CREATE INDEX endpoint_health_failing ON endpoint_health (app_id, consecutive_failures) WHERE consecutive_failures > 0;
`;
