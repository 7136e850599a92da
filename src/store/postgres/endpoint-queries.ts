import type pg from 'pg';
import type { DisabledEndpoint } from '../../domain/endpoint-disabling.js';
import type { DisabledReason, Endpoint, Page } from '../../domain/types.js';
import { withDisabledFields } from '../endpoint-disabled-fields.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import { lockEndpoints } from './endpoint-locks.js';
import type { Db } from './pool.js';
import { ENDPOINT_COLUMNS, endpointValues, toEndpoint, type EndpointRow } from './rows.js';
import { rebalance } from './serial-queue.js';
import { inTransaction } from './transaction.js';
import type { Wake } from './wake-notify.js';
import { writeOutbox } from './operational-outbox.js';
import { switchDraftOf } from '../../domain/operational-events.js';

/** Creates an endpoint. $1..$23 = ENDPOINT_COLUMNS */
const INSERT_ENDPOINT = `INSERT INTO endpoints (${ENDPOINT_COLUMNS.join(', ')})
  VALUES (${ENDPOINT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

const MUTABLE = ENDPOINT_COLUMNS.filter((c) => c !== 'id' && c !== 'app_id' && c !== 'created_at');

/**
 * Replaces every mutable field of endpoint $1 of app $2; $3.. = MUTABLE columns in order, then the
 * updated_at the caller read (null: unconditional).
 */
const UPDATE_ENDPOINT = `UPDATE endpoints SET ${MUTABLE.map((c, i) => `${c} = $${i + 3}`).join(', ')}
  WHERE id = $1 AND app_id = $2 AND ($${MUTABLE.length + 3}::bigint IS NULL OR updated_at = $${MUTABLE.length + 3})`;

const updateValues = (e: Endpoint, box: SecretBox) => {
  const all = endpointValues(e, box);
  return [e.id, e.appId, ...MUTABLE.map((c) => all[ENDPOINT_COLUMNS.indexOf(c)])];
};

/** Whether endpoint $1 is disabled, why and since when. */
const DISABLED_FIELDS =
  'SELECT disabled, disabled_reason, disabled_at FROM endpoints WHERE id = $1';

/** One endpoint of an app. $1 app id, $2 endpoint id */
const ENDPOINT_BY_ID = 'SELECT * FROM endpoints WHERE app_id = $1 AND id = $2';

/** One endpoint of an app by its uid. $1 app id, $2 uid */
const ENDPOINT_BY_UID = 'SELECT * FROM endpoints WHERE app_id = $1 AND uid = $2';

/** Endpoints by id, any app (the dispatcher's lookup). $1 ids */
const ENDPOINTS_BY_IDS = 'SELECT * FROM endpoints WHERE id = ANY($1::text[])';

/** A page of an app's endpoints, newest first. $1 app id, $2 limit + 1 [, $3 cursor id] */
const FIRST_ENDPOINTS = 'SELECT * FROM endpoints WHERE app_id = $1 ORDER BY id DESC LIMIT $2';
const ENDPOINTS_AFTER =
  'SELECT * FROM endpoints WHERE app_id = $1 AND id < $3 ORDER BY id DESC LIMIT $2';

/** Deletes the endpoint; its deliveries go by cascade. $1 app id, $2 endpoint id */
const DELETE_ENDPOINT = 'DELETE FROM endpoints WHERE app_id = $1 AND id = $2';

/** The endpoint's attempts, after the cascade. $1 endpoint id */
const DELETE_ENDPOINT_ATTEMPTS = 'DELETE FROM attempts WHERE endpoint_id = $1';

export async function createEndpoint(
  db: Db,
  box: SecretBox,
  endpoint: Endpoint,
): Promise<Endpoint> {
  await db.query(INSERT_ENDPOINT, endpointValues(endpoint, box));
  return endpoint;
}

export async function getEndpoint(
  db: Db,
  box: SecretBox,
  appId: string,
  id: string,
): Promise<Endpoint | null> {
  const { rows } = await db.query<EndpointRow>({
    name: 'hl_endpoint_by_id',
    text: ENDPOINT_BY_ID,
    values: [appId, id],
  });
  return rows[0] ? toEndpoint(rows[0], box) : null;
}

export async function getEndpointByUid(
  db: Db,
  box: SecretBox,
  appId: string,
  uid: string,
): Promise<Endpoint | null> {
  const { rows } = await db.query<EndpointRow>(ENDPOINT_BY_UID, [appId, uid]);
  return rows[0] ? toEndpoint(rows[0], box) : null;
}

export async function getEndpointsByIds(
  db: Db,
  box: SecretBox,
  ids: string[],
): Promise<Endpoint[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<EndpointRow>({
    name: 'hl_endpoints_by_ids',
    text: ENDPOINTS_BY_IDS,
    values: [ids],
  });
  return rows.map((r) => toEndpoint(r, box));
}

export async function listEndpoints(
  db: Db,
  box: SecretBox,
  appId: string,
  query: ListQuery,
): Promise<Page<Endpoint>> {
  const { rows } =
    query.cursor === null
      ? await db.query<EndpointRow>(FIRST_ENDPOINTS, [appId, query.limit + 1])
      : await db.query<EndpointRow>(ENDPOINTS_AFTER, [
          appId,
          query.limit + 1,
          decodeCursor(query.cursor),
        ]);
  return toPage(
    rows.map((r) => toEndpoint(r, box)),
    query.limit,
    (e) => e.id,
  );
}

/** Under the endpoint's exclusive lock, so no insert or result sees half of an ordering switch. */
export async function updateEndpoint(
  pool: pg.Pool,
  box: SecretBox,
  endpoint: Endpoint,
  wake: Wake,
  expectedUpdatedAt?: number,
): Promise<Endpoint | null> {
  return inTransaction(pool, async ({ db, afterCommit }) => {
    const before = (await lockEndpoints(db, [endpoint.id], 'exclusive')).get(endpoint.id);
    if (!before || before.appId !== endpoint.appId) return null;
    const { rows: flags } = await db.query<{
      disabled: boolean;
      disabled_reason: DisabledReason | null;
      disabled_at: number | null;
    }>(DISABLED_FIELDS, [endpoint.id]);
    if (!flags[0]) return null;
    const stored = {
      disabled: flags[0].disabled,
      disabledReason: flags[0].disabled_reason,
      disabledAt: flags[0].disabled_at,
    };
    const next = withDisabledFields(stored, endpoint);
    const values = [...updateValues(next, box), expectedUpdatedAt ?? null];
    if ((await db.query(UPDATE_ENDPOINT, values)).rowCount !== 1) return null;
    if (before.disabled !== next.disabled || before.ordering !== next.ordering) {
      const due = await rebalance(db, next, next.updatedAt);
      if (due > 0) afterCommit(wake);
    }
    // endpoint.enabled / endpoint.disabled, committed with the switch itself.
    const switched = switchDraftOf(before, next);
    if (switched) await writeOutbox(db, [switched], next.updatedAt);
    return next;
  });
}

/**
 * Switches endpoint $1 off, if enabled, for reason $2 at $3; the version moves on even within the
 * same millisecond, so a concurrent read-modify-write notices.
 */
const DISABLE_ENDPOINT = `UPDATE endpoints SET disabled = true, disabled_reason = $2, disabled_at = $3,
    updated_at = greatest(updated_at + 1, $3)
  WHERE id = $1 AND NOT disabled RETURNING app_id, ordering`;

/**
 * Disables an enabled endpoint inside the caller's transaction (recording results): its waiting
 * deliveries become held. Null when it already was disabled, or is gone.
 */
export async function disableEndpoint(
  db: Db,
  endpointId: string,
  reason: DisabledReason,
  now: number,
): Promise<DisabledEndpoint | null> {
  const { rows } = await db.query<{ app_id: string; ordering: string }>(DISABLE_ENDPOINT, [
    endpointId,
    reason,
    now,
  ]);
  if (!rows[0]) return null;
  await rebalance(db, { id: endpointId, ordering: rows[0].ordering, disabled: true }, now);
  return { appId: rows[0].app_id, endpointId, reason, at: now };
}

export async function deleteEndpoint(pool: pg.Pool, appId: string, id: string): Promise<boolean> {
  return inTransaction(pool, async ({ db }) => {
    await lockEndpoints(db, [id], 'exclusive');
    if ((await db.query(DELETE_ENDPOINT, [appId, id])).rowCount !== 1) return false;
    await db.query(DELETE_ENDPOINT_ATTEMPTS, [id]);
    return true;
  });
}
