import type pg from 'pg';
import type { App, Page } from '../../domain/types.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import type { Db } from './pool.js';
import { toApp, type AppRow } from './rows.js';
import { inTransaction } from './transaction.js';

/**
 * Creates an app. $1 id, $2 name, $3 metadata, $4 api_key_hash, $5 viber_auth_token, $6 created_at,
 * $7 updated_at, $8 instance_settings, $9 uid
 */
const INSERT_APP = `INSERT INTO apps (id, name, metadata, api_key_hash, viber_auth_token, created_at, updated_at,
    instance_settings, uid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

/**
 * Replaces the mutable fields. $1 id, $2 name, $3 metadata, $4 api_key_hash, $5 viber_auth_token,
 * $6 updated_at, $7 instance_settings, $8 the updated_at read (null: unconditional), $9 uid
 */
const UPDATE_APP = `UPDATE apps SET name = $2, metadata = $3, api_key_hash = $4, viber_auth_token = $5, updated_at = $6,
  instance_settings = $7, uid = $9 WHERE id = $1 AND ($8::bigint IS NULL OR updated_at = $8)`;

/** One app by its uid ($1). */
const APP_BY_UID = 'SELECT * FROM apps WHERE uid = $1';

/** One app by id ($1). */
const APP_BY_ID = 'SELECT * FROM apps WHERE id = $1';

/** One app by the hash of its API key ($1): authentication. */
const APP_BY_KEY = 'SELECT * FROM apps WHERE api_key_hash = $1';

/** A page of apps, newest first. $1 limit + 1 [, $2 cursor id] */
const FIRST_APPS = 'SELECT * FROM apps ORDER BY id DESC LIMIT $1';
const APPS_AFTER = 'SELECT * FROM apps WHERE id < $2 ORDER BY id DESC LIMIT $1';

/** Deletes the app; endpoints, messages and deliveries go by cascade. $1 id */
const DELETE_APP = 'DELETE FROM apps WHERE id = $1';

/** Attempts have no foreign keys (they outlive nothing); removed after the cascade. $1 app id */
const DELETE_APP_ATTEMPTS = 'DELETE FROM attempts WHERE app_id = $1';

export async function createApp(db: Db, app: App): Promise<App> {
  await db.query(INSERT_APP, [
    app.id,
    app.name,
    JSON.stringify(app.metadata),
    app.apiKeyHash,
    app.viberAuthToken,
    app.createdAt,
    app.updatedAt,
    JSON.stringify(app.instanceSettings),
    app.uid,
  ]);
  return app;
}

export async function getApp(db: Db, id: string): Promise<App | null> {
  const { rows } = await db.query<AppRow>({ name: 'hl_app_by_id', text: APP_BY_ID, values: [id] });
  return rows[0] ? toApp(rows[0]) : null;
}

export async function getAppByUid(db: Db, uid: string): Promise<App | null> {
  const { rows } = await db.query<AppRow>(APP_BY_UID, [uid]);
  return rows[0] ? toApp(rows[0]) : null;
}

export async function getAppByKeyHash(db: Db, hash: string): Promise<App | null> {
  const { rows } = await db.query<AppRow>({
    name: 'hl_app_by_key',
    text: APP_BY_KEY,
    values: [hash],
  });
  return rows[0] ? toApp(rows[0]) : null;
}

export async function listApps(db: Db, query: ListQuery, onlyId?: string): Promise<Page<App>> {
  if (onlyId !== undefined) {
    const app = await getApp(db, onlyId);
    return { data: app && query.cursor === null ? [app] : [], nextCursor: null };
  }
  const { rows } =
    query.cursor === null
      ? await db.query<AppRow>(FIRST_APPS, [query.limit + 1])
      : await db.query<AppRow>(APPS_AFTER, [query.limit + 1, decodeCursor(query.cursor)]);
  return toPage(rows.map(toApp), query.limit, (a) => a.id);
}

export async function updateApp(db: Db, app: App, expectedUpdatedAt?: number): Promise<App | null> {
  const r = await db.query(UPDATE_APP, [
    app.id,
    app.name,
    JSON.stringify(app.metadata),
    app.apiKeyHash,
    app.viberAuthToken,
    app.updatedAt,
    JSON.stringify(app.instanceSettings),
    expectedUpdatedAt ?? null,
    app.uid,
  ]);
  return r.rowCount === 1 ? app : null;
}

export async function deleteApp(pool: pg.Pool, id: string): Promise<boolean> {
  return inTransaction(pool, async ({ db }) => {
    const deleted = (await db.query(DELETE_APP, [id])).rowCount === 1;
    // After the cascade: results recorded while it waited for their rows are visible now.
    await db.query(DELETE_APP_ATTEMPTS, [id]);
    return deleted;
  });
}
