/**
 * Issue 20, PostgreSQL under sustained load: a result transaction no longer updates its endpoint's
 * health row and rollup rows (every worker's results for one endpoint waited on those rows until
 * the other's commit). It appends these insert-only deltas instead; a short fold transaction
 * right after moves them into endpoint_health and endpoint_stats (record-deltas.ts), and reads add
 * the deltas not folded yet. Deltas go with their endpoint, like its health row.
 */
export const sql = `
CREATE TABLE endpoint_health_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  app_id text NOT NULL,
  succeeded_at bigint,
  failures integer NOT NULL,
  first_failure_at bigint,
  last_error text,
  gone boolean NOT NULL DEFAULT false
);
CREATE INDEX endpoint_health_deltas_endpoint ON endpoint_health_deltas (endpoint_id, id);

CREATE TABLE endpoint_stats_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app_id text NOT NULL,
  endpoint_id text NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  resolution text NOT NULL,
  bucket_start bigint NOT NULL,
  succeeded bigint NOT NULL DEFAULT 0,
  retrying bigint NOT NULL DEFAULT 0,
  failed bigint NOT NULL DEFAULT 0,
  l0 bigint NOT NULL DEFAULT 0, l1 bigint NOT NULL DEFAULT 0, l2 bigint NOT NULL DEFAULT 0, l3 bigint NOT NULL DEFAULT 0, l4 bigint NOT NULL DEFAULT 0, l5 bigint NOT NULL DEFAULT 0, l6 bigint NOT NULL DEFAULT 0, l7 bigint NOT NULL DEFAULT 0, l8 bigint NOT NULL DEFAULT 0, l9 bigint NOT NULL DEFAULT 0, l10 bigint NOT NULL DEFAULT 0, l11 bigint NOT NULL DEFAULT 0, l12 bigint NOT NULL DEFAULT 0
);
CREATE INDEX endpoint_stats_deltas_endpoint ON endpoint_stats_deltas (endpoint_id);
`;
