import type { Database } from 'better-sqlite3';
import type { Bin, BinRequest, NewBinRequest } from '../../domain/bins.js';
import type { Page } from '../../domain/types.js';
import type { BinFilter, BinStore, CreateBinLimits } from '../bin-store.js';
import { decodeCursor, decodeNumericCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import {
  binParams,
  binRequestParams,
  toBin,
  toBinRequest,
  type BinRequestRow,
  type BinRow,
} from './bin-rows.js';
import { inTransaction } from './in-transaction.js';

/** Runs a write, in the store's group commit when there is one. */
type WriteRunner = <T>(op: () => T) => Promise<T>;

const prepare = (db: Database) => ({
  insertBin:
    db.prepare(`INSERT INTO bins (id, app_id, response_status, response_body, response_content_type,
    response_delay_ms, request_limit, created_at, expires_at) VALUES (@id, @app_id, @response_status,
    @response_body, @response_content_type, @response_delay_ms, @request_limit, @created_at, @expires_at)`),
  liveOfApp: db.prepare('SELECT COUNT(*) AS n FROM bins WHERE app_id = ? AND expires_at > ?'),
  bin: db.prepare('SELECT * FROM bins WHERE id = ?'),
  allBins: db.prepare('SELECT * FROM bins WHERE id < @cursor ORDER BY id DESC LIMIT @limit'),
  unownedBins: db.prepare(
    'SELECT * FROM bins WHERE app_id IS NULL AND id < @cursor ORDER BY id DESC LIMIT @limit',
  ),
  appBins: db.prepare(
    'SELECT * FROM bins WHERE app_id = @appId AND id < @cursor ORDER BY id DESC LIMIT @limit',
  ),
  updateBin:
    db.prepare(`UPDATE bins SET response_status = @response_status, response_body = @response_body,
    response_content_type = @response_content_type, response_delay_ms = @response_delay_ms,
    request_limit = @request_limit, expires_at = @expires_at WHERE id = @id
    AND response_status = @read_status AND response_body = @read_body
    AND response_content_type = @read_content_type AND response_delay_ms = @read_delay_ms
    AND request_limit = @read_request_limit AND expires_at = @read_expires_at`),
  deleteBin: db.prepare('DELETE FROM bins WHERE id = ?'),
  purge: db.prepare('DELETE FROM bins WHERE expires_at < ?'),
  // Only while the bin exists: a bin deleted mid-capture takes nothing with it.
  insertRequest:
    db.prepare(`INSERT INTO bin_requests (bin_id, method, path, query, headers, body, body_size,
    body_truncated, remote_address, received_at) SELECT @bin_id, @method, @path, @query, @headers, @body, @body_size,
    @body_truncated, @remote_address, @received_at WHERE EXISTS (SELECT 1 FROM bins WHERE id = @bin_id)`),
  // Keeps the newest `limit` requests of the bin.
  trim: db.prepare(`DELETE FROM bin_requests WHERE bin_id = @bin_id AND id <= (SELECT id FROM bin_requests
    WHERE bin_id = @bin_id ORDER BY id DESC LIMIT 1 OFFSET @limit)`),
  request: db.prepare('SELECT * FROM bin_requests WHERE bin_id = ? AND id = ?'),
  requests: db.prepare(
    'SELECT * FROM bin_requests WHERE bin_id = @binId AND id < @cursor ORDER BY id DESC LIMIT @limit',
  ),
  after: db.prepare('SELECT * FROM bin_requests WHERE bin_id = ? AND id > ? ORDER BY id LIMIT ?'),
  latest: db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM bin_requests WHERE bin_id = ?'),
  count: db.prepare('SELECT COUNT(*) AS n FROM bin_requests WHERE bin_id = ?'),
  deleteRequest: db.prepare('DELETE FROM bin_requests WHERE bin_id = ? AND id = ?'),
  clear: db.prepare('DELETE FROM bin_requests WHERE bin_id = ?'),
});

/**
 * SQLite bins. Statements are prepared on first use, so this can be built before the migrations
 * ran; captures go through the store's group commit when one is given.
 */
export class SqliteBinStore implements BinStore {
  private prepared: ReturnType<typeof prepare> | null = null;

  constructor(
    private readonly db: Database,
    private readonly write: WriteRunner = async (op) => op(),
  ) {}

  private get q(): ReturnType<typeof prepare> {
    this.prepared ??= prepare(this.db);
    return this.prepared;
  }

  async createBin(bin: Bin, limits: CreateBinLimits): Promise<Bin | null> {
    return inTransaction(this.db, () => {
      if (bin.appId !== null) {
        const { n } = this.q.liveOfApp.get(bin.appId, limits.now) as { n: number };
        if (n >= limits.maxLivePerApp) return null;
      }
      this.q.insertBin.run(binParams(bin));
      return bin;
    });
  }

  async getBin(id: string): Promise<Bin | null> {
    const row = this.q.bin.get(id) as BinRow | undefined;
    return row ? toBin(row) : null;
  }

  async listBins(filter: BinFilter, query: ListQuery): Promise<Page<Bin>> {
    const cursor = query.cursor === null ? '\uffff' : decodeCursor(query.cursor);
    const params = { cursor, limit: query.limit + 1, appId: filter.appId ?? null };
    const stmt =
      filter.appId === undefined
        ? this.q.allBins
        : filter.appId === null
          ? this.q.unownedBins
          : this.q.appBins;
    return toPage((stmt.all(params) as BinRow[]).map(toBin), query.limit, (b) => b.id);
  }

  async updateBin(bin: Bin, read: Bin): Promise<Bin | null> {
    const expected = {
      read_status: read.response.status,
      read_body: read.response.body,
      read_content_type: read.response.contentType,
      read_delay_ms: read.response.delayMs,
      read_request_limit: read.requestLimit,
      read_expires_at: read.expiresAt,
    };
    return this.q.updateBin.run({ ...binParams(bin), ...expected }).changes === 1 ? bin : null;
  }

  async deleteBin(id: string): Promise<boolean> {
    return this.q.deleteBin.run(id).changes === 1;
  }

  async purgeExpiredBins(before: number): Promise<number> {
    return this.q.purge.run(before).changes;
  }

  insertRequest(request: NewBinRequest, limit: number): Promise<BinRequest | null> {
    return this.write(() => {
      const info = this.q.insertRequest.run(binRequestParams(request));
      if (info.changes === 0) return null;
      this.q.trim.run({ bin_id: request.binId, limit });
      return { ...request, id: Number(info.lastInsertRowid) };
    });
  }

  async getRequest(binId: string, id: number): Promise<BinRequest | null> {
    const row = this.q.request.get(binId, id) as BinRequestRow | undefined;
    return row ? toBinRequest(row) : null;
  }

  async listRequests(binId: string, query: ListQuery): Promise<Page<BinRequest>> {
    const cursor =
      query.cursor === null ? Number.MAX_SAFE_INTEGER : decodeNumericCursor(query.cursor);
    const rows = this.q.requests.all({ binId, cursor, limit: query.limit + 1 }) as BinRequestRow[];
    return toPage(rows.map(toBinRequest), query.limit, (r) => r.id);
  }

  async requestsAfter(binId: string, afterId: number, limit: number): Promise<BinRequest[]> {
    return (this.q.after.all(binId, afterId, limit) as BinRequestRow[]).map(toBinRequest);
  }

  async latestRequestId(binId: string): Promise<number> {
    return (this.q.latest.get(binId) as { id: number }).id;
  }

  async countRequests(binId: string): Promise<number> {
    return (this.q.count.get(binId) as { n: number }).n;
  }

  async deleteRequest(binId: string, id: number): Promise<boolean> {
    return this.q.deleteRequest.run(binId, id).changes === 1;
  }

  async clearRequests(binId: string): Promise<number> {
    return this.q.clear.run(binId).changes;
  }
}
