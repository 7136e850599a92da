import type { Database } from 'better-sqlite3';
import type { DisabledReason, Endpoint, Page } from '../../domain/types.js';
import type { DisabledEndpoint } from '../../domain/endpoint-disabling.js';
import { withDisabledFields } from '../endpoint-disabled-fields.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { decodeCursor, toPage } from '../cursor.js';
import { toRoutable, type RoutableEndpoint } from '../endpoint-routing.js';
import type { ListQuery } from '../store.js';
import { endpointParams, toEndpoint, type EndpointRow } from './rows.js';
import type { SqliteSerialQueue } from './serial-queue.js';
import type { SqliteOutbox } from './operational-outbox.js';
import { switchDraftOf } from '../../domain/operational-events.js';
import { inTransaction } from './in-transaction.js';

const COLUMNS = `id, app_id, url, description, disabled, disabled_reason, disabled_at, filter_types, secrets, headers, timeout_ms, retry_policy,
  ordering, ordering_key_path, payload_filter, max_concurrency, rate_limit, format, format_options, metadata, verification, created_at, updated_at, uid,
  propagate_trace_context`;

const prepare = (db: Database) => ({
  insertStmt: db.prepare(
    `INSERT INTO endpoints (${COLUMNS}) VALUES (${COLUMNS.split(',')
      .map((c) => `@${c.trim()}`)
      .join(', ')})`,
  ),
  updateStmt: db.prepare(`UPDATE endpoints SET url=@url, description=@description,
    disabled=@disabled, disabled_reason=@disabled_reason, disabled_at=@disabled_at, filter_types=@filter_types, secrets=@secrets, headers=@headers, timeout_ms=@timeout_ms,
    retry_policy=@retry_policy, ordering=@ordering, ordering_key_path=@ordering_key_path,
    payload_filter=@payload_filter, max_concurrency=@max_concurrency, rate_limit=@rate_limit,
    format=@format, format_options=@format_options, metadata=@metadata, verification=@verification,
    updated_at=@updated_at, uid=@uid, propagate_trace_context=@propagate_trace_context
    WHERE id=@id AND app_id=@app_id`),
  byId: db.prepare('SELECT * FROM endpoints WHERE id = ? AND app_id = ?'),
  byIdOnly: db.prepare('SELECT * FROM endpoints WHERE id = ?'),
  byUid: db.prepare('SELECT * FROM endpoints WHERE app_id = ? AND uid = ?'),
  page: db.prepare(
    'SELECT * FROM endpoints WHERE app_id = @appId AND id < @cursor ORDER BY id DESC LIMIT @limit',
  ),
  ofApp: db.prepare('SELECT * FROM endpoints WHERE app_id = ?'),
  disable:
    db.prepare(`UPDATE endpoints SET disabled = 1, disabled_reason = @reason, disabled_at = @now,
    updated_at = max(updated_at + 1, @now) WHERE id = @id AND disabled = 0 RETURNING app_id`),
  deleteAttempts: db.prepare('DELETE FROM attempts WHERE endpoint_id = ?'),
  deleteStmt: db.prepare('DELETE FROM endpoints WHERE id = ? AND app_id = ?'),
});

export class SqliteEndpoints {
  private readonly q: ReturnType<typeof prepare>;
  /** Endpoints per app, for message fan-out; this process is the only writer. */
  private readonly routingCache = new Map<string, RoutableEndpoint[]>();

  constructor(
    private readonly db: Database,
    private readonly serial: SqliteSerialQueue,
    private readonly box: SecretBox,
    private readonly outbox: SqliteOutbox,
  ) {
    this.q = prepare(db);
  }

  create(endpoint: Endpoint): Endpoint {
    this.q.insertStmt.run(endpointParams(endpoint, this.box));
    this.routingCache.delete(endpoint.appId);
    return endpoint;
  }

  get(appId: string, id: string): Endpoint | null {
    const row = this.q.byId.get(id, appId) as EndpointRow | undefined;
    return row ? toEndpoint(row, this.box) : null;
  }

  getByUid(appId: string, uid: string): Endpoint | null {
    const row = this.q.byUid.get(appId, uid) as EndpointRow | undefined;
    return row ? toEndpoint(row, this.box) : null;
  }

  getMany(ids: string[]): Endpoint[] {
    const out: Endpoint[] = [];
    for (const id of ids) {
      const row = this.q.byIdOnly.get(id) as EndpointRow | undefined;
      if (row) out.push(toEndpoint(row, this.box));
    }
    return out;
  }

  list(appId: string, query: ListQuery): Page<Endpoint> {
    const cursor = query.cursor === null ? '\uffff' : decodeCursor(query.cursor);
    const rows = this.q.page.all({ appId, cursor, limit: query.limit + 1 }) as EndpointRow[];
    return toPage(
      rows.map((r) => toEndpoint(r, this.box)),
      query.limit,
      (e) => e.id,
    );
  }

  update(endpoint: Endpoint, expectedUpdatedAt?: number): Endpoint | null {
    try {
      return inTransaction(this.db, () => {
        const before = this.get(endpoint.appId, endpoint.id);
        if (!before) return null;
        if (expectedUpdatedAt !== undefined && before.updatedAt !== expectedUpdatedAt) return null;
        const next = withDisabledFields(before, endpoint);
        this.q.updateStmt.run(endpointParams(next, this.box));
        if (before.disabled !== next.disabled || before.ordering !== next.ordering) {
          this.serial.rebalance(next.id, next.updatedAt);
        }
        // endpoint.enabled / endpoint.disabled, committed with the switch itself.
        const switched = switchDraftOf(before, next);
        if (switched) this.outbox.write([switched], next.updatedAt);
        this.routingCache.delete(next.appId);
        return next;
      });
    } finally {
      // After the transaction, committed or not: the serial queue must not keep a rolled-back mode.
      this.serial.forget(endpoint.id);
    }
  }

  delete(appId: string, id: string): boolean {
    return inTransaction(this.db, () => {
      if (!this.q.byId.get(id, appId)) return false;
      this.q.deleteAttempts.run(id);
      this.q.deleteStmt.run(id, appId);
      this.routingCache.delete(appId);
      this.serial.forget(id);
      return true;
    });
  }

  /**
   * Switches an enabled endpoint off (inside the caller's transaction): its waiting deliveries
   * become held. Returns what was disabled, or null when it already was (or is gone).
   */
  disable(endpointId: string, reason: DisabledReason, now: number): DisabledEndpoint | null {
    const row = this.q.disable.get({ id: endpointId, reason, now }) as
      { app_id: string } | undefined;
    if (!row) return null;
    this.serial.rebalance(endpointId, now);
    this.routingCache.delete(row.app_id);
    return { appId: row.app_id, endpointId, reason, at: now };
  }

  forgetApp(appId: string): void {
    this.routingCache.delete(appId);
    this.serial.forget();
  }

  routable(appId: string): RoutableEndpoint[] {
    let cached = this.routingCache.get(appId);
    if (!cached) {
      cached = (this.q.ofApp.all(appId) as EndpointRow[]).map((r) =>
        toRoutable(toEndpoint(r, this.box)),
      );
      this.routingCache.set(appId, cached);
    }
    return cached;
  }
}
