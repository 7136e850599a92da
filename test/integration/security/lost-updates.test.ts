import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type StartOptions,
  type TestHookline,
} from '../../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../helpers/postgres.js';

const TRIALS = 20;
const PATCHES = 8;

/**
 * Issue 12: a PATCH that read the app before an admin rotated its key must never write the old key
 * hash back. Each trial races PATCHes made with the old key against the rotation, then checks that
 * the old key is refused and the new one works.
 */
function lostUpdateCases(start: () => Promise<TestHookline>) {
  let h: TestHookline;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => {
    await h?.close();
    removeDataDirs();
  });

  it(`a key rotation racing PATCHes with the old key sticks (${TRIALS} trials)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, `race-${trial}`);
      const patches = Array.from({ length: PATCHES }, (_, i) =>
        h.api('PATCH', `/api/v1/apps/${t.appId}`, { name: `n${i}` }, { token: t.apiKey }),
      );
      const rotation = h.api('POST', `/api/v1/apps/${t.appId}/api-key/rotate`);
      const [rotated, ...patched] = await Promise.all([rotation, ...patches]);
      expect(rotated.status).toBe(200);
      for (const p of patched) expect([200, 401]).toContain(p.status);
      const withOld = await h.api('GET', `/api/v1/apps/${t.appId}`, undefined, { token: t.apiKey });
      expect(withOld.status, `trial ${trial}: the revoked key still works`).toBe(401);
      const withNew = await h.api('GET', `/api/v1/apps/${t.appId}`, undefined, {
        token: rotated.body.apiKey,
      });
      expect(withNew.status, `trial ${trial}: the new key is refused`).toBe(200);
    }
  });

  it('a Viber token rotation racing PATCHes sticks', async () => {
    const t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, 'viber-race');
    for (let trial = 0; trial < 5; trial++) {
      const patches = Array.from({ length: PATCHES }, (_, i) =>
        h.api('PATCH', `/api/v1/apps/${t.appId}`, { metadata: { i: String(i) } }),
      );
      const [issued] = await Promise.all([
        h.api('POST', `/api/v1/apps/${t.appId}/viber-token`),
        ...patches,
      ]);
      const read = await h.api('GET', `/api/v1/apps/${t.appId}/viber-token`);
      expect(read.body.viberAuthToken).toBe(issued.body.viberAuthToken);
    }
  });

  it('a secret rotation racing endpoint PATCHes keeps the new secret, and every PATCH lands', async () => {
    const t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, 'secret-race');
    const base = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    for (let trial = 0; trial < 5; trial++) {
      const [rotated] = await Promise.all([
        h.api('POST', `${base}/secret/rotate`, {}),
        h.api('PATCH', base, { description: `d${trial}` }),
        h.api('PATCH', base, { metadata: { trial: String(trial) } }),
      ]);
      expect(rotated.status).toBe(200);
      const secrets = await h.api('GET', `${base}/secret`);
      expect(secrets.body.secrets[0].secret).toBe(rotated.body.secret);
      const ep = await h.api('GET', base);
      expect(ep.body).toMatchObject({
        description: `d${trial}`,
        metadata: { trial: String(trial) },
      });
    }
  });

  it('concurrent bin PATCHes of different settings all land', async () => {
    const t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, 'bin-race');
    for (let trial = 0; trial < 5; trial++) {
      const bin = await h.api('POST', '/api/v1/bins', {}, { token: t.apiKey });
      expect(bin.status).toBe(201);
      const url = `/api/v1/bins/${bin.body.id}`;
      const changes = [
        { responseStatus: 500 + trial },
        { responseBody: `body-${trial}` },
        { responseDelayMs: 10 + trial },
        { requestLimit: 20 + trial },
      ];
      const answers = await Promise.all(
        changes.map((c) => h.api('PATCH', url, c, { token: t.apiKey })),
      );
      for (const a of answers) expect(a.status).toBe(200);
      const read = await h.api('GET', url, undefined, { token: t.apiKey });
      expect(read.body, `trial ${trial}`).toMatchObject({
        responseStatus: 500 + trial,
        responseBody: `body-${trial}`,
        responseDelayMs: 10 + trial,
        requestLimit: 20 + trial,
      });
    }
  });
}

describe('no lost updates (SQLite)', () => lostUpdateCases(() => startHookline()));

describePostgres('no lost updates (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('lost_updates');
  });
  afterAll(async () => {
    await db?.drop();
  });
  const options = (): StartOptions => ({ config: { databaseUrl: db.url, dbPoolSize: 8 } });
  lostUpdateCases(() => startHookline(options()));
});
