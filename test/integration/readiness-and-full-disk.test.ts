import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  tempDataDir,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import pg from 'pg';

afterAll(removeDataDirs);

const readyz = (h: TestHookline) => h.api('GET', '/readyz', undefined, { token: '' });

/** /readyz on each store: no auth, 503 with a reason while shutting down or behind on migrations. */
function readinessCases(
  start: () => Promise<TestHookline>,
  forgetMigration: (h: TestHookline) => Promise<() => Promise<void>>,
) {
  let h: TestHookline | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers 200 without a token; /healthz stays liveness', async () => {
    h = await start();
    const ready = await h.app.server.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
    expect((await h.app.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers 503 not_migrated while the database lacks a migration, 200 once it has it', async () => {
    h = await start();
    const restore = await forgetMigration(h);
    const behind = await readyz(h);
    expect(behind.status).toBe(503);
    expect(behind.body).toMatchObject({ status: 'unavailable', reason: 'not_migrated' });
    expect(behind.body.message).toContain('hookline migrate');
    await restore();
    expect((await readyz(h)).status).toBe(200);
  });

  it('answers 503 shutting_down once close() has begun', async () => {
    h = await start();
    const closing = h.app.close();
    const during = await readyz(h).catch(() => null);
    // Fastify may refuse the request outright while it closes: either way, not ready.
    if (during !== null) {
      expect(during.status).toBe(503);
      if (typeof during.body === 'object' && during.body && 'reason' in during.body)
        expect(during.body.reason).toBe('shutting_down');
    }
    await closing;
    h = undefined;
  });
}

describe('readiness (SQLite)', () =>
  readinessCases(
    () => startHookline(),
    async (h) => {
      const db = new Database(join(h.dataDir, 'hookline.db'));
      const row = db.prepare('SELECT * FROM schema_migrations ORDER BY version DESC LIMIT 1').get();
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(
        (row as { version: number }).version,
      );
      return async () => {
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)',
        ).run(row);
        db.close();
      };
    },
  ));

describePostgres('readiness (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase('readiness');
    dataDir = tempDataDir(); // one data folder: its encryption key is the one the database holds
  });
  afterAll(async () => {
    await db?.drop();
  });
  readinessCases(
    () => startHookline({ dataDir, config: { databaseUrl: db.url, dbPoolSize: 4 } }),
    async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(
        'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations) RETURNING *',
      );
      return async () => {
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [rows[0].version, rows[0].name, rows[0].applied_at],
        );
        await client.end();
      };
    },
  );
});

/**
 * A full disk, without root: SQLite's max_page_count (HOOKLINE_SQLITE_MAX_PAGES) caps the file.
 * Writes then answer 507 storage_full (never 500), /readyz 503; what was acknowledged stays; the
 * dispatcher lives through it; once space frees up, writes and deliveries resume.
 */
describe('a full disk (SQLite max_page_count)', () => {
  let h: TestHookline;
  let receiver: Receiver;
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
    removeDataDirs();
  });

  it('answers 507 storage_full, keeps what it acknowledged, and resumes when space frees', async () => {
    receiver = await startReceiver();
    h = await startHookline({ config: { sqliteMaxPages: 400 } });
    const a = await createTenant(h, { url: receiver.url }, 'kept');
    const filler = await h.api('POST', '/api/v1/apps', { name: 'filler' });
    const send = (appId: string, payload: unknown) =>
      h.api('POST', `/api/v1/apps/${appId}/messages`, { eventType: 'x.y', payload });

    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await send(a.appId, { n: i });
      expect(r.status).toBe(202);
      acknowledged.push(r.body.id);
    }
    // Fill the file with another app's messages until the store refuses even small ones.
    let refused: { status: number; body: { code: string; message: string } } | null = null;
    for (const size of [100_000, 10_000, 1_000, 100]) {
      for (let i = 0; i < 400; i++) {
        const r = await send(filler.body.id, { blob: 'z'.repeat(size) });
        if (r.status === 202) continue;
        refused = r;
        break;
      }
    }
    expect(refused?.status).toBe(507);
    expect(refused?.body.code).toBe('storage_full');

    // The kept app's own small messages go in while a row still fits, then get 507 too.
    let kept: { status: number; body: { code: string } } | null = null;
    for (let i = 0; i < 200 && kept === null; i++) {
      const r = await send(a.appId, { n: `while filling ${i}` });
      if (r.status === 202) acknowledged.push(r.body.id);
      else kept = r;
    }
    expect(kept?.status).toBe(507);
    expect(kept?.body.code).toBe('storage_full');
    const ready = await readyz(h);
    expect(ready.status).toBe(503);
    expect(ready.body.reason).toBe('storage_full');
    expect((await h.api('GET', '/healthz', undefined, { token: '' })).status).toBe(200);

    // The dispatcher runs through it: what it cannot record (no room) comes back after its lease.
    const settled = new Set<number>();
    h.app.events.on('committed', (e) => settled.add(e.result.deliveryId));
    h.dispatcher.start();
    await receiver.waitFor(acknowledged.length);
    const stored = await h.api('GET', `/api/v1/apps/${a.appId}/messages?limit=250`);
    expect(stored.body.data.map((m: { id: string }) => m.id).sort()).toEqual(acknowledged.sort());

    // Space frees up (the filler app goes): writes, readiness and deliveries resume.
    expect((await h.api('DELETE', `/api/v1/apps/${filler.body.id}`)).status).toBe(204);
    expect((await readyz(h)).status).toBe(200);
    h.clock.advance(h.app.config.leaseMs + 1);
    const all = acknowledged.length + 1;
    const committed = h.awaitNext('committed', () => settled.size >= all, {
      what: 'every delivery committed',
    });
    const after = await send(a.appId, { n: 'after' });
    expect(after.status).toBe(202);
    await committed;
    const deliveries = await h.api('GET', `/api/v1/apps/${a.appId}/deliveries?limit=250`);
    expect(deliveries.body.data.map((d: { state: string }) => d.state)).toEqual(
      Array(all).fill('succeeded'),
    );
  });
});
