import type pg from 'pg';
import type { App, Page } from '../../domain/types.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { viberTokenColumns } from '../shared-rows.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import type { Db } from './pool.js';
import { toApp, type AppRow } from './rows.js';
import { inTransaction } from './transaction.js';

/**
 * Creates an app. $1 id, $2 name, $3 metadata, $4 api_key_hash, $5 viber_auth_token (sealed),
 * $6 created_at, $7 updated_at, $8 instance_settings, $9 uid, $10 viber_auth_token_digest
 */
const INSERT_APP = `INSERT INTO apps (id, name, metadata, api_key_hash, viber_auth_token, created_at, updated_at,
    instance_settings, uid, viber_auth_token_digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

/**
 * Replaces the mutable fields. $1 id, $2 name, $3 metadata, $4 api_key_hash, $5 viber_auth_token
 * (sealed), $6 updated_at, $7 instance_settings, $8 the updated_at read (null: unconditional), $9 uid,
 * $10 viber_auth_token_digest
 */
const UPDATE_APP = `UPDATE apps SET name = $2, metadata = $3, api_key_hash = $4, viber_auth_token = $5, updated_at = $6,
  instance_settings = $7, uid = $9, viber_auth_token_digest = $10
  WHERE id = $1 AND ($8::bigint IS NULL OR updated_at = $8)`;

/** One app by its uid ($1). */
const APP_BY_UID = 'SELECT * FROM apps WHERE uid = $1';

/** One app by id ($1). */
const APP_BY_ID = 'SELECT * FROM apps WHERE id = $1';

/** Apps by the hashes of their API keys ($1): authentications that arrive together. */
const APPS_BY_KEYS = 'SELECT * FROM apps WHERE api_key_hash = ANY($1::text[])';

/** One app by the SHA-256 of its Viber auth token ($1): /pa authentication. */
const APP_BY_VIBER_TOKEN = 'SELECT * FROM apps WHERE viber_auth_token_digest = $1';

/** A page of apps, newest first. $1 limit + 1 [, $2 cursor id] */
const FIRST_APPS = 'SELECT * FROM apps ORDER BY id DESC LIMIT $1';
const APPS_AFTER = 'SELECT * FROM apps WHERE id < $2 ORDER BY id DESC LIMIT $1';

/** Deletes the app; endpoints, messages and deliveries go by cascade. $1 id */
const DELETE_APP = 'DELETE FROM apps WHERE id = $1';

/** Attempts have no foreign keys (they outlive nothing); removed after the cascade. $1 app id */
const DELETE_APP_ATTEMPTS = 'DELETE FROM attempts WHERE app_id = $1';

export async function createApp(db: Db, box: SecretBox, app: App): Promise<App> {
  const viber = viberTokenColumns(app, box);
  await db.query(INSERT_APP, [
    app.id,
    app.name,
    JSON.stringify(app.metadata),
    app.apiKeyHash,
    viber.token,
    app.createdAt,
    app.updatedAt,
    JSON.stringify(app.instanceSettings),
    app.uid,
    viber.digest,
  ]);
  return app;
}

export async function getApp(db: Db, box: SecretBox, id: string): Promise<App | null> {
  const { rows } = await db.query<AppRow>({ name: 'hl_app_by_id', text: APP_BY_ID, values: [id] });
  return rows[0] ? toApp(rows[0], box) : null;
}

export async function getAppByUid(db: Db, box: SecretBox, uid: string): Promise<App | null> {
  const { rows } = await db.query<AppRow>(APP_BY_UID, [uid]);
  return rows[0] ? toApp(rows[0], box) : null;
}

export async function getAppsByKeyHashes(
  db: Db,
  box: SecretBox,
  hashes: string[],
): Promise<Map<string, App>> {
  const { rows } = await db.query<AppRow>({
    name: 'hl_apps_by_keys',
    text: APPS_BY_KEYS,
    values: [hashes],
  });
  return new Map(rows.map((r) => [r.api_key_hash, toApp(r, box)]));
}

export async function getAppByViberTokenDigest(
  db: Db,
  box: SecretBox,
  digest: string,
): Promise<App | null> {
  const { rows } = await db.query<AppRow>({
    name: 'hl_app_by_viber_token',
    text: APP_BY_VIBER_TOKEN,
    values: [digest],
  });
  return rows[0] ? toApp(rows[0], box) : null;
}

export async function listApps(
  db: Db,
  box: SecretBox,
  query: ListQuery,
  onlyId?: string,
): Promise<Page<App>> {
  if (onlyId !== undefined) {
    const app = await getApp(db, box, onlyId);
    return { data: app && query.cursor === null ? [app] : [], nextCursor: null };
  }
  const { rows } =
    query.cursor === null
      ? await db.query<AppRow>(FIRST_APPS, [query.limit + 1])
      : await db.query<AppRow>(APPS_AFTER, [query.limit + 1, decodeCursor(query.cursor)]);
  return toPage(
    rows.map((r) => toApp(r, box)),
    query.limit,
    (a) => a.id,
  );
}

export async function updateApp(
  db: Db,
  box: SecretBox,
  app: App,
  expectedUpdatedAt?: number,
): Promise<App | null> {
  const viber = viberTokenColumns(app, box);
  const r = await db.query(UPDATE_APP, [
    app.id,
    app.name,
    JSON.stringify(app.metadata),
    app.apiKeyHash,
    viber.token,
    app.updatedAt,
    JSON.stringify(app.instanceSettings),
    expectedUpdatedAt ?? null,
    app.uid,
    viber.digest,
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
