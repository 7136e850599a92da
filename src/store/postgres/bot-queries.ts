import type pg from 'pg';
import type { BotConnection, BotInvocation, ConnectionError } from '../../domain/bots.js';
import type { Page } from '../../domain/types.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { BotStore } from '../bot-store.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import {
  toBotConnection,
  botConnectionParams,
  toBotInvocation,
  CONNECTION_COLUMNS,
  type BotConnectionRow,
  type BotInvocationRow,
} from './bot-rows.js';
import { inTransaction } from './transaction.js';

/** Runs a store call, mapping "database unreachable" to 503 (the PostgresStore's wrapper). */
export type Guard = <T>(work: () => Promise<T>) => Promise<T>;

const MUTABLE = [
  'name',
  'url',
  'token',
  'headers',
  'auth_username',
  'auth_password',
  'timeout_ms',
  'updated_at',
];

/** Creates a connection. $1..$15 = CONNECTION_COLUMNS */
const INSERT_CONNECTION = `INSERT INTO bot_connections (${CONNECTION_COLUMNS.join(', ')})
  VALUES (${CONNECTION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/**
 * Replaces the settings of connection $2 of app $1; $3.. = MUTABLE columns, then the updated_at the
 * caller read (null: unconditional). The error is the invocations' to write.
 */
const UPDATE_CONNECTION = `UPDATE bot_connections SET ${MUTABLE.map((c, i) => `${c} = $${i + 3}`).join(', ')}
  WHERE app_id = $1 AND id = $2
  AND ($${MUTABLE.length + 3}::bigint IS NULL OR updated_at = $${MUTABLE.length + 3})`;

/** Connections with their story's name (null until named). */
const WITH_STORY = `SELECT c.*, s.name AS story_name FROM bot_connections c
  LEFT JOIN bot_stories s ON s.app_id = c.app_id AND s.id = c.story_id`;

/** One connection of an app. $1 app id, $2 id */
const CONNECTION_BY_ID = `${WITH_STORY} WHERE c.app_id = $1 AND c.id = $2`;

/** Every connection of an app, oldest first. $1 app id */
const CONNECTIONS_OF_APP = `${WITH_STORY} WHERE c.app_id = $1 ORDER BY c.created_at, c.id`;

/** Names a story (every connection of it shows the name). $1 app id, $2 story id, $3 name, $4 at */
const NAME_STORY = `INSERT INTO bot_stories (app_id, id, name, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (app_id, id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`;

/** Deletes a connection; its invocations go by cascade. $1 app id, $2 id */
const DELETE_CONNECTION = 'DELETE FROM bot_connections WHERE app_id = $1 AND id = $2';

/**
 * Records an invocation, only while its connection exists (a connection deleted mid-invocation
 * takes nothing with it). $1 id, $2 app id, $3 connection id, $4 at, $5 latency ms, $6 status,
 * $7 outcome, $8 error, $9 message id
 */
const INSERT_INVOCATION = `INSERT INTO bot_invocations (id, app_id, connection_id, at, latency_ms, status_code, outcome,
    error, message_id)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
  WHERE EXISTS (SELECT 1 FROM bot_connections WHERE id = $3 AND app_id = $2)`;

/** Sets (or clears) the connection's last error. $1 app id, $2 id, $3 code, $4 message, $5 at */
const SET_ERROR = `UPDATE bot_connections SET error_code = $3, error_message = $4, error_at = $5
  WHERE app_id = $1 AND id = $2`;

/** A page of a connection's invocations, newest first. $1 app id, $2 connection id, $3 limit + 1 [, $4 cursor] */
const FIRST_INVOCATIONS = `SELECT * FROM bot_invocations WHERE app_id = $1 AND connection_id = $2
  ORDER BY id DESC LIMIT $3`;
const INVOCATIONS_AFTER = `SELECT * FROM bot_invocations WHERE app_id = $1 AND connection_id = $2 AND id < $4
  ORDER BY id DESC LIMIT $3`;

async function nameStory(db: Pick<pg.PoolClient, 'query'>, c: BotConnection): Promise<void> {
  if (c.storyName !== null)
    await db.query(NAME_STORY, [c.appId, c.storyId, c.storyName, c.updatedAt]);
}

/** PostgreSQL bot connections and invocations (see BotStore). */
export class PgBotStore implements BotStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly guard: Guard,
    private readonly box: SecretBox,
  ) {}

  createConnection(connection: BotConnection): Promise<BotConnection> {
    return this.guard(async () => {
      const v = botConnectionParams(connection, this.box);
      await inTransaction(this.pool, async ({ db }) => {
        await db.query(
          INSERT_CONNECTION,
          CONNECTION_COLUMNS.map((c) => v[c]),
        );
        await nameStory(db, connection);
      });
      const { rows } = await this.pool.query<BotConnectionRow>(CONNECTION_BY_ID, [
        connection.appId,
        connection.id,
      ]);
      return rows[0] ? toBotConnection(rows[0], this.box) : connection;
    });
  }

  getConnection(appId: string, id: string): Promise<BotConnection | null> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<BotConnectionRow>(CONNECTION_BY_ID, [appId, id]);
      return rows[0] ? toBotConnection(rows[0], this.box) : null;
    });
  }

  listConnections(appId: string): Promise<BotConnection[]> {
    return this.guard(async () =>
      (await this.pool.query<BotConnectionRow>(CONNECTIONS_OF_APP, [appId])).rows.map((r) =>
        toBotConnection(r, this.box),
      ),
    );
  }

  updateConnection(
    connection: BotConnection,
    expectedUpdatedAt?: number,
  ): Promise<BotConnection | null> {
    return this.guard(async () => {
      const v = botConnectionParams(connection, this.box);
      const updated = await inTransaction(this.pool, async ({ db }) => {
        const r = await db.query(UPDATE_CONNECTION, [
          connection.appId,
          connection.id,
          ...MUTABLE.map((c) => v[c]),
          expectedUpdatedAt ?? null,
        ]);
        if (r.rowCount !== 1) return false;
        await nameStory(db, connection);
        return true;
      });
      if (!updated) return null;
      const { rows } = await this.pool.query<BotConnectionRow>(CONNECTION_BY_ID, [
        connection.appId,
        connection.id,
      ]);
      return rows[0] ? toBotConnection(rows[0], this.box) : null;
    });
  }

  deleteConnection(appId: string, id: string): Promise<boolean> {
    return this.guard(
      async () => (await this.pool.query(DELETE_CONNECTION, [appId, id])).rowCount === 1,
    );
  }

  recordInvocation(i: BotInvocation, error: ConnectionError | null): Promise<void> {
    return this.guard(() =>
      inTransaction(this.pool, async ({ db }) => {
        const inserted = await db.query(INSERT_INVOCATION, [
          i.id,
          i.appId,
          i.connectionId,
          i.at,
          i.latencyMs,
          i.statusCode,
          i.outcome,
          i.error,
          i.messageId,
        ]);
        if (inserted.rowCount !== 1) return;
        await db.query(SET_ERROR, [
          i.appId,
          i.connectionId,
          error?.code ?? null,
          error?.message ?? null,
          error?.at ?? null,
        ]);
      }),
    );
  }

  listInvocations(
    appId: string,
    connectionId: string,
    query: ListQuery,
  ): Promise<Page<BotInvocation>> {
    return this.guard(async () => {
      const { rows } =
        query.cursor === null
          ? await this.pool.query<BotInvocationRow>(FIRST_INVOCATIONS, [
              appId,
              connectionId,
              query.limit + 1,
            ])
          : await this.pool.query<BotInvocationRow>(INVOCATIONS_AFTER, [
              appId,
              connectionId,
              query.limit + 1,
              decodeCursor(query.cursor),
            ]);
      return toPage(rows.map(toBotInvocation), query.limit, (x) => x.id);
    });
  }
}
