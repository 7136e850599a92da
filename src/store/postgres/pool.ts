import pg from 'pg';

/** What a query needs: the pool or a client inside a transaction. */
export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    config: string | pg.QueryConfig,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
}

export interface PoolSettings {
  url: string;
  /** Connections this process may open; see docs/scaling.md for budgeting. */
  poolSize: number;
  /** Give up connecting after this long (the API then answers 503). */
  connectionTimeoutMs: number;
  applicationName: string;
  /**
   * Plan every prepared statement once per connection (plan_cache_mode=force_generic_plan). Only
   * for connections that run statements whose plan does not depend on their values (store-pools.ts).
   */
  genericPlans?: boolean;
  /**
   * Never plan a sequential or bitmap scan where an index can serve (enable_seqscan and
   * enable_bitmapscan off), for connections whose statements only address rows by key
   * (store-pools.ts). Where no index applies, PostgreSQL still scans.
   */
  indexScansOnly?: boolean;
}

/** The session settings a connection asks for in its startup packet. */
function startupOptions(s: Omit<PoolSettings, 'poolSize'>): string | undefined {
  const options = [
    ...(s.genericPlans ? ['-c plan_cache_mode=force_generic_plan'] : []),
    ...(s.indexScansOnly ? ['-c enable_seqscan=off', '-c enable_bitmapscan=off'] : []),
  ];
  return options.length > 0 ? options.join(' ') : undefined;
}

const INT8 = 20;

/** bigint columns (ids, epoch-ms times, counts) come back as numbers; all fit in 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export function clientConfig(s: Omit<PoolSettings, 'poolSize'>): pg.ClientConfig {
  const options = startupOptions(s);
  return {
    connectionString: s.url,
    connectionTimeoutMillis: s.connectionTimeoutMs,
    application_name: s.applicationName,
    keepAlive: true,
    types,
    ...(options ? { options } : {}),
  };
}

export function createPool(s: PoolSettings, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(s), max: s.poolSize, idleTimeoutMillis: 30_000 });
  // A pooled connection that dies (server restart) is dropped; the next query opens a new one.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}
