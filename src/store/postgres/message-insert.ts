import type pg from 'pg';
import { notFound, unauthorized } from '../../lib/errors.js';
import type { InsertMessageResult, NewMessage } from '../store.js';
import { routeMessage, type RouteTarget } from '../endpoint-routing.js';
import { routableOfRow, type RoutingColumns } from './routing-rows.js';
import { lockEndpoints, lockOrderingKeys } from './endpoint-locks.js';
import type { Db } from './pool.js';
import { idempotentReplay, type KeyedMessageRow } from '../idempotent-replay.js';
import { activeEndpoints, activeKeys, lineId, type KeyLine } from './serial-queue.js';
import { inTransaction, type Tx } from './transaction.js';
import type { Wake } from './wake-notify.js';

/**
 * Stores the message; a key already taken leaves the row out (the unique index decides, on any node).
 * $1 id, $2 app id, $3 event type, $4 payload, $5 idempotency key, $6 endpoint id, $7 created_at,
 * $8 ordering key, $9 request digest, $10 trace context
 */
const INSERT_MESSAGE = `INSERT INTO messages (id, app_id, event_type, payload, idempotency_key, endpoint_id,
    created_at, ordering_key, request_digest, trace_context)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (app_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`;

/** The message holding an idempotency key. $1 app id, $2 key */
const MESSAGE_BY_KEY = 'SELECT * FROM messages WHERE app_id = $1 AND idempotency_key = $2';

/** A keyed message's delivery count, as its replays answer it. $1 message id, $2 count */
const DELIVERY_COUNT = 'UPDATE messages SET delivery_count = $2 WHERE id = $1';

/** Deliveries of a message keyed before counts were kept. $1 message id */
const COUNT_DELIVERIES = 'SELECT COUNT(*)::int AS n FROM deliveries WHERE message_id = $1';

/** Frees the key of a message older than the window, so a new message may take it. $1 message id */
const RELEASE_KEY = 'UPDATE messages SET idempotency_key = NULL WHERE id = $1';

/** The app's endpoints, for routing (first pass, before locking). $1 app id */
const ROUTING_CANDIDATES = `SELECT id, ordering, disabled, filter_types, payload_filter, ordering_key_path
  FROM endpoints WHERE app_id = $1`;

/**
 * One delivery per target endpoint, due at the given time or parked (NULL), pending or held (the
 * endpoint is disabled).
 * $1 app id, $2 message id, $3 created_at, $4 endpoint ids, $5 due times, $6 ordering keys, $7 states
 */
const INSERT_DELIVERIES = `INSERT INTO deliveries (app_id, message_id, endpoint_id, ordering_key, state, attempts,
    next_attempt_at, created_at, updated_at)
  SELECT $1, $2, t.endpoint_id, t.key, t.state, 0, t.due, $3, $3
  FROM unnest($4::text[], $5::bigint[], $6::text[], $7::text[]) AS t(endpoint_id, due, key, state)`;

/** The endpoint remembered for a report key. $1 app id, $2 report key */
const REPORT_ROUTE =
  'SELECT endpoint_id FROM message_webhooks WHERE app_id = $1 AND report_key = $2';

/**
 * Remembers (or re-points) the endpoint of a report key, tied to the message that set it.
 * $1 app id, $2 report key, $3 endpoint id, $4 message id, $5 created_at
 */
const REMEMBER_ROUTE = `INSERT INTO message_webhooks (app_id, report_key, endpoint_id, message_id, created_at)
  VALUES ($1, $2, $3, $4, $5) ON CONFLICT (app_id, report_key) DO UPDATE SET
  endpoint_id = excluded.endpoint_id, message_id = excluded.message_id, created_at = excluded.created_at`;

const FOREIGN_KEY_VIOLATION = '23503';

/** Whether the key with this digest is still the app's. $1 app id, $2 key digest */
const KEY_CURRENT = 'SELECT 1 FROM apps WHERE id = $1 AND api_key_hash = $2';

/**
 * A message authenticated from a possibly outdated cache (NewMessage.keyDigest) goes no further if
 * its key is no longer the app's: this statement's snapshot begins after every rotation answered
 * before it, on any node.
 */
export async function assertKeyCurrent(db: Db, message: NewMessage): Promise<void> {
  const digest = message.keyDigest ?? null;
  if (digest === null) return;
  const { rowCount } = await db.query({
    name: 'hl_key_current',
    text: KEY_CURRENT,
    values: [message.appId, digest],
  });
  if (rowCount !== 1) throw unauthorized('unknown API token');
}

/** Inserts the message row, honouring the idempotency window; null means "return `existing`". */
async function claimKey(tx: Tx, m: NewMessage, windowMs: number): Promise<KeyedMessageRow | null> {
  const values = [
    m.id,
    m.appId,
    m.eventType,
    m.payload,
    m.idempotencyKey,
    m.endpointId,
    m.createdAt,
    m.orderingKey,
    m.requestDigest ?? null,
    m.traceContext ?? null,
  ];
  for (let round = 0; round < 3; round++) {
    if (
      (await tx.db.query({ name: 'hl_insert_message', text: INSERT_MESSAGE, values })).rowCount ===
      1
    )
      return null;
    const { rows } = await tx.db.query<KeyedMessageRow>(MESSAGE_BY_KEY, [
      m.appId,
      m.idempotencyKey,
    ]);
    const existing = rows[0];
    if (!existing) continue; // deleted meanwhile: try again
    if (existing.created_at > m.createdAt - windowMs) return existing;
    await tx.db.query(RELEASE_KEY, [existing.id]);
  }
  throw new Error(`idempotency key ${m.idempotencyKey} kept changing hands`);
}

/**
 * The message's targets, with their ordering keys, locked: each endpoint shared (serial ones
 * exclusively), then each per-key target's key exclusively. An endpoint disabled, deleted or
 * switched meanwhile is seen as it is now (a switched one restarts the transaction); a disabled
 * one gets a held delivery.
 */
async function targetsOf(db: Db, m: NewMessage): Promise<RouteTarget[]> {
  const { rows } = await db.query<RoutingColumns>({
    name: 'hl_routing_candidates',
    text: ROUTING_CANDIDATES,
    values: [m.appId],
  });
  const routable = rows.map(routableOfRow);
  const first = routeMessage(routable, m);
  if (first.length === 0) return [];
  const locked = await lockEndpoints(
    db,
    first.map((t) => t.endpoint.id),
    'by-ordering',
    new Map(first.map((t) => [t.endpoint.id, t.endpoint.ordering])),
  );
  const targets = first.flatMap((t) => {
    const now = locked.get(t.endpoint.id);
    if (now === undefined || now.appId !== m.appId) return [];
    return [{ ...t, endpoint: { ...t.endpoint, disabled: now.disabled } }];
  });
  await lockOrderingKeys(db, keyLines(targets));
  return targets;
}

function keyLines(targets: RouteTarget[]): KeyLine[] {
  return targets.flatMap((t) =>
    t.endpoint.ordering === 'per-key' && t.orderingKey !== null
      ? [[t.endpoint.id, t.orderingKey] as const]
      : [],
  );
}

/** The message's endpoint: its own, else the one remembered for its report key. */
async function reportRoute(
  db: Db,
  m: NewMessage,
  reportKey: string | null,
): Promise<string | null> {
  if (m.endpointId !== null || reportKey === null) return m.endpointId;
  const { rows } = await db.query<{ endpoint_id: string }>(REPORT_ROUTE, [m.appId, reportKey]);
  return rows[0]?.endpoint_id ?? null;
}

/**
 * One transaction: the message and a delivery for every matching endpoint (held for a disabled
 * one). A serial
 * endpoint's delivery is due only when the endpoint has no active one (checked under its lock).
 */
export async function insertMessage(
  pool: pg.Pool,
  message: NewMessage,
  windowMs: number,
  wake: Wake,
): Promise<InsertMessageResult> {
  await assertKeyCurrent(pool, message);
  return withAppCheck(message.appId, () =>
    inTransaction(pool, async (tx) => {
      const result = await writeMessage(tx, message, windowMs, wake);
      // A replay wrote nothing worth keeping.
      if (!result.created) tx.rollbackOnly();
      return result;
    }),
  );
}

/** Maps the foreign key violation of an app (or endpoint) deleted while its message went in to 404. */
export async function withAppCheck<T>(appId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw notFound('app', appId);
    throw error;
  }
}

/**
 * The message and its deliveries, inside the caller's transaction; a key held within the window
 * answers the replay (or throws its conflict) and writes nothing.
 */
export async function writeMessage(
  tx: Tx,
  message: NewMessage,
  windowMs: number,
  wake: Wake,
): Promise<InsertMessageResult> {
  const { reportKey = null, requestDigest = null, keyDigest: _k, ...fields } = message;
  const m = {
    ...fields,
    traceContext: fields.traceContext ?? null,
    endpointId: await reportRoute(tx.db, message, reportKey),
  };
  if (m.idempotencyKey !== null) {
    const existing = await claimKey(tx, { ...m, requestDigest }, windowMs);
    if (existing) {
      const count =
        existing.delivery_count === null
          ? (await tx.db.query<{ n: number }>(COUNT_DELIVERIES, [existing.id])).rows[0].n
          : existing.delivery_count;
      return idempotentReplay({ ...existing, delivery_count: count }, message, () => count);
    }
  } else {
    await tx.db.query({
      name: 'hl_insert_message',
      text: INSERT_MESSAGE,
      values: [
        m.id,
        m.appId,
        m.eventType,
        m.payload,
        null,
        m.endpointId,
        m.createdAt,
        m.orderingKey,
        null,
        m.traceContext ?? null,
      ],
    });
  }
  if (reportKey !== null && message.endpointId !== null)
    await tx.db.query(REMEMBER_ROUTE, [m.appId, reportKey, m.endpointId, m.id, m.createdAt]);
  const targets = await targetsOf(tx.db, m);
  if (targets.length > 0) {
    const busy = await activeEndpoints(
      tx.db,
      targets.filter((t) => t.endpoint.ordering === 'serial').map((t) => t.endpoint.id),
    );
    const busyKeys = await activeKeys(tx.db, keyLines(targets));
    const due = targets.map(({ endpoint, orderingKey }) =>
      endpoint.disabled ||
      (endpoint.ordering === 'serial' && busy.has(endpoint.id)) ||
      (orderingKey !== null && busyKeys.has(lineId([endpoint.id, orderingKey])))
        ? null
        : m.createdAt,
    );
    await tx.db.query({
      name: 'hl_insert_deliveries',
      text: INSERT_DELIVERIES,
      values: [
        m.appId,
        m.id,
        m.createdAt,
        targets.map((t) => t.endpoint.id),
        due,
        targets.map((t) => t.orderingKey),
        targets.map((t) => (t.endpoint.disabled ? 'held' : 'pending')),
      ],
    });
    if (due.some((d) => d !== null)) tx.afterCommit(wake);
  }
  // Only a keyed message can be replayed, so only it keeps the count its first answer gave.
  if (m.idempotencyKey !== null)
    await tx.db.query({
      name: 'hl_message_delivery_count',
      text: DELIVERY_COUNT,
      values: [m.id, targets.length],
    });
  return { message: { ...m }, created: true, deliveries: targets.length };
}
