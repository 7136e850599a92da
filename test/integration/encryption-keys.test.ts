import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import {
  KEY_FILE,
  NEXT_KEY_FILE,
  readKeyFile,
  resolveEncryptionKeys,
} from '../../src/app/encryption-key.js';
import { rotateEncryptionKey } from '../../src/app/rotate-key.js';
import { sha256Hex } from '../../src/lib/hash.js';
import {
  EncryptionKeyError,
  keyIdOf,
  sealedKeyId,
  type EncryptionKeys,
} from '../../src/lib/secret-box.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { resealAll } from '../../src/store/secrets/sealing.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { appRecord, endpointRecord, T0 } from '../conformance/fixtures.js';
import { connectionRecord } from '../conformance/bots/bot-suite.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

/** A store of one dialect on one database, reopened with whatever keys a step needs. */
interface Dialect {
  name: string;
  open(keys: EncryptionKeys): Promise<SqliteStore | PostgresStore>;
  /** Runs SQL on the database directly (`?`-free statements only), returning rows. */
  sql(text: string): Promise<Array<Record<string, unknown>>>;
  /** The version of the secrets-at-rest migration. */
  migration: number;
  /** The database files as they are on disk (SQLite only). */
  fileBytes?(): Buffer;
  done(): Promise<void>;
}

const keyA: EncryptionKeys = { current: randomBytes(32), previous: [] };
const keyB: EncryptionKeys = { current: randomBytes(32), previous: [] };
const bWithA: EncryptionKeys = { current: keyB.current, previous: [keyA.current] };

const VIBER = 'app_viber.0123456789abcdef0123456789abcdef01234567';
const HMAC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD_HMAC = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const BASIC = 'Basic aG9vazpwYXNzd29yZC1hdC1yZXN0';

/** Every secret column, as (table, column) with what each row of it must open to. */
const SEALED = [
  ['apps', 'viber_auth_token'],
  ['endpoints', 'secrets'],
  ['endpoints', 'headers'],
  ['bot_connections', 'token'],
  ['bot_connections', 'auth_password'],
  ['bot_connections', 'headers'],
  ['encryption_check', 'sealed'],
] as const;

async function seed(store: SqliteStore | PostgresStore) {
  const app = await store.createApp(appRecord({ viberAuthToken: VIBER }));
  const endpoint = await store.createEndpoint(
    endpointRecord(app.id, {
      secrets: [
        { secret: HMAC, createdAt: T0, expiresAt: null },
        { secret: OLD_HMAC, createdAt: T0 - 1, expiresAt: T0 + 86_400_000 },
      ],
      headers: { Authorization: BASIC },
    }),
  );
  // More endpoints than one batch, so that batches and resuming are exercised.
  for (let i = 0; i < 4; i++) await store.createEndpoint(endpointRecord(app.id));
  const connection = await store.bots.createConnection(
    connectionRecord(app.id, {
      token: 'bot-token-0123',
      headers: { 'X-Key': 'bot-header-0123' },
      auth: { username: 'u', password: 'bot-pass-0123' },
    }),
  );
  return { app, endpoint, connection };
}

/** What the store reads back must be what was written, whatever the rows went through. */
async function expectReadable(
  store: SqliteStore | PostgresStore,
  seeded: Awaited<ReturnType<typeof seed>>,
) {
  expect(await store.getApp(seeded.app.id)).toEqual(seeded.app);
  expect(await store.getAppByViberTokenDigest(sha256Hex(VIBER))).toEqual(seeded.app);
  expect(await store.getEndpoint(seeded.app.id, seeded.endpoint.id)).toEqual(seeded.endpoint);
  const connection = await store.bots.getConnection(seeded.app.id, seeded.connection.id);
  expect(connection).toMatchObject({
    token: 'bot-token-0123',
    headers: { 'X-Key': 'bot-header-0123' },
    auth: { username: 'u', password: 'bot-pass-0123' },
  });
}

/** Every stored value of every secret column, by "table.column". */
async function storedValues(d: Dialect): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  for (const [table, column] of SEALED) {
    const rows = await d.sql(`SELECT ${column} AS v FROM ${table} ORDER BY id`);
    out.set(
      `${table}.${column}`,
      rows.map((r) => r.v).filter((v) => v !== null),
    );
  }
  return out;
}

/** The key ids the stored values are sealed under ('plain' for values in clear). */
async function keyIdsStored(d: Dialect): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const values of (await storedValues(d)).values())
    for (const v of values) ids.add(sealedKeyId(String(v)) ?? 'plain');
  return ids;
}

/** Puts every secret back in clear, as a version before encryption wrote them. */
async function writePlain(d: Dialect, seeded: Awaited<ReturnType<typeof seed>>) {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await d.sql(`UPDATE apps SET viber_auth_token = ${q(VIBER)}`);
  await d.sql(
    `UPDATE endpoints SET secrets = ${q(JSON.stringify(seeded.endpoint.secrets))},
     headers = ${q(JSON.stringify(seeded.endpoint.headers))} WHERE id = ${q(seeded.endpoint.id)}`,
  );
  await d.sql(
    `UPDATE bot_connections SET token = 'bot-token-0123', auth_password = 'bot-pass-0123',
     headers = ${q('{"X-Key":"bot-header-0123"}')}`,
  );
}

/** Undoes the secrets-at-rest migration: the database as an older version left it. */
async function revertMigration(d: Dialect) {
  await d.sql('DROP INDEX apps_viber_auth_token_digest');
  await d.sql('ALTER TABLE apps DROP COLUMN viber_auth_token_digest');
  await d.sql('DROP TABLE encryption_check');
  await d.sql(`DELETE FROM schema_migrations WHERE version = ${d.migration}`);
}

function dialectCases(dialect: () => Promise<Dialect>) {
  it('seals rows written in clear on start: idempotent, and resumed after a crash', async () => {
    const d = await dialect();
    let store = await d.open(keyA);
    const seeded = await seed(store);
    await writePlain(d, seeded);
    await store.close();
    expect(await keyIdsStored(d)).toEqual(new Set(['plain', keyIdOf(keyA.current)]));
    await revertMigration(d);

    store = await d.open(keyA);
    expect(await keyIdsStored(d)).toEqual(new Set([keyIdOf(keyA.current)]));
    // No copy of the text in clear is left behind in free pages or the WAL.
    const bytes = d.fileBytes?.();
    for (const clear of [VIBER, HMAC, OLD_HMAC, BASIC, 'bot-token-0123', 'bot-pass-0123'])
      expect(bytes?.includes(Buffer.from(clear)) ?? false, clear).toBe(false);
    const digests = await d.sql('SELECT viber_auth_token_digest AS d FROM apps');
    expect(digests).toEqual([{ d: sha256Hex(VIBER) }]);
    await expectReadable(store, seeded);
    const sealed = await storedValues(d);
    await store.close();
    store = await d.open(keyA); // nothing left to do: no row is written again
    expect(await storedValues(d)).toEqual(sealed);

    // A crash half-way: some rows sealed, the rest still in clear, until the next start.
    await writePlain(d, seeded);
    const crash = new Error('crash');
    await expect(
      resealAll(store.sealedRows(), store.box, {
        scope: 'plain',
        batchSize: 1,
        onProgress: (done) => {
          if (done >= 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await keyIdsStored(d)).toEqual(new Set(['plain', keyIdOf(keyA.current)]));
    await store.close();
    store = await d.open(keyA);
    expect(await keyIdsStored(d)).toEqual(new Set([keyIdOf(keyA.current)]));
    await expectReadable(store, seeded);
    await store.close();
    await d.done();
  });

  it('re-keys every row in resumable batches; then the old key alone is refused', async () => {
    const d = await dialect();
    let store = await d.open(keyA);
    const seeded = await seed(store);
    await store.close();

    store = await d.open(bWithA);
    const stop = new Error('stopped');
    await expect(
      resealAll(store.sealedRows(), store.box, {
        scope: 'rotate',
        batchSize: 2,
        onProgress: (done) => {
          if (done >= 2) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await keyIdsStored(d)).toEqual(new Set([keyIdOf(keyA.current), keyIdOf(keyB.current)]));
    await expectReadable(store, seeded);
    const progress: Array<[number, number]> = [];
    const resealed = await resealAll(store.sealedRows(), store.box, {
      scope: 'rotate',
      batchSize: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(resealed).toBeGreaterThan(0);
    expect(progress[0]).toEqual([0, resealed]);
    expect(progress.at(-1)).toEqual([resealed, resealed]);
    expect(await keyIdsStored(d)).toEqual(new Set([keyIdOf(keyB.current)]));
    await store.close();

    const refused = await d.open(keyA).then(
      (s) => s.close().then(() => null),
      (error: Error) => error,
    );
    expect(refused).toBeInstanceOf(EncryptionKeyError);
    expect(refused?.message).toContain(keyIdOf(keyB.current));
    store = await d.open(keyB);
    await expectReadable(store, seeded);
    await store.close();
    await d.done();
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-keys-'));
  dirs.push(dir);
  return dir;
};

describe('encryption keys on SQLite', () => {
  dialectCases(async () => {
    const file = join(tempDir(), 'hookline.db');
    return {
      name: 'sqlite',
      migration: 7,
      fileBytes: () =>
        Buffer.concat(
          [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
        ),
      async open(keys) {
        const store = new SqliteStore({ file, encryption: keys });
        try {
          await store.migrate();
        } catch (error) {
          await store.close();
          throw error;
        }
        return store;
      },
      async sql(text) {
        // Its own connection, as another process would read the file.
        const raw = new Database(file);
        try {
          const statement = raw.prepare(text);
          return statement.reader
            ? (statement.all() as Array<Record<string, unknown>>)
            : (statement.run(), []);
        } finally {
          raw.close();
        }
      },
      async done() {},
    };
  });

  it('rotate-key with the data folder key file: a new key file, every row moved to it', async () => {
    const dataDir = tempDir();
    const config = loadConfig({}, { dataDir });
    const first = resolveEncryptionKeys(config).keys;
    const store = new SqliteStore({ file: join(dataDir, 'hookline.db'), encryption: first });
    await store.migrate();
    const seeded = await seed(store);
    await store.close();

    const summary = await rotateEncryptionKey(config, { batchSize: 2 });
    const next = readKeyFile(join(dataDir, KEY_FILE));
    expect(keyIdOf(next)).not.toBe(keyIdOf(first.current));
    expect(existsSync(join(dataDir, NEXT_KEY_FILE))).toBe(false);
    expect(summary).toContain(keyIdOf(next));
    expect(readFileSync(join(dataDir, KEY_FILE), 'utf8')).not.toContain(
      Buffer.from(first.current).toString('base64'),
    );
    const reopened = new SqliteStore({
      file: join(dataDir, 'hookline.db'),
      encryption: { current: next, previous: [] },
    });
    await reopened.migrate();
    await expectReadable(reopened, seeded);
    await reopened.close();
  });
});

describePostgres('encryption keys on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  dialectCases(async () => {
    const db = await createTestDatabase('encryption_keys');
    databases.push(db);
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => undefined); // the database is dropped at the end
    await client.connect();
    return {
      name: 'postgres',
      migration: 5,
      async open(keys) {
        const store = new PostgresStore({ url: db.url, poolSize: 2, encryption: keys });
        try {
          await store.migrate();
        } catch (error) {
          await store.close();
          throw error;
        }
        return store;
      },
      async sql(text) {
        return (await client.query(text)).rows;
      },
      async done() {
        await client.end();
      },
    };
  });
});
