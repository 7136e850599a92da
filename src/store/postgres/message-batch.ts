import type pg from 'pg';
import type { Message } from '../../domain/types.js';
import type { InsertMessageResult, NewMessage } from '../store.js';
import { routeMessage, type RouteTarget } from '../endpoint-routing.js';
import { isConnectionError } from './connection-errors.js';
import { ROUTING_FINGERPRINT, type AppRouting, type RoutingCache } from './routing-cache.js';
import type { Db } from './pool.js';
import type { Wake } from './wake-notify.js';

/**
 * Many messages accepted in one statement, one round trip and one commit (the group commit's write,
 * group-commit.ts): the messages, with their idempotency keys, and the deliveries to their
 * endpoints. Only messages whose every target is a parallel endpoint go this way; the others (serial
 * and per-key targets need their line's lock, report keys a lookup) go one by one through
 * message-insert.ts, and so does a message the statement leaves out: its key was taken (a replay, or
 * a conflict), or its app's endpoints changed since they were read.
 */

/**
 * The messages and their deliveries. A message is written only if its app's endpoints are still
 * those it was routed with (routing-cache.ts): the statement's snapshot began after every change
 * committed before it, so a message never misses an endpoint created, changed or deleted before it
 * arrived. The target endpoints are locked FOR SHARE first: an ordering
 * switch, a disable or a delete (each of which writes the endpoint's row before it moves
 * deliveries) waits for this statement, or this statement waits for it and then reads the row as
 * it committed (READ COMMITTED re-reads a locked row). A message whose target is no longer a parallel
 * endpoint in the state it was routed with is left out; so is one whose key is taken. One statement
 * is one transaction: all of it commits, or none.
 * $1..$11 messages: id, app id, event type, payload, key, endpoint id, created_at, ordering key,
 * request digest, trace context, delivery count;
 * $12..$17 deliveries: message id, endpoint id, ordering key, disabled, app id, created_at;
 * $18, $19 each app's id and the fingerprint of the endpoints it was routed with;
 * $20 each message's key digest (NewMessage.keyDigest), or null: a message whose key is no longer its
 * app's is left out (and refused by the one-by-one insert).
 */
const INSERT_BATCH = `WITH stale AS (
    SELECT a.app_id FROM unnest($18::text[], $19::text[]) AS a(app_id, fingerprint)
    WHERE a.fingerprint IS DISTINCT FROM
      (SELECT ${ROUTING_FINGERPRINT} FROM endpoints e WHERE e.app_id = a.app_id)
  ), targets AS (
    SELECT * FROM unnest($12::text[], $13::text[], $14::text[], $15::bool[], $16::text[], $17::bigint[])
      AS t(message_id, endpoint_id, ordering_key, disabled, app_id, created_at)
  ), locked AS MATERIALIZED (
    SELECT id, disabled FROM endpoints
    WHERE id IN (SELECT endpoint_id FROM targets) AND ordering = 'parallel'
    FOR SHARE
  ), changed AS (
    SELECT t.message_id FROM targets t LEFT JOIN locked l ON l.id = t.endpoint_id
    WHERE l.id IS NULL OR l.disabled <> t.disabled
  ), inserted AS (
    INSERT INTO messages (id, app_id, event_type, payload, idempotency_key, endpoint_id, created_at,
      ordering_key, request_digest, trace_context, delivery_count)
    SELECT m.id, m.app_id, m.event_type, m.payload, m.idempotency_key, m.endpoint_id, m.created_at,
      m.ordering_key, m.request_digest, m.trace_context, m.delivery_count
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
      $7::bigint[], $8::text[], $9::text[], $10::text[], $11::int[], $20::text[])
      AS m(id, app_id, event_type, payload, idempotency_key, endpoint_id, created_at, ordering_key,
        request_digest, trace_context, delivery_count, key_digest)
    WHERE m.id NOT IN (SELECT message_id FROM changed) AND m.app_id NOT IN (SELECT app_id FROM stale)
      AND (m.key_digest IS NULL
        OR EXISTS (SELECT 1 FROM apps a WHERE a.id = m.app_id AND a.api_key_hash = m.key_digest))
    ON CONFLICT (app_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING id
  ), deliveries AS (
    INSERT INTO deliveries (app_id, message_id, endpoint_id, ordering_key, state, attempts,
      next_attempt_at, created_at, updated_at)
    SELECT t.app_id, t.message_id, t.endpoint_id, t.ordering_key,
      CASE WHEN t.disabled THEN 'held' ELSE 'pending' END, 0,
      CASE WHEN t.disabled THEN NULL ELSE t.created_at END, t.created_at, t.created_at
    FROM targets t JOIN inserted i ON i.id = t.message_id
  )
  SELECT id, NULL AS stale FROM inserted UNION ALL SELECT NULL, app_id FROM stale`;

/** What the batch needs of one message: it, and where it goes. */
export interface Routed {
  message: NewMessage;
  targets: RouteTarget[];
}

/** The message as its answer shows it (the report key and request digest stay inside). */
export function accepted(m: NewMessage): Message {
  const { reportKey: _r, requestDigest: _d, keyDigest: _k, ...fields } = m;
  return { ...fields, traceContext: fields.traceContext ?? null };
}

export interface Written {
  ids: Set<string>;
  /** Apps whose endpoints changed since they were read: none of their messages was written. */
  stale: string[];
}

/** Writes the routed messages in one statement. */
export async function writeBatch(
  db: Db,
  batch: Routed[],
  routing: Map<string, AppRouting>,
): Promise<Written> {
  const ms = batch.map((r) => r.message);
  const ts = batch.flatMap((r) => r.targets.map((t) => ({ m: r.message, t })));
  // Every app of the group is checked, also those whose messages went alone (seen as serial).
  const apps = [...routing.keys()];
  const { rows } = await db.query<{ id: string | null; stale: string | null }>({
    name: 'hl_insert_batch',
    text: INSERT_BATCH,
    values: [
      ms.map((m) => m.id),
      ms.map((m) => m.appId),
      ms.map((m) => m.eventType),
      ms.map((m) => m.payload),
      ms.map((m) => m.idempotencyKey),
      ms.map((m) => m.endpointId),
      ms.map((m) => m.createdAt),
      ms.map((m) => m.orderingKey),
      ms.map((m) => (m.idempotencyKey === null ? null : (m.requestDigest ?? null))),
      ms.map((m) => m.traceContext ?? null),
      // Only a keyed message can be replayed, so only it keeps the count its first answer gave.
      batch.map((r) => (r.message.idempotencyKey === null ? null : r.targets.length)),
      ts.map(({ m }) => m.id),
      ts.map(({ t }) => t.endpoint.id),
      ts.map(({ t }) => t.orderingKey),
      ts.map(({ t }) => t.endpoint.disabled),
      ts.map(({ m }) => m.appId),
      ts.map(({ m }) => m.createdAt),
      apps,
      apps.map((a) => routing.get(a)?.fingerprint ?? null),
      ms.map((m) => m.keyDigest ?? null),
    ],
  });
  const ids = new Set<string>();
  const stale: string[] = [];
  for (const r of rows) {
    if (r.id !== null) ids.add(r.id);
    if (r.stale !== null) stale.push(r.stale);
  }
  return { ids, stale };
}

/** The messages routed: those that can go in one statement (`batch`), and those that go `alone`. */
export async function planBatch(
  cache: RoutingCache,
  messages: NewMessage[],
): Promise<{ routing: Map<string, AppRouting>; batch: Routed[]; alone: Set<NewMessage> }> {
  const routing = await cache.routingOf([...new Set(messages.map((m) => m.appId))]);
  const batch: Routed[] = [];
  const alone = new Set<NewMessage>();
  for (const message of messages) {
    const targets =
      (message.reportKey ?? null) === null
        ? routeMessage(routing.get(message.appId)?.endpoints ?? [], message)
        : null;
    if (targets === null || targets.some((t) => t.endpoint.ordering !== 'parallel'))
      alone.add(message);
    else batch.push({ message, targets });
  }
  return { routing, batch, alone };
}

export type InsertOne = (message: NewMessage) => Promise<InsertMessageResult>;

/**
 * Accepts a group of messages: routes them, writes those that can go together in one statement, and
 * hands the rest to `insertOne` (each its own transaction). When the statement fails for a reason
 * other than a lost connection (an app deleted meanwhile, a deadlock with an endpoint update), each
 * message is tried alone, so one bad message fails alone. A lost connection fails them all: whether
 * the statement committed is unknown, and trying again could write a message twice.
 */
export async function insertMessages(
  pool: pg.Pool,
  cache: RoutingCache,
  messages: NewMessage[],
  insertOne: InsertOne,
  wake: Wake,
): Promise<Array<InsertMessageResult | Promise<InsertMessageResult>>> {
  const { routing, batch, alone } = await planBatch(cache, messages);
  let written: Set<string> | null = null;
  if (batch.length > 0) {
    try {
      const result = await writeBatch(pool, batch, routing);
      written = result.ids;
      for (const app of result.stale) cache.forget(app);
    } catch (error) {
      if (isConnectionError(error)) throw error;
      for (const app of routing.keys()) cache.forget(app);
    }
  } else {
    // Nothing checked the routing that sent these alone: read it again next time.
    for (const m of alone) cache.forget(m.appId);
  }
  const due = batch.some(
    (r) => written?.has(r.message.id) && r.targets.some((t) => !t.endpoint.disabled),
  );
  if (due) wake();
  const targetsOf = new Map(batch.map((r) => [r.message, r.targets.length]));
  return messages.map((m) =>
    !alone.has(m) && written?.has(m.id)
      ? { message: accepted(m), created: true, deliveries: targetsOf.get(m) ?? 0 }
      : insertOne(m),
  );
}
