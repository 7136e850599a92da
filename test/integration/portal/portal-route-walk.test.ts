import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes } from '../../../src/api/portal-access.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type Json,
  type TenantSetup,
  type TestHookline,
} from '../../helpers/hookline-app.js';

/**
 * Every route in /openapi.json, called with a portal credential of app A: against app B's ids it
 * reaches nothing (403 or 404, none of B's data, B unchanged); against A's own ids, every route off
 * the portal's allow-list is 403. Nothing is sent (the dispatcher is not run).
 */

let h: TestHookline;
let a: TenantSetup;
let b: TenantSetup;
let portalToken: string;
const idsOf: Record<'a' | 'b', Record<string, string>> = { a: {}, b: {} };
let operations: Array<{ method: string; path: string; route: string }>;

/** Routes that take no bearer token at all (health, readiness, Viber's /pa, the link exchange). */
const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'POST /pa/set_webhook',
  'POST /pa/get_account_info',
  'POST /api/v1/portal/session',
]);
/** Allowed routes that name no app: the session itself, the catalog, previews. */
const UNSCOPED_ALLOWED = new Set([
  'GET /api/v1/portal/session',
  'DELETE /api/v1/portal/session',
  'GET /api/v1/event-catalog',
  'POST /api/v1/formats/compose/preview',
]);
const B_MARKERS = ['Tenant B', 'b-endpoint-marker', 'payload-of-B'];

/** Bodies that pass validation, so a refusal comes from the scope check, not from the schema. */
const BODIES: Record<string, unknown> = {
  'POST /api/v1/apps/:appId/endpoints': { url: 'http://127.0.0.1:9/new' },
  'PATCH /api/v1/apps/:appId/endpoints/:endpointId': { description: 'taken over' },
  'POST /api/v1/apps/:appId/endpoints/:endpointId/secret/rotate': {},
  'POST /api/v1/apps/:appId/endpoints/:endpointId/recover': { since: '2020-01-01T00:00:00Z' },
  'POST /api/v1/apps/:appId/endpoints/:endpointId/simulate': { eventType: 'message.delivered' },
  'POST /api/v1/apps/:appId/deliveries/:deliveryId/retry': undefined,
};

beforeAll(async () => {
  h = await startHookline();
  a = await createTenant(h, { url: 'http://127.0.0.1:9/a-endpoint' }, 'Tenant A');
  b = await createTenant(h, { url: 'http://127.0.0.1:9/b-endpoint-marker' }, 'Tenant B');
  for (const [who, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    const messageId = await sendMessage(h, t.appId, { note: `payload-of-${who.toUpperCase()}` });
    const delivery = (await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data[0];
    const bin = await h.api('POST', '/api/v1/bins', { appId: t.appId });
    expect(bin.status).toBe(201);
    idsOf[who] = {
      appId: t.appId,
      endpointId: t.endpointId,
      messageId,
      deliveryId: String(delivery.id),
      binId: bin.body.id,
      requestId: '1',
      id: 'conn_none',
    };
  }
  const link = await h.api('POST', `/api/v1/apps/${a.appId}/portal-sessions`, {});
  const opened = await h.api('POST', '/api/v1/portal/session', { token: link.body.token });
  portalToken = opened.body.token;

  const doc = (await h.api('GET', '/openapi.json')).body;
  operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({
      method: m.toUpperCase(),
      path,
      route: path.replace(/\{(\w+)\}/g, ':$1'),
    })),
  );
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});

const key = (op: { method: string; route: string }) => `${op.method} ${op.route}`;

function urlFor(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`no id for path parameter ${name} in ${path}`);
    return encodeURIComponent(id);
  });
}

const asPortal = (method: string, url: string, body?: unknown) =>
  h.api(method, url, body, { token: portalToken });

function bodyFor(op: { method: string; route: string }): unknown {
  if (key(op) in BODIES) return BODIES[key(op)];
  return op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
}

describe('a portal session of app A, on every route of /openapi.json', () => {
  it('the document lists the routes the walk relies on', () => {
    expect(operations.length).toBeGreaterThan(40);
    const listed = new Set(operations.map(key));
    // Every allowed route exists (the stats routes arrive with the health work).
    const missing = portalRoutes().filter((r) => !listed.has(r) && !r.endsWith('/stats'));
    expect(missing).toEqual([]);
  });

  it("reaches nothing of app B's, whatever id it puts in the URL", async () => {
    const reached: string[] = [];
    for (const op of operations) {
      if (PUBLIC.has(key(op)) || UNSCOPED_ALLOWED.has(key(op))) continue;
      const res = await asPortal(op.method, urlFor(op.path, idsOf.b), bodyFor(op));
      const text = JSON.stringify(res.body);
      if (![403, 404].includes(res.status) || B_MARKERS.some((m) => text.includes(m)))
        reached.push(`${key(op)} → ${res.status} ${text.slice(0, 200)}`);
    }
    expect(reached).toEqual([]);
  });

  it('left app B as it was', async () => {
    const app = await h.api('GET', `/api/v1/apps/${b.appId}`);
    expect(app.body.name).toBe('Tenant B');
    const endpoint = await h.api('GET', `/api/v1/apps/${b.appId}/endpoints/${b.endpointId}`);
    expect(endpoint.status).toBe(200);
    expect(endpoint.body).toMatchObject({ description: '', disabled: false });
    const secret = await h.api('GET', `/api/v1/apps/${b.appId}/endpoints/${b.endpointId}/secret`);
    expect(secret.body.secrets.map((x: Json) => x.secret)).toEqual([b.secret]);
    const endpoints = await h.api('GET', `/api/v1/apps/${b.appId}/endpoints`);
    expect(endpoints.body.data).toHaveLength(1);
    const bin = await h.api('GET', `/api/v1/bins/${idsOf.b.binId}`);
    expect(bin.status).toBe(200);
  });

  it("on A's own ids, every route off the portal's allow-list is 403 portal_forbidden", async () => {
    const allowed = new Set(portalRoutes());
    const notRefused: string[] = [];
    let checked = 0;
    for (const op of operations) {
      if (PUBLIC.has(key(op)) || allowed.has(key(op))) continue;
      checked++;
      const res = await asPortal(op.method, urlFor(op.path, idsOf.a), bodyFor(op));
      if (res.status !== 403 || res.body.code !== 'portal_forbidden')
        notRefused.push(`${key(op)} → ${res.status}`);
    }
    expect(notRefused).toEqual([]);
    // Admin routes are among them: apps, bins, API keys, sending messages, instance settings.
    expect(checked).toBeGreaterThan(20);
    expect((await h.api('GET', `/api/v1/apps/${a.appId}`)).body.name).toBe('Tenant A');
  });

  it('the Svix front door (not in /openapi.json) is closed to it too', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/app'],
      ['GET', `/api/v1/app/${a.appId}`],
      ['GET', `/api/v1/app/${a.appId}/endpoint`],
      ['GET', `/api/v1/app/${a.appId}/msg`],
      ['POST', `/api/v1/auth/app-portal-access/${a.appId}`],
    ]) {
      const res = await asPortal(method, url, method === 'POST' ? {} : undefined);
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 403 });
    }
  });

  it('works on its own app through the allowed routes', async () => {
    for (const path of [
      `/api/v1/apps/${a.appId}`,
      `/api/v1/apps/${a.appId}/endpoints`,
      `/api/v1/apps/${a.appId}/endpoints/${a.endpointId}`,
      `/api/v1/apps/${a.appId}/endpoints/${a.endpointId}/secret`,
      `/api/v1/apps/${a.appId}/messages`,
      `/api/v1/apps/${a.appId}/messages/${idsOf.a.messageId}`,
      `/api/v1/apps/${a.appId}/messages/${idsOf.a.messageId}/attempts`,
      `/api/v1/apps/${a.appId}/deliveries/${idsOf.a.deliveryId}`,
      '/api/v1/event-catalog',
    ]) {
      const res = await asPortal('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const messages: Json = (await asPortal('GET', `/api/v1/apps/${a.appId}/messages`)).body;
    expect(JSON.stringify(messages)).toContain('payload-of-A');
  });
});
