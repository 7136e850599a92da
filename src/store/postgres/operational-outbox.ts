import {
  addressedEvents,
  OPERATIONAL_APP_UID,
  type EndpointFacts,
  type OperationalDraft,
} from '../../domain/operational-events.js';
import type { OutboxEvent } from '../store.js';
import type { Db } from './pool.js';

/** The operational app's id. $1 its uid */
const OPERATIONAL_APP = 'SELECT id FROM apps WHERE uid = $1';

/** The app and URL of endpoints $1 (as the writing transaction sees them). */
const ENDPOINT_FACTS = 'SELECT id, app_id, url FROM endpoints WHERE id = ANY($1::text[])';

/** $1 event types, $2 payloads, $3 now */
const INSERT_EVENTS = `INSERT INTO operational_outbox (event_type, payload, created_at)
  SELECT t, p, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS e(t, p, n) ORDER BY n`;

/**
 * Claims up to $3 events no other node holds, oldest first, until $2; rows another node is
 * claiming are skipped, not waited for. $1 now
 */
const CLAIM_EVENTS = `UPDATE operational_outbox o SET claimed_until = $2
  FROM (SELECT id FROM operational_outbox WHERE claimed_until IS NULL OR claimed_until <= $1
    ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) c
  WHERE o.id = c.id
  RETURNING o.id, o.event_type, o.payload, o.created_at`;

/** $1 ids */
const DELETE_EVENTS = 'DELETE FROM operational_outbox WHERE id = ANY($1::bigint[])';

/**
 * Writes the events the drafts make inside the caller's transaction (results, endpoint update):
 * none while the operational app does not exist. Returns how many.
 */
export async function writeOutbox(
  db: Db,
  drafts: readonly OperationalDraft[],
  now: number,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const { rows: apps } = await db.query<{ id: string }>({
    name: 'hl_operational_app',
    text: OPERATIONAL_APP,
    values: [OPERATIONAL_APP_UID],
  });
  if (!apps[0]) return 0;
  const { rows } = await db.query<{ id: string; app_id: string; url: string }>({
    name: 'hl_outbox_facts',
    text: ENDPOINT_FACTS,
    values: [[...new Set(drafts.map((d) => d.endpointId))]],
  });
  const facts = new Map<string, EndpointFacts>(
    rows.map((r) => [r.id, { appId: r.app_id, url: r.url }]),
  );
  const events = addressedEvents(drafts, facts, apps[0].id);
  if (events.length === 0) return 0;
  await db.query({
    name: 'hl_outbox_insert',
    text: INSERT_EVENTS,
    values: [events.map((e) => e.eventType), events.map((e) => JSON.stringify(e.payload)), now],
  });
  return events.length;
}

export async function claimOutbox(
  db: Db,
  now: number,
  limit: number,
  leaseMs: number,
): Promise<OutboxEvent[]> {
  const { rows } = await db.query<{
    id: number;
    event_type: string;
    payload: string;
    created_at: number;
  }>(CLAIM_EVENTS, [now, now + leaseMs, limit]);
  return rows
    .map((r) => ({
      id: Number(r.id),
      eventType: r.event_type,
      payload: r.payload,
      createdAt: Number(r.created_at),
    }))
    .sort((a, b) => a.id - b.id);
}

export async function deleteOutbox(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(DELETE_EVENTS, [ids]);
}
