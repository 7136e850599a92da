import { it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase } from './postgres.js';
import { appRecord, endpointRecord, messageRecord } from '../conformance/fixtures.js';
it('bench inserts', async () => {
  const db = await createTestDatabase('bench');
  const pg = await import('pg');
  const c = new pg.default.Client({ connectionString: db.url }); await c.connect();
  await c.query(`ALTER DATABASE ${db.name} SET synchronous_commit = on`); await c.end();
  const s = new PostgresStore({ url: db.url, poolSize: 16 });
  await s.migrate();
  const app = await s.createApp(appRecord());
  await s.createEndpoint(endpointRecord(app.id));
  await s.createEndpoint(endpointRecord(app.id, { filterTypes: ['message.*'] }));
  for (const lanes of [1, 16, 32]) {
    const n = 3000; let i = 0;
    const t = Date.now();
    await Promise.all(Array.from({ length: lanes }, async () => { while (i++ < n) await s.insertMessage(messageRecord(app.id, { createdAt: Date.now() }), 1000); }));
    console.log(`lanes ${lanes}: ${Math.round(n / ((Date.now() - t) / 1000))} msg/s`);
  }
  await s.close(); await db.drop();
}, 120_000);
