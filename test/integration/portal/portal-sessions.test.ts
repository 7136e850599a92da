import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/hash.js';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type Json,
  type TenantSetup,
  type TestHookline,
} from '../../helpers/hookline-app.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let h: TestHookline;
let a: TenantSetup;
let b: TenantSetup;

beforeAll(async () => {
  h = await startHookline({ config: { publicUrl: 'https://hooks.example.test' } });
  a = await createTenant(h, { url: 'http://127.0.0.1:9/a' }, 'Tenant A');
  b = await createTenant(h, { url: 'http://127.0.0.1:9/b' }, 'Tenant B');
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});

const openLink = (appId: string, body: unknown = {}, token?: string) =>
  h.api('POST', `/api/v1/apps/${appId}/portal-sessions`, body, { token });
/** The exchange needs no bearer: the link's token is the credential. */
const exchange = (token: string) =>
  h.api('POST', '/api/v1/portal/session', { token }, { headers: { authorization: '' } });

async function openSession(appId: string, body: unknown = {}): Promise<Json> {
  const link = await openLink(appId, body);
  expect(link.status).toBe(201);
  const opened = await exchange(link.body.token);
  expect(opened.status).toBe(201);
  return opened.body;
}

describe('portal links', () => {
  it('the admin token opens a one-time link under the public URL, valid 10 minutes', async () => {
    const res = await openLink(a.appId);
    expect(res.status).toBe(201);
    expect(res.body.appId).toBe(a.appId);
    expect(res.body.url).toBe(`https://hooks.example.test/portal#${res.body.token}`);
    expect(res.body.token).toMatch(/^hlpl_[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(res.body.linkExpiresAt)).toBe(h.clock.now() + 10 * MINUTE);
    expect(res.body.sessionTtlMs).toBe(7 * DAY);
  });

  it("the app's own key opens one; another app's key gets 404; a portal credential 403", async () => {
    expect((await openLink(a.appId, {}, a.apiKey)).status).toBe(201);
    const other = await openLink(a.appId, {}, b.apiKey);
    expect(other.status).toBe(404);
    const session = await openSession(a.appId);
    const fromPortal = await openLink(a.appId, {}, session.token);
    expect(fromPortal.status).toBe(403);
    expect(fromPortal.body.code).toBe('portal_forbidden');
  });

  it('works once: a second exchange of the same link is 401, also when both race', async () => {
    const link = (await openLink(a.appId)).body;
    const first = await exchange(link.token);
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^hlps_/);
    expect(first.headers['cache-control']).toBe('no-store');
    const again = await exchange(link.token);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('portal_link_invalid');

    const raced = (await openLink(a.appId)).body;
    const results = await Promise.all([1, 2, 3, 4].map(() => exchange(raced.token)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 401, 401, 401]);
  });

  it('is refused after it expires', async () => {
    const link = (await openLink(a.appId)).body;
    h.clock.advance(10 * MINUTE);
    const late = await exchange(link.token);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('portal_link_invalid');
  });

  it('an unknown token is 401 and a missing one 400 naming the field', async () => {
    expect((await exchange('hlpl_not-a-real-link')).status).toBe(401);
    const missing = await h.api('POST', '/api/v1/portal/session', {});
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('token');
  });
});

describe('portal sessions', () => {
  it('the credential reads its app and theme; it lasts the configured 7 days', async () => {
    const theme = {
      primaryColor: '#0a7cff',
      logoUrl: 'https://cdn.example.test/logo.svg',
      mode: 'dark',
    };
    const session = await openSession(a.appId, { theme });
    expect(session).toMatchObject({ appId: a.appId, appName: 'Tenant A', theme });
    expect(Date.parse(session.expiresAt)).toBe(h.clock.now() + 7 * DAY);
    const me = await h.api('GET', '/api/v1/portal/session', undefined, { token: session.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ appId: a.appId, appName: 'Tenant A', theme });
    const app = await h.api('GET', `/api/v1/apps/${a.appId}`, undefined, { token: session.token });
    expect(app.status).toBe(200);

    h.clock.advance(7 * DAY - 1);
    expect(
      (await h.api('GET', '/api/v1/portal/session', undefined, { token: session.token })).status,
    ).toBe(200);
    h.clock.advance(1);
    const expired = await h.api('GET', `/api/v1/apps/${a.appId}`, undefined, {
      token: session.token,
    });
    expect(expired.status).toBe(401);
  });

  it('a session lifetime asked for on the link is kept', async () => {
    const session = await openSession(a.appId, { sessionTtlMs: 30 * MINUTE });
    expect(Date.parse(session.expiresAt)).toBe(h.clock.now() + 30 * MINUTE);
    h.clock.advance(30 * MINUTE);
    expect(
      (await h.api('GET', '/api/v1/portal/session', undefined, { token: session.token })).status,
    ).toBe(401);
  });

  it('bad theming is a 400 naming the field, and nothing is stored', async () => {
    for (const [theme, field] of [
      [{ primaryColor: 'blue' }, 'theme.primaryColor'],
      [{ logoUrl: 'http://cdn.example.test/logo.svg' }, 'theme.logoUrl'],
      [{ logoUrl: 'javascript:alert(1)' }, 'theme.logoUrl'],
      [{ mode: 'sepia' }, 'theme.mode'],
      [{ font: 'Comic Sans' }, 'theme.font'],
    ] as const) {
      const res = await openLink(a.appId, { theme });
      expect({ theme, status: res.status }).toEqual({ theme, status: 400 });
      expect(res.body.details.map((d: Json) => d.field)).toContain(field);
    }
    const tooShort = await openLink(a.appId, { sessionTtlMs: 1000 });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.details[0].field).toBe('sessionTtlMs');
  });

  it('DELETE ends every session of the app and its unused links, not those of other apps', async () => {
    const s1 = await openSession(a.appId);
    const s2 = await openSession(a.appId);
    const unused = (await openLink(a.appId)).body;
    const ofB = await openSession(b.appId);
    const ended = await h.api('DELETE', `/api/v1/apps/${a.appId}/portal-sessions`, undefined, {
      token: a.apiKey,
    });
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(3);
    for (const s of [s1, s2])
      expect(
        (await h.api('GET', '/api/v1/portal/session', undefined, { token: s.token })).status,
      ).toBe(401);
    expect((await exchange(unused.token)).status).toBe(401);
    expect(
      (await h.api('GET', '/api/v1/portal/session', undefined, { token: ofB.token })).status,
    ).toBe(200);
  });

  it('DELETE /portal/session signs the calling session out only', async () => {
    const s1 = await openSession(a.appId);
    const s2 = await openSession(a.appId);
    const out = await h.api('DELETE', '/api/v1/portal/session', undefined, { token: s1.token });
    expect(out.status).toBe(204);
    expect(
      (await h.api('GET', '/api/v1/portal/session', undefined, { token: s1.token })).status,
    ).toBe(401);
    expect(
      (await h.api('GET', '/api/v1/portal/session', undefined, { token: s2.token })).status,
    ).toBe(200);
  });

  it('GET /portal/session with an app key is a 404: only a portal session has one', async () => {
    const res = await h.api('GET', '/api/v1/portal/session', undefined, { token: a.apiKey });
    expect(res.status).toBe(404);
  });

  it('keeps only digests of both tokens at rest', async () => {
    const link = (await openLink(a.appId)).body;
    const session = (await exchange(link.token)).body;
    const db = new Database(join(h.dataDir, 'hookline.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM portal_sessions').all() as Json[];
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(link.token);
      expect(dump).not.toContain(session.token);
      const row = rows.find((r) => r.id === session.id);
      expect(row.link_hash).toBe(sha256Hex(link.token));
      expect(row.session_hash).toBe(sha256Hex(session.token));
    } finally {
      db.close();
    }
  });
});
