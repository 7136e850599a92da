import type pg from 'pg';
import type { Bin, BinRequest, NewBinRequest } from '../../domain/bins.js';
import type { Page } from '../../domain/types.js';
import type { BinFilter, BinStore, CreateBinLimits } from '../bin-store.js';
import { decodeCursor, decodeNumericCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import {
  toBin,
  binValues,
  toRequest,
  BIN_COLUMNS,
  type BinRow,
  type RequestRow,
} from './bin-rows.js';
import type { Guard } from './bot-queries.js';
import { lockKey } from './endpoint-locks.js';
import { inTransaction } from './transaction.js';

/** Advisory lock class for "bins of one app" (the live-bin cap is checked under it, on any node). */
const APP_BINS_LOCK_CLASS = 0x686e;

/** Serializes bin creation of app $1 until the transaction ends (the cap holds across nodes). */
const LOCK_APP_BINS = `SELECT pg_advisory_xact_lock(${APP_BINS_LOCK_CLASS}, $1::int4)`;

/** Live (not expired at $2) bins of app $1. */
const LIVE_BINS_OF_APP =
  'SELECT count(*)::int AS n FROM bins WHERE app_id = $1 AND expires_at > $2';

/** Creates a bin. $1..$9 = BIN_COLUMNS */
const INSERT_BIN = `INSERT INTO bins (${BIN_COLUMNS.join(', ')}) VALUES (${BIN_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/** One bin. $1 id */
const BIN_BY_ID = 'SELECT * FROM bins WHERE id = $1';

/** Replaces the response, request limit and expiry of bin $1. $2 status, $3 body, $4 type, $5 delay, $6 limit, $7 expires */
const UPDATE_BIN = `UPDATE bins SET response_status = $2, response_body = $3, response_content_type = $4,
  response_delay_ms = $5, request_limit = $6, expires_at = $7 WHERE id = $1
  AND response_status = $8 AND response_body = $9 AND response_content_type = $10
  AND response_delay_ms = $11 AND request_limit = $12 AND expires_at = $13`;

/** Deletes bin $1 (its requests by cascade). */
const DELETE_BIN = 'DELETE FROM bins WHERE id = $1';

/** Deletes bins that expired before $1. */
const PURGE_EXPIRED = 'DELETE FROM bins WHERE expires_at < $1';

/** Locks bin $1 for a capture: captures of one bin get ids in commit order. */
const LOCK_BIN = 'SELECT id FROM bins WHERE id = $1 FOR UPDATE';

/** Stores a captured request. $1 bin, $2 method, $3 path, $4 query, $5 headers, $6 body, $7 size, $8 truncated, $9 remote, $10 received */
const INSERT_REQUEST = `INSERT INTO bin_requests (bin_id, method, path, query, headers, body, body_size, body_truncated,
    remote_address, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`;

/** Keeps the newest $2 requests of bin $1. */
const TRIM_REQUESTS = `DELETE FROM bin_requests WHERE bin_id = $1 AND id <= (SELECT id FROM bin_requests
  WHERE bin_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`;

/** One request of bin $1. $2 id */
const REQUEST_BY_ID = 'SELECT * FROM bin_requests WHERE bin_id = $1 AND id = $2';

/** A page of bin $1's requests, newest first. $2 limit + 1 [, $3 cursor id] */
const FIRST_REQUESTS = 'SELECT * FROM bin_requests WHERE bin_id = $1 ORDER BY id DESC LIMIT $2';
const REQUESTS_BEFORE =
  'SELECT * FROM bin_requests WHERE bin_id = $1 AND id < $3 ORDER BY id DESC LIMIT $2';

/** Bin $1's requests after id $2, oldest first, at most $3 (a live stream catching up). */
const REQUESTS_AFTER =
  'SELECT * FROM bin_requests WHERE bin_id = $1 AND id > $2 ORDER BY id LIMIT $3';

/** The newest request id of bin $1, 0 when none. */
const LATEST_REQUEST = 'SELECT COALESCE(max(id), 0) AS id FROM bin_requests WHERE bin_id = $1';

/** How many requests bin $1 keeps. */
const COUNT_REQUESTS = 'SELECT count(*)::int AS n FROM bin_requests WHERE bin_id = $1';

/** Deletes request $2 of bin $1. */
const DELETE_REQUEST = 'DELETE FROM bin_requests WHERE bin_id = $1 AND id = $2';

/** Deletes every request of bin $1. */
const CLEAR_REQUESTS = 'DELETE FROM bin_requests WHERE bin_id = $1';

/** PostgreSQL inspector bins and their captured requests (see BinStore). */
export class PgBinStore implements BinStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly guard: Guard,
  ) {}

  createBin(bin: Bin, limits: CreateBinLimits): Promise<Bin | null> {
    return this.guard(() =>
      inTransaction(this.pool, async ({ db }) => {
        if (bin.appId !== null) {
          await db.query(LOCK_APP_BINS, [lockKey(bin.appId)]);
          const { rows } = await db.query<{ n: number }>(LIVE_BINS_OF_APP, [bin.appId, limits.now]);
          if (rows[0].n >= limits.maxLivePerApp) return null;
        }
        await db.query(INSERT_BIN, binValues(bin));
        return bin;
      }),
    );
  }

  getBin(id: string): Promise<Bin | null> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<BinRow>({
        name: 'hl_bin_by_id',
        text: BIN_BY_ID,
        values: [id],
      });
      return rows[0] ? toBin(rows[0]) : null;
    });
  }

  listBins(filter: BinFilter, query: ListQuery): Promise<Page<Bin>> {
    return this.guard(async () => {
      const values: unknown[] = [query.limit + 1];
      const where: string[] = [];
      if (filter.appId === null) where.push('app_id IS NULL');
      else if (filter.appId !== undefined) where.push(`app_id = $${values.push(filter.appId)}`);
      if (query.cursor !== null) where.push(`id < $${values.push(decodeCursor(query.cursor))}`);
      const sql = `SELECT * FROM bins ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $1`;
      const { rows } = await this.pool.query<BinRow>(sql, values);
      return toPage(rows.map(toBin), query.limit, (b) => b.id);
    });
  }

  updateBin(bin: Bin, read: Bin): Promise<Bin | null> {
    return this.guard(async () => {
      const r = await this.pool.query(UPDATE_BIN, [
        bin.id,
        ...settingsOf(bin),
        ...settingsOf(read),
      ]);
      return r.rowCount === 1 ? bin : null;
    });
  }

  deleteBin(id: string): Promise<boolean> {
    return this.guard(async () => (await this.pool.query(DELETE_BIN, [id])).rowCount === 1);
  }

  purgeExpiredBins(before: number): Promise<number> {
    return this.guard(async () => (await this.pool.query(PURGE_EXPIRED, [before])).rowCount ?? 0);
  }

  insertRequest(request: NewBinRequest, limit: number): Promise<BinRequest | null> {
    return this.guard(() =>
      inTransaction(this.pool, async ({ db }) => {
        if (
          (await db.query({ name: 'hl_lock_bin', text: LOCK_BIN, values: [request.binId] }))
            .rowCount !== 1
        )
          return null;
        const { rows } = await db.query<{ id: number }>({
          name: 'hl_insert_bin_request',
          text: INSERT_REQUEST,
          values: [
            request.binId,
            request.method,
            request.path,
            request.query,
            JSON.stringify(request.headers),
            request.body,
            request.bodySize,
            request.bodyTruncated,
            request.remoteAddress,
            request.receivedAt,
          ],
        });
        await db.query({
          name: 'hl_trim_bin_requests',
          text: TRIM_REQUESTS,
          values: [request.binId, limit],
        });
        return { ...request, id: rows[0].id };
      }),
    );
  }

  getRequest(binId: string, id: number): Promise<BinRequest | null> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<RequestRow>(REQUEST_BY_ID, [binId, id]);
      return rows[0] ? toRequest(rows[0]) : null;
    });
  }

  listRequests(binId: string, query: ListQuery): Promise<Page<BinRequest>> {
    return this.guard(async () => {
      const { rows } =
        query.cursor === null
          ? await this.pool.query<RequestRow>(FIRST_REQUESTS, [binId, query.limit + 1])
          : await this.pool.query<RequestRow>(REQUESTS_BEFORE, [
              binId,
              query.limit + 1,
              decodeNumericCursor(query.cursor),
            ]);
      return toPage(rows.map(toRequest), query.limit, (r) => r.id);
    });
  }

  requestsAfter(binId: string, afterId: number, limit: number): Promise<BinRequest[]> {
    return this.guard(async () =>
      (
        await this.pool.query<RequestRow>({
          name: 'hl_bin_requests_after',
          text: REQUESTS_AFTER,
          values: [binId, afterId, limit],
        })
      ).rows.map(toRequest),
    );
  }

  latestRequestId(binId: string): Promise<number> {
    return this.guard(
      async () => (await this.pool.query<{ id: number }>(LATEST_REQUEST, [binId])).rows[0].id,
    );
  }

  countRequests(binId: string): Promise<number> {
    return this.guard(
      async () => (await this.pool.query<{ n: number }>(COUNT_REQUESTS, [binId])).rows[0].n,
    );
  }

  deleteRequest(binId: string, id: number): Promise<boolean> {
    return this.guard(
      async () => (await this.pool.query(DELETE_REQUEST, [binId, id])).rowCount === 1,
    );
  }

  clearRequests(binId: string): Promise<number> {
    return this.guard(async () => (await this.pool.query(CLEAR_REQUESTS, [binId])).rowCount ?? 0);
  }
}

/** A bin's mutable settings, in UPDATE_BIN's order: what is written, and the version it is written over. */
function settingsOf(bin: Bin): Array<string | number> {
  const r = bin.response;
  return [r.status, r.body, r.contentType, r.delayMs, bin.requestLimit, bin.expiresAt];
}
