import type { Database } from 'better-sqlite3';
import {
  addressedEvents,
  OPERATIONAL_APP_UID,
  type EndpointFacts,
  type OperationalDraft,
} from '../../domain/operational-events.js';
import type { OutboxEvent } from '../store.js';
import { boundLimit } from './bound-limit.js';
import { inTransaction } from './in-transaction.js';

const prepare = (db: Database) => ({
  operationalApp: db.prepare('SELECT id FROM apps WHERE uid = ?'),
  facts: db.prepare('SELECT app_id, url FROM endpoints WHERE id = ?'),
  insert: db.prepare(
    'INSERT INTO operational_outbox (event_type, payload, created_at) VALUES (?, ?, ?)',
  ),
  claim: db.prepare(`UPDATE operational_outbox SET claimed_until = @until
    WHERE id IN (SELECT id FROM operational_outbox
      WHERE claimed_until IS NULL OR claimed_until <= @now ORDER BY id ${boundLimit('@limit')})
    RETURNING id, event_type, payload, created_at`),
  remove: db.prepare('DELETE FROM operational_outbox WHERE id = ?'),
  releaseAll: db.prepare(
    'UPDATE operational_outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL',
  ),
});

interface OutboxRow {
  id: number;
  event_type: string;
  payload: string;
  created_at: number;
}

/**
 * The operational outbox on SQLite: events are written inside the transaction of the change they
 * report (results, endpoint updates), so a crash keeps both or neither.
 */
export class SqliteOutbox {
  private readonly q: ReturnType<typeof prepare>;

  constructor(private readonly db: Database) {
    this.q = prepare(db);
  }

  /**
   * Writes the events the drafts make, inside the caller's transaction: none while the operational
   * app does not exist. Returns how many.
   */
  write(drafts: readonly OperationalDraft[], now: number): number {
    if (drafts.length === 0) return 0;
    const app = this.q.operationalApp.get(OPERATIONAL_APP_UID) as { id: string } | undefined;
    if (!app) return 0;
    const facts = new Map<string, EndpointFacts>();
    for (const { endpointId } of drafts) {
      if (facts.has(endpointId)) continue;
      const row = this.q.facts.get(endpointId) as { app_id: string; url: string } | undefined;
      if (row) facts.set(endpointId, { appId: row.app_id, url: row.url });
    }
    const events = addressedEvents(drafts, facts, app.id);
    for (const e of events) this.q.insert.run(e.eventType, JSON.stringify(e.payload), now);
    return events.length;
  }

  claim(now: number, limit: number, leaseMs: number): OutboxEvent[] {
    const rows = this.q.claim.all({ now, until: now + leaseMs, limit }) as OutboxRow[];
    return rows
      .map((r) => ({
        id: r.id,
        eventType: r.event_type,
        payload: r.payload,
        createdAt: r.created_at,
      }))
      .sort((a, b) => a.id - b.id);
  }

  remove(ids: readonly number[]): void {
    inTransaction(this.db, () => {
      for (const id of ids) this.q.remove.run(id);
    });
  }

  /** At start: what the previous process had claimed is free again. */
  releaseAll(): void {
    this.q.releaseAll.run();
  }
}
